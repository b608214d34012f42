// imapwire grammar, IDLE (RFC 2177 §4): rule definitions. Included by the command grammar at its
// extension point (command-auth).
#pragma once

#include <imapwire/ext/idle/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 2177 §4
// command_auth    ::= append / create / delete / examine / list / lsub /
//                     rename / select / status / subscribe / unsubscribe
//                     / idle
//                     ;; Valid only in Authenticated or Selected state
// idle            ::= "IDLE" CRLF "DONE"
// (the command is "IDLE"; the DONE line is a message of its own, parse_idle_done)
inline const auto idle_def = kw("IDLE");
// "DONE" CRLF: the client's line that ends IDLE
inline const auto idle_done__def = kw("DONE") > CRLF_;

IMAPWIRE_DEFINE(idle, idle_done_)

} // namespace imapwire::grammar
