// imapwire serializer, IDLE (RFC 2177): the command (no arguments) and its DONE line.
#pragma once

#include <imapwire/ext/idle/ast.hpp>
#include <imapwire/serializer/core.hpp>

namespace imapwire::serializer {

/// "IDLE": nothing after the keyword
inline void write_arguments(writer&, const ast::idle_command&) {}

/// "DONE" CRLF
inline void write_idle_done(writer& w, const ast::idle_done&) {
    w.raw("DONE\r\n");
}

} // namespace imapwire::serializer
