// imapwire AST: message flags (RFC 3501 §2.3.2, §9 flag, flag-fetch, flag-perm).
#pragma once

#include <imapwire/ast/allocator.hpp>

#include <imapwire/detail/charset.hpp>
#include <imapwire/ext/registry.hpp>

#include <string_view>
#include <vector>

namespace imapwire::ast {

enum class flag_kind {
    answered,
    flagged,
    deleted,
    seen,
    draft,
    recent,    ///< \Recent (flag-fetch only)
    wildcard,  ///< \* (flag-perm only)
    keyword,   ///< flag-keyword: an atom
    extension, ///< flag-extension: "\" atom
};

/// A flag as written, e.g. "\Seen", "$Forwarded", "\*". Comparison is case-insensitive.
struct flag {
    std::string_view text;

    flag_kind kind() const noexcept {
        using detail::iequals;
        if (text.empty() || text.front() != '\\')
            return flag_kind::keyword;
        const std::string_view n = text.substr(1);
        if (iequals(n, "Answered"))
            return flag_kind::answered;
        if (iequals(n, "Flagged"))
            return flag_kind::flagged;
        if (iequals(n, "Deleted"))
            return flag_kind::deleted;
        if (iequals(n, "Seen"))
            return flag_kind::seen;
        if (iequals(n, "Draft"))
            return flag_kind::draft;
        if (iequals(n, "Recent"))
            return flag_kind::recent;
        if (n == "*")
            return flag_kind::wildcard;
        return flag_kind::extension;
    }

    friend bool operator==(const flag& a, const flag& b) noexcept {
        return detail::iequals(a.text, b.text);
    }
};

/// RFC 3501 `flag-list`: "(" [flag *(SP flag)] ")".
using flag_list = vector<flag>;

/// Whether a mailbox attribute of a LIST response is a selectability flag, mbx-list-sflag
/// (at most one per mailbox-list): RFC 3501's \Noselect, \Marked and \Unmarked, and with
/// LIST-EXTENDED RFC 5258's \NonExistent.
inline bool is_mbx_list_sflag(std::string_view t, const extension_set& extensions) noexcept {
    using detail::iequals;
    return iequals(t, "\\Noselect") || iequals(t, "\\Marked") || iequals(t, "\\Unmarked") ||
           (extensions.contains(extension::list_extended) && iequals(t, "\\NonExistent"));
}

} // namespace imapwire::ast
