// imapwire AST: SEARCH criteria (RFC 3501 §6.4.4, §9 search-key).
#pragma once

#include <imapwire/ast/allocator.hpp>

#include <imapwire/ast/core.hpp>
#include <imapwire/ast/datetime.hpp>
#include <imapwire/ast/sequence.hpp>
// extensions that add search keys (one line each; ext/registry.hpp)
#include <imapwire/ext/condstore/ast.hpp>
#include <imapwire/ext/objectid/ast.hpp>

#include <cstdint>
#include <string_view>
#include <variant>
#include <vector>

namespace imapwire::ast {

struct search_key;

/// Keys without an argument.
enum class search_flag_key {
    all,
    answered,
    deleted,
    flagged,
    new_,
    old,
    recent,
    seen,
    unanswered,
    undeleted,
    unflagged,
    unseen,
    draft,
    undraft,
    savedatesupported, ///< SAVEDATE (RFC 8514 §4.4)
};
/// Keys taking an astring: BCC BODY CC FROM SUBJECT TEXT TO.
enum class search_string_kind { bcc, body, cc, from, subject, text, to };
/// Keys taking a date: BEFORE ON SINCE SENTBEFORE SENTON SENTSINCE.
/// With SAVEDATE (RFC 8514 §4.4): SAVEDBEFORE SAVEDON SAVEDSINCE.
enum class search_date_kind {
    before,
    on,
    since,
    sentbefore,
    senton,
    sentsince,
    savedbefore,
    savedon,
    savedsince
};
/// Keys taking a flag-keyword: KEYWORD UNKEYWORD.
enum class search_keyword_kind { keyword, unkeyword };
/// Keys taking a number: LARGER SMALLER.
enum class search_size_kind { larger, smaller };

struct search_simple {
    search_flag_key which = search_flag_key::all;
    friend bool operator==(const search_simple&, const search_simple&) = default;
};
struct search_string {
    search_string_kind which = search_string_kind::text;
    astring value;
    friend bool operator==(const search_string&, const search_string&) = default;
};
struct search_date {
    search_date_kind which = search_date_kind::on;
    ast::date date;
    friend bool operator==(const search_date&, const search_date&) = default;
};
struct search_keyword {
    search_keyword_kind which = search_keyword_kind::keyword;
    std::string_view keyword; ///< flag-keyword (an atom)
    friend bool operator==(const search_keyword&, const search_keyword&) = default;
};
struct search_size {
    search_size_kind which = search_size_kind::larger;
    std::uint64_t octets = 0; ///< a number; with IMAP4rev2 a number64 (RFC 9051 §9)
    friend bool operator==(const search_size&, const search_size&) = default;
};
/// HEADER header-fld-name astring
struct search_header {
    astring field;
    astring value;
    friend bool operator==(const search_header&, const search_header&) = default;
};
/// UID sequence-set
struct search_uid {
    sequence_set set;
    friend bool operator==(const search_uid&, const search_uid&) = default;
};
/// A bare sequence-set of message numbers.
struct search_set {
    sequence_set set;
    friend bool operator==(const search_set&, const search_set&) = default;
};
/// NOT search-key
struct search_not {
    box<search_key> key;
    friend bool operator==(const search_not&, const search_not&) = default;
};
/// OR search-key search-key
struct search_or {
    box<search_key> left;
    box<search_key> right;
    friend bool operator==(const search_or&, const search_or&) = default;
};
/// "(" search-key *(SP search-key) ")"
struct search_group {
    vector<search_key> keys;
    friend bool operator==(const search_group&, const search_group&) = default;
};

/// RFC 3501 `search-key`.
struct search_key {
    using variant_type =
        std::variant<search_simple, search_string, search_date, search_keyword, search_size,
                     search_header, search_uid, search_set, search_not, search_or, search_group,
                     // extensions
                     search_modseq, search_objectid>;
    variant_type v;

    search_key() = default;
    // Only the alternatives themselves: a constraint that asked the variant whether it can be
    // built from T would, for the vector of search_keys that search_group holds, instantiate
    // that vector's copy constructor in every unit that merely compares search commands.
    template <class T, class = std::enable_if_t<is_alternative<std::decay_t<T>, variant_type>>>
    search_key(T&& x)
        : v(std::forward<T>(x)) {}

    friend bool operator==(const search_key&, const search_key&) = default;
};

} // namespace imapwire::ast
