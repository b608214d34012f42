// imapwire grammar, ENABLE (RFC 5161 §4): rule definitions. Included by the command and
// response grammars at their extension points (command-any, response-data).
#pragma once

#include <imapwire/ext/enable/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 5161 §4
// command-any   =/ "ENABLE" 1*(SP capability)
inline const auto enable_def = kw("ENABLE") >
                               +(SP_ > capability[push<&ast::enable_command::capabilities>]);

// RFC 5161 §4
// response-data =/ "*" SP enable-data CRLF
// enable-data   = "ENABLED" *(SP capability)
inline const auto enable_data_def = kw("ENABLED") >> &(SP_ | CRLF_) >>
                                    *(SP_ > capability[push<&ast::enabled_data::capabilities>]);

IMAPWIRE_DEFINE(enable, enable_data)

} // namespace imapwire::grammar
