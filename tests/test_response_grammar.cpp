// Accept and reject tables for the server-side productions of RFC 3501 §9, the AST they
// produce, and hostile nesting.
#include "test_data.hpp"

#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <doctest/doctest.h>

#include <deque>
#include <string>

using namespace imapwire;
using imapwire::test::visible;

namespace {
std::deque<std::string> inputs; // parsed values view these

ast::response response_ok(const std::string& line, const parse_options& o = {}) {
    const std::string& in = inputs.emplace_back(line + "\r\n");
    auto r = parse_response(in, o);
    INFO(visible(in));
    REQUIRE_MESSAGE(r.ok(), (r.failed() ? r.error().message() : std::string("incomplete")));
    CHECK(r.consumed() == in.size());
    std::string out;
    serialize_options so;
    so.extensions = o.extensions;
    CHECK(!serialize(out, r.value(), so));
    CHECK(visible(out) == visible(in)); // canonical input comes back byte for byte
    return r.value();
}

template <class T>
T data(const ast::response& r) {
    REQUIRE(std::holds_alternative<ast::response_data>(r.v));
    const auto& d = std::get<ast::response_data>(r.v);
    REQUIRE(std::holds_alternative<T>(d));
    return std::get<T>(d);
}

struct reject_case {
    std::string line;
    std::size_t offset;
    std::string production;
};

void check_rejects(const std::vector<reject_case>& cases) {
    for (const auto& c : cases) {
        const std::string in = c.line + "\r\n";
        CAPTURE(visible(in));
        auto r = parse_response(in);
        REQUIRE(r.failed());
        CHECK(r.error().offset == c.offset);
        CHECK(r.error().production == c.production);
    }
}

ast::body body_of(const ast::response& r) {
    const auto f = data<ast::fetch_data>(r);
    REQUIRE(f.items.size() == 1);
    return std::get<ast::msg_att_body>(f.items[0]).body;
}
} // namespace

TEST_CASE("greeting") {
    for (const std::string line :
         {"* OK IMAP4rev1 Service Ready", "* PREAUTH IMAP4rev1 server",
          "* BYE Autologout; idle for too long", "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready"}) {
        const std::string& in = inputs.emplace_back(line + "\r\n");
        auto g = parse_greeting(in);
        REQUIRE(g.ok());
        std::string out;
        CHECK(!serialize(out, g.value()));
        CHECK(out == in);
    }
    CHECK(parse_greeting("* PREAUTH x\r\n")->cond.status == ast::condition::preauth);
    for (const auto& bad : std::vector<std::pair<std::string, std::size_t>>{
             {"* NO not a greeting", 2}, // NO is no greeting condition
             {"A1 OK hello", 0},         // untagged only
             {"* OK", 2},                // resp-text needs text
             {"*OK x", 1}}) {
        const std::string& line = bad.first;
        const std::size_t offset = bad.second;
        CAPTURE(line);
        auto g = parse_greeting(line + "\r\n");
        REQUIRE(g.failed());
        CHECK(g.error().offset == offset);
    }
    // a PREAUTH is only a greeting
    CHECK(parse_response("* PREAUTH x\r\n").failed());
}

TEST_CASE("response-tagged, resp-cond-state, resp-text and resp-text-code") {
    response_ok("A001 OK LOGIN completed");
    response_ok("A001 NO [TRYCREATE] no such mailbox");
    response_ok("A001 BAD command unknown or arguments invalid");
    response_ok("* OK [ALERT] System shutdown in 10 minutes");
    response_ok("* NO [PARSE] bad header");
    response_ok("* OK [READ-ONLY] x");
    response_ok("* OK [BADCHARSET] x");
    response_ok("* OK [BADCHARSET (UTF-8 ISO-8859-1)] x");
    response_ok("* OK [PERMANENTFLAGS ()] x");
    response_ok("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited");
    response_ok("* OK [UIDNEXT 4392] Predicted next UID");
    response_ok("* OK [UIDVALIDITY 3857529045] UIDs valid");
    response_ok("* OK [UNSEEN 12] Message 12 is first unseen");
    response_ok("* OK [CAPABILITY IMAP4rev1 IDLE] x");
    response_ok("* OK [COPYUID 1795676886 1:3 1:3] Copy completed");
    response_ok("* OK [CLOSED] Previous mailbox closed.");
    response_ok("* OK [UIDNEXT x] a generic code");
    // UIDNEXT takes an nz-number; "0" still fits the generic form atom [SP text]
    CHECK(std::holds_alternative<ast::code_other>(
        *data<ast::resp_cond>(response_ok("* OK [UIDNEXT 0] x")).text.code));
    response_ok("* OK [not a code text");
    response_ok("* OK [READ-WRITE]"); // no SP after "]": all of it is text
    response_ok("* BYE IMAP4rev1 Server logging out");

    const auto t = std::get<ast::response_tagged>(response_ok("a2 NO [UIDNEXT 7] x").v);
    CHECK(t.tag == "a2");
    CHECK(t.cond.status == ast::condition::no);
    CHECK(std::get<ast::code_uidnext>(*t.cond.text.code).value == 7);
    CHECK(t.cond.text.text == "x");
    // RFC 3501 alone (CONDSTORE not enabled): an extension's code is the generic form
    parse_options strict;
    strict.extensions = extension_set::none();
    const std::string modseq = "* OK [HIGHESTMODSEQ 715194045007] x\r\n";
    const auto strict_r = parse_response(modseq, strict);
    REQUIRE(strict_r.ok());
    const auto other = data<ast::resp_cond>(strict_r.value());
    const auto& code = std::get<ast::code_other>(*other.text.code);
    CHECK(code.atom == "HIGHESTMODSEQ");
    CHECK(code.text == "715194045007");
    const auto perm = data<ast::resp_cond>(response_ok("* OK [PERMANENTFLAGS (\\Seen \\*)] L"));
    CHECK(std::get<ast::code_permanentflags>(*perm.text.code).flags.back().kind() ==
          ast::flag_kind::wildcard);
    const auto plain = data<ast::resp_cond>(response_ok("* OK [READ-WRITE]"));
    CHECK(!plain.text.code);

    check_rejects({
        {"A001 MAYBE x", 5, "response-tagged"},
        {"A001 OK", 5, "response-tagged"}, // text is 1*TEXT-CHAR
        {"A001  OK x", 5, "response-tagged"},
        {"+001 OK x", 1, "continue-req"}, // "+" starts a continuation: SP expected
        {"* PREAUTH x", 2, "response-data"},
    });
}

TEST_CASE("continue-req") {
    const auto c =
        std::get<ast::continue_req>(response_ok("+ Ready for additional command text").v);
    CHECK(std::get<ast::resp_text>(c.content).text == "Ready for additional command text");
    // base64 challenges read as text (resp-text has priority); only an empty line is base64
    const auto b = std::get<ast::continue_req>(
        response_ok("+ YGgGCSqGSIb3EgECAgIBAG8wbaADAgEFoQMCAQ+iYTBfoAMCAQE=").v);
    CHECK(std::holds_alternative<ast::resp_text>(b.content));
    const auto e = std::get<ast::continue_req>(response_ok("+ ").v);
    CHECK(std::get<std::string_view>(e.content).empty());
    check_rejects({{"+", 1, "continue-req"}, {"+x", 1, "continue-req"}});
}

TEST_CASE("capability-data") {
    const auto c = data<ast::capability_data>(
        response_ok("* CAPABILITY IMAP4rev1 STARTTLS AUTH=GSSAPI LOGINDISABLED"));
    CHECK(c.capabilities.size() == 4);
    CHECK(c.capabilities[2] == "AUTH=GSSAPI");
    response_ok("* CAPABILITY IMAP4 IMAP4rev1");
    response_ok("* CAPABILITY imap4REV1");
    check_rejects({{"* CAPABILITY IMAP4", 2, "response-data"}, // IMAP4rev1 is required
                   {"* CAPABILITY", 2, "response-data"}});
}

TEST_CASE("mailbox-data: FLAGS LIST LSUB SEARCH STATUS EXISTS RECENT") {
    response_ok("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)");
    response_ok("* FLAGS ()");
    response_ok("* LIST (\\Noselect) \"/\" ~/Mail/foo");
    response_ok("* LIST () NIL INBOX");
    response_ok("* LIST (\\Noinferiors \\Marked \\X-Custom) \".\" \"with space\"");
    response_ok("* LIST (\\HasNoChildren) \"\\\\\" x");
    response_ok("* LSUB () \".\" #news.comp.mail.misc");
    response_ok("* LIST () \"/\" {3}\r\na\"b");
    response_ok("* SEARCH 2 84 882");
    response_ok("* SEARCH");
    response_ok("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292)");
    response_ok("* STATUS x ()");
    response_ok("* 172 EXISTS");
    response_ok("* 0 EXISTS");
    response_ok("* 1 RECENT");
    const auto l = data<ast::list_data>(response_ok("* LIST (\\Noselect) \"/\" ~/Mail/foo"));
    CHECK(l.list.delimiter == '/');
    CHECK(l.list.mailbox.name.value() == "~/Mail/foo");
    CHECK(l.list.flags[0].text == "\\Noselect");
    CHECK(!data<ast::list_data>(response_ok("* LIST () NIL INBOX")).list.delimiter);
    CHECK(data<ast::list_data>(response_ok("* LIST () \"\\\\\" x")).list.delimiter == '\\');
    const auto s = data<ast::status_data>(response_ok("* STATUS x (UIDVALIDITY 5 UNSEEN 0)"));
    REQUIRE(s.items.size() == 2);
    CHECK(s.items[0].att == ast::status_att::uidvalidity);
    CHECK(s.items[0].value == 5);
    CHECK(data<ast::search_data>(response_ok("* SEARCH 2 84 882")).numbers ==
          ast::vector<std::uint32_t>{2, 84, 882});
    check_rejects({
        {"* LIST (\\Noselect \\Marked) \"/\" x", 8, "mailbox-list"}, // two selectability flags
        {"* LIST (foo) \"/\" x", 8, "mailbox-list"},                 // flags are "\" atom
        {"* LIST () \"ab\" x", 10, "mailbox-list"},                  // one QUOTED-CHAR
        {"* LIST () \"/\"", 13, "mailbox-list"},
        {"* SEARCH 0", 9, "mailbox-data"},
        {"* SEARCH 1 x", 11, "mailbox-data"},
        {"* STATUS x (MESSAGES)", 20, "status-att SP number"},
        {"* FLAGS (\\*)", 9, "flag-list"},
        {"* 5 EXIST", 2, "response-data"},
    });
}

TEST_CASE("message-data: EXPUNGE and FETCH with every msg-att") {
    response_ok("* 44 EXPUNGE");
    response_ok("* 23 FETCH (FLAGS (\\Seen) RFC822.SIZE 44827)");
    response_ok("* 23 FETCH (FLAGS (\\Seen \\Recent $Forwarded))");
    response_ok("* 1 FETCH (FLAGS ())");
    response_ok("* 1 FETCH (UID 4827313)");
    response_ok("* 1 FETCH (INTERNALDATE \"17-Jul-1996 02:44:25 -0700\")");
    response_ok("* 1 FETCH (INTERNALDATE \" 7-Jul-1996 02:44:25 +0000\")");
    response_ok("* 1 FETCH (RFC822 NIL RFC822.HEADER {2}\r\nab RFC822.TEXT \"\")");
    response_ok("* 1 FETCH (BODY[] {5}\r\nhello)");
    response_ok("* 1 FETCH (BODY[HEADER.FIELDS (FROM SUBJECT)] {0}\r\n)");
    response_ok("* 1 FETCH (BODY[1.2.MIME]<100> NIL)");
    response_ok("* 1 FETCH (BODY[TEXT]<0> \"x\")");
    response_ok("* 1 FETCH (ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL))");
    response_ok("* 1 FETCH (ENVELOPE (\"d\" \"s\" ((\"A\" NIL \"a\" \"x.org\")(NIL NIL \"b\" "
                "\"y.org\")) NIL NIL ((NIL NIL \"grp\" NIL)(NIL NIL \"c\" \"z\")(NIL NIL NIL NIL)) "
                "NIL NIL \"<r@x>\" \"<m@x>\"))");
    const auto f =
        data<ast::fetch_data>(response_ok("* 12 FETCH (ENVELOPE (NIL {2}\r\n\r\n ((NIL NIL "
                                          "\"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) "
                                          "NIL NIL NIL NIL NIL NIL NIL) BODY[1]<7> NIL)"));
    CHECK(f.number == 12);
    const auto& env = std::get<ast::msg_att_envelope>(f.items[0]).envelope;
    CHECK(env.subject->value() == "\r\n");
    REQUIRE(env.from);
    CHECK((*env.from)[0].is_group_start());
    CHECK((*env.from)[1].is_group_end());
    const auto& sec = std::get<ast::msg_att_body_section>(f.items[1]);
    CHECK(sec.section.part == ast::vector<std::uint32_t>{1});
    CHECK(sec.origin == 7u);
    CHECK(!sec.data);

    // keywords in any case
    const auto lower = parse_response("* 3 FETCH (rfc822.size 1 Rfc822.Text NIL uid 2)\r\n");
    REQUIRE(lower.ok());
    CHECK(std::get<ast::fetch_data>(std::get<ast::response_data>(lower.value().v)).items.size() ==
          3);
    // each item lands in its own alternative with its values, whatever precedes it
    const auto all = data<ast::fetch_data>(response_ok(
        "* 3 FETCH (RFC822.SIZE 44827 RFC822 NIL RFC822.HEADER {2}\r\nab RFC822.TEXT \"t\" "
        "UID 9 FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" BODY[] \"b\" "
        "BODY (\"X\" \"Y\" NIL NIL NIL \"7BIT\" 1) BODYSTRUCTURE (\"X\" \"Y\" NIL NIL NIL "
        "\"7BIT\" 2))"));
    REQUIRE(all.items.size() == 10);
    CHECK(std::get<ast::msg_att_rfc822_size>(all.items[0]).size == 44827);
    const auto& whole = std::get<ast::msg_att_rfc822>(all.items[1]);
    CHECK(whole.which == ast::msg_att_rfc822::part::whole);
    CHECK(!whole.data);
    const auto& header = std::get<ast::msg_att_rfc822>(all.items[2]);
    CHECK(header.which == ast::msg_att_rfc822::part::header);
    CHECK(header.data->value() == "ab");
    const auto& text = std::get<ast::msg_att_rfc822>(all.items[3]);
    CHECK(text.which == ast::msg_att_rfc822::part::text);
    CHECK(text.data->value() == "t");
    CHECK(std::get<ast::msg_att_uid>(all.items[4]).uid == 9);
    CHECK(std::get<ast::msg_att_flags>(all.items[5]).flags.size() == 1);
    CHECK(std::get<ast::msg_att_internaldate>(all.items[6]).date.year == 1996);
    CHECK(std::get<ast::msg_att_body_section>(all.items[7]).data->value() == "b");
    const auto& plain_body = std::get<ast::msg_att_body>(all.items[8]);
    CHECK(!plain_body.structure);
    const auto& structure = std::get<ast::msg_att_body>(all.items[9]);
    CHECK(structure.structure);
    CHECK(std::get<ast::body_type_basic>(std::get<ast::body_type_1part>(structure.body.v).part)
              .fields.octets == 2);
    check_rejects({
        {"* 0 EXPUNGE", 2, "response-data"}, // nz-number
        {"* 1 FETCH ()", 11, "msg-att"},
        {"* 1 FETCH (FLAGS (\\Seen)", 24, "msg-att"},
        {"* 1 FETCH (UID 0)", 15, "msg-att-static"},
        {"* 1 FETCH (RFC822.SIZE x)", 23, "msg-att-static"},
        {"* 1 FETCH (ENVELOPE (NIL NIL () NIL NIL NIL NIL NIL NIL NIL))", 30, "env-from"},
        {"* 1 FETCH (BODY[1]<0.5> NIL)", 20, "msg-att-static"}, // responses echo the origin only
        // keyword dispatch: an item nobody defines, or a known name with a tail, is refused
        // where the item starts
        {"* 1 FETCH (XMODSEQ (1))", 11, "msg-att"},
        {"* 1 FETCH (UID 1 X-GM-MSGID 1)", 16, "msg-att"},
        {"* 1 FETCH (RFC822.SIZEX 1)", 11, "msg-att"},
        {"* 1 FETCH (UID[] 1)", 11, "msg-att"},
        {"* 1 FETCH (BODYSTRUCTURE[] NIL)", 11, "msg-att"},
    });
}

TEST_CASE("body and body structure: every body type, extension data, nesting") {
    const auto text = body_of(response_ok("* 1 FETCH (BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" "
                                          "\"US-ASCII\") NIL NIL \"7BIT\" 3028 92))"));
    const auto& t = std::get<ast::body_type_text>(std::get<ast::body_type_1part>(text.v).part);
    CHECK(t.media_subtype.value() == "PLAIN");
    CHECK(t.fields.octets == 3028);
    CHECK(t.lines == 92);
    REQUIRE(t.fields.params);
    CHECK((*t.fields.params)[0].attribute.value() == "CHARSET");

    const auto basic = body_of(response_ok(
        "* 1 FETCH (BODYSTRUCTURE (\"APPLICATION\" \"PDF\" (\"NAME\" \"x.pdf\") \"<id>\" \"desc\" "
        "\"BASE64\" 4554 \"md5sum\" (\"attachment\" (\"FILENAME\" \"x.pdf\")) (\"en\" \"de\") "
        "\"http://x\" 1 (2 \"y\" NIL (3))))"));
    const auto& one = std::get<ast::body_type_1part>(basic.v);
    CHECK(std::holds_alternative<ast::body_type_basic>(one.part));
    REQUIRE(one.extension);
    CHECK(one.extension->md5->value() == "md5sum");
    CHECK(one.extension->tail.fields == 4);
    CHECK(one.extension->tail.disposition->type.value() == "attachment");
    CHECK(std::get<ast::vector<ast::string>>(one.extension->tail.language).size() == 2);
    CHECK(one.extension->tail.location->value() == "http://x");
    CHECK(one.extension->tail.extensions.size() == 2);

    const auto msg =
        body_of(response_ok("* 1 FETCH (BODY (\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 100 (NIL "
                            "\"s\" NIL NIL NIL NIL "
                            "NIL NIL NIL NIL) (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1) 5))"));
    const auto& m = std::get<ast::body_type_msg>(std::get<ast::body_type_1part>(msg.v).part);
    CHECK(m.envelope->subject->value() == "s");
    CHECK(m.lines == 5);
    CHECK(std::holds_alternative<ast::body_type_1part>(m.body->v));

    const auto multi = body_of(response_ok(
        "* 1 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" "
        "1152 23)(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\" \"NAME\" \"cc.diff\") "
        "\"<960723163407.20117h@cac.washington.edu>\" \"Compiler diff\" \"BASE64\" 4554 73) "
        "\"MIXED\" (\"BOUNDARY\" \"x\") NIL NIL NIL))"));
    const auto& mp = std::get<ast::body_type_mpart>(multi.v);
    CHECK(mp.parts.size() == 2);
    CHECK(mp.media_subtype.value() == "MIXED");
    REQUIRE(mp.extension);
    CHECK(mp.extension->tail.fields == 4);

    // lower-case types are still TEXT and MESSAGE/RFC822 (case-insensitive)
    const auto lower_text =
        body_of(response_ok("* 1 FETCH (BODY (\"text\" \"plain\" NIL NIL NIL \"7bit\" 0 0))"));
    CHECK(std::holds_alternative<ast::body_type_text>(
        std::get<ast::body_type_1part>(lower_text.v).part));
    const auto lower_msg = body_of(response_ok(
        "* 1 FETCH (BODY (\"message\" \"Rfc822\" NIL NIL NIL \"7BIT\" 100 (NIL NIL NIL NIL NIL "
        "NIL NIL NIL NIL NIL) (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1) 5))"));
    const auto& lm = std::get<ast::body_type_msg>(std::get<ast::body_type_1part>(lower_msg.v).part);
    CHECK(lm.media_type.value() == "message");
    CHECK(lm.media_subtype.value() == "Rfc822");
    // types that only start like TEXT or MESSAGE/RFC822 are basic
    for (const std::string type : {"\"TEXTS\" \"X\"", "\"MESSAGE\" \"RFC8222\"",
                                   "\"MESSAGES\" \"RFC822\"", "\"TEX\" \"X\""}) {
        const auto b =
            body_of(response_ok("* 1 FETCH (BODY (" + type + " NIL NIL NIL \"7BIT\" 0))"));
        CHECK(
            std::holds_alternative<ast::body_type_basic>(std::get<ast::body_type_1part>(b.v).part));
    }
    // a TEXT type written as a literal is not media-text: it is body-type-basic (no lines)
    const auto lit =
        body_of(response_ok("* 1 FETCH (BODY ({4}\r\nTEXT \"PLAIN\" NIL NIL NIL \"7BIT\" 0))"));
    CHECK(std::holds_alternative<ast::body_type_basic>(std::get<ast::body_type_1part>(lit.v).part));

    check_rejects({
        {"* 1 FETCH (BODY ())", 16, "msg-att-static"},
        {"* 1 FETCH (BODY (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\"))", 50, "body-fields"},
        {"* 1 FETCH (BODY (\"TEXT\" \"PLAIN\" () NIL NIL \"7BIT\" 1 1))", 33, "body-fld-param"},
    });
}

TEST_CASE("10,000 levels of nested bodies or extensions hit the depth limit cleanly") {
    std::string deep = "* 1 FETCH (BODYSTRUCTURE ";
    for (int i = 0; i < 10000; ++i)
        deep += "(";
    deep += "\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1";
    for (int i = 0; i < 10000; ++i)
        deep += " \"MIXED\")";
    deep += ")\r\n";
    // with the default limits the 90 KB line is refused before parsing starts
    auto r = parse_response(deep);
    REQUIRE(r.failed());
    CHECK(r.error().code == error::line_too_long);
    parse_options long_lines;
    long_lines.max_line_length = 1 << 20;
    auto d = parse_response(deep, long_lines);
    REQUIRE(d.failed());
    CHECK(d.error().code == error::nesting_too_deep);
    CHECK(d.error().offset == 25 + 100); // the 101st nested "(" (max_depth = 100)

    std::string ext =
        "* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1 NIL NIL NIL NIL ";
    for (int i = 0; i < 10000; ++i)
        ext += "(";
    ext += "1";
    for (int i = 0; i < 10000; ++i)
        ext += ")";
    ext += "))\r\n";
    auto e = parse_response(ext, long_lines);
    REQUIRE(e.failed());
    CHECK(e.error().code == error::nesting_too_deep);

    // within the limit, nesting parses
    std::string ok = "* 1 FETCH (BODYSTRUCTURE ";
    for (int i = 0; i < 49; ++i)
        ok += "(";
    ok += "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1)";
    for (int i = 0; i < 49; ++i)
        ok += " \"MIXED\")";
    ok += ")\r\n";
    CHECK(parse_response(ok).ok());
}

TEST_CASE("incomplete responses: lines and literals still to come") {
    auto r = parse_response("* 1 FETCH (BODY[] {10}\r\nabc");
    REQUIRE(r.incomplete());
    REQUIRE(r.need().literal);
    CHECK(r.need().literal->size == 10);
    CHECK(r.need().needed == 7 + 2);
    CHECK(parse_response("* 1 FETCH (FLAGS (\\Seen)").incomplete());
    CHECK(parse_greeting("* OK").incomplete());
}

TEST_CASE("response, response-done, response-fatal: a command's whole exchange") {
    // RFC 3501 §8: the server's answer to "a003 fetch 12 full", with a continuation thrown in
    const std::string exchange =
        "* 12 FETCH (FLAGS (\\Seen) RFC822.SIZE 4286 BODY (\"TEXT\" \"PLAIN\" NIL NIL NIL "
        "\"7BIT\" 3028 92))\r\n"
        "+ go on\r\n"
        "a003 OK FETCH completed\r\n"
        "* 13 EXISTS\r\n"; // the next exchange
    auto all = parse_response_sequence(exchange);
    REQUIRE(all.ok());
    CHECK(all.consumed() == exchange.size() - 13); // "* 13 EXISTS\r\n" is left
    REQUIRE(all->size() == 3);
    CHECK(std::holds_alternative<ast::response_data>((*all)[0].v));
    CHECK(std::holds_alternative<ast::continue_req>((*all)[1].v));
    CHECK(std::get<ast::response_tagged>((*all)[2].v).tag == "a003");

    // a BYE ends the exchange (response-fatal)
    auto fatal = parse_response_sequence("* OK x\r\n* BYE Autologout; idle for too long\r\n");
    REQUIRE(fatal.ok());
    REQUIRE(fatal->size() == 2);
    CHECK(std::get<ast::resp_cond>(std::get<ast::response_data>((*fatal)[1].v)).status ==
          ast::condition::bye);

    // without its completion the exchange is incomplete; a bad line is an error at its offset
    CHECK(parse_response_sequence("* OK x\r\n* 3 EXISTS\r\n").incomplete());
    CHECK(parse_response_sequence("* 1 FETCH (BODY[] {5}\r\nab").need().literal->size == 5);
    auto bad = parse_response_sequence("* OK x\r\n* 0 EXPUNGE\r\nA1 OK x\r\n");
    REQUIRE(bad.failed());
    CHECK(bad.error().offset == 10);
    auto nul = parse_response_sequence(std::string("* OK x\r\n* O\0K\r\n", 15));
    REQUIRE(nul.failed());
    CHECK(nul.error().code == error::nul_byte);
    CHECK(nul.error().offset == 11);
}

TEST_CASE("regressions found by the response round trip") {
    // "[CODE] " with no text after it is all text in RFC 3501: the optional code does not
    // match; IMAP4rev2's text may be empty, so there it is the code
    parse_options rev1;
    rev1.extensions = extension_set::all().remove(extension::imap4rev2);
    for (const std::string line : {"* OK [UIDNEXT 5] ", "+ [ALERT] ", "A1 NO [X y] "}) {
        for (const bool rev2 : {false, true}) {
            CAPTURE(rev2);
            const auto r = response_ok(line, rev2 ? parse_options{} : rev1);
            if (const auto* c = std::get_if<ast::continue_req>(&r.v))
                CHECK(std::get<ast::resp_text>(c->content).code.has_value() == rev2);
            else if (const auto* t = std::get_if<ast::response_tagged>(&r.v))
                CHECK(t->cond.text.code.has_value() == rev2);
            else
                CHECK(data<ast::resp_cond>(r).text.code.has_value() == rev2);
        }
    }
    // a number too large for UIDNEXT / UIDVALIDITY / UNSEEN makes it the generic code form
    for (const std::string code : {"UIDNEXT", "UIDVALIDITY", "UNSEEN"}) {
        const auto c = data<ast::resp_cond>(response_ok("* OK [" + code + " 4294967296] done"));
        const auto& other = std::get<ast::code_other>(*c.text.code);
        CHECK(other.atom == code);
        CHECK(other.text == "4294967296");
    }
    // a basic body typed "TEXT" or "MESSAGE" "RFC822" serializes (it cannot be read as the others)
    response_ok("* 1 FETCH (BODY (\"TEXT\" \"plain\" NIL NIL NIL \"7BIT\" 0))");
    response_ok("* 1 FETCH (BODY (\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 0))");
}

TEST_CASE("regressions found by fuzzing: generic codes spelled almost like named ones") {
    // each reads back as the generic atom [SP text] form, or as plain text: the serializer
    // must write it, not refuse it
    response_ok("* OK [PERMANENTFLAGS (*)] i");
    response_ok("* OK [BADCHARSET ()] x");
    response_ok("a NO [BADCHARSET] ");
    response_ok("* OK [PERMANENTFLAGS (a b c(d))] x");
    response_ok("* OK [BADCHARSET (] U)]"); // the named form matches, then no "] ": all text
    CHECK(!data<ast::resp_cond>(response_ok("* OK [BADCHARSET (] U)]")).text.code);
    // a string that cannot finish inside the code does not end the parse: the generic form does
    for (const std::string line : {"* OK [BADCHARSET (a b] {", "* OK [BADCHARSET (\"a] x",
                                   "* OK [BADCHARSET (a {99999999999] x"}) {
        const auto c = data<ast::resp_cond>(response_ok(line));
        REQUIRE(c.text.code);
        CHECK(std::get<ast::code_other>(*c.text.code).atom == "BADCHARSET");
    }
    // outside an optional code, a broken quoted string is still reported where it breaks
    auto r = parse_response("* LIST () \"/\" \"a\x01\x80\"\r\n");
    REQUIRE(r.failed());
    CHECK(r.error().production == "quoted");
    CHECK(std::holds_alternative<ast::code_other>(
        *data<ast::resp_cond>(response_ok("* OK [BADCHARSET ()] x")).text.code));
    // and the named forms still are named
    CHECK(std::holds_alternative<ast::code_badcharset>(
        *data<ast::resp_cond>(response_ok("* OK [BADCHARSET (\"a]b\" c)] x")).text.code));
}

TEST_CASE("regression: a text ending in {n} is a literal announcement in a sequence too") {
    // framing reads "{1}" at a line end as a literal, so "*" belongs to the first message, which
    // then does not parse; parse_response_sequence must agree with parse_response
    const std::string exchange = "* OK see {1}\r\n* 3 RECENT\r\nA1 OK done\r\n";
    auto one = parse_response(exchange);
    REQUIRE(one.failed());
    auto all = parse_response_sequence(exchange);
    REQUIRE(all.failed());
    CHECK(all.error().offset == one.error().offset);
}
