// imapwire, IDLE (RFC 2177): the traits entry of its command.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/idle/ast.hpp>

namespace imapwire::ast {

/// RFC 2177 §4: command-auth, "valid only in Authenticated or Selected state".
template <>
struct traits<idle_command> {
    static constexpr command_info info{
        "IDLE",          "idle",       command_group::auth, states_of(command_group::auth),
        extension::idle, "RFC 2177 §3"};
};

} // namespace imapwire::ast
