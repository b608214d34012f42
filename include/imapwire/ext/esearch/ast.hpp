// imapwire AST, ESEARCH (RFC 4731): SEARCH's RETURN options and the ESEARCH response.
#pragma once

#include <imapwire/ast/allocator.hpp>
#include <imapwire/ast/core.hpp>
#include <imapwire/ast/sequence.hpp>
#include <imapwire/ext/partial/ast.hpp>

#include <cstdint>
#include <optional>
#include <variant>

namespace imapwire::ast {

/// RFC 4731 §4 `search-return-opt = "MIN" / "MAX" / "ALL" / "COUNT"`: what SEARCH RETURN asks
/// for (RFC 4466 §2.6 `search-return-opts = SP "RETURN" SP "(" [search-return-opt *(SP
/// search-return-opt)] ")"`; an empty list means ALL). With SEARCHRES, RFC 5182 §3
/// `search-return-opt = "SAVE"`: keep the result for "$".
enum class search_return_option { min, max, all, count, save };

/// One search-return-opt: a keyword alone, or PARTIAL's with its range (RFC 9394).
using search_return_opt = std::variant<search_return_option, search_return_partial>;

/// `"MIN" SP nz-number`: the lowest message number or UID found.
struct esearch_min {
    std::uint32_t value = 1;
    friend bool operator==(const esearch_min&, const esearch_min&) = default;
};
/// `"MAX" SP nz-number`: the highest.
struct esearch_max {
    std::uint32_t value = 1;
    friend bool operator==(const esearch_max&, const esearch_max&) = default;
};
/// `"ALL" SP sequence-set`: all of them.
struct esearch_all {
    sequence_set set;
    friend bool operator==(const esearch_all&, const esearch_all&) = default;
};
/// `"COUNT" SP number`: how many.
struct esearch_count {
    std::uint32_t value = 0;
    friend bool operator==(const esearch_count&, const esearch_count&) = default;
};
/// With CONDSTORE, `search-return-data =/ "MODSEQ" SP mod-sequence-value`: the highest
/// mod-sequence of the messages found (RFC 4731 §4, RFC 7162 §3.1.5).
struct esearch_modseq {
    std::uint64_t value = 1;
    friend bool operator==(const esearch_modseq&, const esearch_modseq&) = default;
};

/// RFC 4731 §4 `search-return-data`, and PARTIAL's `search-return-data =/ ret-data-partial`
/// (RFC 9394).
using search_return_data = std::variant<esearch_min, esearch_max, esearch_all, esearch_count,
                                        esearch_modseq, esearch_partial>;

/// RFC 4466 §2.6.2 `esearch-response = "ESEARCH" [search-correlator] [SP "UID"]
/// *(SP search-return-data)`, `search-correlator = SP "(" "TAG" SP tag-string ")"`,
/// `tag-string = string`: the results of one SEARCH.
struct esearch_data {
    std::optional<istring> tag{}; ///< the tag of the SEARCH it answers
    bool uid = false;             ///< the numbers are UIDs (UID SEARCH)
    vector<search_return_data> items{};
    friend bool operator==(const esearch_data&, const esearch_data&) = default;
};

} // namespace imapwire::ast
