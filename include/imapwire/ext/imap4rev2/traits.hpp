// imapwire, IMAP4rev2 (RFC 9051): the traits entries of what it adds.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/imap4rev2/ast.hpp>

namespace imapwire::ast {

template <>
struct traits<code_haschildren> {
    static constexpr item_info info{"HASCHILDREN", "haschildren", extension::imap4rev2,
                                    "RFC 9051 §7.1"};
};

} // namespace imapwire::ast
