// imapwire, PARTIAL (RFC 9394): the traits entries of its ESEARCH data and fetch modifier.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/partial/ast.hpp>

namespace imapwire::ast {

template <>
struct traits<esearch_partial> {
    static constexpr item_info info{"PARTIAL", "partial", extension::partial, "RFC 9394 §3.1"};
};
template <>
struct traits<fetch_mod_partial> {
    static constexpr item_info info{"PARTIAL", "partial", extension::partial, "RFC 9394 §3.2"};
};

} // namespace imapwire::ast
