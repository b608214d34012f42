// imapwire grammar, UIDONLY (RFC 9586 §4): rule definitions. Included by the response grammar
// (message-data); "UIDREQUIRED" is a bare code of its resp-text-code.
#pragma once

#include <imapwire/ext/uidonly/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>
#include <imapwire/grammar/fetch.hpp>

namespace imapwire::grammar {

// RFC 9586 §4
// message-data        =/ uidfetch-resp
// uidfetch-resp       = uniqueid SP "UIDFETCH" SP msg-att
//                       ;; The uniqueid is the UID of
//                       ;; the corresponding message
// resp-text-code      =/ "UIDREQUIRED"
// (a bare code: ast::code_uidrequired)
inline const auto uidfetch_resp_def =
    (uniqueid[set<&ast::uidfetch_data::uid>] >> SP_ >> kw("UIDFETCH") >> SP_) >
    msg_att[set<&ast::uidfetch_data::items>];

IMAPWIRE_DEFINE(uidfetch_resp)

} // namespace imapwire::grammar
