// The RFC 3501 state machine: each finding kind with a small exchange that triggers it and one
// that must not, and whole recorded sessions that must come out clean.
#include "test_data.hpp"

#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>
#include <imapwire/session.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace imapwire;

namespace {

/// A tiny script: "C: line" / "S: line" entries, each one message (CRLF appended).
/// "C+ line" is a client line that ends a synchronizing literal's announcement: the literal
/// event is delivered, and the literal octets follow in the next "C: " entry together with the
/// rest of the command.
std::vector<finding> run(const std::vector<std::string>& script, bool finish = true) {
    session s;
    std::uint64_t c_off = 0, s_off = 0;
    std::string pending; // a client message being assembled around a literal
    for (const auto& entry : script) {
        const std::string body = entry.substr(3) + "\r\n";
        if (entry.rfind("C+ ", 0) == 0) {
            literal_announcement lit;
            lit.synchronizing = true;
            lit.offset = c_off + pending.size() + body.rfind('{');
            pending += body;
            lit.line = pending;
            s.client_literal(lit);
        } else if (entry.rfind("C: ", 0) == 0) {
            const std::string msg = pending + body;
            s.client_message(msg, c_off);
            c_off += msg.size();
            pending.clear();
        } else if (entry.rfind("A: ", 0) == 0) {
            s.client_message(body, c_off, message_kind::authenticate_data);
            c_off += body.size();
        } else {
            const bool waiting = s.awaiting_continuation();
            s.server_message(body, s_off);
            s_off += body.size();
            if (waiting && !s.awaiting_continuation() && body[0] != '+')
                pending.clear(); // refused: the client drops the command
        }
    }
    if (finish)
        s.finish();
    return s.findings();
}

std::vector<finding_kind> kinds(const std::vector<finding>& f) {
    std::vector<finding_kind> k;
    for (const auto& x : f)
        k.push_back(x.kind);
    return k;
}

const std::vector<std::string> logged_in = {"S: * OK ready", "C: a1 LOGIN fred secret",
                                            "S: a1 OK done"};
const std::vector<std::string> selected = {"S: * OK ready",       "C: a1 LOGIN fred secret",
                                           "S: a1 OK done",       "C: a2 SELECT INBOX",
                                           "S: * 2 EXISTS",       "S: * 0 RECENT",
                                           "S: * FLAGS (\\Seen)", "S: a2 OK [READ-WRITE] done"};

std::vector<std::string> with(std::vector<std::string> base, const std::vector<std::string>& more) {
    base.insert(base.end(), more.begin(), more.end());
    return base;
}

} // namespace

TEST_CASE("a clean session has no findings") {
    CHECK(run(with(selected, {"C: a3 FETCH 1 FLAGS", "S: * 1 FETCH (FLAGS (\\Seen))",
                              "S: a3 OK done", "C: a4 CLOSE", "S: a4 OK closed", "C: a5 LOGOUT",
                              "S: * BYE bye", "S: a5 OK bye"}))
              .empty());
}

TEST_CASE("syntax errors are findings with their production") {
    const auto f =
        run(with(logged_in, {"C: a2 FETCH 1:", "S: * 1 FETCH (FLAGS (\\Seen)", "S: a2 BAD what"}));
    REQUIRE(f.size() == 2);
    CHECK(f[0].kind == finding_kind::syntax);
    CHECK(f[0].side == side::client);
    CHECK(f[0].production == "seq-range");
    CHECK(f[0].offset == 22 + 11); // the second client message starts at 22
    CHECK(f[1].kind == finding_kind::syntax);
    CHECK(f[1].side == side::server);
    CHECK(run(with(logged_in, {"C: a2 NOOP", "S: a2 OK done"})).empty());
}

TEST_CASE("greeting") {
    CHECK(kinds(run({"S: * 1 EXISTS"})) == std::vector{finding_kind::missing_greeting});
    CHECK(run({"S: * PREAUTH hi", "C: a1 SELECT INBOX", "S: a1 OK x"}).empty());
    CHECK(kinds(run({"S: * OK hi", "C: a1 SELECT INBOX", "S: a1 NO x"})) ==
          std::vector{finding_kind::command_not_allowed});
}

TEST_CASE("commands in the wrong state") {
    CHECK(kinds(run({"S: * OK hi", "C: a1 FETCH 1 FLAGS", "S: a1 BAD no"})) ==
          std::vector{finding_kind::command_not_allowed});
    CHECK(kinds(run(with(logged_in, {"C: a2 LOGIN x y", "S: a2 BAD already"}))) ==
          std::vector{finding_kind::command_not_allowed});
    CHECK(kinds(run(with(logged_in, {"C: a2 CLOSE", "S: a2 BAD no mailbox"}))) ==
          std::vector{finding_kind::command_not_allowed});
    // pipelined: FETCH after SELECT is fine, the server runs them in order
    CHECK(run(with(logged_in, {"C: a2 SELECT INBOX", "C: a3 FETCH 1 UID", "S: * 1 EXISTS",
                               "S: a2 OK done", "S: * 1 FETCH (UID 5)", "S: a3 OK done"}))
              .empty());
    // a failed SELECT leaves the authenticated state: FETCH after it is not allowed
    CHECK(kinds(run(with(logged_in, {"C: a2 SELECT nosuch", "S: a2 NO no such mailbox",
                                     "C: a3 FETCH 1 UID", "S: a3 BAD not selected"}))) ==
          std::vector{finding_kind::command_not_allowed});
}

TEST_CASE("tags: duplicates in flight, unknown tags, unfinished commands") {
    CHECK(kinds(run(with(logged_in, {"C: a2 NOOP", "C: a2 NOOP", "S: a2 OK x", "S: a2 OK x"}))) ==
          std::vector{finding_kind::duplicate_tag});
    CHECK(run(with(logged_in, {"C: a2 NOOP", "S: a2 OK x", "C: a2 NOOP", "S: a2 OK x"})).empty());
    CHECK(kinds(run(with(logged_in, {"S: zz OK what"}))) == std::vector{finding_kind::unknown_tag});
    const auto unfinished = run(with(logged_in, {"C: a2 NOOP"}));
    REQUIRE(unfinished.size() == 1);
    CHECK(unfinished[0].kind == finding_kind::unfinished_command);
    CHECK(unfinished[0].warning);
}

TEST_CASE("continuation requests and synchronizing literals") {
    CHECK(kinds(run(with(logged_in, {"S: + go ahead"}))) ==
          std::vector{finding_kind::unexpected_continuation});
    CHECK(run(with(logged_in, {"C+ a2 CREATE {3}", "S: + Ready", "C: abc", "S: a2 OK x"})).empty());
    const auto early = run(with(logged_in, {"C+ a2 CREATE {3}", "C: abc", "S: a2 OK x"}));
    REQUIRE(kinds(early) == std::vector{finding_kind::literal_before_continuation});
    CHECK(early[0].offset == 22 + 10); // the "{" of the announcement
}

TEST_CASE("refused literals, unparsable commands, and a second literal after an early first") {
    // the server answers instead of sending "+": the client sends no literal, nothing is wrong
    CHECK(run(with(logged_in, {"C+ a2 APPEND INBOX {5000000}", "S: a2 NO [ALERT] too large",
                               "C: a3 NOOP", "S: a3 OK x"}))
              .empty());
    // a command that does not parse is still answered by its tag
    CHECK(kinds(run(with(logged_in, {"C: a2 CREATE", "S: a2 BAD missing mailbox"}))) ==
          std::vector{finding_kind::syntax});
    // the first literal's octets come (with the second announcement) before any "+"
    session s;
    s.server_message("* OK ready\r\n", 0);
    literal_announcement first;
    first.offset = 9;
    first.line = "a1 LOGIN {4}\r\n";
    s.client_literal(first);
    literal_announcement second;
    second.offset = 14 + 5;
    second.line = "a1 LOGIN {4}\r\nfred {6}\r\n";
    s.client_literal(second);
    s.server_message("+ go\r\n", 12);
    s.client_message("a1 LOGIN {4}\r\nfred {6}\r\nsecret\r\n", 0);
    s.server_message("a1 OK done\r\n", 18);
    REQUIRE(kinds(s.findings()) == std::vector{finding_kind::literal_before_continuation});
    CHECK(s.findings()[0].offset == 9);
}

TEST_CASE("AUTHENTICATE exchanges") {
    CHECK(run({"S: * OK hi", "C: a1 AUTHENTICATE PLAIN", "S: + ", "A: AGZyZWQAc2VjcmV0",
               "S: a1 OK welcome", "C: a2 SELECT INBOX", "S: a2 OK x"})
              .empty());
    CHECK(
        run({"S: * OK hi", "C: a1 AUTHENTICATE GSSAPI", "S: + YGg=", "A: *", "S: a1 BAD cancelled"})
            .empty());
    CHECK(kinds(run({"S: * OK hi", "C: a1 AUTHENTICATE PLAIN", "A: AGZyZWQAc2VjcmV0",
                     "S: a1 OK welcome"})) == std::vector{finding_kind::auth_data_unexpected});
}

TEST_CASE("untagged responses that do not belong") {
    CHECK(kinds(run(with(logged_in, {"S: * 1 FETCH (FLAGS ())"}))) ==
          std::vector{finding_kind::response_not_allowed});
    CHECK(kinds(run(with(logged_in, {"S: * SEARCH 1"}))) ==
          std::vector{finding_kind::response_not_allowed});
    CHECK(kinds(run(with(logged_in, {"S: * LIST () \"/\" x"}))) ==
          std::vector{finding_kind::response_not_allowed});
    CHECK(
        run(with(logged_in, {"C: a2 LIST \"\" *", "S: * LIST () \"/\" x", "S: a2 OK x"})).empty());
    CHECK(run(with(selected, {"S: * 3 EXISTS", "S: * 1 FETCH (FLAGS (\\Seen))"})).empty());
    CHECK(run(with(logged_in, {"S: * CAPABILITY IMAP4rev1", "S: * OK [ALERT] hi"})).empty());
}

TEST_CASE("EXPUNGE timing (RFC 3501 §7.4.1)") {
    CHECK(kinds(run(with(selected, {"S: * 1 EXPUNGE"}))) ==
          std::vector{finding_kind::expunge_not_allowed});
    CHECK(kinds(run(with(selected, {"C: a3 FETCH 1:* FLAGS", "S: * 1 EXPUNGE", "S: a3 OK x"}))) ==
          std::vector{finding_kind::expunge_not_allowed});
    CHECK(kinds(run(with(selected,
                         {"C: a3 STORE 1 +FLAGS (\\Deleted)", "S: * 1 EXPUNGE", "S: a3 OK x"}))) ==
          std::vector{finding_kind::expunge_not_allowed});
    CHECK(run(with(selected, {"C: a3 EXPUNGE", "S: * 1 EXPUNGE", "S: a3 OK x"})).empty());
    CHECK(run(with(selected, {"C: a3 NOOP", "S: * 1 EXPUNGE", "S: a3 OK x"})).empty());
    CHECK(run(with(selected, {"C: a3 UID FETCH 1:* FLAGS", "S: * 1 EXPUNGE", "S: a3 OK x"}))
              .empty()); // UID FETCH is another command: EXPUNGE is allowed
}

TEST_CASE("STARTTLS pipelining") {
    CHECK(kinds(run({"S: * OK hi", "C: a1 STARTTLS", "C: a2 CAPABILITY", "S: a1 OK begin TLS",
                     "S: * CAPABILITY IMAP4rev1", "S: a2 OK x"})) ==
          std::vector{finding_kind::data_after_starttls});
    CHECK(run({"S: * OK hi", "C: a1 STARTTLS", "S: a1 OK begin TLS", "C: a2 CAPABILITY",
               "S: * CAPABILITY IMAP4rev1", "S: a2 OK x"})
              .empty());
}

TEST_CASE("anything after BYE or LOGOUT") {
    CHECK(kinds(run(
              with(logged_in, {"C: a2 LOGOUT", "S: * BYE bye", "S: a2 OK bye", "C: a3 NOOP"}))) ==
          std::vector{finding_kind::data_after_logout});
    CHECK(kinds(run(with(logged_in, {"S: * BYE shutting down", "S: * 1 EXISTS"}))) ==
          std::vector{finding_kind::data_after_logout});
    CHECK(run(with(logged_in, {"C: a2 LOGOUT", "S: * BYE bye", "S: a2 OK bye"})).empty());
}

namespace {

/// Follows a recorded pair tests/data/SERVER/NAME.client and NAME.server (SERVER: dovecot or
/// cyrus), interleaved by causality (each command, then the server's messages up to its
/// completion), and checks that every message of both parses and serializes back byte for byte.
session follow_recording(const std::string& name, const std::string& server = "dovecot") {
    const std::string server_bytes =
        test::read_file(test::data_path(server + "/" + name + ".server"));
    const std::string client_bytes =
        test::read_file(test::data_path(server + "/" + name + ".client"));
    framer cf(framer_options{}), sf(framer_options{role::client});
    cf.feed(client_bytes);
    sf.feed(server_bytes);
    session s;
    const auto round_trip = [](const frame& f) {
        std::string out;
        if (f.as == message_kind::greeting || f.as == message_kind::response) {
            const auto r = parse_response(f.bytes);
            REQUIRE_MESSAGE(r.ok(), (r.failed() ? r.error().message() : std::string("incomplete")));
            CHECK(!serialize(out, r.value()));
        } else if (f.as == message_kind::command) {
            const auto r = parse_command(f.bytes);
            REQUIRE_MESSAGE(r.ok(), (r.failed() ? r.error().message() : std::string("incomplete")));
            CHECK(!serialize(out, r.value()));
        } else {
            return;
        }
        CHECK(test::visible(out) == test::visible(std::string(f.bytes)));
    };
    auto server_until_done = [&](bool greeting) {
        for (frame f = sf.next(); f.kind != frame_kind::need_more; f = sf.next()) {
            if (f.kind != frame_kind::message)
                continue;
            round_trip(f);
            s.server_message(f.bytes, f.offset, f.as);
            const bool untagged = f.bytes[0] == '*' || f.bytes[0] == '+';
            if (greeting || (!untagged) || f.bytes[0] == '+')
                return;
        }
    };
    server_until_done(true);
    for (frame f = cf.next(); f.kind != frame_kind::need_more; f = cf.next()) {
        if (f.kind == frame_kind::literal) {
            s.client_literal(f.literal);
            if (f.literal.synchronizing)
                server_until_done(false); // the server's "+"
            continue;
        }
        if (f.kind != frame_kind::message)
            continue;
        round_trip(f);
        s.client_message(f.bytes, f.offset, f.as);
        server_until_done(false);
    }
    s.finish();
    return s;
}

} // namespace

TEST_CASE("the recorded Dovecot session is clean") {
    session s = follow_recording("session");
    for (const auto& x : s.findings())
        FAIL_CHECK(rule_name(x.kind) << " at " << x.offset << ": " << x.text);
    CHECK(s.state() == protocol_state::logout);
    CHECK(s.stats().client_messages == 107);
    CHECK(s.stats().server_messages == 399);
}

TEST_CASE("IDLE (RFC 2177): the RFC's exchange is clean, and the idle state is followed") {
    // RFC 2177 §3, after the SELECT
    CHECK(run(with(selected,
                   {"C: A002 IDLE", "S: + idling", "S: * 4 EXISTS", "C: DONE",
                    "S: A002 OK IDLE terminated", "C: A003 FETCH 4 ALL",
                    "S: * 4 FETCH (FLAGS (\\Seen))", "S: A003 OK FETCH completed", "C: A004 IDLE",
                    "S: * 2 EXPUNGE", "S: * 3 EXISTS", "S: + idling", "S: * 3 EXPUNGE",
                    "S: * 2 EXISTS", "S: * 3 EXISTS", "C: DONE", "S: A004 OK IDLE terminated"}))
              .empty());
    // refused before the continuation: no DONE is owed
    CHECK(run(with(logged_in, {"C: a2 IDLE", "S: a2 NO not now", "C: a3 NOOP", "S: a3 OK done"}))
              .empty());

    session s;
    for (const char* m : {"* OK ready\r\n"})
        s.server_message(m, 0);
    s.client_message("a1 LOGIN fred secret\r\n", 0);
    s.server_message("a1 OK done\r\n", 0);
    s.client_message("a2 IDLE\r\n", 0);
    CHECK(!s.idling());
    s.server_message("+ idling\r\n", 0);
    CHECK(s.idling());
    s.client_message("DONE\r\n", 0, message_kind::idle_done);
    CHECK(!s.idling());
    s.server_message("a2 OK IDLE terminated\r\n", 0);
    CHECK(s.findings().empty());
}

TEST_CASE("IDLE (RFC 2177): DONE without IDLE, commands while idling, early completion") {
    session s;
    s.server_message("* OK ready\r\n", 0);
    s.client_message("DONE\r\n", 0, message_kind::idle_done); // framed as DONE, with no IDLE
    const auto& stray = s.findings();
    REQUIRE(stray.size() == 1);
    CHECK(stray[0].kind == finding_kind::idle);
    CHECK(std::string(rule_name(stray[0].kind)) == "idle");
    CHECK(std::string(rfc(stray[0].kind)) == "RFC 2177");
    // a DONE where a command is due is no command
    const auto as_command = run(with(logged_in, {"C: DONE"}));
    REQUIRE(as_command.size() == 1);
    CHECK(as_command[0].kind == finding_kind::syntax);

    const auto early = run(with(logged_in, {"C: a2 IDLE", "C: DONE", "S: a2 OK done"}));
    REQUIRE(early.size() == 1);
    CHECK(early[0].text.find("before the server's continuation") != std::string::npos);

    const auto busy = run(with(logged_in, {"C: a2 IDLE", "S: + idling", "C: a3 NOOP", "C: DONE",
                                           "S: a2 OK done", "S: a3 OK done"}));
    REQUIRE(busy.size() == 1);
    CHECK(busy[0].kind == finding_kind::idle);
    CHECK(busy[0].side == side::client);

    const auto ended = run(with(logged_in, {"C: a2 IDLE", "S: + idling", "S: a2 OK done"}));
    REQUIRE(ended.size() == 1);
    CHECK(ended[0].side == side::server);

    // IDLE is command-auth: not before LOGIN
    const auto state = run({"S: * OK ready", "C: a1 IDLE", "S: a1 BAD no"});
    REQUIRE(state.size() == 1);
    CHECK(state[0].kind == finding_kind::command_not_allowed);
}

TEST_CASE("ENABLE (RFC 5161): allowed when authenticated, ENABLED answers it") {
    CHECK(run(with(logged_in, {"C: t2 ENABLE CONDSTORE X-GOOD-IDEA", "S: * ENABLED X-GOOD-IDEA",
                               "S: t2 OK foo"}))
              .empty());
    const auto stray = run(with(logged_in, {"S: * ENABLED CONDSTORE"}));
    REQUIRE(stray.size() == 1);
    CHECK(stray[0].kind == finding_kind::response_not_allowed);
    // "only valid in the authenticated state": not before LOGIN, not once a mailbox is selected
    const auto early = run({"S: * OK ready", "C: a1 ENABLE CONDSTORE", "S: a1 BAD no"});
    REQUIRE(early.size() == 1);
    CHECK(early[0].kind == finding_kind::command_not_allowed);
    const auto late = run(with(selected, {"C: a3 ENABLE CONDSTORE", "S: a3 BAD no"}));
    REQUIRE(late.size() == 1);
    CHECK(late[0].kind == finding_kind::command_not_allowed);
}

TEST_CASE("NAMESPACE (RFC 2342): allowed when authenticated or selected, NAMESPACE answers it") {
    const std::vector<std::string> ask = {"C: A001 NAMESPACE",
                                          "S: * NAMESPACE ((\"\" \"/\")) NIL NIL",
                                          "S: A001 OK NAMESPACE command completed"};
    CHECK(run(with(logged_in, ask)).empty());
    CHECK(run(with(selected, ask)).empty());
    const auto stray = run(with(logged_in, {"S: * NAMESPACE NIL NIL NIL"}));
    REQUIRE(stray.size() == 1);
    CHECK(stray[0].kind == finding_kind::response_not_allowed);
    const auto early = run({"S: * OK ready", "C: a1 NAMESPACE", "S: a1 BAD log in first"});
    REQUIRE(early.size() == 1);
    CHECK(early[0].kind == finding_kind::command_not_allowed);
}

TEST_CASE("QRESYNC (RFC 7162 §3.2): VANISHED belongs to the selected mailbox") {
    CHECK(run(with(logged_in, {"C: A01 ENABLE QRESYNC", "S: * ENABLED QRESYNC", "S: A01 OK done",
                               "C: A02 SELECT INBOX (QRESYNC (67890007 90060115194045000 41:211))",
                               "S: * 100 EXISTS", "S: * OK [UIDVALIDITY 67890007] UIDVALIDITY",
                               "S: * VANISHED (EARLIER) 41,43:116",
                               "S: * 49 FETCH (UID 117 FLAGS (\\Seen) MODSEQ (90060115194045001))",
                               "S: A02 OK [READ-WRITE] mailbox selected", "C: A03 NOOP",
                               "S: * VANISHED 405,407", "S: A03 OK done"}))
              .empty());
    const auto stray = run(with(logged_in, {"S: * VANISHED 1:5"}));
    REQUIRE(stray.size() == 1);
    CHECK(stray[0].kind == finding_kind::response_not_allowed);
}

TEST_CASE("ENABLE: what QRESYNC and UIDONLY enable changes what may be sent") {
    // ENABLE in the authenticated state (RFC 5161 §3.1), then SELECT
    const auto enabled_then_selected = [](const char* ext) {
        return with(logged_in,
                    {std::string("C: a3 ENABLE ") + ext, std::string("S: * ENABLED ") + ext,
                     "S: a3 OK done", "C: a2 SELECT INBOX", "S: * 2 EXISTS", "S: * FLAGS (\\Seen)",
                     "S: a2 OK [READ-WRITE] done"});
    };
    const std::vector<std::string> qresync = enabled_then_selected("QRESYNC");
    // RFC 7162 §3.2.10: VANISHED, not EXPUNGE, once QRESYNC is enabled; EXPUNGE before
    CHECK(run(with(qresync, {"C: a4 EXPUNGE", "S: * VANISHED 5", "S: a4 OK done"})).empty());
    CHECK(kinds(run(with(qresync, {"C: a4 EXPUNGE", "S: * 3 EXPUNGE", "S: a4 OK done"}))) ==
          std::vector{finding_kind::response_not_allowed});
    CHECK(run(with(selected, {"C: a4 EXPUNGE", "S: * 3 EXPUNGE", "S: a4 OK done"})).empty());
    CHECK(kinds(run(with(selected, {"C: a4 EXPUNGE", "S: * VANISHED 5", "S: a4 OK done"}))) ==
          std::vector{finding_kind::response_not_allowed});
    // ENABLE that the server does not confirm enables nothing
    CHECK(kinds(run(with(logged_in, {"C: a3 ENABLE QRESYNC", "S: * ENABLED", "S: a3 OK done",
                                     "C: a2 SELECT INBOX", "S: a2 OK [READ-WRITE] done",
                                     "C: a4 EXPUNGE", "S: * VANISHED 5", "S: a4 OK done"}))) ==
          std::vector{finding_kind::response_not_allowed});
    // RFC 9586 §3: the examples' exchange; after UIDONLY, FETCH data comes as UIDFETCH, and a
    // command naming messages by number is answered BAD [UIDREQUIRED]
    const std::vector<std::string> uidonly = enabled_then_selected("UIDONLY");
    CHECK(
        run(with(uidonly, {"C: 10 UID FETCH 25900:26600 (FLAGS)",
                           "S: * 25996 UIDFETCH (FLAGS (\\Seen))", "S: 10 OK FETCH completed",
                           "C: 12 EXPUNGE", "S: * VANISHED 405,407,410,425", "S: 12 OK expunged"}))
            .empty());
    const auto numbers = run(with(uidonly, {"C: 07 FETCH 1:2 (UID FLAGS)",
                                            "S: 07 BAD [UIDREQUIRED] Message numbers are not "
                                            "allowed once UIDONLY is enabled"}));
    REQUIRE(kinds(numbers) == std::vector{finding_kind::command_not_allowed});
    CHECK(numbers[0].text.find("UIDONLY") != std::string::npos);
    CHECK(kinds(run(with(
              uidonly, {"C: 10 UID FETCH 1 FLAGS", "S: * 1 FETCH (FLAGS ())", "S: 10 OK done"}))) ==
          std::vector{finding_kind::response_not_allowed});
    CHECK(kinds(run(with(selected, {"C: 10 UID FETCH 1 FLAGS", "S: * 7 UIDFETCH (FLAGS ())",
                                    "S: 10 OK done"}))) ==
          std::vector{finding_kind::response_not_allowed});
}

TEST_CASE("ESEARCH (RFC 4731): ESEARCH answers SEARCH and UID SEARCH") {
    CHECK(run(with(selected,
                   {"C: A282 SEARCH RETURN (MIN COUNT) FLAGGED",
                    "S: * ESEARCH (TAG \"A282\") MIN 2 COUNT 3", "S: A282 OK SEARCH completed",
                    "C: A285 UID SEARCH RETURN () 1:5000",
                    "S: * ESEARCH (TAG \"A285\") UID ALL 7:9", "S: A285 OK SEARCH completed"}))
              .empty());
    const auto stray = run(with(selected, {"S: * ESEARCH COUNT 1"}));
    REQUIRE(stray.size() == 1);
    CHECK(stray[0].kind == finding_kind::response_not_allowed);
}

TEST_CASE("LIST-STATUS (RFC 5819 §3): STATUS data answers a LIST with RETURN (STATUS)") {
    CHECK(run(with(logged_in,
                   {"C: A01 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))",
                    "S: * LIST () \".\" \"INBOX\"", "S: * STATUS \"INBOX\" (MESSAGES 17 UNSEEN 16)",
                    "S: * LIST () \".\" \"foo\"", "S: * STATUS \"foo\" (MESSAGES 30 UNSEEN 29)",
                    "S: * LIST (\\NoSelect) \".\" \"bar\"", "S: A01 OK List completed."}))
              .empty());
    const auto stray = run(with(logged_in, {"S: * STATUS \"INBOX\" (MESSAGES 17)"}));
    REQUIRE(stray.size() == 1);
    CHECK(stray[0].kind == finding_kind::response_not_allowed);
}

TEST_CASE("the recorded Dovecot session with extensions is clean, and round-trips") {
    // tests/dovecot/record.sh extensions: LIST-EXTENDED (\NonExistent, CHILDINFO), SPECIAL-USE,
    // CREATE-SPECIAL-USE, LIST-STATUS, STATUS=SIZE, CONDSTORE, BINARY (a literal8 with NUL in
    // APPEND), ESEARCH, SAVEDATE, LITERAL+, UIDPLUS, MOVE, IDLE, UNSELECT, ID, NAMESPACE, ENABLE
    session s = follow_recording("extensions");
    for (const auto& x : s.findings())
        FAIL_CHECK(rule_name(x.kind) << " at " << x.offset << ": " << x.text);
    CHECK(s.state() == protocol_state::logout);
    CHECK(s.stats().client_messages >= 36);
    CHECK(s.stats().server_messages >= 100);
    // strict RFC 3501 refuses a good part of it
    const std::string server_bytes = test::read_file(test::data_path("dovecot/extensions.server"));
    parse_options strict;
    strict.extensions = extension_set::none();
    framer sf(framer_options{role::client});
    sf.feed(server_bytes);
    int refused = 0;
    for (frame f = sf.next(); f.kind != frame_kind::need_more; f = sf.next())
        if (f.kind == frame_kind::message && f.as != message_kind::greeting)
            refused += parse_response(f.bytes, strict).failed();
    CHECK(refused >= 20);
}

TEST_CASE("the recorded Cyrus sessions are clean, and round-trip") {
    // tests/cyrus/record.sh: the two sessions of the Dovecot fixtures, against Cyrus IMAP 3.6
    session plain = follow_recording("session", "cyrus");
    for (const auto& x : plain.findings())
        FAIL_CHECK(rule_name(x.kind) << " at " << x.offset << ": " << x.text);
    CHECK(plain.state() == protocol_state::logout);
    CHECK(plain.stats().client_messages == 107);
    CHECK(plain.stats().server_messages == 418);
    session ext = follow_recording("extensions", "cyrus");
    for (const auto& x : ext.findings())
        FAIL_CHECK(rule_name(x.kind) << " at " << x.offset << ": " << x.text);
    CHECK(ext.state() == protocol_state::logout);
    CHECK(ext.stats().client_messages >= 36);
    CHECK(ext.stats().server_messages >= 110);
    // Cyrus's codes of extensions not implemented yet read as the generic form (URLMECH of
    // RFC 4467, ANNOTATIONS of RFC 5257)
    const auto urlmech = parse_response(std::string_view("* OK [URLMECH INTERNAL] Ok\r\n"));
    REQUIRE(urlmech.ok());
    const auto& cond = std::get<ast::resp_cond>(std::get<ast::response_data>(urlmech.value().v));
    CHECK(std::holds_alternative<ast::code_other>(*cond.text.code));
}

TEST_CASE("IMAP4rev2 (RFC 9051): SELECT's required data, once IMAP4rev2 is enabled") {
    const std::vector<std::string> enabled =
        with(logged_in, {"C: a3 ENABLE IMAP4rev2", "S: * ENABLED IMAP4rev2", "S: a3 OK done"});
    // RFC 9051 §6.3.2: FLAGS, EXISTS, LIST, OK [PERMANENTFLAGS], OK [UIDNEXT], OK [UIDVALIDITY]
    // (the example of §6.3.2, with its LIST)
    const std::vector<std::string> full = {
        "C: A142 SELECT INBOX",
        "S: * 172 EXISTS",
        "S: * OK [UIDVALIDITY 3857529045] UIDs valid",
        "S: * OK [UIDNEXT 4392] Predicted next UID",
        "S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
        "S: * OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited",
        "S: * LIST () \"/\" INBOX",
        "S: A142 OK [READ-WRITE] SELECT completed"};
    CHECK(run(with(enabled, full)).empty());
    // without the LIST and UIDNEXT
    const auto missing =
        run(with(enabled, {"C: A142 SELECT INBOX", "S: * 172 EXISTS",
                           "S: * OK [UIDVALIDITY 3857529045] UIDs valid", "S: * FLAGS (\\Seen)",
                           "S: * OK [PERMANENTFLAGS (\\Seen)] Limited",
                           "S: A142 OK [READ-WRITE] SELECT completed"}));
    REQUIRE(kinds(missing) == std::vector{finding_kind::missing_data});
    CHECK(missing[0].text == "SELECT completed without LIST, OK [UIDNEXT], which IMAP4rev2 "
                             "requires before the OK (RFC 9051 §6.3.2)");
    CHECK(std::string(rule_name(missing[0].kind)) == "missing-data");
    CHECK(std::string(rfc(missing[0].kind)) == "RFC 9051");
    // a failed SELECT needs none of it, and IMAP4rev1 (RFC 3501's required set differs) is not
    // checked
    CHECK(run(with(enabled, {"C: A1 SELECT nosuch", "S: A1 NO [NONEXISTENT] no"})).empty());
    CHECK(run(selected).empty());
    // a server that names IMAP4rev2 and not IMAP4rev1 speaks IMAP4rev2 without ENABLE
    const auto rev2_only =
        run({"S: * OK [CAPABILITY IMAP4rev2 AUTH=PLAIN] ready", "C: a1 LOGIN fred secret",
             "S: a1 OK done", "C: a2 EXAMINE INBOX", "S: * 2 EXISTS", "S: * FLAGS (\\Seen)",
             "S: a2 OK [READ-ONLY] done"});
    REQUIRE(kinds(rev2_only) == std::vector{finding_kind::missing_data});
    CHECK(rev2_only[0].text.rfind("EXAMINE completed without LIST, OK [PERMANENTFLAGS]", 0) == 0);
}

TEST_CASE("IMAP4rev2 (RFC 9051 Appendix E): what it removed, once enabled") {
    const std::vector<std::string> enabled =
        with(logged_in, {"C: a3 ENABLE IMAP4rev2", "S: * ENABLED IMAP4rev2", "S: a3 OK done",
                         "C: a2 SELECT INBOX", "S: * 2 EXISTS", "S: * FLAGS (\\Seen)",
                         "S: * OK [PERMANENTFLAGS (\\Seen)] x", "S: * OK [UIDNEXT 3] x",
                         "S: * OK [UIDVALIDITY 1] x", "S: * LIST () \"/\" INBOX",
                         "S: a2 OK [READ-WRITE] done"});
    CHECK(run(enabled).empty());
    for (const char* line : {"C: a4 CHECK", "C: a4 LSUB \"\" *", "C: a4 STATUS x (RECENT)",
                             "C: a4 FETCH 1 RFC822.HEADER", "C: a4 UID FETCH 1 (FLAGS RFC822)",
                             "C: a4 SEARCH NEW", "C: a4 UID SEARCH OR SEEN (NOT (1:5 RECENT))"}) {
        CAPTURE(std::string(line));
        const auto f = run(with(enabled, {line, "S: a4 BAD no"}));
        REQUIRE(kinds(f) == std::vector{finding_kind::command_not_allowed});
        CHECK(f[0].text.find("IMAP4rev2") != std::string::npos);
        // before ENABLE IMAP4rev2 they are IMAP4rev1's
        CHECK(run(with(selected, {line, "S: a4 OK done"})).empty());
    }
    // \Recent is no flag of IMAP4rev2's FLAGS and PERMANENTFLAGS (§2.3.2); FETCH may still
    // carry it (flag-fetch = flag / obsolete-flag-recent)
    CHECK(kinds(run(
              with(enabled, {"C: a5 NOOP", "S: * FLAGS (\\Seen \\Recent)", "S: a5 OK done"}))) ==
          std::vector{finding_kind::response_not_allowed});
    CHECK(kinds(run(with(enabled, {"C: a5 NOOP", "S: * OK [PERMANENTFLAGS (\\Recent)] x",
                                   "S: a5 OK done"}))) ==
          std::vector{finding_kind::response_not_allowed});
    CHECK(run(with(enabled,
                   {"C: a5 FETCH 1 FLAGS", "S: * 1 FETCH (FLAGS (\\Recent))", "S: a5 OK done"}))
              .empty());
}

TEST_CASE("UTF8=ACCEPT (RFC 9755 §3): the server sends UTF-8 only once the client enabled it") {
    const std::string drafts = "\"Entw\xc3\xbcrfe\"";
    const std::vector<std::string> list = {"C: a4 LIST \"\" *", "S: * LIST () \"/\" " + drafts,
                                           "S: a4 OK done"};
    const auto early = run(with(logged_in, list));
    REQUIRE(kinds(early) == std::vector{finding_kind::response_not_allowed});
    CHECK(early[0].text.find("UTF8=ACCEPT") != std::string::npos);
    for (const char* ext : {"UTF8=ACCEPT", "IMAP4rev2"})
        CHECK(run(with(with(logged_in, {std::string("C: a3 ENABLE ") + ext,
                                        std::string("S: * ENABLED ") + ext, "S: a3 OK done"}),
                       list))
                  .empty());
    // in a literal, 8-bit octets are no quoted string
    CHECK(run(with(logged_in, {"C: a4 LIST \"\" *", "S: * LIST () \"/\" {9}\r\nEntw\xc3\xbcrfe",
                               "S: a4 OK done"}))
              .empty());
    // once enabled, SEARCH takes no CHARSET
    const auto charset = run(with(
        with(logged_in, {"C: a3 ENABLE UTF8=ACCEPT", "S: * ENABLED UTF8=ACCEPT", "S: a3 OK done",
                         "C: a4 SELECT INBOX", "S: * 1 EXISTS", "S: * FLAGS ()", "S: a4 OK done"}),
        {"C: a5 SEARCH CHARSET UTF-8 SUBJECT x", "S: a5 BAD no"}));
    REQUIRE(kinds(charset) == std::vector{finding_kind::command_not_allowed});
}
