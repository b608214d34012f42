// imapwire, QRESYNC (RFC 7162 §3.2): the traits entries of its AST alternatives.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/qresync/ast.hpp>

namespace imapwire::ast {

template <>
struct traits<select_param_qresync> {
    static constexpr item_info info{"QRESYNC", "qresync", extension::qresync, "RFC 7162 §3.2.5"};
};
template <>
struct traits<fetch_mod_vanished> {
    static constexpr item_info info{"VANISHED", "vanished", extension::qresync, "RFC 7162 §3.2.6"};
};
template <>
struct traits<vanished_data> {
    static constexpr item_info info{"VANISHED", "vanished", extension::qresync, "RFC 7162 §3.2.10",
                                    false};
};
template <>
struct traits<code_closed> {
    static constexpr item_info info{"CLOSED", "closed", extension::qresync, "RFC 7162 §3.2.11"};
};

} // namespace imapwire::ast
