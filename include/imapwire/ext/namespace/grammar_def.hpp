// imapwire grammar, NAMESPACE (RFC 2342 §6, with the rule names of RFC 9051 §9): rule
// definitions. Included by the response grammar at its extension point (response-data); the
// command, "NAMESPACE" alone, is read by its keyword (command_parsers).
#pragma once

#include <imapwire/ext/namespace/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 9051 §9 (RFC 2342 §6: Namespace_Response_Extension)
// namespace-response-extension = SP string SP
//                   "(" string *(SP string) ")"
inline const auto namespace_response_extension_def =
    SP_ > string[set<&ast::namespace_extension::name>] > SP_ > '(' >
    (string[push<&ast::namespace_extension::values>] % SP_) > ')';

// namespace-descr   = "(" string SP
//                        (DQUOTE QUOTED-CHAR DQUOTE / nil)
//                         [namespace-response-extensions] ")"
// namespace-response-extensions = *namespace-response-extension
inline const auto namespace_descr_def =
    '(' > string[set<&ast::namespace_descr::prefix>] > SP_ >
    quoted_char_or_nil_<&ast::namespace_descr::delimiter> >
    *namespace_response_extension[push<&ast::namespace_descr::extensions>] > ')';

// namespace         = nil / "(" 1*namespace-descr ")"
// (a NIL leaves the list empty: the parenthesized form has at least one namespace-descr)
inline const auto namespace__def = (kw("NIL") >> kw_end) | ('(' > +namespace_descr[push_val] > ')');

// namespace-response = "NAMESPACE" SP namespace
//                       SP namespace SP namespace
//                  ; The first Namespace is the Personal Namespace(s).
//                  ; The second Namespace is the Other Users' Namespace(s).
//                  ; The third Namespace is the Shared Namespace(s).
inline const auto namespace_response_def = (kw("NAMESPACE") >> &SP_) > SP_ >
                                           namespace_[set<&ast::namespace_data::personal>] > SP_ >
                                           namespace_[set<&ast::namespace_data::other_users>] >
                                           SP_ > namespace_[set<&ast::namespace_data::shared>];

IMAPWIRE_DEFINE(namespace_response, namespace_, namespace_descr, namespace_response_extension)

} // namespace imapwire::grammar
