// imapwire grammar, UIDPLUS (RFC 4315 §4): rule definitions. Included by the command grammar
// (UID's commands) and the response grammar (resp-text-code).
#pragma once

#include <imapwire/ext/uidplus/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 4315 §4
// command-select  =/ uid-expunge
// uid-expunge     = "UID" SP "EXPUNGE" SP sequence-set
// (UID's dispatch reads "UID" SP, then this rule "EXPUNGE" SP sequence-set)
inline const auto uid_expunge_def =
    kw("EXPUNGE") > SP_ > sequence_set[set<&ast::uid_expunge_command::set>];

// uid-set         = (uniqueid / uid-range) *("," uid-set)
// uid-range       = (uniqueid ":" uniqueid)
//                   ; two uniqueid values and all values
//                   ; between these two regards of order.
// (uniqueid = nz-number; read softly, soft_nz_number like the numbers of the RFC 3501 codes, so
// that a code whose numbers do not fit is the generic atom form)
inline const auto uid_set_item__def = soft_nz_number[set<&ast::uid_range::first>] >>
                                      -(':' >> soft_nz_number[set<&ast::uid_range::last>]);
inline const auto uid_set_def = uid_set_item_[push<&ast::uid_set::items>] % ',';

// resp-text-code  =/ resp-code-apnd / resp-code-copy / "UIDNOTSTICKY"
//                   ; incorporated before the expansion rule of
//                   ;  atom [SP 1*<any TEXT-CHAR except "]">]
// resp-code-apnd  = "APPENDUID" SP nz-number SP append-uid
// append-uid      = uniqueid
// append-uid      =/ uid-set
//                   ; only permitted if client uses [MULTIAPPEND]
// resp-code-copy  = "COPYUID" SP nz-number SP uid-set SP uid-set
// (no expectation points: a code that does not fit its form is the generic atom form; the
// response grammar reads UIDNOTSTICKY as a bare code. append-uid is read as a uid-set, whose
// one-item form is the uniqueid: a response does not say whether its command was a
// MULTIAPPEND)
inline const auto resp_code_apnd_def = kw("APPENDUID") >> SP_ >>
                                       soft_nz_number[set<&ast::code_appenduid::uidvalidity>] >>
                                       SP_ >> uid_set[set<&ast::code_appenduid::uids>] >>
                                       &x3::lit(']');
inline const auto resp_code_copy_def = kw("COPYUID") >> SP_ >>
                                       soft_nz_number[set<&ast::code_copyuid::uidvalidity>] >>
                                       SP_ >> uid_set[set<&ast::code_copyuid::source>] >> SP_ >>
                                       uid_set[set<&ast::code_copyuid::destination>] >>
                                       &x3::lit(']');

IMAPWIRE_DEFINE(uid_expunge, uid_set, uid_set_item_, resp_code_apnd, resp_code_copy)

} // namespace imapwire::grammar
