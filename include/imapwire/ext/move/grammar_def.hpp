// imapwire grammar, MOVE (RFC 6851 §5): rule definitions. Included by the command grammar at its
// extension points (command-select, and uid's commands).
#pragma once

#include <imapwire/ext/move/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 6851 §5
// command-select =/ move
// move           = "MOVE" SP sequence-set SP mailbox
// uid            = "UID" SP (copy / fetch / search / store / move)
inline const auto move_def = kw("MOVE") > SP_ > sequence_set[set<&ast::move_command::set>] > SP_ >
                             mailbox[set<&ast::move_command::mailbox>];

IMAPWIRE_DEFINE(move)

} // namespace imapwire::grammar
