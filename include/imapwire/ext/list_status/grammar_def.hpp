// imapwire grammar, LIST-STATUS (RFC 5819 §4): rule definitions. Included by the LIST-EXTENDED
// grammar: status-option is an alternative of its return-option dispatch.
#pragma once

#include <imapwire/ext/list_status/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 5819 §4
// return-option =/ status-option
// status-option = "STATUS" SP "(" status-att *(SP status-att) ")"
//                 ;; This ABNF production complies with
//                 ;; <option-extension> syntax.
// (no expectation points: `STATUS` in another form is an option-extension)
inline const auto status_option_def = kw("STATUS") >> SP_ >> '(' >>
                                      (status_att[push<&ast::list_opt_status::items>] % SP_) >> ')';

IMAPWIRE_DEFINE(status_option)

} // namespace imapwire::grammar
