// imapwire grammar, ID (RFC 2971 §4): rule definitions. Included by the command and response
// grammars at their extension points (command-any, response-data).
#pragma once

#include <imapwire/ext/id/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 2971 §4 (RFC 2060-style BNF: SPACE is SP; the pairs are separated by SP, as in every
// example of the RFC and what servers send, not by commas as "#" would say)
// id_params_list ::= "(" #(string SPACE nstring) ")" / nil
inline const auto id_param__def =
    string[set<&ast::id_param::field>] > SP_ > nstring[set<&ast::id_param::value>];
inline const auto id_params_list_def =
    (kw("NIL") >> kw_end) | (x3::lit('(')[set_value<&ast::id_params::nil, false>] >
                             -(id_param_[push<&ast::id_params::params>] % SP_) > ')');

// RFC 2971 §4
// id ::= "ID" SPACE id_params_list
inline const auto id_def = (kw("ID") >> &SP_) > SP_ > id_params_list[set<&ast::id_command::list>];
// id_response ::= "ID" SPACE id_params_list
inline const auto id_response_def =
    (kw("ID") >> &SP_) > SP_ > id_params_list[set<&ast::id_data::list>];

IMAPWIRE_DEFINE(id, id_response, id_params_list, id_param_)

} // namespace imapwire::grammar
