// imapwire, COMPRESS (RFC 4978): the traits entries of its command, algorithm and code.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/compress/ast.hpp>

namespace imapwire::ast {

/// RFC 4978 §5: "command-auth =/ compress"
template <>
struct traits<compress_command> {
    static constexpr command_info info{"COMPRESS",          "compress",
                                       command_group::auth, states_of(command_group::auth),
                                       extension::compress, "RFC 4978 §3"};
};
template <>
struct traits<code_compressionactive> {
    static constexpr item_info info{"COMPRESSIONACTIVE", "compressionactive", extension::compress,
                                    "RFC 4978 §3"};
};
template <>
struct keywords<compression_algorithm> {
    static constexpr std::pair<compression_algorithm, std::string_view> table[] = {
        {compression_algorithm::deflate, "DEFLATE"}};
};
constexpr extension extension_of(compression_algorithm) noexcept {
    return extension::compress;
}

} // namespace imapwire::ast
