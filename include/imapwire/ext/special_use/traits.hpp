// imapwire, SPECIAL-USE and CREATE-SPECIAL-USE (RFC 6154): the traits entries of their LIST
// option, CREATE parameter and response code.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/special_use/ast.hpp>

namespace imapwire::ast {

template <>
struct traits<list_opt_special_use> {
    static constexpr item_info info{"SPECIAL-USE", "special_use", extension::special_use,
                                    "RFC 6154 §3"};
};
template <>
struct traits<create_param_use> {
    static constexpr item_info info{"USE", "use", extension::create_special_use, "RFC 6154 §3"};
};
template <>
struct traits<code_useattr> {
    static constexpr item_info info{"USEATTR", "useattr", extension::special_use, "RFC 6154 §3"};
};

} // namespace imapwire::ast
