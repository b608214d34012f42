// imapwire, SEARCHRES (RFC 5182): the traits entry of its response code.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/searchres/ast.hpp>

namespace imapwire::ast {

template <>
struct traits<code_notsaved> {
    static constexpr item_info info{"NOTSAVED", "notsaved", extension::searchres, "RFC 5182 §2.1"};
};

} // namespace imapwire::ast
