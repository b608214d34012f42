// imapwire grammar, PARTIAL (RFC 9394 §4): rule definitions. Included by the ESEARCH grammar
// (search-return-opt, search-return-data) and the command grammar (fetch-modifier).
#pragma once

#include <imapwire/ext/partial/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 9394 §4
// MINUS               = "-"
// partial-range-first = nz-number ":" nz-number
// partial-range-last  = MINUS nz-number ":" MINUS nz-number
// partial-range       = partial-range-first / partial-range-last
inline const auto partial_range_first =
    nz_number[set<&ast::result_range::first>] > ':' > nz_number[set<&ast::result_range::last>];
inline const auto partial_range_last = x3::lit('-')[set_value<&ast::result_range::from_end, true>] >
                                       nz_number[set<&ast::result_range::first>] > ':' > '-' >
                                       nz_number[set<&ast::result_range::last>];
inline const auto partial_range_def = partial_range_last | partial_range_first;

// RFC 9394 §4
// modifier-partial    = "PARTIAL" SP partial-range
// search-return-opt   =/ modifier-partial
inline const auto search_return_partial__def =
    (kw("PARTIAL") >> enabled(extension::partial)) > SP_ >
    partial_range[set<&ast::search_return_partial::range>];
// fetch-modifier      =/ modifier-partial
inline const auto fetch_mod_partial__def =
    kw("PARTIAL") > SP_ > partial_range[set<&ast::fetch_mod_partial::range>];

// RFC 9394 §4
// search-return-data  =/ ret-data-partial
// ret-data-partial    = "PARTIAL"
//                       SP "(" partial-range SP partial-results ")"
// partial-results     = sequence-set / "NIL"
inline const auto ret_data_partial_def = kw("PARTIAL") > SP_ > '(' >
                                         partial_range[set<&ast::esearch_partial::range>] > SP_ >
                                         (nil | sequence_set[set<&ast::esearch_partial::results>]) >
                                         ')';

IMAPWIRE_DEFINE(partial_range, search_return_partial_, ret_data_partial, fetch_mod_partial_)

} // namespace imapwire::grammar
