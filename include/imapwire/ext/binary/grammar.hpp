// imapwire grammar, BINARY (RFC 3516): rule declarations.
#pragma once

#include <imapwire/ext/binary/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(literal8, "literal8", ast::istring)
IMAPWIRE_RULE(section_binary, "section-binary", ast::section) // section-part only
IMAPWIRE_RULE(msg_att_binary_, "msg-att-static", ast::msg_att_binary)
IMAPWIRE_RULE(msg_att_binary_size_, "msg-att-static", ast::msg_att_binary_size)

} // namespace imapwire::grammar
