// The framer: messages and events do not depend on how the stream is cut, literals are announced,
// limits hold before bytes pile up, and the framer resynchronizes after errors.
#include "alloc_counter.hpp"
#include "test_data.hpp"

#include <imapwire/framer.hpp>
#include <imapwire/parse.hpp>

#include <doctest/doctest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace imapwire;
using imapwire::test::visible;

namespace {

/// A frame with its views copied, comparable. need_more frames are left out: they depend on
/// how the stream was cut.
struct event {
    frame_kind kind;
    message_kind as;
    std::string bytes;
    std::uint64_t offset;
    std::uint32_t literal_size;
    bool synchronizing;
    std::string tag;
    int error;
    bool operator==(const event&) const = default;
};

std::string describe(const std::vector<event>& events) {
    std::ostringstream o;
    for (const auto& e : events)
        o << int(e.kind) << '/' << int(e.as) << '@' << e.offset << ' '
          << visible(e.bytes.substr(0, 40)) << " lit=" << e.literal_size << " err=" << e.error
          << '\n';
    return o.str();
}

void drain(framer& f, std::vector<event>& out) {
    for (;;) {
        const frame fr = f.next();
        if (fr.kind == frame_kind::need_more)
            return;
        out.push_back(event{fr.kind, fr.as, std::string(fr.bytes), fr.offset, fr.literal.size,
                            fr.literal.synchronizing, std::string(fr.tag),
                            fr.kind == frame_kind::error ? fr.error.code.value() : 0});
    }
}

/// Feeds `stream` cut at the given points and collects the events, then ends the stream.
std::vector<event> run(std::string_view stream, const std::vector<std::size_t>& cuts,
                       framer_options opt) {
    framer f(opt);
    std::vector<event> out;
    std::size_t at = 0;
    for (std::size_t cut : cuts) {
        f.feed(stream.substr(at, cut - at));
        drain(f, out);
        at = cut;
    }
    f.feed(stream.substr(at));
    drain(f, out);
    f.finish();
    drain(f, out);
    return out;
}

std::vector<event> whole(std::string_view stream, framer_options opt) {
    return run(stream, {}, opt);
}

std::vector<event> byte_by_byte(std::string_view stream, framer_options opt) {
    std::vector<std::size_t> cuts;
    for (std::size_t i = 1; i < stream.size(); ++i)
        cuts.push_back(i);
    return run(stream, cuts, opt);
}

std::vector<event> random_chunks(std::string_view stream, framer_options opt, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::size_t> cuts;
    for (std::size_t at = 0;;) {
        at += 1 + rng() % 300;
        if (at >= stream.size())
            break;
        cuts.push_back(at);
    }
    return run(stream, cuts, opt);
}

framer_options server() {
    return {};
}
framer_options client() {
    framer_options o;
    o.role = role::client;
    return o;
}

std::string rfc_client_stream() {
    std::string s;
    for (const auto& ex : test::read_rfc_examples("rfc3501-client-examples.txt"))
        if (ex.kind.empty() && !ex.flagged("not-protocol"))
            s += ex.bytes;
    return s;
}

} // namespace

TEST_CASE("split anywhere: every cut of small streams gives the same events") {
    struct named {
        const char* name;
        std::string bytes;
        framer_options opt;
    };
    const std::vector<named> streams = {
        {"sample-commands", test::read_file(test::data_path("sample-commands.imap")), server()},
        {"bad-commands", test::read_file(test::data_path("bad-commands.imap")), server()},
        {"rfc client examples", rfc_client_stream(), server()},
        {"bad-responses", test::read_file(test::data_path("bad-responses.imap")), client()},
        {"session.server (first 6 KB)",
         test::read_file(test::data_path("dovecot/session.server")).substr(0, 6000), client()},
    };
    for (const auto& s : streams) {
        CAPTURE(s.name);
        const auto expected = whole(s.bytes, s.opt);
        REQUIRE(expected.size() > 5);
        for (std::size_t cut = 1; cut < s.bytes.size(); ++cut) {
            const auto got = run(s.bytes, {cut}, s.opt);
            if (got != expected) {
                CAPTURE(cut);
                CHECK(describe(got) == describe(expected));
                break;
            }
        }
        // two cuts around every CR LF pair: "...\r" | "\n..." and "...\r\n" | "..."
        for (std::size_t i = 0; i + 1 < s.bytes.size(); ++i)
            if (s.bytes[i] == '\r')
                CHECK(run(s.bytes, {i, i + 1}, s.opt) == expected);
    }
}

TEST_CASE("split anywhere: the recorded sessions byte by byte and in random chunks") {
    const std::string server_bytes = test::read_file(test::data_path("dovecot/session.server"));
    const std::string client_bytes = test::read_file(test::data_path("dovecot/session.client"));
    const auto s_whole = whole(server_bytes, client());
    const auto c_whole = whole(client_bytes, server());
    CHECK(s_whole.size() >= 399 + 97); // messages plus literal announcements
    CHECK(byte_by_byte(server_bytes, client()) == s_whole);
    CHECK(byte_by_byte(client_bytes, server()) == c_whole);
    for (unsigned seed = 1; seed <= 20; ++seed) {
        CAPTURE(seed);
        CHECK(random_chunks(server_bytes, client(), seed) == s_whole);
        CHECK(random_chunks(client_bytes, server(), seed) == c_whole);
    }
    // the framed messages are exactly what the parsers expect
    int messages = 0;
    for (const auto& e : s_whole) {
        if (e.kind != frame_kind::message)
            continue;
        ++messages;
        if (e.as == message_kind::greeting)
            CHECK(parse_greeting(e.bytes).ok());
        else
            CHECK(parse_response(e.bytes).ok());
    }
    CHECK(messages == 399);
    CHECK(s_whole.front().as == message_kind::greeting);
}

TEST_CASE("literal announcements: tag, size, synchronizing, then the octets") {
    framer f;
    f.feed("a1 LOGIN {4}\r\n");
    frame fr = f.next();
    REQUIRE(fr.kind == frame_kind::literal);
    CHECK(fr.literal.size == 4);
    CHECK(fr.literal.synchronizing);
    CHECK(fr.tag == "a1");
    CHECK(fr.literal.offset == 9);
    CHECK(fr.literal.line == "a1 LOGIN {4}\r\n");
    fr = f.next();
    REQUIRE(fr.kind == frame_kind::need_more);
    CHECK(fr.needed == 4 + 2);
    f.feed("fr"); // a server sent "+ Ready"; the octets arrive in pieces
    fr = f.next();
    REQUIRE(fr.kind == frame_kind::need_more);
    CHECK(fr.needed == 2 + 2);
    f.feed("ed {6+}\r\nsecret\r\na2 NOOP\r\n");
    fr = f.next();
    REQUIRE(fr.kind == frame_kind::literal);
    CHECK(!fr.literal.synchronizing);
    CHECK(fr.literal.size == 6);
    fr = f.next();
    REQUIRE(fr.kind == frame_kind::message);
    CHECK(fr.bytes == "a1 LOGIN {4}\r\nfred {6+}\r\nsecret\r\n");
    CHECK(fr.offset == 0);
    CHECK(fr.as == message_kind::command);
    fr = f.next();
    REQUIRE(fr.kind == frame_kind::message);
    CHECK(fr.bytes == "a2 NOOP\r\n");
    CHECK(fr.offset == 33);
    CHECK(f.next().kind == frame_kind::need_more);
}

TEST_CASE("a refused synchronizing literal drops the command; the next line is a new one") {
    framer f;
    f.feed("a1 APPEND INBOX {999999}\r\n");
    frame fr = f.next();
    REQUIRE(fr.kind == frame_kind::literal);
    f.refuse_literal(); // the server answers "a1 NO too big"; the client sends no octets
    f.feed("a2 NOOP\r\n");
    fr = f.next();
    REQUIRE(fr.kind == frame_kind::message);
    CHECK(fr.bytes == "a2 NOOP\r\n");
    CHECK(fr.offset == 26);
}

TEST_CASE("AUTHENTICATE lines and IDLE's DONE are framed as what they are") {
    framer f;
    f.feed("a1 AUTHENTICATE PLAIN\r\nAGZyZWQAc2VjcmV0\r\na2 NOOP\r\n");
    CHECK(f.next().as == message_kind::command);
    frame fr = f.next();
    CHECK(fr.as == message_kind::authenticate_data);
    CHECK(parse_authenticate_data(fr.bytes).ok());
    f.end_authenticate(); // the server sent "a1 OK"
    CHECK(f.next().as == message_kind::command);

    framer c; // cancelled with "*"
    c.feed("a1 authenticate GSSAPI\r\n*\r\na2 NOOP\r\n");
    CHECK(c.next().as == message_kind::command);
    CHECK(c.next().as == message_kind::authenticate_data);
    CHECK(c.next().as == message_kind::command);

    framer i;
    i.feed("a1 IDLE\r\nDONE\r\na2 NOOP\r\n");
    CHECK(i.next().as == message_kind::command);
    fr = i.next();
    CHECK(fr.as == message_kind::idle_done);
    CHECK(is_idle_done(fr.bytes));
    CHECK(i.next().as == message_kind::command);
}

TEST_CASE("hostile literal counts") {
    for (const std::string count : {"4294967296", "99999999999999999999"}) {
        CAPTURE(count);
        framer f;
        f.feed("a1 APPEND x {" + count + "}\r\na2 NOOP\r\n");
        frame fr = f.next();
        REQUIRE(fr.kind == frame_kind::error);
        CHECK(fr.error.code == error::number_range);
        CHECK(fr.offset == 12);
        CHECK(fr.tag == "a1"); // so a server can answer "a1 BAD ..."
        fr = f.next();         // the count cannot be skipped: the next line is the next message
        REQUIRE(fr.kind == frame_kind::message);
        CHECK(fr.bytes == "a2 NOOP\r\n");
    }

    // a literal over the limit that the peer sends anyway is skipped by its count
    framer_options small = client();
    small.max_literal_size = 1000;
    framer f(small);
    f.feed("* 1 FETCH (BODY[] {5000}\r\n");
    frame fr = f.next();
    REQUIRE(fr.kind == frame_kind::error);
    CHECK(fr.error.code == error::literal_too_large);
    const std::string body(5000, 'x');
    for (std::size_t i = 0; i < body.size(); i += 700) {
        f.feed(std::string_view(body).substr(i, 700));
        CHECK(f.next().kind == frame_kind::need_more);
        CHECK(f.buffered() <= 700);
    }
    f.feed(")\r\n* 2 EXISTS\r\n");
    fr = f.next();
    REQUIRE(fr.kind == frame_kind::message); // the session goes on
    CHECK(fr.bytes == "* 2 EXISTS\r\n");
    CHECK(fr.offset == 26 + 5000 + 3);

    // a LITERAL+ literal over the limit is sent anyway: skipped by count (server role)
    framer_options tight;
    tight.max_literal_size = 3;
    framer s(tight);
    s.feed("a1 LOGIN {5+}\r\nfrede x\r\na2 NOOP\r\n");
    CHECK(s.next().error.code == error::literal_too_large);
    fr = s.next();
    REQUIRE(fr.kind == frame_kind::message);
    CHECK(fr.bytes == "a2 NOOP\r\n");
}

TEST_CASE("a 100 MB line without CRLF is refused early and skipped in bounded memory") {
    framer f;
    const std::string chunk(1 << 20, 'x');
    test::reset_heap_peak();
    const std::size_t before = test::heap_live();
    int errors = 0;
    for (int i = 0; i < 100; ++i) {
        f.feed(chunk);
        for (frame fr = f.next(); fr.kind != frame_kind::need_more; fr = f.next()) {
            CHECK(fr.kind == frame_kind::error);
            CHECK(fr.error.code == error::line_too_long);
            CHECK(fr.offset == 0);
            ++errors;
        }
        CHECK(f.buffered() <= 64 * 1024 + chunk.size());
    }
    CHECK(errors == 1);
    CHECK(test::heap_peak() - before < 4 * chunk.size());
    f.feed("yyy\r\na1 NOOP\r\n"); // the end of the long line, then the session goes on
    frame fr = f.next();
    REQUIRE(fr.kind == frame_kind::message);
    CHECK(fr.bytes == "a1 NOOP\r\n");
    CHECK(fr.offset == 100u * chunk.size() + 5);
}

TEST_CASE("100,000 nested parentheses: the line limit, or the parser's depth limit") {
    const std::string deep =
        "a1 SEARCH " + std::string(100000, '(') + "ALL" + std::string(100000, ')') + "\r\n";
    framer f;
    f.feed(deep);
    CHECK(f.next().error.code == error::line_too_long);

    framer_options wide;
    wide.max_line_length = 1 << 20;
    framer g(wide);
    g.feed(deep);
    const frame fr = g.next();
    REQUIRE(fr.kind == frame_kind::message);
    parse_options p;
    p.max_line_length = 1 << 20;
    auto r = parse_command(fr.bytes, p);
    REQUIRE(r.failed());
    CHECK(r.error().code == error::nesting_too_deep);
}

TEST_CASE("a stream that ends inside a message is truncated") {
    framer f;
    f.feed("a1 LOGIN {5}\r\nabc");
    CHECK(f.next().kind == frame_kind::literal);
    CHECK(f.next().kind == frame_kind::need_more);
    f.finish();
    frame fr = f.next();
    REQUIRE(fr.kind == frame_kind::error);
    CHECK(fr.error.code == error::truncated);
    CHECK(fr.offset == 0);

    framer g(client());
    g.feed("* OK ready\r\n* 1 FETCH (BODY[] {10}\r\n0123456789");
    g.finish();
    CHECK(g.next().kind == frame_kind::message);
    CHECK(g.next().kind == frame_kind::literal);
    fr = g.next();
    REQUIRE(fr.kind == frame_kind::error); // the line after the literal never came
    CHECK(fr.error.code == error::truncated);
    CHECK(fr.offset == 12);

    framer h;
    h.feed("a1 NOOP");
    h.finish();
    CHECK(h.next().error.code == error::truncated);
}

TEST_CASE("message size limit") {
    framer_options o;
    o.max_message_size = 100;
    framer f(o);
    f.feed("a1 LOGIN {50}\r\n" + std::string(50, 'u') + " {60+}\r\n" + std::string(60, 'p') +
           "\r\na2 NOOP\r\n");
    CHECK(f.next().kind == frame_kind::literal);
    frame fr = f.next();
    REQUIRE(fr.kind == frame_kind::error);
    CHECK(fr.error.code == error::message_too_large);
    fr = f.next();
    REQUIRE(fr.kind == frame_kind::message);
    CHECK(fr.bytes == "a2 NOOP\r\n");
}

TEST_CASE("large literals can be streamed in pieces instead of buffered") {
    framer_options o;
    o.stream_literals_above = 1000;
    framer f(o);
    const std::string content(100000, 'm');
    f.feed("a1 APPEND INBOX (\\Seen) {100000}\r\n");
    frame fr = f.next();
    REQUIRE(fr.kind == frame_kind::literal);
    CHECK(fr.literal.size == 100000);
    std::string received;
    std::size_t peak_buffered = 0;
    for (std::size_t i = 0; i < content.size(); i += 4096) {
        f.feed(std::string_view(content).substr(i, 4096));
        for (fr = f.next(); fr.kind == frame_kind::literal_data; fr = f.next()) {
            CHECK(fr.offset == 34 + received.size()); // the 34-byte line, then the octets
            received += fr.bytes;
        }
        peak_buffered = std::max(peak_buffered, f.buffered());
    }
    CHECK(received == content);
    CHECK(peak_buffered < 200);
    f.feed("\r\na2 NOOP\r\n");
    fr = f.next();
    REQUIRE(fr.kind == frame_kind::message);
    CHECK(fr.bytes == "a1 APPEND INBOX (\\Seen) {0}\r\n\r\n");
    CHECK(fr.offset == 0);
    CHECK(parse_command(fr.bytes).ok());
    fr = f.next();
    REQUIRE(fr.kind == frame_kind::message);
    CHECK(fr.offset == 34 + 100000 + 2);
    // small literals are still buffered
    f.feed("a3 LOGIN {3}\r\nabc x\r\n");
    CHECK(f.next().kind == frame_kind::literal);
    CHECK(f.next().bytes == "a3 LOGIN {3}\r\nabc x\r\n");
}

TEST_CASE("bare LF ends a line for framing; the parser then names the error") {
    framer f;
    f.feed("a1 NOOP\na2 NOOP\r\n");
    frame fr = f.next();
    REQUIRE(fr.kind == frame_kind::message);
    CHECK(fr.bytes == "a1 NOOP\n");
    auto r = parse_command(fr.bytes);
    REQUIRE(r.failed());
    CHECK(r.error().code == error::bare_cr_lf);
    CHECK(f.next().bytes == "a2 NOOP\r\n");
}

TEST_CASE("regressions: streamed LITERAL+ keeps its +, a refused greeting is still the greeting") {
    framer_options o;
    o.stream_literals_above = 1000;
    framer f(o);
    f.feed("a1 APPEND x {2000+}\r\n" + std::string(2000, 'x') + "\r\n");
    CHECK(f.next().kind == frame_kind::literal);
    frame fr = f.next();
    while (fr.kind == frame_kind::literal_data)
        fr = f.next();
    REQUIRE(fr.kind == frame_kind::message);
    CHECK(fr.bytes == "a1 APPEND x {0+}\r\n\r\n");

    // a streamed literal does not count towards max_message_size: it is never buffered
    o.max_message_size = 100;
    framer g(o);
    g.feed("a1 APPEND x {5000}\r\n");
    CHECK(g.next().kind == frame_kind::literal);

    framer_options c;
    c.role = role::client;
    c.max_line_length = 20;
    framer h(c);
    h.feed("* OK this greeting is too long\r\n* 1 EXISTS\r\n");
    CHECK(h.next().kind == frame_kind::error);
    fr = h.next();
    REQUIRE(fr.kind == frame_kind::message);
    CHECK(fr.as == message_kind::response);
}
