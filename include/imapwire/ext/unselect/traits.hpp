// imapwire, UNSELECT (RFC 3691): the traits entry of its command.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/unselect/ast.hpp>

namespace imapwire::ast {

template <>
struct traits<unselect_command> {
    static constexpr command_info info{
        "UNSELECT",          "unselect",   command_group::select, states_of(command_group::select),
        extension::unselect, "RFC 3691 §2"};
};

} // namespace imapwire::ast
