// imapwire grammar, LIST-STATUS (RFC 5819): rule declarations.
#pragma once

#include <imapwire/ext/list_status/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(status_option, "status-option", ast::list_opt_status)

} // namespace imapwire::grammar
