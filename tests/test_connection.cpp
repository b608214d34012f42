// imapwire::connection: both sides of a connection through their framers, the parser and the
// session, with the two directions wired together (AUTHENTICATE's end, refused literals).
#include "test_data.hpp"

#include <imapwire/connection.hpp>

#include <doctest/doctest.h>

#include <string>
#include <variant>
#include <vector>

using namespace imapwire;

namespace {

/// What one event showed, kept after the views are gone.
struct seen {
    side from;
    frame_kind kind;
    std::size_t parsed_index; // parsed_message's alternative
    std::string bytes;
    std::size_t findings;
};

struct recorder {
    std::vector<seen> events;
    void attach(connection& c) {
        c.on_event([this](const connection_event& e) {
            events.push_back({e.side, e.frame.kind, e.parsed.index(), std::string(e.frame.bytes),
                              e.findings.size()});
        });
    }
};

/// The C:/S: lines of a transcript, each with its CRLF, fed to its side (or byte by byte).
void feed_transcript(connection& c, const std::string& text, bool bytewise) {
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t nl = text.find('\n', at);
        std::string line = text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
        at = nl == std::string::npos ? text.size() : nl + 1;
        if (line.rfind("C:", 0) != 0 && line.rfind("S:", 0) != 0)
            continue;
        const side s = line[0] == 'C' ? side::client : side::server;
        const std::string bytes = (line.size() > 3 ? line.substr(3) : std::string()) + "\r\n";
        if (bytewise)
            for (char ch : bytes)
                c.feed(s, std::string_view(&ch, 1));
        else
            c.feed(s, bytes);
    }
    c.finish();
}

constexpr std::size_t parsed_none = 0, parsed_command = 1, parsed_auth = 2, parsed_done = 3,
                      parsed_greeting = 4, parsed_response = 5;

} // namespace

TEST_CASE("connection: the RFC 3501 section 8 sample, message by message, however it is cut") {
    const std::string trace = test::read_file(test::data_path("rfc3501-section8.trace"));
    for (bool bytewise : {false, true}) {
        CAPTURE(bytewise);
        connection c;
        recorder r;
        r.attach(c);
        feed_transcript(c, trace, bytewise);
        CHECK(c.findings().empty());
        CHECK(c.state() == protocol_state::logout);
        std::size_t commands = 0, responses = 0, greetings = 0, literals = 0;
        for (const seen& e : r.events) {
            if (e.kind == frame_kind::literal) {
                ++literals;
                CHECK(e.parsed_index == parsed_none);
                continue;
            }
            REQUIRE(e.kind == frame_kind::message);
            CHECK(e.findings == 0);
            if (e.from == side::client) {
                CHECK(e.parsed_index == parsed_command);
                ++commands;
            } else {
                CHECK((e.parsed_index == parsed_response || e.parsed_index == parsed_greeting));
                greetings += e.parsed_index == parsed_greeting;
                responses += e.parsed_index == parsed_response;
            }
        }
        CHECK(greetings == 1);
        CHECK(commands == 6);   // login, select, fetch, fetch, store, logout
        CHECK(literals == 1);   // the server's BODY[HEADER] {342}
        CHECK(responses == 15); // and the greeting: the 16 server messages of the sample
        CHECK(c.session().stats().client_messages == commands);
    }
}

TEST_CASE("connection: the server's tagged reply ends the client's AUTHENTICATE lines") {
    connection c;
    recorder r;
    r.attach(c);
    c.feed(side::server, "* OK ready\r\n");
    c.feed(side::client, "a1 AUTHENTICATE PLAIN\r\n");
    c.feed(side::server, "+ \r\n");
    c.feed(side::client, "AGZyZWQAc2VjcmV0\r\n");
    c.feed(side::server, "a1 OK done\r\n");
    c.feed(side::client, "NOOP2\r\n"); // framed as a command again, so a syntax finding
    c.feed(side::client, "a2 NOOP\r\n");
    c.feed(side::server, "a2 OK done\r\n");
    c.finish();
    REQUIRE(r.events.size() == 8);
    CHECK(r.events[3].parsed_index == parsed_auth);
    CHECK(r.events[5].parsed_index == parsed_none); // "NOOP2" is no command
    CHECK(r.events[5].findings == 1);
    CHECK(r.events[6].parsed_index == parsed_command);
    REQUIRE(c.findings().size() == 1);
    CHECK(c.findings()[0].kind == finding_kind::syntax);
    CHECK(c.state() == protocol_state::authenticated);
}

TEST_CASE("connection: a literal refused before its continuation is not read as the next bytes") {
    connection c;
    recorder r;
    r.attach(c);
    c.feed(side::server, "* OK ready\r\n");
    c.feed(side::client, "a1 LOGIN fred secret\r\n");
    c.feed(side::server, "a1 OK done\r\n");
    c.feed(side::client, "a2 APPEND INBOX {17}\r\n");
    c.feed(side::server, "a2 NO [TOOBIG] no room\r\n");
    c.feed(side::client, "a3 NOOP\r\n"); // not 17 octets of a literal: a new command
    c.feed(side::server, "a3 OK done\r\n");
    c.finish();
    CHECK(c.findings().empty());
    REQUIRE(r.events.size() == 7);
    CHECK(r.events[3].kind == frame_kind::literal);
    CHECK(r.events[5].kind == frame_kind::message);
    CHECK(r.events[5].parsed_index == parsed_command);
    CHECK(r.events[5].bytes == "a3 NOOP\r\n");
}

TEST_CASE("connection: IDLE and its DONE, the session's findings with the event that caused them") {
    connection c;
    recorder r;
    r.attach(c);
    c.feed(side::server, "* OK ready\r\n");
    c.feed(side::client, "a1 SELECT INBOX\r\n"); // not allowed before LOGIN: a finding
    c.feed(side::server, "a1 BAD log in first\r\n");
    c.feed(side::client, "a2 LOGIN fred secret\r\n");
    c.feed(side::server, "a2 OK done\r\n");
    c.feed(side::client, "a3 IDLE\r\n");
    c.feed(side::server, "+ idling\r\n");
    CHECK(c.session().idling());
    c.feed(side::client, "DONE\r\n");
    c.feed(side::server, "a3 OK IDLE terminated\r\n");
    c.finish();
    REQUIRE(r.events.size() == 9);
    CHECK(r.events[1].findings == 1);
    CHECK(c.findings()[0].kind == finding_kind::command_not_allowed);
    CHECK(r.events[7].parsed_index == parsed_done);
    CHECK(c.findings().size() == 1);
    REQUIRE(c.origins().size() == 1);
    CHECK(c.origins()[0] == origin_peer);
}

TEST_CASE("connection: strict RFC 3501 through connection_options") {
    connection_options o;
    o.parse.extensions = extension_set::none();
    connection c(o);
    c.feed(side::server, "* OK ready\r\n");
    c.feed(side::client, "a1 LOGIN fred secret\r\n");
    c.feed(side::server, "a1 OK done\r\n");
    c.feed(side::client, "a2 ENABLE CONDSTORE\r\n");
    c.feed(side::server, "a2 BAD what\r\n");
    c.finish();
    REQUIRE(c.findings().size() == 1);
    CHECK(c.findings()[0].kind == finding_kind::syntax);
}

TEST_CASE("connection: a message cut off where the recording ends is marked as such") {
    connection c;
    c.feed(side::server, "* OK ready\r\n");
    c.feed(side::client, "a1 LOGIN fred");
    c.finish();
    REQUIRE(!c.findings().empty());
    CHECK(c.findings()[0].kind == finding_kind::framing);
    CHECK((c.origins()[0] & origin_cut) != 0);
}

#if defined(IMAPWIRE_WITH_ZLIB)
#include <zlib.h>

namespace {

/// Raw DEFLATE (RFC 1951) of each message in turn, each ended with a sync flush: what a peer
/// sends after COMPRESS DEFLATE (RFC 4978 §4).
std::string deflate_messages(const std::vector<std::string>& messages) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
                         Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out;
    for (const std::string& m : messages) {
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(m.data()));
        z.avail_in = static_cast<uInt>(m.size());
        do {
            char buf[4096];
            z.next_out = reinterpret_cast<Bytef*>(buf);
            z.avail_out = sizeof buf;
            REQUIRE(deflate(&z, Z_SYNC_FLUSH) != Z_STREAM_ERROR);
            out.append(buf, sizeof buf - z.avail_out);
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return out;
}

struct compressed_session {
    std::string client, server;
    std::size_t client_plain = 0; // bytes before the client's compressed stream
    std::size_t server_plain = 0;
};

compressed_session compressed_example(std::size_t literal = 5) {
    compressed_session s;
    s.client = "a LOGIN joe secret\r\nb COMPRESS DEFLATE\r\n";
    s.client_plain = s.client.size();
    s.client += deflate_messages(
        {"c NOOP\r\n",
         "d APPEND x {" + std::to_string(literal) + "+}\r\n" + std::string(literal, 'x') + "\r\n",
         "e LOGOUT\r\n"});
    s.server = "* OK ready\r\na OK logged in\r\nb OK DEFLATE active\r\n";
    s.server_plain = s.server.size();
    s.server += deflate_messages(
        {"c OK done\r\n", "d OK [APPENDUID 1 2] done\r\n", "* BYE bye\r\ne OK done\r\n"});
    return s;
}

} // namespace

TEST_CASE("COMPRESS (RFC 4978): both directions are inflated after the OK") {
    const compressed_session ex = compressed_example();
    // the client's bytes all at once, before the server's answer; then the server's, cut anywhere
    for (std::size_t cut : {std::size_t{1}, std::size_t{7}, std::size_t{100000}}) {
        CAPTURE(cut);
        connection c;
        recorder r;
        r.attach(c);
        const std::size_t greeting = ex.server.find('\n') + 1;
        c.feed(side::server, ex.server.substr(0, greeting));
        c.feed(side::client, ex.client);
        CHECK(!c.compressed(side::client)); // held back until the answer
        for (std::size_t at = greeting; at < ex.server.size(); at += cut)
            c.feed(side::server, ex.server.substr(at, cut));
        c.finish();
        CHECK(c.compressed(side::client));
        CHECK(c.compressed(side::server));
        for (const auto& f : c.findings())
            FAIL_CHECK(rule_name(f.kind) << ": " << f.text);
        CHECK(c.state() == protocol_state::logout);
        std::vector<std::string> commands;
        for (const seen& e : r.events)
            if (e.from == side::client && e.kind == frame_kind::message)
                commands.push_back(e.bytes);
        REQUIRE(commands.size() == 5);
        CHECK(commands[2] == "c NOOP\r\n");
        CHECK(commands[3] == "d APPEND x {5+}\r\nxxxxx\r\n");
        CHECK(commands[4] == "e LOGOUT\r\n");
        // in order: the answer to COMPRESS comes before the client's first compressed command
        std::size_t ok_at = 0, noop_at = 0;
        for (std::size_t i = 0; i < r.events.size(); ++i) {
            if (r.events[i].bytes == "b OK DEFLATE active\r\n")
                ok_at = i;
            if (r.events[i].bytes == "c NOOP\r\n")
                noop_at = i;
        }
        CHECK(ok_at < noop_at);
    }
}

TEST_CASE("COMPRESS: a large literal inflated a piece at a time is streamed, not held") {
    const compressed_session ex = compressed_example(3'000'000);
    CHECK(ex.client.size() < 100'000); // it compresses well
    connection_options o;
    o.stream_literals_above = 65536;
    connection c(o);
    std::size_t pieces = 0;
    std::size_t largest = 0;
    c.on_event([&](const connection_event& e) {
        if (e.frame.kind == frame_kind::literal_data) {
            ++pieces;
            largest = std::max(largest, e.frame.bytes.size());
        }
    });
    c.feed(side::client, ex.client);
    c.feed(side::server, ex.server);
    c.finish();
    for (const auto& f : c.findings())
        FAIL_CHECK(rule_name(f.kind) << ": " << f.text);
    CHECK(pieces >= 3'000'000 / 16384);
    CHECK(largest <= 16384);
}

TEST_CASE("COMPRESS: what does not inflate is one finding, and that side is read no further") {
    compressed_session ex = compressed_example();
    ex.client.replace(ex.client_plain, 4, "\xff\xff\xff\xff");
    connection c;
    c.feed(side::client, ex.client);
    c.feed(side::server, ex.server);
    c.finish();
    std::size_t compressed_errors = 0;
    for (const auto& f : c.findings())
        if (f.kind == finding_kind::framing &&
            f.text.find("cannot be inflated") != std::string::npos)
            ++compressed_errors;
    CHECK(compressed_errors == 1);
    CHECK(c.findings().size() < 6); // no cascade of syntax errors
}

TEST_CASE("COMPRESS: refused, or a recording that holds the inflated bytes, is read as it is") {
    // NO: nothing is compressed
    connection refused;
    recorder r;
    r.attach(refused);
    refused.feed(side::server, "* OK ready\r\n");
    refused.feed(side::client, "a LOGIN joe x\r\n");
    refused.feed(side::server, "a OK in\r\n");
    refused.feed(side::client, "b COMPRESS DEFLATE\r\nc NOOP\r\n"); // c waits for b's answer
    CHECK(r.events.back().bytes == "b COMPRESS DEFLATE\r\n");
    refused.feed(side::server, "b NO [COMPRESSIONACTIVE] TLS compresses already\r\n");
    CHECK(r.events.back().bytes == "c NOOP\r\n");
    refused.feed(side::server, "c OK done\r\n");
    refused.finish();
    CHECK(!refused.compressed(side::client));
    CHECK(refused.findings().empty());
    // a transcript logged by a peer: plain bytes after the OK
    connection_options plain;
    plain.inflate_compressed = false;
    connection c(plain);
    c.feed(side::server, "* OK ready\r\n");
    c.feed(side::client, "a LOGIN joe x\r\n");
    c.feed(side::server, "a OK in\r\n");
    c.feed(side::client, "b COMPRESS DEFLATE\r\n");
    c.feed(side::server, "b OK DEFLATE active\r\n");
    c.feed(side::client, "c NOOP\r\n");
    c.feed(side::server, "c OK done\r\n");
    c.finish();
    CHECK(!c.compressed(side::client));
    CHECK(c.findings().empty());
}
#endif
