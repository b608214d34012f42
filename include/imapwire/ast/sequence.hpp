// imapwire AST: message sets (RFC 3501 §9 seq-number, seq-range, sequence-set; uid-set).
#pragma once

#include <imapwire/ast/allocator.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace imapwire::ast {

/// RFC 3501 `seq-number`: nz-number or "*" (stored as 0).
struct seq_number {
    static constexpr std::uint32_t star = 0;
    std::uint32_t value = star;
    constexpr bool is_star() const noexcept { return value == star; }
    friend bool operator==(const seq_number&, const seq_number&) = default;
};

/// One element of a sequence-set: a seq-number, or a seq-range when `last` is set. With
/// SEARCHRES, RFC 5182 §3 `sequence-set =/ seq-last-command`, `seq-last-command = "$"`: the
/// result the last SEARCH (SAVE) kept, when `saved_result` is set (first and last are then
/// unused; seq_item::saved() makes one).
struct seq_item {
    seq_number first;
    std::optional<seq_number> last;
    bool saved_result = false;
    static constexpr seq_item saved() noexcept { return {{}, std::nullopt, true}; }
    friend bool operator==(const seq_item&, const seq_item&) = default;
};

/// RFC 3501 `sequence-set`: at least one item, comma separated.
struct sequence_set {
    vector<seq_item> items;
    friend bool operator==(const sequence_set&, const sequence_set&) = default;
};

/// One item of a uid-set: a uniqueid, or `uniqueid ":" uniqueid` (uid-range: the two ends in
/// either order, and every UID between them) when `last` is there. Both are nz-numbers.
struct uid_range {
    std::uint32_t first = 1;
    std::optional<std::uint32_t> last{};
    friend bool operator==(const uid_range&, const uid_range&) = default;
};

/// `uid-set = (uniqueid / uid-range) *("," uid-set)` (RFC 4315 §4, RFC 9051 §9): at least one
/// item, comma separated. Unlike a sequence-set it has no "*": UIDPLUS's codes name the UIDs
/// the server assigned, and QRESYNC's known-uids and VANISHED (sequence-sets where "*" is not
/// allowed) have the same syntax.
struct uid_set {
    vector<uid_range> items;
    friend bool operator==(const uid_set&, const uid_set&) = default;
};

} // namespace imapwire::ast
