// The one-side stream reader: its records tile the stream whatever the cut, streamed literals
// keep stream offsets, refusals resynchronize, a stream that ends inside a message says what is
// missing, and a client stream's AUTHENTICATE and IDLE lines are read as what they are.
#include "test_data.hpp"

#include <imapwire/stream_reader.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace imapwire;
using imapwire::test::visible;

namespace {

/// A record with its views copied, comparable.
struct rec {
    record_kind kind;
    std::uint64_t offset;
    std::uint64_t length;
    std::string head;
    std::string message;
    message_kind as;
    std::string production;
    std::size_t value_index;
    int error;
    std::size_t error_offset;
    std::string internal;
    std::size_t missing_needed;
    bool missing_literal;
    std::size_t streamed;
    bool operator==(const rec&) const = default;
};

rec copy(const stream_record& r) {
    return rec{r.kind,
               r.offset,
               r.length,
               std::string(r.head),
               std::string(r.message),
               r.as,
               std::string(r.production),
               r.value.index(),
               r.error ? r.error->code.value() : 0,
               r.error ? r.error->offset : 0,
               r.internal,
               r.missing ? r.missing->needed : 0,
               r.missing && r.missing->literal.has_value(),
               r.streamed.size()};
}

std::string describe(const std::vector<rec>& records) {
    std::ostringstream o;
    for (const auto& r : records)
        o << int(r.kind) << '@' << r.offset << '+' << r.length << ' ' << r.production << '/'
          << int(r.as) << " v=" << r.value_index << " err=" << r.error << '@' << r.error_offset
          << " head=" << r.head.size() << ' ' << visible(r.head.substr(0, 40))
          << " message=" << r.message.size() << ' ' << r.internal << '\n';
    return o.str();
}

/// Reads `stream` fed in pieces whose sizes `next_piece` gives.
template <class NextPiece>
std::vector<rec> read_cut(std::string_view stream, const stream_reader_options& o,
                          NextPiece next_piece) {
    stream_reader reader(o);
    std::vector<rec> out;
    reader.on_record([&](const stream_record& r) { out.push_back(copy(r)); });
    for (std::size_t at = 0; at < stream.size();) {
        const std::size_t n = std::min(next_piece(), stream.size() - at);
        const std::string chunk(stream.substr(at, n)); // a copy, gone after feed()
        reader.feed(chunk);
        at += n;
    }
    reader.finish();
    CHECK(reader.offset() == stream.size());
    return out;
}

/// Reads `stream` fed in pieces of `piece` bytes (0: all at once).
std::vector<rec> read(std::string_view stream, const stream_reader_options& o,
                      std::size_t piece = 0) {
    return read_cut(stream, o, [&] { return piece == 0 ? stream.size() : piece; });
}

/// The records tile the stream and do not depend on how it was cut.
std::vector<rec> read_all_ways(std::string_view stream, const stream_reader_options& o) {
    const auto whole = read(stream, o);
    INFO(describe(whole));
    std::uint64_t at = 0;
    for (const auto& r : whole) {
        CHECK(r.offset == at);
        CHECK(r.length > 0);
        at = r.offset + r.length;
    }
    CHECK(at == stream.size());
    for (const std::size_t piece : {1, 7}) {
        const auto cut = read(stream, o, piece);
        INFO("in pieces of ", piece, ":\n", describe(cut));
        CHECK(cut == whole);
    }
    std::mt19937 rng(42);
    for (int round = 0; round < 5; ++round)
        CHECK(read_cut(stream, o, [&] { return std::size_t(1 + rng() % 23); }) == whole);
    return whole;
}

stream_reader_options content(stream_content c) {
    stream_reader_options o;
    o.content = c;
    return o;
}

} // namespace

TEST_CASE("stream_reader: a client stream, commands with literals") {
    const std::string s = "a1 LOGIN {4}\r\nfred {6}\r\nsecret\r\n"
                          "a2 SELECT INBOX\r\n"
                          "a3 APPEND Drafts (\\Seen) {11}\r\nHello world\r\n"
                          "a4 LOGOUT\r\n";
    const auto r = read_all_ways(s, content(stream_content::client));
    REQUIRE(r.size() == 4);
    for (const auto& x : r) {
        CHECK(x.kind == record_kind::message);
        CHECK(x.production == "command");
        CHECK(x.value_index == 1);
        CHECK(x.head == x.message);
        CHECK(x.message == s.substr(x.offset, x.length));
    }
    CHECK(r[2].message.starts_with("a3 APPEND"));
    CHECK(r[2].offset == s.find("a3 APPEND"));
}

TEST_CASE("stream_reader: a server stream reads its first message as the greeting") {
    const std::string s = "* OK [CAPABILITY IMAP4rev1] ready\r\n"
                          "* 3 EXISTS\r\n"
                          "* 1 FETCH (BODY[] {5}\r\nhello)\r\n"
                          "a1 OK done\r\n";
    const auto r = read_all_ways(s, content(stream_content::server));
    REQUIRE(r.size() == 4);
    CHECK(r[0].production == "greeting");
    CHECK(r[0].as == message_kind::greeting);
    for (std::size_t i = 1; i < r.size(); ++i) {
        CHECK(r[i].production == "response");
        CHECK(r[i].as == message_kind::response);
        CHECK(r[i].kind == record_kind::message);
        CHECK(r[i].error == 0);
    }
    // the same bytes as responses only: "* OK ..." is a response too
    const auto responses = read_all_ways(s, content(stream_content::responses));
    REQUIRE(responses.size() == 4);
    CHECK(responses[0].production == "response");
    CHECK(responses[0].error == 0);
}

TEST_CASE("stream_reader: a literal streamed past keeps stream offsets") {
    auto o = content(stream_content::client);
    o.stream_literals_above = 8;
    const std::string body(40, 'x');
    const std::string s = "a1 NOOP\r\na2 APPEND box {40}\r\n" + body + " junk\r\na3 NOOP\r\n";
    const auto r = read_all_ways(s, o);
    REQUIRE(r.size() == 3);
    const rec& append = r[1];
    CHECK(append.kind == record_kind::message);
    CHECK(append.streamed == 1);
    CHECK(append.message.find("{0}\r\n") != std::string::npos);
    CHECK(append.message.find("xxxx") == std::string::npos); // the octets were not buffered
    CHECK(append.length == s.find("a3") - s.find("a2"));
    // " junk" after the literal is a syntax error, reported at its stream offset
    CHECK(append.error == int(error::syntax));
    CHECK(append.error_offset == s.find(" junk"));

    // the record's offsets into `message` map back into the stream
    stream_reader reader(o);
    bool seen = false;
    reader.on_record([&](const stream_record& x) {
        if (x.streamed.empty())
            return;
        seen = true;
        const auto& c = x.streamed.front();
        CHECK(c.located);
        CHECK(c.size == 40);
        CHECK(c.stream_at == s.find(body));
        CHECK(x.stream_offset(c.octets_at) == c.stream_at + c.size);
        CHECK(x.stream_offset(0) == x.offset);
        CHECK(x.stream_offset(x.message.find("{0}")) == s.find("{40}"));
        CHECK(x.stream_offset(c.zero_end) == s.find("}\r\n" + body));
    });
    reader.feed(s);
    reader.finish();
    CHECK(seen);
}

TEST_CASE("stream_reader: a streamed LITERAL+ literal is parsed as sent") {
    auto o = content(stream_content::client);
    o.stream_literals_above = 8;
    const std::string s = "a1 APPEND box {20+}\r\n" + std::string(20, 'y') + "\r\na2 NOOP\r\n";
    // strict RFC 3501: `{n+}` is a syntax error, as for a literal that was buffered
    o.parse.extensions = extension_set::none();
    auto r = read_all_ways(s, o);
    REQUIRE(r.size() == 2);
    CHECK(r[0].message.find("{0+}") != std::string::npos);
    o.parse.extensions = extension_set{extension::literal_plus};
    r = read_all_ways(s, o);
    REQUIRE(r.size() == 2);
    CHECK(r[0].error == 0);
    CHECK(r[0].value_index == 1);
    CHECK(r[0].message.find("{0+}\r\n") != std::string::npos);
    CHECK(r[1].error == 0);
}

TEST_CASE("stream_reader: a NUL in a streamed literal is refused as the parser refuses it") {
    auto o = content(stream_content::client);
    o.stream_literals_above = 8;
    std::string body(30, 'z');
    body[17] = '\0';
    const std::string s = "a1 APPEND box {30}\r\n" + body + "\r\na2 NOOP\r\n";
    const auto r = read_all_ways(s, o);
    REQUIRE(r.size() == 2);
    CHECK(r[0].error == int(error::nul_byte));
    CHECK(r[0].error_offset == s.find('\0', 0));
    CHECK(r[0].value_index == 0);
    CHECK(r[1].error == 0);

    // and the same message buffered whole gets the same verdict from the parser
    o.stream_literals_above = 1000;
    const auto buffered = read_all_ways(s, o);
    REQUIRE(buffered.size() == 2);
    CHECK(buffered[0].error == int(error::nul_byte));
    CHECK(buffered[0].error_offset == r[0].error_offset);
}

TEST_CASE("stream_reader: an overlong line is refused and the next message is read") {
    auto o = content(stream_content::client);
    o.parse.max_line_length = 64;
    const std::string s = "a1 NOOP\r\na2 SEARCH " + std::string(200, 'A') + "\r\na3 NOOP\r\n";
    const auto r = read_all_ways(s, o);
    REQUIRE(r.size() == 3);
    CHECK(r[0].error == 0);
    CHECK(r[1].kind == record_kind::refused);
    CHECK(r[1].error == int(error::line_too_long));
    CHECK(r[1].offset == s.find("a2"));
    CHECK(r[1].head.starts_with("a2 SEARCH AAAA"));
    CHECK(r[1].production.empty());
    CHECK(r[2].kind == record_kind::message);
    CHECK(r[2].error == 0);
    CHECK(r[2].offset == s.find("a3"));
}

TEST_CASE("stream_reader: a literal over the limit is refused, the reader resynchronizes") {
    auto o = content(stream_content::client);
    o.parse.max_literal_size = 100;
    const std::string s = "a1 APPEND box {5000}\r\na2 NOOP\r\n";
    const auto r = read_all_ways(s, o);
    REQUIRE(!r.empty());
    CHECK(r[0].kind == record_kind::refused);
    CHECK(r[0].error == int(error::literal_too_large));
    CHECK(r.back().kind == record_kind::message);
    CHECK(r.back().error == 0);
    CHECK(r.back().offset == s.find("a2"));
}

TEST_CASE("stream_reader: a stream that ends inside a literal says what is missing") {
    const std::string s = "a1 NOOP\r\na2 APPEND box {10}\r\nabc";
    const auto r = read_all_ways(s, content(stream_content::client));
    REQUIRE(r.size() == 2);
    CHECK(r[1].kind == record_kind::truncated);
    CHECK(r[1].offset == s.find("a2"));
    CHECK(r[1].error == int(error::truncated));
    CHECK(r[1].error_offset == s.size());
    CHECK(r[1].missing_literal);
    CHECK(r[1].missing_needed >= 7); // 7 octets and the CRLF after them

    stream_reader reader(content(stream_content::client));
    std::optional<std::size_t> announced;
    reader.on_record([&](const stream_record& x) {
        if (x.kind == record_kind::truncated && x.missing && x.missing->literal)
            announced = x.missing->literal->announced_at;
    });
    reader.feed(s);
    reader.finish();
    CHECK(announced == s.find("{10}"));

    // inside a line: truncated, no literal
    const auto line = read_all_ways("a1 NOOP\r\na2 SEL", content(stream_content::client));
    REQUIRE(line.size() == 2);
    CHECK(line[1].kind == record_kind::truncated);
    CHECK(!line[1].missing_literal);
}

TEST_CASE("stream_reader: AUTHENTICATE lines in a client stream") {
    const auto o = content(stream_content::client);
    SUBCASE("the exchange ends with the next command") {
        const std::string s = "a1 AUTHENTICATE PLAIN\r\nAGZyZWQAc2VjcmV0\r\na2 NOOP\r\n";
        const auto r = read_all_ways(s, o);
        REQUIRE(r.size() == 3);
        CHECK(r[0].production == "command");
        CHECK(r[1].production == "authenticate");
        CHECK(r[1].as == message_kind::authenticate_data);
        CHECK(r[1].value_index == 2);
        CHECK(r[2].production == "command");
        CHECK(r[2].error == 0);
    }
    SUBCASE("several lines, then a cancel") {
        const std::string s = "a1 AUTHENTICATE GSSAPI\r\nYIIB\r\nYGY=\r\n*\r\na2 NOOP\r\n";
        const auto r = read_all_ways(s, o);
        REQUIRE(r.size() == 5);
        CHECK(r[1].production == "authenticate");
        CHECK(r[2].production == "authenticate");
        CHECK(r[3].production == "authenticate");
        CHECK(r[3].error == 0);
        CHECK(r[4].production == "command");
        CHECK(r[4].error == 0);
    }
    SUBCASE("SASL-IR: no continuation lines, the next line is a command") {
        const std::string s = "a1 AUTHENTICATE PLAIN AGZyZWQAc2VjcmV0\r\na2 NOOP\r\n";
        const auto r = read_all_ways(s, o);
        REQUIRE(r.size() == 2);
        CHECK(r[0].error == 0);
        CHECK(r[1].production == "command");
        CHECK(r[1].error == 0);
    }
    SUBCASE("an IDLE after the exchange: its DONE is read as DONE") {
        const std::string s = "a1 AUTHENTICATE PLAIN\r\nAGZyZWQAc2VjcmV0\r\na2 IDLE\r\nDONE\r\n"
                              "a3 NOOP\r\n";
        const auto r = read_all_ways(s, o);
        REQUIRE(r.size() == 5);
        CHECK(r[1].production == "authenticate");
        CHECK(r[2].as == message_kind::command);
        CHECK(r[2].error == 0);
        CHECK(r[3].as == message_kind::idle_done);
        CHECK(r[3].value_index == 3);
        CHECK(r[4].as == message_kind::command);
        CHECK(r[4].error == 0);
    }
    SUBCASE("an AUTHENTICATE where DONE was due: its lines are read as AUTHENTICATE lines") {
        const std::string s = "a1 IDLE\r\na2 AUTHENTICATE PLAIN\r\nAGZyZWQAc2VjcmV0\r\na3 NOOP\r\n";
        const auto r = read_all_ways(s, o);
        REQUIRE(r.size() == 4);
        CHECK(r[1].as == message_kind::command);
        CHECK(r[1].error == 0);
        CHECK(r[2].production == "authenticate");
        CHECK(r[2].error == 0);
        CHECK(r[3].as == message_kind::command);
        CHECK(r[3].error == 0);
    }
    SUBCASE("a stream of AUTHENTICATE lines only") {
        const auto r =
            read_all_ways("AGZyZWQAc2VjcmV0\r\n*\r\n", content(stream_content::authenticate));
        REQUIRE(r.size() == 2);
        CHECK(r[0].production == "authenticate");
        CHECK(r[0].error == 0);
        CHECK(r[1].error == 0);
    }
}

TEST_CASE("stream_reader: IDLE and DONE in a client stream") {
    const std::string s = "a1 IDLE\r\nDONE\r\na2 NOOP\r\na3 IDLE\r\nDONE\r\n";
    const auto r = read_all_ways(s, content(stream_content::client));
    REQUIRE(r.size() == 5);
    CHECK(r[1].as == message_kind::idle_done);
    CHECK(r[1].value_index == 3);
    CHECK(r[1].error == 0);
    CHECK(r[2].as == message_kind::command);
    CHECK(r[2].error == 0);
    CHECK(r[4].as == message_kind::idle_done);
    CHECK(r[4].value_index == 3);

    // "DONE" where no IDLE came before it is a command, and not a valid one
    const auto stray = read_all_ways("DONE\r\n", content(stream_content::client));
    REQUIRE(stray.size() == 1);
    CHECK(stray[0].as == message_kind::command);
    CHECK(stray[0].error == int(error::syntax));
}
