// The serializer chooses atom / quoted / literal from the character tables, keeps parsed
// forms, and refuses values the grammar cannot express.
#include "test_data.hpp"

#include <imapwire/owned.hpp>
#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <doctest/doctest.h>

using namespace imapwire;

namespace {
std::string login_with(ast::istring user) {
    ast::command c{"a", ast::login_command{user, "p"}};
    return to_string(c);
}
std::string list_with(ast::istring pattern) {
    ast::command c{"a", ast::list_command{ast::mailbox{""}, pattern}};
    return to_string(c);
}
} // namespace

TEST_CASE("strings built in code get the most compact valid form") {
    CHECK(login_with("fred") == "a LOGIN fred p\r\n");
    CHECK(login_with("fr]ed") == "a LOGIN fr]ed p\r\n"); // ] is an ASTRING-CHAR
    CHECK(login_with("") == "a LOGIN \"\" p\r\n");       // empty needs quotes
    CHECK(login_with("NIL") == "a LOGIN NIL p\r\n");     // an astring, not nil
    CHECK(login_with("a b") == "a LOGIN \"a b\" p\r\n");
    CHECK(login_with("a\"b\\c") == "a LOGIN \"a\\\"b\\\\c\" p\r\n");
    CHECK(login_with("a%b") == "a LOGIN \"a%b\" p\r\n"); // wildcard: not an atom
    CHECK(login_with("a(b") == "a LOGIN \"a(b\" p\r\n");
    CHECK(login_with("a{b") == "a LOGIN \"a{b\" p\r\n");
    CHECK(login_with("line\r\nbreak") == "a LOGIN {11}\r\nline\r\nbreak p\r\n");
    // 8-bit: UTF-8 is quoted for a reader with UTF8=ACCEPT or IMAP4rev2 (the default set has
    // both), other octets above 0x7F always need a literal
    CHECK(login_with("caf\xc3\xa9") == "a LOGIN \"caf\xc3\xa9\" p\r\n");
    CHECK(login_with("caf\xe9") == "a LOGIN {4}\r\ncaf\xe9 p\r\n");
    CHECK(login_with(std::string_view("\x7f", 1)) == "a LOGIN \"\x7f\" p\r\n"); // CTL is TEXT-CHAR
    CHECK(list_with("a%b*") == "a LIST \"\" a%b*\r\n"); // list-char allows wildcards
    CHECK(list_with("a b") == "a LIST \"\" \"a b\"\r\n");
    const std::string long_value(1001, 'x');
    CHECK(login_with(std::string_view(long_value).substr(0, 1000)).find('"') ==
          std::string::npos); // an atom of any length stays an atom
    const std::string spaced = std::string(1001, ' ');
    CHECK(login_with(std::string_view(spaced)).rfind("a LOGIN {1001}\r\n", 0) ==
          0); // long: literal
}

TEST_CASE("parsed forms are kept when valid, otherwise re-chosen") {
    CHECK(login_with({"fred", ast::string_form::quoted}) == "a LOGIN \"fred\" p\r\n");
    CHECK(login_with({"fred", ast::string_form::literal}) == "a LOGIN {4}\r\nfred p\r\n");
    // an atom form that is not a valid atom falls back to a valid form
    CHECK(login_with({"a b", ast::string_form::atom}) == "a LOGIN \"a b\" p\r\n");
    CHECK(login_with({"", ast::string_form::atom}) == "a LOGIN \"\" p\r\n");
    // a quoted form holding bytes a quoted string cannot hold becomes a literal
    CHECK(login_with({"a\nb", ast::string_form::quoted}) == "a LOGIN {3}\r\na\nb p\r\n");
    serialize_options fresh;
    fresh.preserve_forms = false;
    std::string out;
    ast::command c{"a", ast::login_command{{"fred", ast::string_form::literal}, "p"}};
    CHECK(!serialize(out, c, fresh));
    CHECK(out == "a LOGIN fred p\r\n");
}

TEST_CASE("values the grammar cannot express are refused and leave the output alone") {
    auto refused = [](const ast::command& c) {
        std::string out = "keep";
        const auto ec = serialize(out, c);
        CHECK(ec == error::unserializable);
        CHECK(out == "keep");
        CHECK_THROWS_AS(to_string(c), std::system_error);
    };
    refused({"", ast::noop_command{}});                                     // empty tag
    refused({"a b", ast::noop_command{}});                                  // SP in tag
    refused({"a+", ast::noop_command{}});                                   // "+" in tag
    refused({"a", ast::copy_command{{}, ast::mailbox{"x"}}});               // empty sequence-set
    refused({"a", ast::login_command{{std::string_view("a\0b", 3)}, "p"}}); // NUL
    refused({"a", ast::status_command{ast::mailbox{"x"}, {}}});             // no status-att
    refused({"a", ast::search_command{std::nullopt, {}}});                  // no search-key
    ast::fetch_att mime{ast::fetch_att_kind::body_section,
                        {{}, ast::section_text{ast::section_text_kind::mime, {}}},
                        {}};
    refused({"a", ast::fetch_command{{{ast::seq_item{{1}, {}}}}, mime}}); // MIME without part
    ast::fetch_att zero_part{ast::fetch_att_kind::body_section, {{0}, {}}, {}};
    refused({"a", ast::fetch_command{{{ast::seq_item{{1}, {}}}}, zero_part}});
    ast::fetch_att zero_len{ast::fetch_att_kind::body_section, {}, ast::partial_range{0, 0}};
    refused({"a", ast::fetch_command{{{ast::seq_item{{1}, {}}}}, zero_len}});
    refused({"a", ast::fetch_command{{{ast::seq_item{{1}, {}}}}, ast::vector<ast::fetch_att>{}}});
    ast::store_att_flags bare{ast::store_att_flags::operation::add, false, false, {}};
    refused(
        {"a", ast::store_command{{{ast::seq_item{{1}, {}}}}, bare}}); // flag *(SP flag) needs one
    ast::store_att_flags star{
        ast::store_att_flags::operation::add, false, true, {ast::flag{"\\*"}}};
    refused({"a", ast::store_command{{{ast::seq_item{{1}, {}}}}, star}});
    refused({"a", ast::authenticate_command{"PL AIN"}});
    refused({"a", ast::x_command{"YFOO", {}, false}});      // x-command starts with X
    refused({"a", ast::x_command{"XFOO", "a\r\nb", true}}); // a line break in the arguments
    refused({"a", ast::x_command{"XFOO", "{5}", true}});    // announces a literal it lacks
    ast::date bad_month{1, 13, 2000, false, false};
    refused({"a", ast::search_command{std::nullopt,
                                      {ast::search_date{ast::search_date_kind::on, bad_month}}}});
    ast::date_time bad_year;
    bad_year.year = 10000;
    refused({"a", ast::append_command{ast::mailbox{"x"}, std::nullopt, bad_year, "m"}});

    std::string out;
    CHECK(serialize(out, ast::authenticate_data{false, "abc"}) == error::unserializable);
    CHECK(serialize(out, ast::authenticate_data{true, "abcd"}) == error::unserializable);
    CHECK(out.empty());
}

TEST_CASE("the owning form outlives the buffer it was parsed from") {
    std::optional<owned<ast::command>> kept;
    {
        std::string buffer = "a1 LOGIN \"fred smith\" {3}\r\nx\ry\r\n";
        auto r = parse_command(buffer);
        REQUIRE(r.ok());
        kept = own(r.value());
        buffer.assign(buffer.size(), '#'); // the original bytes are gone
    }
    const auto& login = std::get<ast::login_command>((*kept)->body);
    CHECK(login.userid.value() == "fred smith");
    CHECK(login.password.value() == "x\ry");
    CHECK((*kept)->tag == "a1");
    CHECK(kept->bytes() == "a1 LOGIN \"fred smith\" {3}\r\nx\ry\r\n");
    auto copy = *kept;
    kept.reset();
    CHECK(std::get<ast::login_command>(copy->body).userid.value() == "fred smith");
    CHECK(!owned<ast::command>::parse("a1 NOOP"));
}

TEST_CASE("a moved-from box compares safely") {
    ast::box<ast::search_key> a{ast::search_simple{ast::search_flag_key::seen}};
    ast::box<ast::search_key> b{ast::search_simple{ast::search_flag_key::seen}};
    CHECK(a == b);
    ast::box<ast::search_key> moved = std::move(a);
    CHECK(moved == b);
    CHECK_FALSE(a == b); // NOLINT(bugprone-use-after-move): the point of the test
    ast::box<ast::search_key> c = std::move(b);
    CHECK(a == b);
}

TEST_CASE("gathered output leaves large literals where they are") {
    const std::string body(5000, 'm');
    const std::string in = "* 7 FETCH (UID 9 BODY[] {5000}\r\n" + body + " FLAGS (\\Seen))\r\n";
    auto r = parse_response(in);
    REQUIRE(r.ok());

    gathered_message g;
    REQUIRE(!serialize(g, *r));
    REQUIRE(g.pieces().size() == 3);
    CHECK(g.pieces()[0] == "* 7 FETCH (UID 9 BODY[] {5000}\r\n");
    // the octets are a view of the input, not a copy
    CHECK(g.pieces()[1].data() == in.data() + in.find('m'));
    CHECK(g.pieces()[1].size() == 5000);
    CHECK(g.pieces()[2] == " FLAGS (\\Seen))\r\n");
    CHECK(g.bytes().size() == in.size() - 5000);
    CHECK(g.size() == in.size());
    CHECK(g.joined() == in);

    // below the threshold the octets are copied like the rest: one piece
    serialize_options copy_all;
    copy_all.gather_min_literal = 5001;
    REQUIRE(!serialize(g, *r, copy_all));
    REQUIRE(g.pieces().size() == 1);
    CHECK(g.pieces()[0] == in);
    CHECK(g.bytes() == in);

    // a message ending with a left-out literal: the last piece is the CRLF
    const std::string login = "a LOGIN x {3000}\r\n" + std::string(3000, 'p') + "\r\n";
    auto c = parse_command(login);
    REQUIRE(c.ok());
    serialize_options small;
    small.gather_min_literal = 1;
    REQUIRE(!serialize(g, *c, small));
    REQUIRE(g.pieces().size() == 3);
    CHECK(g.pieces()[2] == "\r\n");
    CHECK(g.joined() == login);

    // two literals next to each other in one line, both left out
    const std::string two = "* 1 FETCH (BODY[1] {4096}\r\n" + std::string(4096, 'a') +
                            " BODY[2] {4097}\r\n" + std::string(4097, 'b') + ")\r\n";
    auto t = parse_response(two);
    REQUIRE(t.ok());
    REQUIRE(!serialize(g, *t));
    CHECK(g.pieces().size() == 5);
    CHECK(g.joined() == two);
}

TEST_CASE("gathered output refuses what serialize() refuses") {
    // NUL in a literal left in place: nothing else would look at those octets
    std::string octets(5000, 'x');
    octets[4321] = '\0';
    ast::command c{"a", ast::login_command{ast::istring(octets, ast::string_form::literal), "p"}};
    gathered_message g;
    REQUIRE(!serialize(g, ast::command{"a", ast::noop_command{}}));
    CHECK(serialize(g, c) == error::unserializable);
    CHECK(g.pieces().empty());
    CHECK(g.bytes().empty());
    std::string s;
    CHECK(serialize(s, c) == error::unserializable);

    // text that ends like a literal announcement does not frame as one message, with or
    // without a left-out literal before it
    const std::string with_literal =
        "* 1 FETCH (BODY[] {5000}\r\n" + std::string(5000, 'b') + ")\r\n";
    const ast::response fine = parse_response(with_literal).value();
    CHECK(!serialize(g, fine));
    ast::response text{ast::response_data{
        ast::resp_cond{ast::condition::ok, ast::resp_text{std::nullopt, "see {5}"}}}};
    CHECK(serialize(g, text) == error::unserializable);
    CHECK(serialize(s, text) == error::unserializable);
}

TEST_CASE("gathered output copies literals the serializer had to decode (regression)") {
    // found by fuzzing: a quoted string with escapes that must become a literal (too long for
    // a quoted string once forms are chosen) is decoded into a temporary; a gathered_message
    // pointed at it after it was gone. Such octets are copied.
    const std::string raw = std::string(1500, 'x') + "\\\"y";
    ast::command c{"a", ast::login_command{ast::istring(raw, ast::string_form::quoted), "p"}};
    serialize_options so;
    so.preserve_forms = false;
    so.gather_min_literal = 1;
    gathered_message g;
    REQUIRE(!serialize(g, c, so));
    std::string s;
    REQUIRE(!serialize(s, c, so));
    CHECK(s.find("{1502}\r\n") != std::string::npos);
    CHECK(g.pieces().size() == 1); // nothing left out: the decoded value is in bytes()
    CHECK(g.joined() == s);

    // the same for APPEND's message
    ast::append_command append;
    append.mailbox = ast::mailbox{"INBOX"};
    append.message = ast::istring(raw, ast::string_form::quoted);
    const ast::command a{"b", append};
    REQUIRE(!serialize(g, a, so));
    CHECK(g.pieces().size() == 1);
    s.clear();
    REQUIRE(!serialize(s, a, so));
    CHECK(g.joined() == s);
}

TEST_CASE("a response text or generic code that would read back as something else is refused") {
    // The parser decides (serializer/response.hpp, reads_back): what the grammar reads is
    // defined once.
    const auto tagged = [](ast::resp_text t) {
        return ast::response{ast::response_tagged{"a", {ast::condition::ok, t}}};
    };
    const auto writes = [](const ast::response& r) {
        std::string out;
        return serialize(out, r) ? std::string("refused") : out;
    };
    // text that starts like a code
    CHECK(writes(tagged({std::nullopt, "[ALERT] look"})) == "refused");
    CHECK(writes(tagged({std::nullopt, "[XYZZY 1 2] look"})) == "refused");
    CHECK(writes(tagged({std::nullopt, "[ALERT]look"})) == "a OK [ALERT]look\r\n");
    CHECK(writes(tagged({std::nullopt, "[ALERT]"})) == "a OK [ALERT]\r\n");
    CHECK(writes(tagged({std::nullopt, "[ look"})) == "a OK [ look\r\n");
    // the generic form of a named code
    CHECK(writes(tagged({ast::code_other{"UIDNEXT", "5"}, "x"})) == "refused");
    CHECK(writes(tagged({ast::code_other{"uidnext", "5"}, "x"})) == "refused");
    CHECK(writes(tagged({ast::code_other{"ALERT", std::nullopt}, "x"})) == "refused");
    CHECK(writes(tagged({ast::code_other{"CAPABILITY", "IMAP4rev1 IDLE"}, "x"})) == "refused");
    CHECK(writes(tagged({ast::code_other{"PERMANENTFLAGS", "(\\Seen)"}, "x"})) == "refused");
    // ...and what stays generic when read back
    CHECK(writes(tagged({ast::code_other{"UIDNEXT", "0"}, "x"})) == "a OK [UIDNEXT 0] x\r\n");
    CHECK(writes(tagged({ast::code_other{"ALERT", "now"}, "x"})) == "a OK [ALERT now] x\r\n");
    CHECK(writes(tagged({ast::code_other{"CAPABILITY", "IDLE"}, "x"})) ==
          "a OK [CAPABILITY IDLE] x\r\n"); // no IMAP4rev1: not capability-data
    // a code no extension of the reader names (METADATA's LONGENTRIES, not implemented) stays
    // generic; MAILBOXID is OBJECTID's and CLOSED QRESYNC's, so generic only for a reader
    // without them
    CHECK(writes(tagged({ast::code_other{"LONGENTRIES", "5"}, "x"})) ==
          "a OK [LONGENTRIES 5] x\r\n");
    CHECK(writes(tagged({ast::code_other{"MAILBOXID", "(F1)"}, "x"})) == "refused");
    CHECK(writes(tagged({ast::code_other{"MAILBOXID", "F1"}, "x"})) ==
          "a OK [MAILBOXID F1] x\r\n"); // not its form: generic for every reader
    CHECK(writes(tagged({ast::code_other{"CLOSED", std::nullopt}, "x"})) == "refused");
    serialize_options no_qresync;
    no_qresync.extensions = extension_set::all().remove(extension::qresync);
    std::string closed;
    CHECK(!serialize(closed, tagged({ast::code_other{"CLOSED", std::nullopt}, "x"}), no_qresync));
    CHECK(closed == "a OK [CLOSED] x\r\n");
    // the same values as the parser gives them back compare equal (parse(serialize(x)) == x)
    const std::string line = "a OK [UIDNEXT 0] x\r\n";
    const auto back = parse_response(line);
    REQUIRE(back.ok());
    CHECK(back.value() == tagged({ast::code_other{"UIDNEXT", "0"}, "x"}));
}
