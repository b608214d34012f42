// Test helpers: parse one line (CRLF appended) and check it round-trips, or check it is
// refused. Shared by the extensions' tests.
#pragma once

#include "test_data.hpp"

#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <doctest/doctest.h>

#include <deque>
#include <string>
#include <type_traits>

namespace imapwire::test {

/// Parsed values view their input: what the helpers parse is kept here for the whole run.
inline std::deque<std::string>& kept_inputs() {
    static std::deque<std::string> inputs;
    return inputs;
}

inline parse_options with_extensions(extension_set set) {
    parse_options o;
    o.extensions = set;
    return o;
}

/// Parses `bytes` (whole messages) as T (ast::command or ast::response): all of it is one
/// message, and it serializes back byte for byte for a reader with the same extensions.
template <class T>
T parsed_ok(const std::string& bytes_in, const parse_options& o = {}) {
    const std::string& bytes = kept_inputs().emplace_back(bytes_in);
    INFO(visible(bytes));
    auto r = [&] {
        if constexpr (std::is_same_v<T, ast::command>)
            return parse_command(bytes, o);
        else
            return parse_response(bytes, o);
    }();
    REQUIRE_MESSAGE(r.ok(), (r.failed() ? r.error().message() : std::string("incomplete")));
    CHECK(r.consumed() == bytes.size());
    std::string out;
    serialize_options so;
    so.extensions = o.extensions;
    CHECK(!serialize(out, r.value(), so));
    CHECK(visible(out) == visible(bytes));
    return r.value();
}
inline ast::command command_ok(const std::string& line, const parse_options& o = {}) {
    return parsed_ok<ast::command>(line + "\r\n", o);
}
inline ast::response response_ok(const std::string& line, const parse_options& o = {}) {
    return parsed_ok<ast::response>(line + "\r\n", o);
}

/// The error refusing `line` (CRLF appended).
inline parse_error command_fails(const std::string& line, const parse_options& o = {}) {
    const std::string in = line + "\r\n";
    CAPTURE(visible(in));
    auto r = parse_command(in, o);
    REQUIRE(r.failed());
    return r.error();
}
inline parse_error response_fails(const std::string& line, const parse_options& o = {}) {
    const std::string in = line + "\r\n";
    CAPTURE(visible(in));
    auto r = parse_response(in, o);
    REQUIRE(r.failed());
    return r.error();
}

} // namespace imapwire::test
