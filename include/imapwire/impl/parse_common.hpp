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
#include <utility>

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

/// The fewest of the extensions `opt` leaves out with which `accepts(options)` holds, or an
/// empty set when even all of them do not make it hold. One parse with every extension decides
/// whether there is an answer; then each missing extension is tried alone (the answer nearly
/// always), and only when none suffices alone are they taken away one by one from all. Runs
/// only after a failure with a narrowed set, so the parse with the default set costs nothing.
template <class Accepts>
extension_set extensions_that_accept(const parse_options& opt, Accepts&& accepts) {
    const extension_set all = extension_set::all();
    if (opt.extensions == all)
        return {};
    parse_options with = opt;
    with.extensions = all;
    if (!accepts(std::as_const(with)))
        return {};
    for (const extension_info& e : extension_registry) {
        if (opt.extensions.contains(e.id))
            continue;
        with.extensions = opt.extensions;
        with.extensions.add(e.id);
        if (accepts(std::as_const(with)))
            return extension_set{e.id};
    }
    extension_set needed = all;
    for (const extension_info& e : extension_registry) {
        if (opt.extensions.contains(e.id))
            continue;
        with.extensions = needed;
        with.extensions.remove(e.id);
        if (accepts(std::as_const(with)))
            needed.remove(e.id);
    }
    for (const extension_info& e : extension_registry)
        if (opt.extensions.contains(e.id))
            needed.remove(e.id);
    return needed;
}

/// Runs `rule` over exactly the first `length` bytes of `input`, which framing has delimited.
template <class T, class Rule>
parse_result<T> run_framed_once(const Rule& rule, std::string_view input, std::size_t length,
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

/// run_framed_once, and when it fails with fewer than all extensions, the extensions that
/// would have accepted the message (parse_error::accepted_with).
template <class T, class Rule>
parse_result<T> run_framed(const Rule& rule, std::string_view input, std::size_t length,
                           const parse_options& opt, std::string_view top_production) {
    parse_result<T> r = run_framed_once<T>(rule, input, length, opt, top_production);
    // (with every extension there is nothing to name: the default set pays nothing here)
    if (r.failed() && !(opt.extensions == extension_set::all()) &&
        r.error().code != make_error_code(error::out_of_memory)) {
        const extension_set with = extensions_that_accept(opt, [&](const parse_options& o) {
            return run_framed_once<T>(rule, input, length, o, top_production).ok();
        });
        if (!with.empty()) {
            parse_error e = r.error();
            e.accepted_with = with;
            r = parse_result<T>(std::move(e));
        }
    }
    return r; // (the one return: `r` is built in place)
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
        // (a NUL inside a literal8 is framing's to refuse, and BINARY's to allow)
        if (!(opt.extensions == extension_set::all()))
            e.accepted_with = extensions_that_accept(opt, [&](const parse_options& o) {
                auto again = scan_message(input, o);
                return again.ok() &&
                       run_framed_once<T>(rule, input, again.value(), o, top_production).ok();
            });
        return parse_result<T>(std::move(e));
    }
    return run_framed<T>(rule, input, framed.value(), opt, top_production);
}

} // namespace imapwire::detail
