// imapwire, RFC 5530 (IMAP response codes): the traits entries of its codes, all bare codes.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/rfc5530/ast.hpp>

namespace imapwire::ast {

#define IMAPWIRE_RFC5530_TRAITS_(id, keyword_, what)                                               \
    template <>                                                                                    \
    struct traits<code_##id> {                                                                     \
        static constexpr item_info info{keyword_, #id, extension::rfc5530, "RFC 5530 §3"};         \
    };                                                                                             \
    template <>                                                                                    \
    inline constexpr bool is_bare_code<code_##id> = true;
IMAPWIRE_RFC5530_CODES(IMAPWIRE_RFC5530_TRAITS_)
#undef IMAPWIRE_RFC5530_TRAITS_

} // namespace imapwire::ast
