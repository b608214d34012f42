// Test helpers: parse one line (CRLF appended) and check it round-trips, or check it is
// refused. Shared by the extensions' tests.
#pragma once

#include "test_data.hpp"

#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <doctest/doctest.h>

#include <deque>
#include <map>
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

/// How parsed_ok compares what the serializer writes with the input.
enum class same { bytes, ignoring_case };

inline std::string ascii_upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return s;
}

/// Parses `bytes` (whole messages) as T (ast::command or ast::response): all of it is one
/// message, and it serializes back byte for byte for a reader with the same extensions (or,
/// with same::ignoring_case, but for the case of letters: the serializer writes keywords upper
/// case, and some RFCs write them lower case).
template <class T>
T parsed_ok(const std::string& bytes_in, const parse_options& o = {}, same how = same::bytes) {
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
    if (how == same::bytes)
        CHECK(visible(out) == visible(bytes));
    else
        CHECK(visible(ascii_upper(out)) == visible(ascii_upper(bytes)));
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

/// The body of command `c`, which must be a T.
template <class T>
const T& body(const ast::command& c) {
    REQUIRE(std::holds_alternative<T>(c.body));
    return std::get<T>(c.body);
}

/// The response data of `r`, which must be response data.
inline const ast::response_data& data(const ast::response& r) {
    REQUIRE(std::holds_alternative<ast::response_data>(r.v));
    return std::get<ast::response_data>(r.v);
}

enum class example_side { client, server };

/// The examples of `rfc` on one side (rfcNNNN-client-examples.txt or -server-examples.txt)
/// whose bytes hold `marker`, by line: where the RFC leaves part of a message out ("[...]",
/// "...") or writes a comment into it ("//"), a departure from the grammar.
inline std::map<int, std::string> examples_holding(const std::string& rfc, example_side from,
                                                   const std::string& marker) {
    std::map<int, std::string> found;
    const std::string file =
        rfc + (from == example_side::server ? "-server-examples.txt" : "-client-examples.txt");
    for (const auto& ex : read_rfc_examples(file))
        if (ex.bytes.find(marker) != std::string::npos)
            found.emplace(ex.line, ex.bytes);
    return found;
}

/// The client examples of `rfc` holding "[...]", by line: where the RFC leaves out part of a
/// command.
inline std::map<int, std::string> elided_client_examples(const std::string& rfc) {
    return examples_holding(rfc, example_side::client, "[...]");
}

/// Every example of an RFC's files (tests/data/rfcNNNN-client-examples.txt and
/// -server-examples.txt, "not-protocol" ones left out): parsed and round-tripped, or one of
/// `departures` (the RFC line of its first line, and its bytes), which must fail to parse.
/// Returns how many parsed.
inline int check_examples(const std::string& rfc, const std::map<int, std::string>& departures,
                          same how = same::bytes) {
    int parsed = 0;
    int departed = 0;
    for (const bool server : {false, true}) {
        const std::string file = rfc + (server ? "-server-examples.txt" : "-client-examples.txt");
        for (const auto& ex : read_rfc_examples(file)) {
            if (ex.flagged("not-protocol"))
                continue;
            CAPTURE(ex.where());
            CAPTURE(visible(ex.bytes));
            if (const auto d = departures.find(ex.line); d != departures.end()) {
                CHECK(visible(ex.bytes) == visible(d->second));
                CHECK((server ? parse_response(ex.bytes).failed()
                              : parse_command(ex.bytes).failed()));
                ++departed;
                continue;
            }
            if (server)
                parsed_ok<ast::response>(ex.bytes, {}, how);
            else
                parsed_ok<ast::command>(ex.bytes, {}, how);
            ++parsed;
        }
    }
    CHECK(departed == static_cast<int>(departures.size()));
    return parsed;
}

} // namespace imapwire::test
