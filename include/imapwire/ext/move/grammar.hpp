// imapwire grammar, MOVE (RFC 6851): rule declarations.
#pragma once

#include <imapwire/ext/move/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(move, "move", ast::move_command)

} // namespace imapwire::grammar
