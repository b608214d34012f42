// imapwire, SAVEDATE (RFC 8514): the traits entry of its FETCH item.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/savedate/ast.hpp>

namespace imapwire::ast {

template <>
struct traits<msg_att_savedate> {
    static constexpr item_info info{"SAVEDATE", "savedate", extension::savedate, "RFC 8514 §4.3"};
};

} // namespace imapwire::ast
