// imapwire AST, OBJECTID (RFC 8474): the EMAILID and THREADID FETCH items, the MAILBOXID code,
// the EMAILID and THREADID search keys. Its fetch-atts are enumerators of the core's table
// (fetch_att_kind::emailid, threadid), and MAILBOXID is a status-att (status_att::mailboxid)
// whose value is status_item::objectid.
#pragma once

#include <optional>
#include <string_view>

namespace imapwire::ast {

/// RFC 8474 §7 `objectid = 1*255(ALPHA / DIGIT / "_" / "-")`: case-sensitive.
inline constexpr std::size_t max_objectid_length = 255;

/// Whether `id` is an objectid.
constexpr bool is_objectid(std::string_view id) noexcept {
    if (id.empty() || id.size() > max_objectid_length)
        return false;
    for (char c : id)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-'))
            return false;
    return true;
}

/// RFC 8474 §7 `fetch-emailid-resp = "EMAILID" SP "(" objectid ")"`: the message's id, the
/// same for identical messages in every mailbox.
struct msg_att_emailid {
    std::string_view id{};
    friend bool operator==(const msg_att_emailid&, const msg_att_emailid&) = default;
};

/// RFC 8474 §7 `fetch-threadid-resp = "THREADID" SP ( "(" objectid ")" / nil )`: the id of
/// the thread the message is in; NIL where the server keeps no threads.
struct msg_att_threadid {
    std::optional<std::string_view> id{};
    friend bool operator==(const msg_att_threadid&, const msg_att_threadid&) = default;
};

/// RFC 8474 §7 `resp-text-code =/ "MAILBOXID" SP "(" objectid ")"`: the mailbox's id (after
/// CREATE, and in SELECT's untagged OK).
struct code_mailboxid {
    std::string_view id{};
    friend bool operator==(const code_mailboxid&, const code_mailboxid&) = default;
};

/// RFC 8474 §7 `search-key =/ "EMAILID" SP objectid / "THREADID" SP objectid`.
struct search_objectid {
    enum class kind { emailid, threadid };
    kind which = kind::emailid;
    std::string_view id{};
    friend bool operator==(const search_objectid&, const search_objectid&) = default;
};

} // namespace imapwire::ast
