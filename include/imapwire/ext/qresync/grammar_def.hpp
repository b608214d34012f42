// imapwire grammar, QRESYNC (RFC 7162 §7): rule definitions. Included by the command grammar
// (select-param, fetch-modifier) and the response grammar (message-data; CLOSED is a bare code
// of resp-text-code there).
#pragma once

#include <imapwire/ext/condstore/grammar_def.hpp>
#include <imapwire/ext/qresync/grammar.hpp>
#include <imapwire/ext/uidplus/grammar_def.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 7162 §7
// known-uids          =  sequence-set
//                     ;; Sequence of UIDs; "*" is not allowed.
// known-sequence-set  =  sequence-set
// known-uid-set       =  sequence-set
//                     ;; * is not allowed.
// (a sequence-set without "*" is a uid-set: the three are read by uid_set)
inline const auto known_uids_def = uid_set;

// seq-match-data      =  "(" known-sequence-set SP known-uid-set ")"
inline const auto seq_match_data_def =
    '(' > uid_set[set<&ast::seq_match_data::known_sequence_set>] > SP_ >
    uid_set[set<&ast::seq_match_data::known_uid_set>] > ')';

// select-param        =/  "QRESYNC" SP "(" uidvalidity SP
//                     mod-sequence-value [SP known-uids]
//                     [SP seq-match-data] ")"
// uidvalidity         =  nz-number
inline const auto select_param_qresync__def =
    kw("QRESYNC") > SP_ > '(' > nz_number[set<&ast::select_param_qresync::uidvalidity>] > SP_ >
    mod_sequence_value[set<&ast::select_param_qresync::modseq>] >
    -(SP_ >> known_uids[set<&ast::select_param_qresync::known_uids>]) >
    -(SP_ > seq_match_data[set<&ast::select_param_qresync::match>]) > ')';

// rexpunges-fetch-mod =  "VANISHED"
//                     ;; It is only allowed in the UID FETCH command.
inline const auto rexpunges_fetch_mod_def = x3::omit[kw("VANISHED")] >> x3::eps[in_uid];

// message-data        =/ expunged-resp
// expunged-resp       =  "VANISHED" [SP "(EARLIER)"] SP known-uids
inline const auto expunged_resp_def = (kw("VANISHED") >> &SP_) > SP_ >
                                      -((x3::no_case[x3::lit("(EARLIER)")] >>
                                         SP_)[set_value<&ast::vanished_data::earlier, true>]) >
                                      known_uids[set<&ast::vanished_data::uids>];

IMAPWIRE_DEFINE(select_param_qresync_, seq_match_data, known_uids, rexpunges_fetch_mod,
                expunged_resp)

} // namespace imapwire::grammar
