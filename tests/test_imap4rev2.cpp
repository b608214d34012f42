// IMAP4rev2 (RFC 9051) as a named extension set and as a grammar of its own, and UTF8=ACCEPT
// (RFC 9755): UTF-8 in quoted strings, checked octet by octet, and what each changes in the
// serializer.
#include "parse_helpers.hpp"

#include <map>
#include <string>
#include <variant>
#include <vector>

using namespace imapwire;
using namespace imapwire::test;

namespace {

const parse_options strict = with_extensions(extension_set::none());
const parse_options utf8_only = with_extensions(extension_set{extension::utf8_accept});
const parse_options rev2_only = with_extensions(extension_set{extension::imap4rev2});
const parse_options rev2_set = with_extensions(extension_set::imap4rev2());

/// A command or response as serialized for a reader with `reader`, or "error: ..."
template <class Message>
std::string written(const Message& m, extension_set reader) {
    serialize_options o;
    o.extensions = reader;
    std::string out;
    const std::error_code e = serialize(out, m, o);
    return e ? "error: " + e.message() : out;
}

const ast::resp_text& tagged_text(const ast::response& r) {
    REQUIRE(std::holds_alternative<ast::response_tagged>(r.v));
    return std::get<ast::response_tagged>(r.v).cond.text;
}

} // namespace

TEST_CASE("IMAP4rev2 is a named set: its grammar and the extensions RFC 9051 folds in") {
    const extension_set rev2 = extension_set::imap4rev2();
    // RFC 9051 Appendix E item 2, and items 3 (STATUS SIZE) and 2 (LITERAL-, not LITERAL+)
    for (extension e :
         {extension::imap4rev2, extension::namespace_, extension::unselect, extension::uidplus,
          extension::esearch, extension::searchres, extension::enable, extension::idle,
          extension::sasl_ir, extension::list_extended, extension::list_status, extension::move,
          extension::literal_minus, extension::rfc5530, extension::binary, extension::status_size,
          extension::children}) {
        CAPTURE(info(e).name);
        CHECK(rev2.contains(e));
    }
    // Appendix F recommends these; they are not part of it
    for (extension e : {extension::condstore, extension::qresync, extension::objectid,
                        extension::literal_plus, extension::utf8_accept, extension::compress}) {
        CAPTURE(info(e).name);
        CHECK(!rev2.contains(e));
    }
    // --extensions= takes the capability's spelling and brings the set
    CHECK(parse_extension_list("IMAP4rev2") == rev2);
    CHECK(parse_extension_list("imap4rev2,CONDSTORE") ==
          extension_set(rev2).add(extension::condstore));
    // adding the enumerator alone adds its grammar only
    CHECK(!extension_set{extension::imap4rev2}.contains(extension::esearch));
    // a server that advertises IMAP4rev2 supports the set (RFC 9051 §7.2.2)
    const std::vector<std::string> caps = {"IMAP4rev2", "AUTH=PLAIN", "CONDSTORE"};
    const extension_set advertised = extensions_advertised(caps);
    CHECK(advertised == extension_set(rev2).add(extension::condstore));
}

TEST_CASE("UTF8=ONLY implies UTF8=ACCEPT (RFC 9755 §3)") {
    const std::vector<std::string> only = {"IMAP4rev1", "UTF8=ONLY"};
    CHECK(extensions_advertised(only).contains(extension::utf8_accept));
    const std::vector<std::string> accept = {"IMAP4rev1", "UTF8=ACCEPT"};
    CHECK(extensions_advertised(accept).contains(extension::utf8_accept));
    const std::vector<std::string> neither = {"IMAP4rev1", "ENABLE"};
    CHECK(!extensions_advertised(neither).contains(extension::utf8_accept));
}

TEST_CASE("UTF8=ACCEPT: UTF-8 in quoted strings, both directions") {
    // "Entwürfe" (ü is C3 BC), "日本" (three octets each), "𝄞" (four octets)
    const std::string drafts = "Entw\xc3\xbc"
                               "rfe";
    const ast::command select = command_ok("a SELECT \"" + drafts + "\"", utf8_only);
    CHECK(body<ast::select_command>(select).mailbox.name.value() == drafts);
    command_ok("a CREATE \"\xe6\x97\xa5\xe6\x9c\xac/\xf0\x9d\x84\x9e\"", utf8_only);
    response_ok("* LIST () \"/\" \"" + drafts + "\"", utf8_only);
    // and under IMAP4rev2, whose QUOTED-CHAR has UTF8-2 / UTF8-3 / UTF8-4 itself
    command_ok("a SELECT \"" + drafts + "\"", rev2_only);
    // escapes still work next to it
    command_ok("a SELECT \"\xc3\xbc\\\"\\\\\xc3\xbc\"", utf8_only);
}

TEST_CASE("UTF8=ACCEPT: without it an octet above 0x7F in a quoted string is refused where it is") {
    const std::string line = "a SELECT \"Entw\xc3\xbcrfe\"";
    const parse_error e = command_fails(line, strict);
    CHECK(e.offset == 14);
    CHECK(e.production == "quoted");
    CHECK(e.expected == "QUOTED-CHAR");
    CHECK(e.accepted_with == extension_set{extension::utf8_accept});
    CHECK(e.text().find("accepted with UTF8=ACCEPT") != std::string::npos);
}

TEST_CASE("UTF8=ACCEPT: only well-formed UTF-8 (RFC 3629 §4) is a uQUOTED-CHAR") {
    struct bad {
        const char* octets;
        const char* why;
    };
    for (const bad& b : std::vector<bad>{
             {"\x80", "a continuation octet alone"},
             {"\xc0\xaf", "an overlong two-octet form"},
             {"\xc1\xbf", "an overlong two-octet form"},
             {"\xe0\x80\xaf", "an overlong three-octet form"},
             {"\xed\xa0\x80", "a surrogate (U+D800)"},
             {"\xf0\x80\x80\xaf", "an overlong four-octet form"},
             {"\xf4\x90\x80\x80", "above U+10FFFF"},
             {"\xf5\x80\x80\x80", "no UTF-8 octet"},
             {"\xff", "no UTF-8 octet"},
             {"\xc3", "cut short before the DQUOTE"},
             {"\xe6\x97", "cut short before the DQUOTE"},
             {"\xc3\x41", "a lead octet without its continuation"},
         }) {
        CAPTURE(b.why);
        const std::string line = std::string("a SELECT \"x") + b.octets + "\"";
        const parse_error e = command_fails(line, utf8_only);
        CHECK(e.offset == 11);
        CHECK(e.production == "quoted");
        CHECK(e.expected == "well-formed UTF-8 (RFC 3629)");
    }
    // the largest code point, and the last octets before and after the surrogates
    command_ok("a SELECT \"\xf4\x8f\xbf\xbf\xed\x9f\xbf\xee\x80\x80\"", utf8_only);
}

TEST_CASE("UTF8=ACCEPT: the serializer quotes UTF-8 only for a reader that takes it") {
    const std::string drafts = "Entw\xc3\xbc"
                               "rfe";
    const ast::command c = command_ok("a SELECT \"" + drafts + "\"", utf8_only);
    CHECK(written(c, extension_set{extension::utf8_accept}) == "a SELECT \"" + drafts + "\"\r\n");
    CHECK(written(c, extension_set::imap4rev2()) == "a SELECT \"" + drafts + "\"\r\n");
    // for a reader without UTF-8 in quoted strings the value goes as a literal
    CHECK(written(c, extension_set::none()) == "a SELECT {9}\r\n" + drafts + "\r\n");
    // a value built in code is quoted when the reader takes UTF-8, else a literal
    ast::command built;
    built.tag = "b";
    built.body = ast::select_command{ast::mailbox{ast::istring(std::string_view(drafts))}};
    CHECK(written(built, extension_set{extension::utf8_accept}) ==
          "b SELECT \"" + drafts + "\"\r\n");
    CHECK(written(built, extension_set::none()) == "b SELECT {9}\r\n" + drafts + "\r\n");
    // octets that are not UTF-8 are never quoted
    const std::string latin1 = "Entw\xfc"
                               "rfe";
    built.body = ast::select_command{ast::mailbox{ast::istring(std::string_view(latin1))}};
    CHECK(written(built, extension_set::all()) == "b SELECT {8}\r\n" + latin1 + "\r\n");
}

TEST_CASE(
    "UTF8=ACCEPT and IMAP4rev2: MESSAGE/GLOBAL has an envelope and a body like MESSAGE/RFC822") {
    const std::string global =
        "* 1 FETCH (BODYSTRUCTURE (\"MESSAGE\" \"GLOBAL\" NIL NIL NIL \"8BIT\" 342 (NIL \"Gr"
        "\xc3\xbc\xc3\x9f"
        "e\" ((NIL NIL \"a\" \"example.org\")) NIL NIL NIL NIL NIL NIL NIL) "
        "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"8BIT\" 12 1) 9))";
    const ast::response r = response_ok(global, utf8_only);
    const auto& fetch = std::get<ast::fetch_data>(data(r));
    const auto& b = std::get<ast::msg_att_body>(fetch.items[0]).body;
    const auto& one = std::get<ast::body_type_1part>(b.v);
    const auto& msg = std::get<ast::body_type_msg>(one.part);
    CHECK(msg.media_subtype.value() == "GLOBAL");
    CHECK(msg.lines == 9);
    response_ok(global, rev2_only);
    // without either, "GLOBAL" is a basic body, and what follows its fields does not fit one
    CHECK(response_fails(global, strict).code == error::syntax);
    // the serializer writes MESSAGE/GLOBAL only for a reader that reads it so
    CHECK(written(r, extension_set::none()).rfind("error:", 0) == 0);
}

TEST_CASE("IMAP4rev2: the STATUS item DELETED (RFC 9051 §6.3.11)") {
    const ast::command c =
        command_ok("A042 STATUS blurdybloop (UIDNEXT MESSAGES DELETED)", rev2_only);
    const auto& s = body<ast::status_command>(c);
    REQUIRE(s.items.size() == 3);
    CHECK(s.items[2] == ast::status_att::deleted);
    const ast::response r =
        response_ok("* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292 DELETED 3)", rev2_only);
    const auto& items = std::get<ast::status_data>(data(r)).items;
    REQUIRE(items.size() == 3);
    CHECK(items[2].att == ast::status_att::deleted);
    CHECK(items[2].value == 3);
    const parse_error e = command_fails("a STATUS x (DELETED)", strict);
    CHECK(e.accepted_with == extension_set{extension::imap4rev2});
    CHECK(written(c, extension_set::none()).rfind("error:", 0) == 0);
}

TEST_CASE("IMAP4rev2: HASCHILDREN is a code of its own (RFC 9051 §7.1)") {
    const ast::response r = response_ok("A44 NO [HASCHILDREN] Mailbox has children", rev2_only);
    CHECK(std::holds_alternative<ast::code_haschildren>(*tagged_text(r).code));
    // before IMAP4rev2 it is a generic code
    const ast::response generic = response_ok("A44 NO [HASCHILDREN] Mailbox has children", strict);
    CHECK(std::holds_alternative<ast::code_other>(*tagged_text(generic).code));
}

TEST_CASE("IMAP4rev2: resp-text may be empty (RFC 9051 Appendix E item 23)") {
    const ast::response ok = response_ok("a OK ", rev2_only);
    CHECK(tagged_text(ok).text.empty());
    CHECK(!tagged_text(ok).code);
    const ast::response code = response_ok("a OK [READ-WRITE] ", rev2_only);
    CHECK(std::holds_alternative<ast::code_read_write>(*tagged_text(code).code));
    CHECK(tagged_text(code).text.empty());
    response_ok("* OK [UIDNEXT 4392] ", rev2_only);
    response_ok("* BYE ", rev2_only);
    // RFC 3501's text has one character at least
    CHECK(response_fails("a OK ", strict).offset == 5);
    CHECK(response_fails("a OK ", strict).accepted_with == extension_set{extension::imap4rev2});
    // and the serializer writes an empty text only for an IMAP4rev2 reader
    CHECK(written(ok, extension_set::none()).rfind("error:", 0) == 0);
    CHECK(written(ok, extension_set{extension::imap4rev2}) == "a OK \r\n");
    // "+ " stays the empty base64 of continue-req, not an empty resp-text
    const ast::response plus = response_ok("+ ", rev2_only);
    CHECK(std::holds_alternative<std::string_view>(std::get<ast::continue_req>(plus.v).content));
}

TEST_CASE("IMAP4rev2: UTF-8 in response text (RFC 9051 §9 text)") {
    const std::string t = "Bienvenue \xc3\xa0 bord";
    const ast::response r = response_ok("* OK " + t, rev2_only);
    CHECK(std::get<ast::resp_cond>(data(r)).text.text == t);
    CHECK(response_fails("* OK " + t, strict).offset == 15);
    // UTF8=ACCEPT alone does not change text
    CHECK(response_fails("* OK " + t, utf8_only).offset == 15);
    // nor is malformed UTF-8 text
    CHECK(response_fails("* OK caf\xe9", rev2_only).offset == 8);
    CHECK(response_fails("* OK caf\xc3", rev2_only).offset == 8); // cut short before CRLF
    CHECK(response_fails("* OK caf\xed\xa0\x80", rev2_only).offset == 8); // a surrogate
    CHECK(written(r, extension_set::none()).rfind("error:", 0) == 0);
}

TEST_CASE("IMAP4rev2: a capability list that names IMAP4rev2 and not IMAP4rev1") {
    const ast::response r = response_ok("* CAPABILITY IMAP4rev2 AUTH=PLAIN", rev2_only);
    CHECK(std::get<ast::capability_data>(data(r)).capabilities.size() == 2);
    response_ok("* OK [CAPABILITY IMAP4rev2 STARTTLS] ready", rev2_only);
    // an RFC 3501 list must name IMAP4rev1
    response_fails("* CAPABILITY IMAP4rev2 AUTH=PLAIN", strict);
    CHECK(written(r, extension_set::none()).rfind("error:", 0) == 0);
}

TEST_CASE("IMAP4rev2: 63-bit sizes, offsets and line counts (RFC 9051 Appendix E item 1)") {
    // RFC822.SIZE, BODY[]<origin>, body-fld-lines
    const ast::response r = response_ok(
        "* 1 FETCH (RFC822.SIZE 6000000000 BODY[]<5000000000> \"x\" BODY (\"TEXT\" \"PLAIN\" NIL "
        "NIL NIL \"7BIT\" 10 4294967296))",
        rev2_only);
    const auto& atts = std::get<ast::fetch_data>(data(r)).items;
    REQUIRE(atts.size() == 3);
    CHECK(std::get<ast::msg_att_rfc822_size>(atts[0]).size == 6000000000u);
    CHECK(std::get<ast::msg_att_body_section>(atts[1]).origin == 5000000000u);
    // FETCH's partial, SEARCH's LARGER and SMALLER
    const ast::command f = command_ok("a FETCH 1 BODY.PEEK[]<4294967296.8589934592>", rev2_only);
    (void)f;
    command_ok("a SEARCH LARGER 9223372036854775807 SMALLER 4294967296", rev2_only);
    // the largest number64 is 2^63-1
    const parse_error over = command_fails("a SEARCH LARGER 9223372036854775808", rev2_only);
    CHECK(over.code == error::number_range);
    CHECK(over.production == "number64");
    // RFC 3501's number is 32-bit, as before, and names the extension that allows more
    const parse_error e = command_fails("a SEARCH LARGER 4294967296", strict);
    CHECK(e.code == error::number_range);
    CHECK(e.offset == 16);
    CHECK(e.production == "number");
    CHECK(e.expected == "a number below 4294967296");
    CHECK(e.accepted_with == extension_set{extension::imap4rev2});
    command_ok("a SEARCH LARGER 4294967295", strict);
    // the serializer writes a value above 2^32-1 only for an IMAP4rev2 reader
    CHECK(written(r, extension_set::none()).rfind("error:", 0) == 0);
    CHECK(written(f, extension_set::none()).rfind("error:", 0) == 0);
}

namespace {

/// Parses one example as the message it is (AUTHENTICATE data, IDLE's DONE, a greeting, a
/// command or a response) and writes it back; "" when it round-trips (but for the case of
/// letters: the RFC writes some commands in lower case), else what went wrong.
template <class Result>
std::string round_trip(const std::string& bytes, Result r) {
    if (!r.ok())
        return r.failed() ? r.error().message() : "incomplete";
    std::string out;
    if (const std::error_code e = serialize(out, r.value()))
        return "serialize: " + e.message();
    return ascii_upper(out) == ascii_upper(bytes) ? "" : "written back as " + visible(out);
}
std::string example_outcome(const rfc_example& ex, bool server) {
    if (!server && ex.kind == "authdata")
        return round_trip(ex.bytes, parse_authenticate_data(ex.bytes));
    if (!server && ex.bytes == "DONE\r\n")
        return round_trip(ex.bytes, parse_idle_done(ex.bytes));
    if (server && ex.bytes.rfind("* PREAUTH ", 0) == 0)
        return round_trip(ex.bytes, parse_greeting(ex.bytes));
    return server ? round_trip(ex.bytes, parse_response(ex.bytes))
                  : round_trip(ex.bytes, parse_command(ex.bytes));
}

} // namespace

TEST_CASE("IMAP4rev2: the examples of RFC 9051 §2 to §8, with the default extension set") {
    // What does not parse, and why: the RFC's own shorthand and commentary inside examples,
    // trailing spaces its text format drops, and three typos
    const std::map<int, std::string> departures = {
        // "S: +": the SP of "+ " (continue-req = "+" SP ...) is lost at the end of the line
        {1525, "+"},
        {1575, "+"},
        // elisions and comments written into the protocol lines
        {4251, "E283 COPY $ \"Other Messages\" //The \"$\" contains no messages"},
        {4268, "G283 SEARCH RETURN (ALL) SINCE 28-Oct-2006 FROM \"Eric\" // The server"},
        {5002, "c1 AUTHENTICATE PLAIN [...]"},
        {5006, "c2 AUTHENTICATE PLAIN [...]"},
        {5036, "k1 select \"/archive/projects/experiment-iv\" [...]"},
        {5039, "k2 status \"/archive/projects/experiment-iv\" (messages) [...]"},
        {3607, "* 4 FETCH (...)"},
        {3621, "* 3 FETCH (...)"},
        {3615, "* 2 EXISTS ...time passes; new mail arrives..."},
        {4166, "* 2 FETCH (UID 14 ..."},
        {4167, "* 84 FETCH (UID 100 ..."},
        {4168, "* 882 FETCH (UID 1115 ..."},
        {4179, "* 2 FETCH (UID 14 ..."},
        {4180, "* 84 FETCH (UID 100 ..."},
        {4181, "* 882 FETCH (UID 1115 ..."},
        {4296, "* ESEARCH (TAG \"C283\") ALL 2,10:15,21 //$ value hasn't changed"},
        {4302, "* ESEARCH (TAG \"C283\") ALL 2,10:15,21 //$ value is 2,10:15,21"},
        {4308, "* ESEARCH (TAG \"C284\") MIN 2 //$ value is 2"},
        {4314, "* ESEARCH (TAG \"C285\") MIN 2 MAX 21 //$ value is 2,21"},
        {4320, "* ESEARCH (TAG \"C286\") MIN 2 MAX 21 COUNT 8 //$ value is 2,10:15,21"},
        {4326, "* ESEARCH (TAG \"C286\") MIN 2 ALL 2,10:15,21 //$ value is 2,10:15,21"},
        {4724, "* 22 EXPUNGE ...More EXPUNGE responses from the server..."},
        // an experimental response no grammar defines (§6.5, as in RFC 3501)
        {4867, "* XPIG-LATIN ow-nay eaking-spay ig-pay atin-lay"},
        // typos: two SPs before the mailbox (as in RFC 5819), two before a namespace
        {3078, "* LIST () \".\"  \"INBOX\""},
        {3089, "* LIST (\\Subscribed) \".\"  \"INBOX\""},
        {3169, "* NAMESPACE ((\"INBOX.\" \".\")) NIL  NIL"},
        // §7.3.1: no SP between the two parenthesised tagged-ext-comps ")(", and a quoted
        // string "text" where a tagged-ext-val must be a number, a sequence set or in parentheses
        {5688,
         "* LIST (\\Marked) \":\" Tables (tablecloth ((\"edge\" \"lacy\")(\"color\" \"red\")) "
         "Sample \"text\")"},
        // the line wrapped after "ENVELOPE (" is joined with a space the RFC does not mean
        {6233, "* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE "
               "4286 ENVELOPE ( "},
    };
    int parsed = 0;
    std::size_t departed = 0;
    for (const bool server : {false, true}) {
        const std::string file =
            std::string("rfc9051") + (server ? "-server-examples.txt" : "-client-examples.txt");
        for (const auto& ex : read_rfc_examples(file)) {
            if (ex.flagged("not-protocol"))
                continue;
            CAPTURE(ex.where());
            CAPTURE(visible(ex.bytes));
            const std::string outcome = example_outcome(ex, server);
            if (const auto d = departures.find(ex.line); d != departures.end()) {
                CHECK(ex.bytes.rfind(d->second, 0) == 0);
                CHECK(!outcome.empty());
                ++departed;
                continue;
            }
            CHECK(outcome == "");
            ++parsed;
        }
    }
    CHECK(departed == departures.size());
    CHECK(parsed >= 670);
    // the departures as the RFC means them
    response_ok("+ ");
    response_ok("* LIST () \".\" \"INBOX\"");
    response_ok("* NAMESPACE ((\"INBOX.\" \".\")) NIL NIL");
    response_ok("* LIST (\\Marked) \":\" Tables (tablecloth ((\"edge\" \"lacy\") (\"color\" "
                "\"red\")) Sample (\"text\"))");
}

TEST_CASE("IMAP4rev2: the RFC 9051 examples that need its own grammar name it") {
    // every example that parses with IMAP4rev2's set (as the test above checks): without
    // extension::imap4rev2 it still parses, or is refused with IMAP4rev2 named as what accepts it
    const parse_options without =
        with_extensions(extension_set::imap4rev2().remove(extension::imap4rev2));
    int needs = 0;
    for (const bool server : {false, true}) {
        const std::string file =
            std::string("rfc9051") + (server ? "-server-examples.txt" : "-client-examples.txt");
        for (const auto& ex : read_rfc_examples(file)) {
            if (ex.flagged("not-protocol") || ex.kind == "authdata" || ex.bytes == "DONE\r\n" ||
                ex.bytes.rfind("* PREAUTH ", 0) == 0)
                continue;
            const bool ok = server ? parse_response(ex.bytes, rev2_set).ok()
                                   : parse_command(ex.bytes, rev2_set).ok();
            if (!ok)
                continue; // a departure
            CAPTURE(ex.where());
            CAPTURE(visible(ex.bytes));
            auto c = parse_command(ex.bytes, without);
            auto r = parse_response(ex.bytes, without);
            const bool refused = server ? r.failed() : c.failed();
            if (!refused)
                continue;
            ++needs;
            CHECK((server ? r.error() : c.error()).accepted_with.contains(extension::imap4rev2));
        }
    }
    // the CAPABILITY lists that name IMAP4rev2 alone, §6.3.4's UTF-8 mailbox, §6.4.4's UTF-8
    // search string, ...
    CHECK(needs >= 10);
}
