// imapwire: the shared driver behind every parse_* entry point.
#pragma once

#include <imapwire/detail/scan.hpp>
#include <imapwire/detail/x3.hpp>
#include <imapwire/error.hpp>
#include <imapwire/options.hpp>

#include <new>
#include <optional>
#include <string>
#include <string_view>

namespace imapwire::detail {

/// X3 names parsers it has no name for by their mangled type; never show that to a user.
inline std::string readable_expectation(std::string which, std::string_view production) {
    if (which.empty() || which.find("boost") != std::string::npos ||
        which.find("imapwire") != std::string::npos)
        return std::string(production);
    return which;
}

/// The parse_error a recorded failure reports. Only here is what was expected put into words.
inline parse_error to_parse_error(const failure& f, const char* begin,
                                  std::string_view top_production) {
    const std::string_view production = f.production.empty() ? top_production : f.production;
    std::string expected;
    if (f.describe)
        expected = readable_expectation(f.describe(f.subject), production);
    else if (f.quote_expected)
        expected.append(1, '"').append(f.expected).append(1, '"');
    else
        expected = f.expected;
    return parse_error{static_cast<std::size_t>(f.where - begin), production, std::move(expected),
                       make_error_code(f.code)};
}

/// Runs `rule` over exactly the first `length` bytes of `input`, which framing has delimited.
template <class T, class Rule>
parse_result<T> run_framed(const Rule& rule, std::string_view input, std::size_t length,
                           const parse_options& opt, std::string_view top_production) {
    const char* const begin = input.data();
    const char* first = begin;
    const char* const last = begin + length;
    const ast::resource_scope memory(opt.memory_resource); // the AST's vectors and boxes
    parse_state st;
    st.options = &opt;
    st.from_client = top_production == "command";
    // The grammar never throws. The AST's memory may: a bounded std::pmr resource that runs out
    // throws std::bad_alloc, which becomes an error here instead of leaving the entry point.
    bool ok = false;
    std::optional<T> value;
    try {
        value.emplace();
        ok = x3::parse(first, last, x3::with<state_tag>(st)[rule], *value);
    } catch (const std::bad_alloc&) {
        return parse_result<T>(parse_error{static_cast<std::size_t>(first - begin), top_production,
                                           "memory for the parsed value",
                                           make_error_code(error::out_of_memory)});
    }
    if (st.failed)
        return parse_result<T>(to_parse_error(st.first_failure, begin, top_production));
    if (ok && first == last)
        return parse_result<T>(std::move(*value), length);
    return parse_result<T>(parse_error{static_cast<std::size_t>(first - begin), top_production,
                                       std::string(top_production),
                                       make_error_code(error::syntax)});
}

/// Frames the first message of `input`, then runs `rule` over exactly those bytes.
template <class T, class Rule>
parse_result<T> run_parser(const Rule& rule, std::string_view input, const parse_options& opt,
                           std::string_view top_production) {
    auto framed = scan_message(input, opt);
    if (framed.incomplete())
        return parse_result<T>(framed.need());
    if (framed.failed()) {
        parse_error e = framed.error();
        e.production = top_production;
        return parse_result<T>(std::move(e));
    }
    return run_framed<T>(rule, input, framed.value(), opt, top_production);
}

} // namespace imapwire::detail
