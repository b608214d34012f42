// imapwire grammar, IDLE (RFC 2177): rule declarations.
#pragma once

#include <imapwire/ext/idle/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(idle, "idle", ast::idle_command)
IMAPWIRE_RULE(idle_done_, "idle", ast::idle_done)

} // namespace imapwire::grammar
