// imapwire, LIST-STATUS (RFC 5819): the traits entry of LIST's STATUS return option.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/list_status/ast.hpp>

namespace imapwire::ast {

template <>
struct traits<list_opt_status> {
    static constexpr item_info info{"STATUS", "status", extension::list_status, "RFC 5819 §2"};
};

} // namespace imapwire::ast
