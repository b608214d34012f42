// imapwire serializer, COMPRESS (RFC 4978): the command's argument.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/compress/ast.hpp>
#include <imapwire/serializer/core.hpp>

namespace imapwire::serializer {

/// "COMPRESS" SP algorithm: after the keyword
inline void write_arguments(writer& w, const ast::compress_command& c) {
    w.sp();
    write_keyword(w, ast::keyword(c.algorithm));
}

} // namespace imapwire::serializer
