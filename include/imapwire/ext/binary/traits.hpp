// imapwire, BINARY (RFC 3516): the traits entries of its FETCH items and response code.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/binary/ast.hpp>

namespace imapwire::ast {

template <>
struct traits<msg_att_binary> {
    static constexpr item_info info{"BINARY", "binary", extension::binary, "RFC 3516 §4.3"};
};
template <>
struct traits<msg_att_binary_size> {
    static constexpr item_info info{"BINARY.SIZE", "binary_size", extension::binary,
                                    "RFC 3516 §4.3"};
};
template <>
struct traits<code_unknown_cte> {
    static constexpr item_info info{"UNKNOWN-CTE", "unknown_cte", extension::binary,
                                    "RFC 3516 §4.3"};
};

} // namespace imapwire::ast
