// imapwire AST, PARTIAL (RFC 9394): one page of a SEARCH result (the PARTIAL return option and
// its ESEARCH data) and of a UID FETCH (the PARTIAL fetch modifier).
#pragma once

#include <imapwire/ast/sequence.hpp>

#include <cstdint>
#include <optional>

namespace imapwire::ast {

/// RFC 9394 §4 `partial-range = partial-range-first / partial-range-last`,
/// `partial-range-first = nz-number ":" nz-number`, `partial-range-last = MINUS nz-number ":"
/// MINUS nz-number`: positions in the result, counted from its oldest message (1:100), or from
/// its newest when `from_end` (-1:-100). The two ends may come in either order (500:400 is
/// 400:500) and are kept as written.
struct result_range {
    bool from_end = false; ///< partial-range-last: both ends negative
    std::uint32_t first = 1;
    std::uint32_t last = 1;
    friend bool operator==(const result_range&, const result_range&) = default;
};

/// RFC 9394 §4 `search-return-opt =/ modifier-partial`, `modifier-partial = "PARTIAL" SP
/// partial-range`: return only this page of the result.
struct search_return_partial {
    result_range range;
    friend bool operator==(const search_return_partial&, const search_return_partial&) = default;
};

/// RFC 9394 §4 `ret-data-partial = "PARTIAL" SP "(" partial-range SP partial-results ")"`,
/// `partial-results = sequence-set / "NIL"`: the page asked for, and the messages in it (none:
/// NIL).
struct esearch_partial {
    result_range range;
    std::optional<sequence_set> results{};
    friend bool operator==(const esearch_partial&, const esearch_partial&) = default;
};

/// RFC 9394 §4 `fetch-modifier =/ modifier-partial`: fetch only this page of the messages
/// the sequence set names (UID FETCH 1:* (FLAGS) (PARTIAL -1:-30)).
struct fetch_mod_partial {
    result_range range;
    friend bool operator==(const fetch_mod_partial&, const fetch_mod_partial&) = default;
};

} // namespace imapwire::ast
