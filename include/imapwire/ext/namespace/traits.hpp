// imapwire, NAMESPACE (RFC 2342): the traits entries of its AST alternatives.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/namespace/ast.hpp>

namespace imapwire::ast {

/// RFC 2342 §5: "command-auth =/ namespace-command" (RFC 9051 §9 spelling)
template <>
struct traits<namespace_command> {
    static constexpr command_info info{"NAMESPACE",           "namespace",
                                       command_group::auth,   states_of(command_group::auth),
                                       extension::namespace_, "RFC 2342 §5"};
};

template <>
struct traits<namespace_data> {
    static constexpr item_info info{"NAMESPACE", "namespace", extension::namespace_, "RFC 2342 §5",
                                    false};
};

} // namespace imapwire::ast
