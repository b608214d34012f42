// imapwire serializer, UNSELECT (RFC 3691): the command has no arguments.
#pragma once

#include <imapwire/ext/unselect/ast.hpp>
#include <imapwire/serializer/core.hpp>

namespace imapwire::serializer {

/// "UNSELECT": nothing after the keyword
inline void write_arguments(writer&, const ast::unselect_command&) {}

} // namespace imapwire::serializer
