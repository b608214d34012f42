// imapwire, ID (RFC 2971): the traits entries of its AST alternatives.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/id/ast.hpp>

namespace imapwire::ast {

/// RFC 2971 §4: "adds id command to command_any"
template <>
struct traits<id_command> {
    static constexpr command_info info{
        "ID",          "id",           command_group::any, states_of(command_group::any),
        extension::id, "RFC 2971 §3.1"};
};

template <>
struct traits<id_data> {
    static constexpr item_info info{"ID", "id", extension::id, "RFC 2971 §3.2", false};
};

} // namespace imapwire::ast
