// imapwire grammar, SPECIAL-USE and CREATE-SPECIAL-USE (RFC 6154): rule declarations.
#pragma once

#include <imapwire/ext/special_use/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(use_attr, "use-attr", ast::flag)
IMAPWIRE_RULE(create_param_use_, "create-param", ast::create_param_use)

} // namespace imapwire::grammar
