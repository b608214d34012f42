// imapwire, LIST-EXTENDED (RFC 5258): the traits entries of its options.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/list_extended/ast.hpp>

namespace imapwire::ast {

template <>
struct traits<list_opt_subscribed> {
    static constexpr item_info info{"SUBSCRIBED", "subscribed", extension::list_extended,
                                    "RFC 5258 §3.1, §3.2"};
};
template <>
struct traits<list_opt_remote> {
    static constexpr item_info info{"REMOTE", "remote", extension::list_extended, "RFC 5258 §3.1"};
};
template <>
struct traits<list_opt_recursivematch> {
    static constexpr item_info info{"RECURSIVEMATCH", "recursivematch", extension::list_extended,
                                    "RFC 5258 §3.1"};
};
template <>
struct traits<list_opt_children> {
    static constexpr item_info info{"CHILDREN", "children", extension::list_extended,
                                    "RFC 5258 §3.2"};
};
/// option-extension: any other atom (the keyword dispatch's fallback)
template <>
struct traits<list_opt_extension> {
    static constexpr item_info info{"", "extension", extension::list_extended, "RFC 5258 §6"};
};

} // namespace imapwire::ast
