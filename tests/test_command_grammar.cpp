// Accept and reject tables for every client-command production of RFC 3501 §9, plus checks
// of the AST each accepted form produces.
#include "test_data.hpp"

#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <doctest/doctest.h>

#include <deque>
#include <string>
#include <vector>

using namespace imapwire;
using imapwire::test::visible;

namespace {

// Parsed commands view their input: keep every input alive for the whole run.
std::deque<std::string> inputs;

ast::command parse_ok(const std::string& line) {
    const std::string& in = inputs.emplace_back(line + "\r\n");
    auto r = parse_command(in);
    INFO(visible(in));
    REQUIRE_MESSAGE(r.ok(), (r.failed() ? r.error().message() : std::string("incomplete")));
    CHECK(r.consumed() == in.size());
    return r.value();
}

struct reject_case {
    std::string line; // CRLF is appended
    std::size_t offset;
    std::string production;
};

void check_rejects(const std::vector<reject_case>& cases) {
    for (const auto& c : cases) {
        const std::string in = c.line + "\r\n";
        CAPTURE(visible(in));
        auto r = parse_command(in);
        REQUIRE(r.failed());
        CHECK(r.error().offset == c.offset);
        CHECK(r.error().production == c.production);
        CHECK(r.error().code == error::syntax);
        CHECK(!r.error().expected.empty());
    }
}

void check_accepts(const std::vector<std::string>& lines) {
    for (const auto& l : lines) {
        const ast::command c = parse_ok(l);
        // canonical input comes back byte for byte
        std::string out;
        CHECK(!serialize(out, c));
        CHECK(visible(out) == visible(l + "\r\n"));
    }
}

template <class T>
T body(const ast::command& c) {
    REQUIRE(std::holds_alternative<T>(c.body));
    return std::get<T>(c.body);
}

} // namespace

TEST_CASE("tag") {
    check_accepts({"a NOOP", "A001 NOOP", "x] NOOP", "1 NOOP", "a.b-c_d NOOP"});
    CHECK(parse_ok("tag.01 NOOP").tag == "tag.01");
    check_rejects({
        {"+a NOOP", 0, "command"},   // "+" is not a tag char
        {"*x NOOP", 0, "command"},   // nor is a list-wildcard
        {"a+b NOOP", 1, "command"},  // tag stops at "+", SP expected
        {" NOOP", 0, "command"},     // empty tag
        {"a(b NOOP", 1, "command"},  // atom-specials end the tag
        {"a\"b NOOP", 1, "command"}, // DQUOTE
    });
}

TEST_CASE("command-any: CAPABILITY LOGOUT NOOP x-command") {
    check_accepts(
        {"a CAPABILITY", "a LOGOUT", "a NOOP", "a XPIG-LATIN", "a XFOO bar {baz} (1 2)", "a Xy"});
    CHECK(std::holds_alternative<ast::noop_command>(parse_ok("a noop").body));
    CHECK(std::holds_alternative<ast::capability_command>(parse_ok("a CaPaBiLiTy").body));
    const auto& x = body<ast::x_command>(parse_ok("a XSTUFF one two"));
    CHECK(x.name == "XSTUFF");
    CHECK(x.has_arguments);
    CHECK(x.arguments == "one two");
    const auto& y = body<ast::x_command>(parse_ok("a XEMPTY"));
    CHECK(!y.has_arguments);
    check_rejects({
        {"a NOOPX", 2, "command"},      // no command is NOOPX: the whole keyword decides
        {"a NOOP extra", 6, "command"}, // no arguments
        {"a X", 2, "command"},          // "X" atom needs at least one more char
        {"a CAPABILITY(", 12, "command"},
    });
}

TEST_CASE("command-nonauth: LOGIN AUTHENTICATE STARTTLS") {
    check_accepts({"a STARTTLS", "a AUTHENTICATE GSSAPI", "a AUTHENTICATE PLAIN",
                   "a LOGIN fred secret", "a LOGIN \"fred smith\" \"se\\\"cret\"",
                   "a LOGIN {4}\r\nfred {6}\r\nsecret", "a LOGIN fr]ed pw"});
    const auto& l = body<ast::login_command>(parse_ok("a LOGIN \"fred smith\" \"se\\\"c\\\\ret\""));
    CHECK(l.userid.value() == "fred smith");
    CHECK(l.userid.form == ast::string_form::quoted);
    CHECK(l.password.value() == "se\"c\\ret");
    const auto& lit = body<ast::login_command>(parse_ok("a LOGIN {5}\r\nfr\ned x"));
    CHECK(lit.userid.form == ast::string_form::literal);
    CHECK(lit.userid.data == "fr\ned");
    CHECK(body<ast::authenticate_command>(parse_ok("a AUTHENTICATE KERBEROS_V4")).mechanism ==
          "KERBEROS_V4");
    check_rejects({
        {"a LOGIN fred", 12, "login"},    // SP password expected
        {"a LOGIN fred  x", 13, "login"}, // two spaces
        {"a LOGIN (fred) x", 8, "login"}, // "(" cannot start an astring
        {"a AUTHENTICATE", 14, "authenticate"},
        {"a AUTHENTICATE \"PLAIN\"", 15, "authenticate"}, // auth-type is an atom
        {"a LOGIN \"fr\xe9"
         "d\" x",
         11, "quoted"}, // 8-bit inside a quoted string, not UTF-8 (UTF8=ACCEPT takes that)
        {"a LOGIN \"fred\\x\" x", 14, "quoted"}, // only \" and \\ are escapes
    });
}

TEST_CASE("command-auth: mailbox commands") {
    check_accepts({"a SELECT INBOX", "a SELECT inbox", "a EXAMINE blurdybloop",
                   "a CREATE owatagusiam/", "a DELETE blurdybloop", "a RENAME blurdybloop sarasota",
                   "a SUBSCRIBE #news.comp.mail.mime", "a UNSUBSCRIBE #news.comp.mail.mime",
                   "a SELECT \"with space\"", "a SELECT {3}\r\na\rb",
                   "a SELECT ~peter/mail/&U,BTFw-/&ZeVnLIqe-"});
    CHECK(body<ast::select_command>(parse_ok("a SELECT iNbOx")).mailbox.is_inbox());
    CHECK(body<ast::select_command>(parse_ok("a SELECT \"INBOX\"")).mailbox.is_inbox());
    CHECK_FALSE(body<ast::select_command>(parse_ok("a SELECT INBOX.x")).mailbox.is_inbox());
    CHECK(body<ast::select_command>(parse_ok("a SELECT iNbOx")).mailbox ==
          body<ast::select_command>(parse_ok("a SELECT INBOX")).mailbox);
    check_rejects({
        {"a SELECT", 8, "select"},
        {"a SELECT a b", 10, "command"}, // CRLF expected after the mailbox
        {"a SELECT %", 9, "select"},     // wildcards are not ASTRING-CHARs
        {"a CREATE", 8, "create"},
        {"a DELETE ", 9, "delete"},
        {"a RENAME a", 10, "rename"},
        {"a EXAMINE", 9, "examine"},
        {"a SUBSCRIBE", 11, "subscribe"},
        {"a UNSUBSCRIBE", 13, "unsubscribe"},
    });
}

TEST_CASE("command-auth: LIST LSUB with list-mailbox") {
    check_accepts({"a LIST \"\" \"\"", "a LIST \"\" *", "a LIST \"\" %",
                   "a LIST #news. comp.mail.*", "a LIST /usr/staff/jones \"\"", "a LIST ~/Mail/ %",
                   "a LSUB #news. comp.mail.*", "a LIST \"\" foo]%*"});
    const auto& l = body<ast::list_command>(parse_ok("a LIST #news. comp.mail.*"));
    CHECK(l.reference.name.value() == "#news.");
    CHECK(l.pattern.value() == "comp.mail.*");
    CHECK(l.pattern.form == ast::string_form::atom);
    check_rejects({
        {"a LIST \"\"", 9, "list"},
        {"a LIST \"\" (", 11, "patterns"}, // LIST-EXTENDED (RFC 5258): "(" opens patterns
        {"a LSUB x", 8, "lsub"},
    });
}

TEST_CASE("command-auth: STATUS and status-att") {
    check_accepts({"a STATUS blurdybloop (UIDNEXT MESSAGES)",
                   "a STATUS x (MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN)"});
    const auto& s = body<ast::status_command>(parse_ok("a STATUS x (unseen uidvalidity)"));
    REQUIRE(s.items.size() == 2);
    CHECK(s.items[0] == ast::status_att::unseen);
    CHECK(s.items[1] == ast::status_att::uidvalidity);
    check_rejects({
        {"a STATUS x ()", 12, "status"},       // at least one status-att
        {"a STATUS x (SIZES)", 12, "status"},  // no status-att (SIZE is STATUS=SIZE's)
        {"a STATUS x MESSAGES", 11, "status"}, // parentheses required
        {"a STATUS x (MESSAGES", 20, "status"},
    });
}

TEST_CASE("command-auth: APPEND with flags, date-time and literal") {
    check_accepts({"a APPEND saved-messages (\\Seen) {3}\r\nabc", "a APPEND x {0}\r\n",
                   "a APPEND x \" 7-Feb-1994 21:52:25 -0800\" {1}\r\nz",
                   "a APPEND x (\\Seen $Junk) \"07-Feb-1994 21:52:25 +0100\" {1}\r\nz",
                   "a APPEND x () {2}\r\n\r\n"});
    const auto& a = body<ast::append_command>(
        parse_ok("a APPEND x (\\Seen $Junk) \" 7-Feb-1994 21:52:25 -0800\" {5}\r\nhello"));
    REQUIRE(a.flags);
    CHECK(a.flags->size() == 2);
    CHECK((*a.flags)[0].kind() == ast::flag_kind::seen);
    CHECK((*a.flags)[1].kind() == ast::flag_kind::keyword);
    REQUIRE(a.internal_date);
    CHECK(a.internal_date->day == 7);
    CHECK(a.internal_date->month == 2);
    CHECK(a.internal_date->year == 1994);
    CHECK(a.internal_date->hour == 21);
    CHECK(a.internal_date->zone_minutes() == -480);
    CHECK(a.message.data == "hello");
    check_rejects({
        {"a APPEND x \"abc\"", 12, "date-time"}, // a DQUOTE there can only start a date-time
        {"a APPEND x (\\Seen) \"7-Feb-1994 21:52:25 -0800\" {0}\r\n", 20, "date-time"},
        {"a APPEND x \" 7-Foo-1994 21:52:25 -0800\" {0}\r\n", 15, "date-time"},
        {"a APPEND x \" 7-Feb-1994 21:52 -0800\" {0}\r\n", 29, "time"},
        {"a APPEND x \" 7-Feb-1994 21:52:25 0800\" {0}\r\n", 33, "date-time"},
        {"a APPEND x (\\Seen {0}\r\n", 17, "flag-list"},
    });
}

TEST_CASE("sequence-set") {
    check_accepts({"a COPY 1 x", "a COPY * x", "a COPY 2:4 x", "a COPY 4:2 x", "a COPY 1:* x",
                   "a COPY *:4,5:7 x", "a COPY 2,4:7,9,12:* x", "a COPY 4294967295 x"});
    const auto& c = body<ast::copy_command>(parse_ok("a COPY 2,4:7,*,12:* x"));
    REQUIRE(c.set.items.size() == 4);
    CHECK(c.set.items[0].first.value == 2);
    CHECK(!c.set.items[0].last);
    CHECK(c.set.items[1].last->value == 7);
    CHECK(c.set.items[2].first.is_star());
    CHECK(c.set.items[3].last->is_star());
    check_rejects({
        {"a COPY 0 x", 7, "copy"}, // seq-number is nz-number
        {"a COPY 1: x", 9, "seq-range"},
        {"a COPY 1,,2 x", 8, "copy"}, // SP expected after "1"
        {"a COPY :1 x", 7, "copy"},
        {"a COPY 1:0 x", 9, "seq-range"},
    });
}

TEST_CASE("fetch and fetch-att, section-spec, partial") {
    check_accepts({
        "a FETCH 1 ALL",
        "a FETCH 1 FULL",
        "a FETCH 1 FAST",
        "a FETCH 1 ENVELOPE",
        "a FETCH 1 FLAGS",
        "a FETCH 1 INTERNALDATE",
        "a FETCH 1 RFC822",
        "a FETCH 1 RFC822.HEADER",
        "a FETCH 1 RFC822.SIZE",
        "a FETCH 1 RFC822.TEXT",
        "a FETCH 1 BODY",
        "a FETCH 1 BODYSTRUCTURE",
        "a FETCH 1 UID",
        "a FETCH 1 BODY[]",
        "a FETCH 1 BODY.PEEK[]",
        "a FETCH 1 BODY[HEADER]",
        "a FETCH 1 BODY[TEXT]",
        "a FETCH 1 BODY[1]",
        "a FETCH 1 BODY[1.2.3]",
        "a FETCH 1 BODY[1.MIME]",
        "a FETCH 1 BODY[4.2.HEADER]",
        "a FETCH 1 BODY[3.TEXT]",
        "a FETCH 1 BODY[HEADER.FIELDS (DATE FROM)]",
        "a FETCH 1 BODY[HEADER.FIELDS.NOT (X-A \"b c\")]",
        "a FETCH 1 BODY[2.HEADER.FIELDS (Subject)]",
        "a FETCH 1 BODY[]<0.2048>",
        "a FETCH 1 BODY.PEEK[1.2]<512.100>",
        "a FETCH 1 (FLAGS)",
        "a FETCH 1:* (UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE BODYSTRUCTURE)",
    });
    const auto& f = body<ast::fetch_command>(parse_ok("a FETCH 1 (BODY.PEEK[1.2.MIME]<5.10> UID)"));
    const auto& atts = std::get<ast::vector<ast::fetch_att>>(f.items);
    REQUIRE(atts.size() == 2);
    CHECK(atts[0].kind == ast::fetch_att_kind::body_peek_section);
    CHECK(atts[0].section.part == ast::vector<std::uint32_t>{1, 2});
    REQUIRE(atts[0].section.text);
    CHECK(atts[0].section.text->kind == ast::section_text_kind::mime);
    REQUIRE(atts[0].partial);
    CHECK(atts[0].partial->offset == 5);
    CHECK(atts[0].partial->length == 10);
    CHECK(atts[1].kind == ast::fetch_att_kind::uid);
    CHECK(std::get<ast::fetch_macro>(body<ast::fetch_command>(parse_ok("a FETCH 1 fast")).items) ==
          ast::fetch_macro::fast);
    const auto one =
        std::get<ast::fetch_att>(body<ast::fetch_command>(parse_ok("a FETCH 1 BODY")).items);
    CHECK(one.kind == ast::fetch_att_kind::body);
    check_rejects({
        {"a FETCH 1", 9, "fetch"},
        {"a FETCH 1 ()", 11, "\"(\" fetch-att *(SP fetch-att) \")\""},
        {"a FETCH 1 (FLAGS", 16, "\"(\" fetch-att *(SP fetch-att) \")\""},
        {"a FETCH 1 FOO", 10, "fetch"},
        {"a FETCH 1 BODY[MIME]", 15, "section"}, // MIME needs a part
        {"a FETCH 1 BODY[0]", 15, "section"},    // parts are nz-numbers
        {"a FETCH 1 BODY[1.]", 17, "section-spec"},
        {"a FETCH 1 BODY[HEADER.FIELDS]", 28, "section-msgtext"},
        {"a FETCH 1 BODY[HEADER.FIELDS ()]", 30, "header-list"},
        {"a FETCH 1 BODY[]<0>", 18, "partial"}, // fetch-att needs "<" number "." nz-number ">"
        {"a FETCH 1 BODY[]<0.0>", 19, "partial"},
        {"a FETCH 1 BODY.PEEK", 19, "fetch-att"}, // BODY.PEEK needs a section
        // the item's whole name is looked up, so an unknown one is refused where it starts
        {"a FETCH 1 RFC822.SIZEX", 10, "fetch"},
        {"a FETCH 1 (UID BODYSTRUCTURES)", 14, "\"(\" fetch-att *(SP fetch-att) \")\""},
        {"a FETCH 1 UID[]", 10, "fetch"}, // only BODY and BODY.PEEK take a section
    });
}

TEST_CASE("store and store-att-flags") {
    check_accepts({"a STORE 2:4 +FLAGS (\\Deleted)", "a STORE 1 FLAGS ()",
                   "a STORE 1 -FLAGS.SILENT (\\Seen $Label1)", "a STORE 1 FLAGS \\Seen",
                   "a STORE 1 +FLAGS \\Seen \\Answered foo", "a STORE 1 FLAGS (\\Recent)"});
    const auto& s = body<ast::store_command>(parse_ok("a STORE 1 -FLAGS.SILENT \\Seen \\Flagged"));
    CHECK(s.action.op == ast::store_att_flags::operation::remove);
    CHECK(s.action.silent);
    CHECK_FALSE(s.action.parenthesized);
    CHECK(s.action.flags.size() == 2);
    check_rejects({
        {"a STORE 1 FLAGS", 15, "store-att-flags"},
        {"a STORE 1 FLAG (\\Seen)", 10, "store"},
        {"a STORE 1 *FLAGS (\\Seen)", 10, "store"},
        {"a STORE 1 FLAGS (\\*)", 17, "flag-list"}, // \* is flag-perm only
        {"a STORE 1 FLAGS \\", 16, "store-att-flags"},
    });
}

TEST_CASE("search and every search-key") {
    check_accepts({
        "a SEARCH ALL",
        "a SEARCH ANSWERED",
        "a SEARCH BCC x",
        "a SEARCH BEFORE 1-Feb-1994",
        "a SEARCH BODY \"a b\"",
        "a SEARCH CC x",
        "a SEARCH DELETED",
        "a SEARCH FLAGGED",
        "a SEARCH FROM Smith",
        "a SEARCH KEYWORD $Forwarded",
        "a SEARCH NEW",
        "a SEARCH OLD",
        "a SEARCH ON 01-Feb-1994",
        "a SEARCH RECENT",
        "a SEARCH SEEN",
        "a SEARCH SINCE \"1-Feb-1994\"",
        "a SEARCH SUBJECT {3}\r\nabc",
        "a SEARCH TEXT x",
        "a SEARCH TO x",
        "a SEARCH UNANSWERED",
        "a SEARCH UNDELETED",
        "a SEARCH UNFLAGGED",
        "a SEARCH UNKEYWORD x",
        "a SEARCH UNSEEN",
        "a SEARCH DRAFT",
        "a SEARCH HEADER X-Mailer \"\"",
        "a SEARCH LARGER 10000",
        "a SEARCH NOT SEEN",
        "a SEARCH OR SEEN NEW",
        "a SEARCH SENTBEFORE 1-Jan-2000",
        "a SEARCH SENTON 1-Jan-2000",
        "a SEARCH SENTSINCE 1-Jan-2000",
        "a SEARCH SMALLER 5",
        "a SEARCH UID 1:*,5",
        "a SEARCH UNDRAFT",
        "a SEARCH 1:5,*",
        "a SEARCH (SEEN FLAGGED)",
        "a SEARCH CHARSET UTF-8 TEXT {6}\r\nXXXXXX",
        "a SEARCH OR (NOT SEEN) (OR FROM a TO b) UID 3:4",
        "a SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"",
    });
    const auto& s = body<ast::search_command>(parse_ok("a SEARCH CHARSET UTF-8 OR (NOT SEEN) 2:*"));
    REQUIRE(s.charset);
    CHECK(s.charset->value() == "UTF-8");
    REQUIRE(s.keys.size() == 1);
    const auto& o = std::get<ast::search_or>(s.keys[0].v);
    const auto& g = std::get<ast::search_group>(o.left->v);
    REQUIRE(g.keys.size() == 1);
    const auto& n = std::get<ast::search_not>(g.keys[0].v);
    CHECK(std::get<ast::search_simple>(n.key->v).which == ast::search_flag_key::seen);
    CHECK(std::get<ast::search_set>(o.right->v).set.items[0].last->is_star());
    const auto& d = body<ast::search_command>(parse_ok("a SEARCH SENTON \"09-Dec-2001\""));
    const auto& sd = std::get<ast::search_date>(d.keys[0].v);
    CHECK(sd.which == ast::search_date_kind::senton);
    CHECK(sd.date.day == 9);
    CHECK(sd.date.month == 12);
    CHECK(sd.date.year == 2001);
    CHECK(sd.date.quoted);
    CHECK(sd.date.leading_zero);
    check_rejects({
        {"a SEARCH", 8, "search"},
        {"a SEARCH FOO", 9, "search"},
        {"a SEARCH ALLX", 9, "search"},
        {"a SEARCH NOT", 9, "search"},
        {"a SEARCH ()", 10, "search-key"},
        {"a SEARCH (SEEN", 14, "search-key"},
        {"a SEARCH OR SEEN", 16, "search-key"},
        {"a SEARCH BEFORE 1-Feb-94", 22, "date-text"},
        {"a SEARCH BEFORE 123-Feb-1994", 16, "search-key"},
        {"a SEARCH LARGER x", 16, "search-key"},
        {"a SEARCH HEADER X-A", 19, "search-key"},
        {"a SEARCH UID x", 13, "search-key"},
        {"a SEARCH CHARSET", 16, "search"},
        {"a SEARCH KEYWORD \\Seen", 17, "search-key"}, // flag-keyword is an atom
    });
}

TEST_CASE("uid") {
    check_accepts({"a UID COPY 4827313:4828442 meeting", "a UID FETCH 1:* FLAGS",
                   "a UID STORE 1 +FLAGS (\\Seen)", "a UID SEARCH 1:100 UID 443:557"});
    CHECK(to_string(parse_ok("a uid fetch 1 uid")) ==
          "a UID FETCH 1 UID\r\n"); // keywords: any case in, upper case out
    const auto& u = body<ast::uid_command>(parse_ok("a UID SEARCH ALL"));
    CHECK(std::holds_alternative<ast::search_command>(u.command));
    check_rejects({
        {"a UID", 5, "uid"},
        // UIDPLUS's UID EXPUNGE needs its sequence-set (strict RFC 3501 refuses the word at
        // offset 6: test_extensions.cpp)
        {"a UID EXPUNGE", 13, "uid-expunge"},
        {"a UID NOOP", 6, "uid"},
    });
}

TEST_CASE("command-select: CHECK CLOSE EXPUNGE COPY") {
    check_accepts({"a CHECK", "a CLOSE", "a EXPUNGE", "a COPY 2:4 MEETING"});
    check_rejects({{"a CHECK x", 7, "command"}, {"a COPY 1", 8, "copy"}});
}

TEST_CASE("authenticate data lines (base64 / \"*\")") {
    auto ok = [](const std::string& line) {
        const std::string& in = inputs.emplace_back(line + "\r\n");
        auto r = parse_authenticate_data(in);
        REQUIRE(r.ok());
        std::string out;
        CHECK(!serialize(out, r.value()));
        CHECK(out == line + "\r\n");
        return r.value();
    };
    CHECK(ok("*").cancel);
    CHECK(ok("").base64.empty());
    CHECK(ok("dGVzdA==").base64 == "dGVzdA==");
    CHECK(ok("YWJj").base64 == "YWJj");
    CHECK(ok("YWI=").base64 == "YWI=");
    CHECK(ok("AGZyZWQAc2VjcmV0").base64.size() == 16);
    for (const std::string bad : {"YWJ", "Y===", "dGVzdA=", "a b", "**", "YW=J", "YWJj="}) {
        CAPTURE(bad);
        auto r = parse_authenticate_data(bad + "\r\n");
        REQUIRE(r.failed());
        CHECK(r.error().production == "authenticate");
    }
}

TEST_CASE("quoted: every octet position, across the 16-octet scan") {
    // the scan for the end of a quoted string looks at 16 octets at a time where it can; each
    // length and each position of a special octet must give the same answer as one at a time
    for (std::size_t len = 1; len <= 40; ++len) {
        for (std::size_t k = 0; k < len; ++k) {
            CAPTURE(len);
            CAPTURE(k);
            std::string plain(len, 'x');
            // an escaped DQUOTE or backslash at k
            for (const char special : {'"', '\\'}) {
                std::string raw = plain;
                raw.replace(k, 1, std::string{'\\', special});
                const std::string line = "a LOGIN \"" + raw + "\" p";
                const ast::command c = parse_ok(line);
                const auto& l = body<ast::login_command>(c);
                std::string want = plain;
                want[k] = special;
                CHECK(l.userid.value() == want);
                CHECK(l.userid.data.size() == raw.size());
                // and the serializer, which checks the kept form the same way, writes it back
                std::string out;
                CHECK(!serialize(out, c));
                CHECK(out == line + "\r\n");
            }
            // an octet that cannot be in a quoted string at k: reported exactly there
            for (const char bad : {'\x80', '\xff', '\0'}) {
                std::string raw = plain;
                raw[k] = bad;
                if (bad != '\0') {
                    // a value kept as quoted but holding it is written as a literal instead
                    ast::command c = parse_ok("a LOGIN x p");
                    std::get<ast::login_command>(c.body).userid =
                        ast::istring(raw, ast::string_form::quoted);
                    std::string out;
                    CHECK(!serialize(out, c));
                    CHECK(out == "a LOGIN {" + std::to_string(len) + "}\r\n" + raw + " p\r\n");
                }
                const std::string in = "a LOGIN \"" + raw + "\" p\r\n";
                auto r = parse_command(in);
                REQUIRE(r.failed());
                CHECK(r.error().offset == 9 + k);
            }
            // a DQUOTE at k ends the string there
            std::string cut = plain;
            cut[k] = '"';
            auto r = parse_command("a LOGIN \"" + cut + "\" p\r\n");
            CHECK(r.failed()); // what follows the early DQUOTE is not SP password
            CHECK(r.error().offset == 9 + k + 1);
        }
    }
}
