// imapwire AST, MOVE (RFC 6851): the MOVE command (and UID MOVE).
#pragma once

#include <imapwire/ast/mailbox.hpp>
#include <imapwire/ast/sequence.hpp>

namespace imapwire::ast {

/// RFC 6851 §3.1 `move = "MOVE" SP sequence-set SP mailbox`: COPY, then expunge the originals.
struct move_command {
    sequence_set set;
    ast::mailbox mailbox;
    friend bool operator==(const move_command&, const move_command&) = default;
};

} // namespace imapwire::ast
