// imapwire grammar, ESEARCH (RFC 4731 §4, RFC 4466 §2.6): rule definitions. Included by the
// command grammar (SEARCH's RETURN) and the response grammar (mailbox-data).
#pragma once

#include <imapwire/ext/condstore/grammar_def.hpp>
#include <imapwire/ext/esearch/grammar.hpp>
#include <imapwire/ext/partial/grammar_def.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 4466 §2.6.1
// search          = "SEARCH" [search-return-opts] SP search-program
// search-return-opts = SP "RETURN" SP "(" [search-return-opt
//                      *(SP search-return-opt)] ")"
// RFC 4731 §4
// search-return-opt  = "MIN" / "MAX" / "ALL" / "COUNT"
// RFC 5182 §3 (SEARCHRES)
// search-return-opt  = "SAVE"
//                      ;; conforms to generic search-return-opt
//                      ;; syntax defined in [IMAPABNF]
// RFC 9394 §4 (PARTIAL)
// search-return-opt   =/ modifier-partial
// (RETURN is there when one of the three is enabled; each keyword only with its own)
inline const auto search_return_opt =
    search_return_partial_[push_val] | keyword_enum_parser<ast::search_return_option>{}[push_val];
inline const auto search_return_opts_def =
    ((enabled(extension::esearch) | enabled(extension::searchres) | enabled(extension::partial)) >>
     SP_ >> kw("RETURN")) > SP_ > '(' > -(search_return_opt % SP_) > ')';

// RFC 4466 §2.6.2
// search-correlator  = SP "(" "TAG" SP tag-string ")"
// tag-string         = string
inline const auto search_correlator_def = (SP_ >> '(') > kw("TAG") > SP_ > string[assign] > ')';

// RFC 4731 §4
// search-return-data = "MIN" SP nz-number /
//                      "MAX" SP nz-number /
//                      "ALL" SP sequence-set /
//                      "COUNT" SP number
// search-return-data =/ "MODSEQ" SP mod-sequence-value      (with CONDSTORE)
// search-return-data =/ ret-data-partial                     (with PARTIAL, RFC 9394 §4)
// (keyword dispatch: each item after its keyword)
inline const auto esearch_min__def = kw("MIN") > SP_ > nz_number[set<&ast::esearch_min::value>];
inline const auto esearch_max__def = kw("MAX") > SP_ > nz_number[set<&ast::esearch_max::value>];
inline const auto esearch_all__def = kw("ALL") > SP_ > sequence_set[set<&ast::esearch_all::set>];
inline const auto esearch_count__def = kw("COUNT") > SP_ > number[set<&ast::esearch_count::value>];
inline const auto esearch_modseq__def =
    kw("MODSEQ") > SP_ > mod_sequence_value[set<&ast::esearch_modseq::value>];
struct search_return_data_parsers {
    template <class T>
    static constexpr auto get() {
        if constexpr (std::is_same_v<T, ast::esearch_min>)
            return esearch_min_;
        else if constexpr (std::is_same_v<T, ast::esearch_max>)
            return esearch_max_;
        else if constexpr (std::is_same_v<T, ast::esearch_all>)
            return esearch_all_;
        else if constexpr (std::is_same_v<T, ast::esearch_count>)
            return esearch_count_;
        else if constexpr (std::is_same_v<T, ast::esearch_modseq>)
            return esearch_modseq_;
        else if constexpr (std::is_same_v<T, ast::esearch_partial>)
            return ret_data_partial;
        else
            static_assert(ast::unhandled<T>, "search-return-data has no parser");
    }
};
inline const auto search_return_data_def =
    keyword_dispatch_parser<ast::search_return_data, search_return_data_parsers, 0, no_fallback>{};

// RFC 4466 §2.6.2
// esearch-response  = "ESEARCH" [search-correlator] [SP "UID"]
//                     *(SP search-return-data)
inline const auto esearch_response_def =
    kw("ESEARCH") >> -search_correlator[set<&ast::esearch_data::tag>] >>
    -((SP_ >> kw("UID") >> kw_end)[set_value<&ast::esearch_data::uid, true>]) >>
    *(SP_ >> search_return_data[push<&ast::esearch_data::items>]);

IMAPWIRE_DEFINE(search_return_opts, esearch_response, search_correlator, search_return_data,
                esearch_min_, esearch_max_, esearch_all_, esearch_count_, esearch_modseq_)

} // namespace imapwire::grammar
