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
