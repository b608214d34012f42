// imapwire grammar, ENABLE (RFC 5161): rule declarations.
#pragma once

#include <imapwire/ext/enable/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(enable, "enable", ast::enable_command)
IMAPWIRE_RULE(enable_data, "enable-data", ast::enabled_data)

} // namespace imapwire::grammar
