// imapwire AST, COMPRESS (RFC 4978): the COMPRESS command and the COMPRESSIONACTIVE code.
#pragma once

namespace imapwire::ast {

/// RFC 4978 §5 `algorithm = "DEFLATE"`: raw DEFLATE (RFC 1951), the one algorithm defined.
enum class compression_algorithm { deflate };

/// RFC 4978 §5 `compress = "COMPRESS" SP algorithm` (`command-auth =/ compress`): after the
/// server's OK both directions are compressed, from the byte after the command's CRLF (client)
/// and the byte after the OK's CRLF (server).
struct compress_command {
    compression_algorithm algorithm = compression_algorithm::deflate;
    friend bool operator==(const compress_command&, const compress_command&) = default;
};

/// RFC 4978 §5 `resp-text-code =/ "COMPRESSIONACTIVE"`: a layer compresses already (TLS
/// compression, or an earlier COMPRESS); the NO that refuses COMPRESS carries it.
struct code_compressionactive {
    friend bool operator==(const code_compressionactive&, const code_compressionactive&) = default;
};

} // namespace imapwire::ast
