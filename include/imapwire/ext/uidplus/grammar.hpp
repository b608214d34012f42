// imapwire grammar, UIDPLUS (RFC 4315): rule declarations.
#pragma once

#include <imapwire/ext/uidplus/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(uid_expunge, "uid-expunge", ast::uid_expunge_command)
IMAPWIRE_RULE(uid_set, "uid-set", ast::uid_set)
IMAPWIRE_RULE(uid_set_item_, "uid-set", ast::uid_range)
IMAPWIRE_RULE(resp_code_apnd, "resp-code-apnd", ast::code_appenduid)
IMAPWIRE_RULE(resp_code_copy, "resp-code-copy", ast::code_copyuid)

} // namespace imapwire::grammar
