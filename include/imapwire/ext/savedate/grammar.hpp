// imapwire grammar, SAVEDATE (RFC 8514): rule declarations.
#pragma once

#include <imapwire/ext/savedate/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(msg_att_savedate_, "msg-att-static", ast::msg_att_savedate)

} // namespace imapwire::grammar
