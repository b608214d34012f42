// imapwire, ESEARCH (RFC 4731): the traits entries of its AST alternatives and keywords.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/esearch/ast.hpp>

namespace imapwire::ast {

template <>
struct keywords<search_return_option> {
    static constexpr std::pair<search_return_option, std::string_view> table[] = {
        {search_return_option::min, "MIN"},
        {search_return_option::max, "MAX"},
        {search_return_option::all, "ALL"},
        {search_return_option::count, "COUNT"},
        {search_return_option::save, "SAVE"}};
};
/// SAVE is SEARCHRES's (RFC 5182), the others ESEARCH's
constexpr extension extension_of(search_return_option o) noexcept {
    return o == search_return_option::save ? extension::searchres : extension::esearch;
}

template <>
struct traits<esearch_data> {
    static constexpr item_info info{"ESEARCH", "esearch", extension::esearch, "RFC 4731 §3.1",
                                    false};
};
template <>
struct traits<esearch_min> {
    static constexpr item_info info{"MIN", "min", extension::esearch, "RFC 4731 §3.1"};
};
template <>
struct traits<esearch_max> {
    static constexpr item_info info{"MAX", "max", extension::esearch, "RFC 4731 §3.1"};
};
template <>
struct traits<esearch_all> {
    static constexpr item_info info{"ALL", "all", extension::esearch, "RFC 4731 §3.1"};
};
template <>
struct traits<esearch_count> {
    static constexpr item_info info{"COUNT", "count", extension::esearch, "RFC 4731 §3.1"};
};
/// MODSEQ return data is CONDSTORE's (RFC 7162 §3.1.5), inside ESEARCH's response
template <>
struct traits<esearch_modseq> {
    static constexpr item_info info{"MODSEQ", "modseq", extension::condstore, "RFC 7162 §3.1.5"};
};

} // namespace imapwire::ast
