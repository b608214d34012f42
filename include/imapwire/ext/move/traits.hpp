// imapwire, MOVE (RFC 6851): the traits entry of its command.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/move/ast.hpp>

namespace imapwire::ast {

/// RFC 6851 §5: command-select =/ move
template <>
struct traits<move_command> {
    static constexpr command_info info{
        "MOVE",          "move",         command_group::select, states_of(command_group::select),
        extension::move, "RFC 6851 §3.1"};
};

} // namespace imapwire::ast
