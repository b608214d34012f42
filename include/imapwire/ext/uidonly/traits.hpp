// imapwire, UIDONLY (RFC 9586): the traits entries of its response and response code.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/uidonly/ast.hpp>

namespace imapwire::ast {

template <>
struct traits<uidfetch_data> {
    static constexpr item_info info{"UIDFETCH", "uidfetch", extension::uidonly, "RFC 9586 §3.3",
                                    true};
};
template <>
struct traits<code_uidrequired> {
    static constexpr item_info info{"UIDREQUIRED", "uidrequired", extension::uidonly,
                                    "RFC 9586 §3.2"};
};

} // namespace imapwire::ast
