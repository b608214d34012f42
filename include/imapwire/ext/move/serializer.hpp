// imapwire serializer, MOVE (RFC 6851): the command's arguments.
#pragma once

#include <imapwire/ext/move/ast.hpp>
#include <imapwire/serializer/core.hpp>

namespace imapwire::serializer {

inline void write_mailbox_argument(writer& w, const ast::mailbox& m); // serializer/command.hpp

/// "MOVE" SP sequence-set SP mailbox: after the keyword
inline void write_arguments(writer& w, const ast::move_command& c) {
    w.sp();
    write_sequence_set(w, c.set);
    write_mailbox_argument(w, c.mailbox);
}

} // namespace imapwire::serializer
