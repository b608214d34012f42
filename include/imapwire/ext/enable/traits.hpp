// imapwire, ENABLE (RFC 5161): the traits entries of its AST alternatives.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/enable/ast.hpp>

namespace imapwire::ast {

/// RFC 5161 §3.1: "The ENABLE command is only valid in the authenticated state". Its ABNF
/// extends command-any; RFC 9051 moves it to command-auth.
template <>
struct traits<enable_command> {
    static constexpr command_info info{"ENABLE",           "enable",
                                       command_group::any, {protocol_state::authenticated},
                                       extension::enable,  "RFC 5161 §3.1"};
};

template <>
struct traits<enabled_data> {
    static constexpr item_info info{"ENABLED", "enabled", extension::enable, "RFC 5161 §3.2",
                                    false};
};

} // namespace imapwire::ast
