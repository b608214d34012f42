// imapwire AST: mailbox names (RFC 3501 §5.1, §9 mailbox, list-mailbox).
#pragma once

#include <imapwire/ast/core.hpp>
#include <imapwire/detail/charset.hpp>

namespace imapwire::ast {

/// RFC 3501 `mailbox`: "INBOX" (any case) or an astring. The name is kept as written; names
/// other than INBOX are usually modified UTF-7 (see imapwire/mutf7.hpp).
struct mailbox {
    astring name;

    /// True for every case variant of INBOX (RFC 3501 §5.1).
    bool is_inbox() const { return detail::iequals(name.value(), "INBOX"); }

    /// Two mailboxes are equal when both are INBOX or their names are equal.
    friend bool operator==(const mailbox& a, const mailbox& b) {
        if (a.is_inbox() || b.is_inbox())
            return a.is_inbox() && b.is_inbox();
        return a.name == b.name;
    }
};

/// RFC 3501 `list-mailbox`: 1*list-char (atom form, may hold % and *) or a string.
using list_mailbox = istring;

} // namespace imapwire::ast
