// imapwire grammar, COMPRESS (RFC 4978): rule declarations.
#pragma once

#include <imapwire/ext/compress/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(compress, "compress", ast::compress_command)

} // namespace imapwire::grammar
