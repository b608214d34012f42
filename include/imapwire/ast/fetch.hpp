// imapwire AST: FETCH attributes and body sections (RFC 3501 §6.4.5, §9 fetch-att, section).
#pragma once

#include <imapwire/ast/allocator.hpp>

#include <imapwire/ast/core.hpp>

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace imapwire::ast {

/// section-msgtext / section-text keywords.
enum class section_text_kind {
    header,            ///< HEADER
    header_fields,     ///< HEADER.FIELDS header-list
    header_fields_not, ///< HEADER.FIELDS.NOT header-list
    text,              ///< TEXT
    mime,              ///< MIME (only after a section-part)
};

struct section_text {
    section_text_kind kind = section_text_kind::header;
    vector<astring> headers; ///< header-list, for HEADER.FIELDS[.NOT]
    friend bool operator==(const section_text&, const section_text&) = default;
};

/// RFC 3501 `section`: "[" [section-spec] "]". `part` empty and no `text` is BODY[].
struct section {
    vector<std::uint32_t> part; ///< section-part: 1.2.3
    std::optional<section_text> text;
    friend bool operator==(const section&, const section&) = default;
};

/// "<" number "." nz-number ">" in a fetch-att (IMAP4rev2: "<" number64 "." nz-number64 ">").
struct partial_range {
    std::uint64_t offset = 0;
    std::uint64_t length = 1;
    friend bool operator==(const partial_range&, const partial_range&) = default;
};

enum class fetch_att_kind {
    envelope,
    flags,
    internaldate,
    rfc822,
    rfc822_header,
    rfc822_size,
    rfc822_text,
    body,
    bodystructure,
    uid,
    body_section,      ///< BODY[section]<partial>
    body_peek_section, ///< BODY.PEEK[section]<partial>
    modseq,            ///< CONDSTORE (RFC 7162 §3.1.4.2): fetch-mod-sequence = "MODSEQ"
    savedate,          ///< SAVEDATE (RFC 8514 §4.2): fetch-att =/ "SAVEDATE"
    binary,            ///< BINARY (RFC 3516 §4.2): BINARY[section-binary]<partial>
    binary_peek,       ///< BINARY.PEEK[section-binary]<partial>
    binary_size,       ///< BINARY.SIZE[section-binary]
    emailid,           ///< OBJECTID (RFC 8474 §5.3): fetch-att =/ "EMAILID"
    threadid,          ///< "THREADID"
};

/// Whether a fetch-att of this kind is followed by a section (and an optional partial range).
/// The BINARY kinds take a section-binary: `section.part` only, no `section.text`.
constexpr bool has_section(fetch_att_kind k) noexcept {
    return k == fetch_att_kind::body_section || k == fetch_att_kind::body_peek_section ||
           k == fetch_att_kind::binary || k == fetch_att_kind::binary_peek ||
           k == fetch_att_kind::binary_size;
}

/// Whether the section of a fetch-att of this kind is a section-binary (RFC 3516 §7).
constexpr bool has_section_binary(fetch_att_kind k) noexcept {
    return k == fetch_att_kind::binary || k == fetch_att_kind::binary_peek ||
           k == fetch_att_kind::binary_size;
}

/// Whether a fetch-att of this kind may have a partial range.
constexpr bool has_partial(fetch_att_kind k) noexcept {
    return has_section(k) && k != fetch_att_kind::binary_size;
}

/// RFC 3501 `fetch-att`.
struct fetch_att {
    fetch_att_kind kind = fetch_att_kind::flags;
    ast::section section;                 ///< for the kinds with has_section()
    std::optional<partial_range> partial; ///< for the kinds with has_partial()
    friend bool operator==(const fetch_att&, const fetch_att&) = default;
};

/// FETCH's macros ALL, FULL, FAST.
enum class fetch_macro { all, full, fast };

/// What FETCH asks for: a macro, one bare fetch-att, or a parenthesised list.
using fetch_items = std::variant<fetch_macro, fetch_att, vector<fetch_att>>;

} // namespace imapwire::ast
