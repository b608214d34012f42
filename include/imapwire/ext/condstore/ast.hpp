// imapwire AST, CONDSTORE (RFC 7162): mod-sequences in FETCH responses and response codes.
#pragma once

#include <imapwire/ast/core.hpp>
#include <imapwire/ast/sequence.hpp>

#include <imapwire/detail/charset.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace imapwire::ast {

/// The largest mod-sequence-value (RFC 7162 §7: "Positive unsigned 63-bit integer").
inline constexpr std::uint64_t max_mod_sequence = max_number64;

/// RFC 7162 §7 `fetch-mod-resp = "MODSEQ" SP "(" permsg-modsequence ")"`: a message's
/// mod-sequence, a msg-att-dynamic item of a FETCH response.
struct msg_att_modseq {
    std::uint64_t value = 1; ///< mod-sequence-value: 1 to 2^63-1
    friend bool operator==(const msg_att_modseq&, const msg_att_modseq&) = default;
};

/// RFC 7162 §7 `"HIGHESTMODSEQ" SP mod-sequence-value` (resp-text-code): the highest
/// mod-sequence of the selected mailbox.
struct code_highestmodseq {
    std::uint64_t value = 1;
    friend bool operator==(const code_highestmodseq&, const code_highestmodseq&) = default;
};

/// RFC 7162 §7 `"NOMODSEQ"` (resp-text-code): the mailbox keeps no mod-sequences.
struct code_nomodseq {
    friend bool operator==(const code_nomodseq&, const code_nomodseq&) = default;
};

/// RFC 7162 §7 `"MODIFIED" SP sequence-set` (resp-text-code): the messages a conditional STORE
/// did not change.
struct code_modified {
    sequence_set set;
    friend bool operator==(const code_modified&, const code_modified&) = default;
};

/// RFC 7162 §7 `entry-type-req = entry-type-resp / "all"`, `entry-type-resp = "priv" / "shared"`.
enum class entry_type { priv, shared, all };

/// Whether `name` (the value of an entry-name's quoted string) is an entry-flag-name:
/// "/flags/" (any case) and an attr-flag, "\\" atom or atom (RFC 7162 §7). The grammar and the
/// serializer both check with it.
inline bool is_entry_flag_name(std::string_view name) noexcept {
    constexpr std::string_view prefix = "/flags/";
    if (name.size() <= prefix.size() || !detail::iequals(name.substr(0, prefix.size()), prefix))
        return false;
    name.remove_prefix(prefix.size());
    if (name.front() == '\\')
        name.remove_prefix(1);
    return !name.empty() && detail::all_of(detail::cc_atom, name);
}

/// RFC 7162 §7 `search-modseq-ext = SP entry-name SP entry-type-req`: the metadata item whose
/// mod-sequence is compared.
struct search_modseq_entry {
    /// entry-flag-name = DQUOTE "/flags/" attr-flag DQUOTE: a quoted string whose value is
    /// "/flags/" and a flag, e.g. "/flags/\\draft" for \Draft.
    istring name;
    entry_type type = entry_type::all;
    friend bool operator==(const search_modseq_entry&, const search_modseq_entry&) = default;
};

/// RFC 7162 §3.1.5 `search-modsequence = "MODSEQ" [search-modseq-ext] SP mod-sequence-valzer`:
/// the messages whose mod-sequence is at least `modseq` (a search-key).
struct search_modseq {
    std::optional<search_modseq_entry> entry;
    std::uint64_t modseq = 0; ///< mod-sequence-valzer
    friend bool operator==(const search_modseq&, const search_modseq&) = default;
};

/// RFC 7162 §3.1.4.1 `chgsince-fetch-mod = "CHANGEDSINCE" SP mod-sequence-value`: FETCH only
/// the messages whose mod-sequence is greater (a fetch-modifier, RFC 4466).
struct fetch_mod_changedsince {
    std::uint64_t modseq = 1; ///< mod-sequence-value
    friend bool operator==(const fetch_mod_changedsince&, const fetch_mod_changedsince&) = default;
};

/// RFC 7162 §3.1.3 `store-modifier =/ "UNCHANGEDSINCE" SP mod-sequence-valzer`: STORE only
/// where the mod-sequence is not greater (a store-modifier, RFC 4466).
struct store_mod_unchangedsince {
    std::uint64_t modseq = 0; ///< mod-sequence-valzer
    friend bool operator==(const store_mod_unchangedsince&,
                           const store_mod_unchangedsince&) = default;
};

/// RFC 7162 §3.1.8 `condstore-param = "CONDSTORE"`: a select-param (RFC 4466) of SELECT and
/// EXAMINE that enables CONDSTORE.
struct select_param_condstore {
    friend bool operator==(const select_param_condstore&, const select_param_condstore&) = default;
};

} // namespace imapwire::ast
