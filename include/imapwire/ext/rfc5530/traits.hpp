// imapwire, RFC 5530 (IMAP response codes): the traits entries of its codes (bare codes:
// ast::is_bare_code).
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/rfc5530/ast.hpp>

namespace imapwire::ast {

#define IMAPWIRE_RFC5530_TRAITS_(id, keyword_, what)                                               \
    template <>                                                                                    \
    struct traits<code_##id> {                                                                     \
        static constexpr item_info info{keyword_, #id, extension::rfc5530, "RFC 5530 §3"};         \
    };
IMAPWIRE_RFC5530_CODES(IMAPWIRE_RFC5530_TRAITS_)
#undef IMAPWIRE_RFC5530_TRAITS_

} // namespace imapwire::ast
