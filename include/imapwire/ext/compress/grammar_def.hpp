// imapwire grammar, COMPRESS (RFC 4978 §5): rule definitions. Included by the command grammar
// (command-auth); "COMPRESSIONACTIVE" is a bare code of the response grammar's resp-text-code.
#pragma once

#include <imapwire/ext/compress/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 4978 §5
// command-auth =/ compress
// compress    = "COMPRESS" SP algorithm
// algorithm   = "DEFLATE"
// capability  =/ "COMPRESS=" algorithm
//               ;; multiple COMPRESS capabilities allowed
// resp-text-code =/ "COMPRESSIONACTIVE"
// (the capability is an atom; the code a bare code, ast::code_compressionactive)
inline const auto compress_def =
    kw("COMPRESS") > SP_ >
    keyword_enum_parser<ast::compression_algorithm>{}[set<&ast::compress_command::algorithm>];

IMAPWIRE_DEFINE(compress)

} // namespace imapwire::grammar
