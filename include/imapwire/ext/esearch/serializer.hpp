// imapwire serializer, ESEARCH (RFC 4731): SEARCH's RETURN options and the ESEARCH response.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/condstore/serializer.hpp>
#include <imapwire/ext/esearch/ast.hpp>
#include <imapwire/ext/partial/serializer.hpp>
#include <imapwire/serializer/core.hpp>

#include <type_traits>

namespace imapwire::serializer {

/// search-return-opts = SP "RETURN" SP "(" [search-return-opt *(SP search-return-opt)] ")"
inline void write_search_return_opts(writer& w, const ast::vector<ast::search_return_opt>& o) {
    w.raw(" RETURN (");
    write_separated(w, o, [&](const ast::search_return_opt& opt) {
        if (const auto* x = std::get_if<ast::search_return_option>(&opt)) {
            w.require_extension(ast::extension_of(*x)); // SAVE: SEARCHRES's
            write_keyword(w, ast::keyword(*x));
        } else { // "PARTIAL" SP partial-range (RFC 9394)
            w.require_extension(extension::partial);
            w.raw("PARTIAL ");
            write_partial_range(w, std::get<ast::search_return_partial>(opt).range);
        }
    });
    w.put(')');
}

/// esearch-response = "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)
inline void write_esearch_data(writer& w, const ast::esearch_data& d) {
    w.raw("ESEARCH");
    if (d.tag) { // SP "(" "TAG" SP tag-string ")"
        w.raw(" (TAG ");
        write_string_only(w, *d.tag);
        w.put(')');
    }
    if (d.uid)
        w.raw(" UID");
    for (const ast::search_return_data& item : d.items) {
        w.sp();
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                w.require_extension(ast::traits<T>::info.ext); // MODSEQ: CONDSTORE's
                w.raw(ast::traits<T>::info.keyword);
                w.sp();
                if constexpr (std::is_same_v<T, ast::esearch_min> ||
                              std::is_same_v<T, ast::esearch_max>)
                    w.nz_number(x.value);
                else if constexpr (std::is_same_v<T, ast::esearch_all>)
                    write_sequence_set(w, x.set);
                else if constexpr (std::is_same_v<T, ast::esearch_count>)
                    w.number(x.value);
                else if constexpr (std::is_same_v<T, ast::esearch_modseq>)
                    write_mod_sequence(w, x.value);
                else if constexpr (std::is_same_v<T, ast::esearch_partial>) {
                    // "(" partial-range SP partial-results ")" (RFC 9394)
                    w.put('(');
                    write_partial_range(w, x.range);
                    w.sp();
                    if (x.results)
                        write_sequence_set(w, *x.results);
                    else
                        w.raw("NIL");
                    w.put(')');
                } else
                    static_assert(ast::unhandled<T>, "an alternative is not handled");
            },
            item);
    }
}

} // namespace imapwire::serializer
