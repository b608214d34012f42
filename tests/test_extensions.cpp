// The extension modules and the run-time switch (parse_options::extensions), with ENABLE
// (RFC 5161) and IDLE (RFC 2177) as the first two: their RFCs' own examples in both directions,
// strict RFC 3501 rejecting them as it always did, a narrowed set, and keyword dispatch.
#include "parse_helpers.hpp"

#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

using namespace imapwire;
using namespace imapwire::test;

namespace {

/// True when the tagged response `line` carries a response code of type T.
template <class T>
bool code_is(const std::string& line, const parse_options& options = {}) {
    const std::string bytes = line + "\r\n";
    const auto parsed = parse_response(bytes, options);
    REQUIRE(parsed.ok());
    const ast::response& r = parsed.value();
    const auto* tagged = std::get_if<ast::response_tagged>(&r.v);
    return tagged && tagged->cond.text.code && std::holds_alternative<T>(*tagged->cond.text.code);
}

} // namespace

TEST_CASE("the registry names every extension once, in enumerator order") {
    for (std::size_t i = 0; i < extension_registry.size(); ++i) {
        const extension_info& e = extension_registry[i];
        CAPTURE(e.name);
        CHECK(static_cast<std::size_t>(e.id) == i);
        CHECK(find_extension(e.name) == e.id);
        // RFC 5530 names no capability: its codes are sent to every client
        CHECK(e.capability.empty() == (e.id == extension::rfc5530));
        CHECK(e.rfc.rfind("RFC ", 0) == 0);
    }
    CHECK(find_extension("IDLE") == extension::idle);           // any case
    CHECK(find_extension("CONDSTORE") == extension::condstore); // the capability's spelling
    CHECK(!find_extension("nosuch"));
    CHECK(extension_set::all().contains(extension::enable));
    CHECK(!extension_set::none().contains(extension::idle));
    CHECK(extension_set::none().contains(extension::imap4rev1)); // the core is always there
    CHECK(parse_options{}.extensions == extension_set::all());
}

TEST_CASE("a client narrows the extensions to what the server's CAPABILITY lists") {
    const ast::response caps = response_ok("* CAPABILITY IMAP4rev1 ID LITERAL+ enable X-GOOD-IDEA");
    const auto& list = std::get<ast::capability_data>(data(caps)).capabilities;
    const extension_set set = extensions_advertised(list);
    CHECK(set.contains(extension::enable)); // capability names in any case
    CHECK(!set.contains(extension::idle));
    CHECK(set.contains(extension::id));
    CHECK(set.contains(extension::literal_plus));
    // and what needs no capability (RFC 5530's response codes) is always in
    CHECK(set == (extension_set{extension::enable, extension::id, extension::literal_plus,
                                extension::rfc5530}));
    const parse_options narrowed = with_extensions(set);
    CHECK(command_fails("a1 IDLE", narrowed).offset == 3);
    command_ok("a1 ENABLE CONDSTORE", narrowed);
    std::vector<std::string> every = {"IMAP4rev1"}; // each capability of the registry
    for (const extension_info& e : extension_registry)
        if (e.id != extension::imap4rev1 && !e.capability.empty())
            every.emplace_back(e.capability);
    CHECK(extensions_advertised(every) == extension_set::all());
}

TEST_CASE("ENABLE: the examples of RFC 5161 §3.1 and §3.2") {
    // RFC 5161 §3.1
    command_ok("t1 CAPABILITY");
    response_ok("* CAPABILITY IMAP4rev1 ID LITERAL+ ENABLE X-GOOD-IDEA");
    response_ok("t1 OK foo");
    const ast::command t2 = command_ok("t2 ENABLE CONDSTORE X-GOOD-IDEA");
    const auto& e = body<ast::enable_command>(t2);
    REQUIRE(e.capabilities.size() == 2);
    CHECK(e.capabilities[0] == "CONDSTORE");
    CHECK(e.capabilities[1] == "X-GOOD-IDEA");
    const ast::response enabled = response_ok("* ENABLED X-GOOD-IDEA");
    const auto& d = data(enabled);
    REQUIRE(std::holds_alternative<ast::enabled_data>(d));
    CHECK(std::get<ast::enabled_data>(d).capabilities.size() == 1);
    response_ok("t2 OK foo");
    // RFC 5161 §3.2
    command_ok("a1 ENABLE CONDSTORE");
    response_ok("* ENABLED CONDSTORE");
    response_ok("a1 OK Conditional Store enabled");
    // enable-data = "ENABLED" *(SP capability): a server that enabled nothing says so
    CHECK(std::get<ast::enabled_data>(data(response_ok("* ENABLED"))).capabilities.empty());
    // keywords in any case (written upper case again); capabilities as written
    auto lower = parse_command("a2 enable utf8=accept\r\n");
    REQUIRE(lower.ok());
    CHECK(to_string(lower.value()) == "a2 ENABLE utf8=accept\r\n");
}

TEST_CASE("ENABLE: what its grammar refuses") {
    // 1*(SP capability): at least one
    CHECK(command_fails("a1 ENABLE").production == "enable");
    CHECK(command_fails("a1 ENABLE ").offset == 10);
    CHECK(command_fails("a1 ENABLE CONDSTORE ").offset == 20); // no trailing space
    CHECK(command_fails("a1 ENABLE (CONDSTORE)").offset == 10);
    CHECK(parse_response("* ENABLED (X)\r\n").failed());
    CHECK(parse_response("* ENABLEDX\r\n").failed());
    ast::command c{"a1", ast::enable_command{}};
    std::string out;
    CHECK(serialize(out, c) == make_error_code(error::unserializable)); // no capability
}

TEST_CASE("IDLE: the example of RFC 2177 §3, both directions") {
    command_ok("A001 SELECT INBOX");
    response_ok("* FLAGS (Deleted Seen)");
    response_ok("* 3 EXISTS");
    response_ok("* 0 RECENT");
    response_ok("* OK [UIDVALIDITY 1]");
    response_ok("A001 OK SELECT completed");
    CHECK(std::holds_alternative<ast::idle_command>(command_ok("A002 IDLE").body));
    response_ok("+ idling");
    response_ok("* 4 EXISTS");
    auto done = parse_idle_done("DONE\r\n");
    REQUIRE(done.ok());
    CHECK(done.consumed() == 6);
    std::string out;
    CHECK(!serialize(out, done.value()));
    CHECK(out == "DONE\r\n");
    response_ok("A002 OK IDLE terminated");
    CHECK(parse_idle_done("done\r\n").ok()); // any case
    CHECK(parse_idle_done("DONE \r\n").failed());
    CHECK(parse_idle_done("DONE").incomplete());
    CHECK(command_fails("A002 IDLE now").offset == 9); // IDLE takes no arguments
}

TEST_CASE("strict RFC 3501 (extensions none) rejects ENABLE and IDLE as it always did") {
    const parse_options strict = with_extensions(extension_set::none());
    const parse_error e = command_fails("t2 ENABLE CONDSTORE", strict);
    CHECK(e.offset == 3);
    CHECK(e.production == "command");
    CHECK(e.code == error::syntax);
    CHECK(command_fails("A002 IDLE", strict).offset == 5);
    CHECK(parse_response("* ENABLED X-GOOD-IDEA\r\n", strict).failed());
    CHECK(parse_idle_done("DONE\r\n", strict).failed());
    // the core is unchanged
    command_ok("a1 NOOP", strict);
    response_ok("* CAPABILITY IMAP4rev1 ENABLE IDLE", strict);
}

TEST_CASE("a narrowed set: what the server advertised") {
    const parse_options only_enable = with_extensions({extension::enable});
    command_ok("a1 ENABLE CONDSTORE", only_enable);
    response_ok("* ENABLED CONDSTORE", only_enable);
    CHECK(command_fails("a2 IDLE", only_enable).offset == 3);
    const parse_options only_idle = with_extensions({extension::idle});
    command_ok("a2 IDLE", only_idle);
    CHECK(command_fails("a1 ENABLE X", only_idle).offset == 3);
    CHECK(parse_response("* ENABLED X\r\n", only_idle).failed());
}

TEST_CASE("keyword dispatch: the whole keyword is looked up, not a prefix of it") {
    // LISTRIGHTS (ACL, RFC 4314) is not LIST followed by junk, nor IDLEX IDLE, nor GETQUOTAROOT
    // GETQUOTA: a keyword imapwire does not know is refused at its first octet, in `command`
    for (const char* line : {"a LISTRIGHTS INBOX fred", "a IDX NIL", "a IDLEX", "a GETQUOTA \"\"",
                             "a GETQUOTAROOT INBOX", "a LISTX \"\" *", "a UIDX FETCH 1 FLAGS",
                             "a FETCHES 1 FLAGS", "a SELECTED INBOX"}) {
        CAPTURE(line);
        const parse_error e = command_fails(line);
        CHECK(e.offset == 2);
        CHECK(e.production == "command");
        CHECK(e.expected == "command-any / command-auth / command-nonauth / command-select");
    }
    CHECK(command_fails("a UID FETCHX 1 FLAGS").offset == 6); // UID's own keywords too
    command_ok("a UID FETCH 1 FLAGS");
    command_ok("a XLISTRIGHTS INBOX fred"); // an x-command keeps its experimental words
    command_ok("a LIST \"\" *");
    command_ok("a IDLE");
}

TEST_CASE("keyword dispatch: response data and response codes") {
    // a word that is no response data is refused at that word, whatever it starts with
    for (const char* line : {"* SEARCHING 1 2\r\n", "* FLAGSHIP (x)\r\n", "* 5 EXISTSX\r\n",
                             "* 5 FETCHED (UID 1)\r\n", "* OKAY fine\r\n", "* 5 ENABLED\r\n"}) {
        CAPTURE(line);
        auto r = parse_response(line);
        REQUIRE(r.failed());
        CHECK(r.error().production == "response-data");
        CHECK(r.error().offset == 2);
    }
    // the number-first data and the conditions still go where they belong
    CHECK(std::holds_alternative<ast::exists_data>(data(response_ok("* 23 EXISTS"))));
    CHECK(std::holds_alternative<ast::fetch_data>(data(response_ok("* 1 FETCH (UID 4)"))));
    CHECK(std::holds_alternative<ast::resp_cond>(data(response_ok("* BYE bye"))));
    // a named code whose form does not match, or an atom that merely starts like one, is the
    // generic atom form
    for (const char* line :
         {"* OK [UIDNEXTX 5] x", "* OK [UIDNEXT x] x", "* OK [ALERTS] x", "* OK [READ-ONLYISH] x",
          "* OK [HIGHESTMODSEQ 0] x", "* OK [NOMODSEQ 1] x"}) {
        CAPTURE(line);
        const ast::response r = response_ok(line);
        const auto& c = std::get<ast::resp_cond>(data(r));
        REQUIRE(c.text.code);
        CHECK(std::holds_alternative<ast::code_other>(*c.text.code));
    }
    const ast::response named = response_ok("* OK [UIDNEXT 5] x");
    CHECK(std::holds_alternative<ast::code_uidnext>(
        *std::get<ast::resp_cond>(data(named)).text.code));
}

TEST_CASE("SASL-IR: the examples of RFC 4959 §4") {
    // the initial response, base64 or "=" for an empty one, as written
    const auto plain = command_ok("A01 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=");
    CHECK(std::get<ast::authenticate_command>(plain.body).initial_response ==
          "dGVzdAB0ZXN0AHRlc3Q=");
    const auto external = command_ok("A01 AUTHENTICATE EXTERNAL =");
    CHECK(std::get<ast::authenticate_command>(external.body).initial_response == "=");
    const auto none = command_ok("A01 AUTHENTICATE PLAIN");
    CHECK(!std::get<ast::authenticate_command>(none.body).initial_response);
    // what it refuses: not base64, a second argument, "=" with more after it
    CHECK(command_fails("A01 AUTHENTICATE PLAIN abc").offset == 23);
    CHECK(command_fails("A01 AUTHENTICATE PLAIN dGVz dGVz").offset == 27);
    CHECK(command_fails("A01 AUTHENTICATE PLAIN ==").offset == 23);
    // an SP with nothing after it: §3 says a zero-length response MUST be "=" (found by fuzzing:
    // it parsed as an empty response the serializer then refused)
    CHECK(command_fails("A01 AUTHENTICATE PLAIN ").offset == 23);
    CHECK(command_fails("A001 AUTHENTICATE GSIa9FeTCH ").offset == 29);
    // strict RFC 3501 refuses the initial response where it did
    const parse_options strict = with_extensions(extension_set::none());
    CHECK(command_fails("A01 AUTHENTICATE PLAIN dGVzdAB0ZXN0AHRlc3Q=", strict).offset == 22);
    const parse_options others = with_extensions(extension_set::all().remove(extension::sasl_ir));
    CHECK(command_fails("A01 AUTHENTICATE EXTERNAL =", others).offset == 25);
    // the serializer writes only what reads back
    std::string out;
    CHECK(serialize(out, ast::command{"a", ast::authenticate_command{"PLAIN", "abc"}}) ==
          error::unserializable);
    CHECK(serialize(out, ast::command{"a", ast::authenticate_command{"PLAIN", ""}}) ==
          error::unserializable);
    CHECK(out.empty());
}

TEST_CASE("UNSELECT: the example of RFC 3691 §2") {
    const auto c = command_ok("A341 UNSELECT");
    CHECK(std::holds_alternative<ast::unselect_command>(c.body));
    const auto lower = parse_command("A341 unselect\r\n"); // any case
    REQUIRE(lower.ok());
    CHECK(to_string(lower.value()) == "A341 UNSELECT\r\n");
    CHECK(command_fails("A341 UNSELECT INBOX").offset == 13);
    CHECK(command_fails("A341 UNSELECTED").offset == 5); // the whole word is looked up
    const parse_options strict = with_extensions(extension_set::none());
    CHECK(command_fails("A341 UNSELECT", strict).offset == 5);
}

TEST_CASE("ID: the examples of RFC 2971 §3.1 and §3.2") {
    const auto c = command_ok("a023 ID (\"name\" \"sodr\" \"version\" \"19.34\" \"vendor\" "
                              "\"Pink Floyd Music Limited\")");
    const auto& list = std::get<ast::id_command>(c.body).list;
    REQUIRE(!list.nil);
    REQUIRE(list.params.size() == 3);
    CHECK(list.params[2].field.value() == "vendor");
    CHECK(list.params[2].value->value() == "Pink Floyd Music Limited");
    CHECK(std::get<ast::id_command>(command_ok("a042 ID NIL").body).list.nil);
    const auto nil = response_ok("* ID NIL");
    CHECK(std::get<ast::id_data>(data(nil)).list.nil);
    const auto r = response_ok("* ID (\"name\" \"Cyrus\" \"version\" \"1.5\" \"os\" \"sunos\" "
                               "\"os-version\" \"5.5\" \"support-url\" "
                               "\"mailto:cyrus-bugs+@andrew.cmu.edu\")");
    CHECK(std::get<ast::id_data>(data(r)).list.params.size() == 5);
    // a value may be NIL, the list may be empty, strings may be literals
    command_ok("a ID (\"name\" NIL)");
    command_ok("a ID ()");
    command_ok("a ID ({4}\r\nname {3}\r\nabc)");
    response_ok("* ID (\"name\" \"Dovecot\")");
    // a field is a string, not an atom; pairs are separated by SP; ID needs its list
    CHECK(command_fails("a ID (name \"x\")").offset == 6);
    CHECK(command_fails("a ID (\"name\")").offset == 12);
    CHECK(command_fails("a ID (\"a\" \"b\"  \"c\" \"d\")").offset == 13);
    CHECK(command_fails("a ID").offset == 2);
    CHECK(response_fails("* ID x").offset == 5);
    // strict RFC 3501 refuses ID where it did
    const parse_options strict = with_extensions(extension_set::none());
    CHECK(command_fails("a042 ID NIL", strict).offset == 5);
    CHECK(response_fails("* ID NIL", strict).offset == 2);
}

TEST_CASE("NAMESPACE: the examples of RFC 2342 §5") {
    CHECK(std::holds_alternative<ast::namespace_command>(command_ok("A001 NAMESPACE").body));
    CHECK(command_fails("A001 NAMESPACE INBOX").offset == 14); // no arguments
    CHECK(command_fails("A001 NAMESPACES").offset == 5);       // the whole word is looked up

    // every response of §5, as on the wire (the RFC wraps two of them for editorial clarity)
    const char* const examples[] = {
        R"(* NAMESPACE (("" "/")) NIL NIL)",
        R"(* NAMESPACE NIL NIL (("" ".")))",
        R"(* NAMESPACE (("" "/")) NIL (("Public Folders/" "/")))",
        R"(* NAMESPACE (("" "/")) (("~" "/")) (("#shared/" "/")("#public/" "/")("#ftp/" "/")("#news." ".")))",
        R"(* NAMESPACE (("" "/")("#mh/" "/" "X-PARAM" ("FLAG1" "FLAG2"))) NIL NIL)",
        R"(* NAMESPACE (("" "/")) (("Other Users/" "/")) NIL)",
        R"(* NAMESPACE (("" "/")) (("#Users/" "/")) NIL)",
        R"(* NAMESPACE (("" "/")) (("~" "/")) NIL)",
    };
    for (const char* line : examples)
        response_ok(line);

    const auto shared = std::get<ast::namespace_data>(data(response_ok(examples[3])));
    REQUIRE(shared.personal.size() == 1);
    CHECK(shared.personal[0].prefix.value().empty());
    CHECK(shared.personal[0].delimiter == '/');
    CHECK(shared.other_users[0].prefix.value() == "~");
    REQUIRE(shared.shared.size() == 4);
    CHECK(shared.shared[3].prefix.value() == "#news.");
    CHECK(shared.shared[3].delimiter == '.');
    const auto none = std::get<ast::namespace_data>(data(response_ok(examples[0])));
    CHECK(none.other_users.empty()); // NIL
    CHECK(none.shared.empty());
    const auto ext = std::get<ast::namespace_data>(data(response_ok(examples[4])));
    REQUIRE(ext.personal.size() == 2);
    REQUIRE(ext.personal[1].extensions.size() == 1);
    CHECK(ext.personal[1].extensions[0].name.value() == "X-PARAM");
    REQUIRE(ext.personal[1].extensions[0].values.size() == 2);
    CHECK(ext.personal[1].extensions[0].values[1].value() == "FLAG2");

    // NIL as the delimiter (a flat namespace), an escaped delimiter, literals, Dovecot's form
    response_ok(R"(* NAMESPACE (("" NIL)) NIL NIL)");
    const auto escaped = response_ok(R"(* NAMESPACE (("" "\\")) NIL NIL)");
    CHECK(std::get<ast::namespace_data>(data(escaped)).personal[0].delimiter == '\\');
    response_ok("* NAMESPACE (({6}\r\nINBOX. \".\")) NIL NIL");
    response_ok(R"(* NAMESPACE (("INBOX." ".")) (("user." ".")) (("shared." ".")))");

    // the §5 example with two spaces before the last NIL is no valid response: one SP separates
    // the namespaces
    CHECK(response_fails(R"(* NAMESPACE (("INBOX." ".")) NIL  NIL)").offset == 33);
    // three namespaces; an empty list is NIL, not (); a delimiter is one character; no SP
    // between two namespace-descrs; an extension has at least one value
    CHECK(response_fails(R"(* NAMESPACE (("" "/")) NIL)").offset == 26);
    CHECK(response_fails(R"(* NAMESPACE () NIL NIL)").offset == 13);
    CHECK(response_fails(R"(* NAMESPACE (("" "//")) NIL NIL)").offset == 17);
    CHECK(response_fails(R"(* NAMESPACE (("" "/") ("a" "/")) NIL NIL)").offset == 21);
    CHECK(response_fails(R"(* NAMESPACE (("" "/" "X" ())) NIL NIL)").offset == 26);
    CHECK(response_fails(R"(* NAMESPACE ((INBOX "/")) NIL NIL)").offset == 14);

    // the serializer writes only what reads back
    std::string out;
    ast::namespace_data bad;
    bad.personal.push_back(
        {ast::istring("x", ast::string_form::value),
         '/',
         {ast::namespace_extension{ast::istring("X", ast::string_form::value), {}}}});
    CHECK(serialize(out, ast::response{ast::response_data{bad}}) == error::unserializable);
    ast::namespace_data cr;
    cr.shared.push_back({ast::istring("x", ast::string_form::value), '\r', {}});
    CHECK(serialize(out, ast::response{ast::response_data{cr}}) == error::unserializable);
    CHECK(out.empty());

    // strict RFC 3501 refuses both where it did
    const parse_options strict = with_extensions(extension_set::none());
    CHECK(command_fails("A001 NAMESPACE", strict).offset == 5);
    CHECK(response_fails(examples[0], strict).offset == 2);
}

namespace {
/// The response code of a status response (tagged or untagged).
const ast::resp_text_code& code_in(const ast::response& r) {
    const ast::resp_cond* c = nullptr;
    if (const auto* t = std::get_if<ast::response_tagged>(&r.v))
        c = &t->cond;
    else
        c = &std::get<ast::resp_cond>(data(r));
    REQUIRE(c->text.code);
    return *c->text.code;
}
} // namespace

TEST_CASE("UIDPLUS: the examples of RFC 4315 §2.1 and §3") {
    const auto expunge = command_ok("A003 UID EXPUNGE 3000:3002");
    const auto& u = std::get<ast::uid_expunge_command>(body<ast::uid_command>(expunge).command);
    CHECK(u.set.items[0].first.value == 3000);
    CHECK(u.set.items[0].last->value == 3002);
    command_ok("A003 UID EXPUNGE 1:*,7");
    CHECK(command_fails("A003 UID EXPUNGE").offset == 16); // needs its set
    CHECK(command_fails("A003 UID EXPUNGEX 1").offset == 9);

    const auto apnd = response_ok("A003 OK [APPENDUID 38505 3955] APPEND completed");
    const auto& a = std::get<ast::code_appenduid>(code_in(apnd));
    CHECK(a.uidvalidity == 38505);
    REQUIRE(a.uids.items.size() == 1);
    CHECK(a.uids.items[0].first == 3955);
    CHECK(!a.uids.items[0].last);
    const auto copy = response_ok("A004 OK [COPYUID 38505 304,319:320 3956:3958] Done");
    const auto& c = std::get<ast::code_copyuid>(code_in(copy));
    CHECK(c.uidvalidity == 38505);
    REQUIRE(c.source.items.size() == 2);
    CHECK(c.source.items[1].first == 319);
    CHECK(c.source.items[1].last == 320u);
    REQUIRE(c.destination.items.size() == 1);
    CHECK(c.destination.items[0].last == 3958u);
    const auto sticky = response_ok("* NO [UIDNOTSTICKY] Non-persistent UIDs");
    CHECK(std::holds_alternative<ast::code_uidnotsticky>(code_in(sticky)));
    // MULTIAPPEND's append-uid is a uid-set; a range may run either way (RFC 4315 §4)
    const auto multi = response_ok("A1 OK [APPENDUID 1 7:5,9] done");
    CHECK(std::get<ast::code_appenduid>(code_in(multi)).uids.items.size() == 2);
    // what Dovecot sends for MOVE: the untagged OK first
    const auto moved = response_ok("* OK [COPYUID 1700000000 1:3 10:12] Moved UIDs.");
    CHECK(std::holds_alternative<ast::code_copyuid>(code_in(moved)));

    // a code that does not fit its form is the generic atom form (RFC 3501's resp-text-code)
    for (const char* line :
         {"a OK [APPENDUID 0 1] x", "a OK [APPENDUID 1 *] x", "a OK [APPENDUID 1] x",
          "a OK [COPYUID 1 2] x", "a OK [COPYUID 1 2 3 4] x", "a OK [COPYUID 1 2:* 3] x",
          "a OK [APPENDUID 1 4294967296] x", "a OK [UIDNOTSTICKY now] x"})
        CHECK(std::holds_alternative<ast::code_other>(code_in(response_ok(line))));

    // the serializer writes only what reads back
    std::string out;
    const auto tagged = [](ast::resp_text_code code) {
        return ast::response{ast::response_tagged{"a", {ast::condition::ok, {code, "x"}}}};
    };
    CHECK(serialize(out, tagged(ast::code_appenduid{1, {}})) == error::unserializable);
    CHECK(serialize(out, tagged(ast::code_copyuid{1, {{{0}}}, {{{1}}}})) == error::unserializable);
    CHECK(serialize(out, tagged(ast::code_copyuid{0, {{{1}}}, {{{1}}}})) == error::unserializable);
    CHECK(out.empty());
    CHECK(!serialize(out, tagged(ast::code_copyuid{9, {{{1, 4}}}, {{{5}, {7, 9}}}})));
    CHECK(out == "a OK [COPYUID 9 1:4 5,7:9] x\r\n");

    // strict RFC 3501: UID EXPUNGE refused, the codes are the generic atom form; such a value
    // is written back under the same set, and refused under one where it would read back as
    // the named code
    const parse_options strict = with_extensions(extension_set::none());
    CHECK(command_fails("A003 UID EXPUNGE 3000:3002", strict).offset == 9);
    serialize_options strict_out;
    strict_out.extensions = extension_set::none();
    for (const std::string line : {"A004 OK [COPYUID 38505 304,319:320 3956:3958] Done\r\n",
                                   "* NO [UIDNOTSTICKY] Non-persistent UIDs\r\n"}) {
        CAPTURE(line);
        const auto r = parse_response(line, strict);
        REQUIRE(r.ok());
        CHECK(std::holds_alternative<ast::code_other>(code_in(r.value())));
        std::string written;
        CHECK(!serialize(written, r.value(), strict_out));
        CHECK(written == line);
        std::string refused;
        CHECK(serialize(refused, r.value()) == error::unserializable);
    }
}

TEST_CASE("ESEARCH: the examples of RFC 4731 §3.1 and §3.2") {
    const auto min_count = command_ok("A282 SEARCH RETURN (MIN COUNT) FLAGGED");
    const auto& s = body<ast::search_command>(min_count);
    REQUIRE(s.return_options);
    CHECK(*s.return_options ==
          ast::vector<ast::search_return_opt>{ast::search_return_option::min,
                                              ast::search_return_option::count});
    const auto empty = command_ok("A283 SEARCH RETURN () FLAGGED");
    REQUIRE(body<ast::search_command>(empty).return_options);
    CHECK(body<ast::search_command>(empty).return_options->empty());
    CHECK(!body<ast::search_command>(command_ok("A1 SEARCH FLAGGED")).return_options);
    for (const char* line :
         {"A284 SEARCH RETURN (MIN) UNSEEN", "A285 UID SEARCH RETURN (MIN MAX) 1:5000",
          "A286 SEARCH RETURN (COUNT) DELETED",
          "a1 SEARCH RETURN (MIN) MODSEQ \"/flags/\\\\draft\" all 620162338",
          "A1 SEARCH RETURN (ALL) CHARSET UTF-8 SUBJECT x"})
        command_ok(line);

    const auto r = response_ok("* ESEARCH (TAG \"A282\") MIN 2 COUNT 3");
    const auto& e = std::get<ast::esearch_data>(data(r));
    REQUIRE(e.tag);
    CHECK(e.tag->value() == "A282");
    CHECK(!e.uid);
    REQUIRE(e.items.size() == 2);
    CHECK(std::get<ast::esearch_min>(e.items[0]).value == 2);
    CHECK(std::get<ast::esearch_count>(e.items[1]).value == 3);
    const auto all = response_ok("* ESEARCH (TAG \"A283\") ALL 2,10:11");
    CHECK(std::get<ast::esearch_all>(std::get<ast::esearch_data>(data(all)).items[0])
              .set.items.size() == 2);
    const auto uid = response_ok("* ESEARCH (TAG \"A285\") UID MIN 7 MAX 3800");
    CHECK(std::get<ast::esearch_data>(data(uid)).uid);
    for (const char* line :
         {"* ESEARCH (TAG \"A284\") MIN 4", "* ESEARCH (TAG \"A286\") COUNT 15",
          "* ESEARCH (TAG \"a4\") MIN 2 COUNT 10 MODSEQ 917162500",
          // nothing found: no return data at all (RFC 4731 §3.1), with or without the tag
          "* ESEARCH (TAG \"A1\")", "* ESEARCH", "* ESEARCH UID", "* ESEARCH UID COUNT 0",
          // Dovecot's answer to UID SEARCH RETURN (ALL)
          "* ESEARCH (TAG \"4\") UID ALL 1:3,5"})
        response_ok(line);

    // what it refuses: a return option it does not know, MIN 0, ALL without a set, a tag that
    // is no string, items out of the correlator's place
    CHECK(command_fails("A1 SEARCH RETURN (FIRST) ALL").offset == 18);
    CHECK(command_fails("A1 SEARCH RETURN MIN ALL").offset == 17);
    CHECK(response_fails("* ESEARCH MIN 0").offset == 14);
    CHECK(response_fails("* ESEARCH ALL").offset == 13);
    CHECK(response_fails("* ESEARCH (TAG A1) MIN 1").offset == 15);
    CHECK(response_fails("* ESEARCH MIN 1 (TAG \"a\")").offset == 15);
    CHECK(response_fails("* ESEARCH UIDS").offset == 9);

    // strict RFC 3501 refuses both where it did
    const parse_options strict = with_extensions(extension_set::none());
    CHECK(command_fails("A282 SEARCH RETURN (MIN COUNT) FLAGGED", strict).offset == 12);
    CHECK(response_fails("* ESEARCH (TAG \"A282\") MIN 2", strict).offset == 2);
}

TEST_CASE("STATUS=SIZE: the example of RFC 8438 §2") {
    const auto c = command_ok("A01 STATUS frop (MESSAGES SIZE UIDNEXT)");
    CHECK(body<ast::status_command>(c).items[1] == ast::status_att::size);
    const auto r = response_ok("* STATUS frop (MESSAGES 8 SIZE 44421 UIDNEXT 242344)");
    const auto& items = std::get<ast::status_data>(data(r)).items;
    REQUIRE(items.size() == 3);
    CHECK(items[1].att == ast::status_att::size);
    CHECK(items[1].value == 44421u);
    // number64: mailboxes larger than 4 GiB, up to 2^63-1 octets
    response_ok("* STATUS INBOX (SIZE 9223372036854775807)");
    response_ok("* STATUS INBOX (SIZE 0)");
    const parse_error big = response_fails("* STATUS INBOX (SIZE 9223372036854775808)");
    CHECK(big.offset == 21);
    CHECK(big.code == error::number_range);
    CHECK(big.production == "number64");
    // the other items stay 32-bit numbers
    CHECK(response_fails("* STATUS INBOX (MESSAGES 4294967296)").code == error::number_range);
    std::string out;
    ast::status_data too_big;
    too_big.mailbox = ast::mailbox{ast::istring("INBOX", ast::string_form::atom)};
    too_big.items.push_back({ast::status_att::size, 0x8000000000000000ull});
    CHECK(serialize(out, ast::response{ast::response_data{too_big}}) == error::unserializable);
    // strict RFC 3501 refuses SIZE where it did
    const parse_options strict = with_extensions(extension_set::none());
    CHECK(command_fails("A01 STATUS frop (MESSAGES SIZE UIDNEXT)", strict).offset == 25);
    CHECK(response_fails("* STATUS frop (SIZE 44421)", strict).offset == 15);
}

TEST_CASE("SAVEDATE: the examples of RFC 8514 §4.3 and §4.4") {
    const auto fetch = command_ok("A101 FETCH 998 (SAVEDATE)");
    const auto& items =
        std::get<ast::vector<ast::fetch_att>>(body<ast::fetch_command>(fetch).items);
    CHECK(items[0].kind == ast::fetch_att_kind::savedate);
    const auto r = response_ok("* 998 FETCH (SAVEDATE \"01-Jan-2015 18:50:53 +0100\")");
    const auto& item = std::get<ast::fetch_data>(data(r)).items[0];
    const auto& saved = std::get<ast::msg_att_savedate>(item);
    REQUIRE(saved.date);
    CHECK(saved.date->year == 2015);
    CHECK(saved.date->hour == 18);
    // NIL: the mailbox keeps no save date (§4.3)
    const auto nil = response_ok("* 1 FETCH (UID 7 SAVEDATE NIL)");
    CHECK(!std::get<ast::msg_att_savedate>(std::get<ast::fetch_data>(data(nil)).items[1]).date);
    for (const char* line :
         {"A102 SEARCH SAVEDON 28-Dec-2014", "A103 SEARCH SAVEDSINCE 28-Dec-2014",
          "A104 SEARCH SAVEDBEFORE 1-Jan-2015 UNSEEN", "A105 SEARCH SAVEDATESUPPORTED",
          "A106 SEARCH NOT SAVEDATESUPPORTED"})
        command_ok(line);
    const auto savedon = command_ok("a SEARCH SAVEDON 1-Feb-2020");
    const auto& key = body<ast::search_command>(savedon).keys[0];
    CHECK(std::get<ast::search_date>(key.v).which == ast::search_date_kind::savedon);
    // what it refuses: no date, a date that is no date-time, a word that only starts like a key
    CHECK(response_fails("* 1 FETCH (SAVEDATE)").offset == 11);
    CHECK(response_fails("* 1 FETCH (SAVEDATE 01-Jan-2015)").offset == 20);
    CHECK(command_fails("a SEARCH SAVEDONX 1-Feb-2020").offset == 9);
    CHECK(command_fails("a SEARCH SAVEDATESUPPORTEDX").offset == 9);
    // strict RFC 3501 refuses all of it where it did
    const parse_options strict = with_extensions(extension_set::none());
    CHECK(command_fails("A101 FETCH 998 (SAVEDATE)", strict).offset == 16);
    CHECK(response_fails("* 998 FETCH (SAVEDATE NIL)", strict).offset == 13);
    CHECK(command_fails("A102 SEARCH SAVEDON 28-Dec-2014", strict).offset == 12);
    CHECK(command_fails("A105 SEARCH SAVEDATESUPPORTED", strict).offset == 12);
}

TEST_CASE("MOVE: the example of RFC 6851 §3.3, and UID MOVE") {
    const auto c = command_ok("a UID MOVE 42:69 foo");
    const auto& move = std::get<ast::move_command>(std::get<ast::uid_command>(c.body).command);
    CHECK(move.set.items[0].last->value == 69);
    CHECK(move.mailbox.name.value() == "foo");
    // the server's answer: a code with no text after it is text as a whole (RFC 3501's
    // resp-text needs text after the code), then the expunges
    const auto ok = response_ok("* OK [COPYUID 432432 42:69 1202:1229]");
    CHECK(!std::get<ast::resp_cond>(data(ok)).text.code);
    response_ok("* 22 EXPUNGE");
    response_ok("a OK Done");
    const auto plain = command_ok("a MOVE 1:3 \"Archive/2024\"");
    CHECK(std::holds_alternative<ast::move_command>(plain.body));
    CHECK(command_fails("a MOVE 1:3").offset == 10);
    CHECK(command_fails("a UID MOVEX 1 foo").offset == 6);
    const parse_options strict = with_extensions(extension_set::none());
    CHECK(command_fails("a MOVE 1 foo", strict).offset == 2);
    CHECK(command_fails("a UID MOVE 1 foo", strict).offset == 6);
}

TEST_CASE("BINARY: the FETCH items, literal8 and UNKNOWN-CTE of RFC 3516 §4") {
    using namespace std::string_literals;
    // §4.2: BINARY, BINARY.PEEK and BINARY.SIZE take a section-binary, a section-part at most
    const auto c = command_ok("a FETCH 1 (BINARY[] BINARY.PEEK[1.2]<0.1024> BINARY.SIZE[3])");
    const auto& items = std::get<ast::vector<ast::fetch_att>>(body<ast::fetch_command>(c).items);
    REQUIRE(items.size() == 3);
    CHECK(items[0].kind == ast::fetch_att_kind::binary);
    CHECK(items[0].section.part.empty());
    CHECK(items[1].kind == ast::fetch_att_kind::binary_peek);
    CHECK(items[1].section.part == ast::vector<std::uint32_t>{1, 2});
    REQUIRE(items[1].partial);
    CHECK(items[1].partial->length == 1024);
    CHECK(items[2].kind == ast::fetch_att_kind::binary_size);
    CHECK(command_fails("a FETCH 1 BINARY").offset == 16);              // a section-binary is due
    CHECK(command_fails("a FETCH 1 BINARY[HEADER]").offset == 17);      // no section-text in it
    CHECK(command_fails("a FETCH 1 BINARY[1.MIME]").offset == 18);      // nor after a part
    CHECK(command_fails("a FETCH 1 BINARY.SIZE[1]<0.5>").offset == 24); // SIZE takes no partial
    CHECK(command_fails("a FETCH 1 BINARY.PEEKX[]").offset == 10);
    // §4.3: the content as nstring or literal8; the origin of a partial FETCH
    const auto r = response_ok("* 1 FETCH (UID 7 BINARY[1] {5}\r\nhello BINARY.SIZE[2] 2109)");
    const auto& f = std::get<ast::fetch_data>(data(r));
    const auto& b = std::get<ast::msg_att_binary>(f.items[1]);
    CHECK(b.part == ast::vector<std::uint32_t>{1});
    CHECK(!b.origin);
    CHECK(b.data->value() == "hello");
    CHECK(std::get<ast::msg_att_binary_size>(f.items[2]).size == 2109);
    const auto partial = response_ok("* 1 FETCH (BINARY[1]<100> \"x\")");
    CHECK(std::get<ast::msg_att_binary>(std::get<ast::fetch_data>(data(partial)).items[0]).origin ==
          100u);
    const auto nil = response_ok("* 1 FETCH (BINARY[1] NIL)");
    CHECK(!std::get<ast::msg_att_binary>(std::get<ast::fetch_data>(data(nil)).items[0]).data);
    // a literal8 holds NUL; a literal still may not, nor may BODY[]
    const std::string with_nul = "* 1 FETCH (BINARY[] ~{3}\r\na\0b)"s;
    const auto eight = response_ok(with_nul);
    const auto& e8 = std::get<ast::msg_att_binary>(std::get<ast::fetch_data>(data(eight)).items[0]);
    CHECK(e8.data->form == ast::string_form::literal8);
    CHECK(e8.data->data == std::string_view("a\0b", 3));
    const parse_error nul_literal = response_fails("* 1 FETCH (BINARY[] {3}\r\na\0b)"s);
    CHECK(nul_literal.code == error::nul_byte);
    CHECK(nul_literal.offset == 26);
    CHECK(response_fails("* 1 FETCH (BODY[] ~{3}\r\na\0b)"s).offset == 18);
    CHECK(response_fails("* 1 FETCH (BINARY.SIZE[1] NIL)").offset == 26);
    // the code (§4.3, §4.4)
    const auto cte = response_ok("a NO [UNKNOWN-CTE] Can't decode");
    CHECK(std::holds_alternative<ast::code_unknown_cte>(
        *std::get<ast::response_tagged>(cte.v).cond.text.code));
    // §4.4: APPEND takes a literal8, with LITERAL+ a non-synchronizing one too
    const auto append = command_ok("a APPEND INBOX ~{5}\r\nab\0cd"s);
    CHECK(body<ast::append_command>(append).message.form == ast::string_form::literal8);
    const auto nonsync = command_ok("a APPEND INBOX (\\Seen) ~{2+}\r\n\0\0"s);
    CHECK(body<ast::append_command>(nonsync).message.form == ast::string_form::literal8_nonsync);
    CHECK(command_fails("a APPEND INBOX {5}\r\nab\0cd"s).code == error::nul_byte);
    // a value holding NUL can only be a literal8: the serializer chooses it, or refuses it for
    // a reader without BINARY; a literal8 without NUL becomes a literal for such a reader
    ast::msg_att_binary value;
    value.data = ast::istring(std::string_view("a\0b", 3));
    std::string out;
    CHECK(!serialize(out, ast::response{ast::response_data{ast::fetch_data{1, {value}}}}));
    CHECK(out == "* 1 FETCH (BINARY[] ~{3}\r\na\0b)\r\n"s);
    serialize_options without;
    without.extensions = extension_set::all().remove(extension::binary);
    out.clear();
    CHECK(serialize(out, append, without) == error::unserializable);
    const auto plain = command_ok("a APPEND INBOX ~{5}\r\nabcde");
    out.clear();
    CHECK(!serialize(out, plain, without));
    CHECK(out == "a APPEND INBOX {5}\r\nabcde\r\n");
    // strict RFC 3501 refuses all of it, and says BINARY accepts it
    const parse_options strict = with_extensions(extension_set::none());
    const parse_error fetch = command_fails("a FETCH 1 BINARY[]", strict);
    CHECK(fetch.offset == 10);
    CHECK(fetch.accepted_with == extension_set{extension::binary});
    const parse_error lit8 = command_fails("a APPEND INBOX ~{5}\r\nabcde", strict);
    CHECK(lit8.offset == 15);
    CHECK(lit8.accepted_with == extension_set{extension::binary});
    const parse_error nul8 = response_fails(with_nul, strict);
    CHECK(nul8.code == error::nul_byte);
    CHECK(nul8.accepted_with == extension_set{extension::binary});
    CHECK(nul8.message().find("accepted with BINARY") != std::string::npos);
    // (the code is a generic one there)
    const std::string generic_line = "a NO [UNKNOWN-CTE] x\r\n";
    const auto generic = parse_response(generic_line, strict);
    REQUIRE(generic.ok());
    CHECK(std::holds_alternative<ast::code_other>(
        *std::get<ast::response_tagged>(generic.value().v).cond.text.code));
}

TEST_CASE("RFC 5530: the examples of its §3, and each code its own type") {
    // "[...]" stands for what the RFC leaves out (an AUTHENTICATE exchange, a SELECT's answer)
    const std::map<int, std::string> departures = test::elided_client_examples("rfc5530");
    CHECK(departures.size() == 4);
    // the RFC writes most commands lower case
    CHECK(check_examples("rfc5530", departures, same::ignoring_case) >= 39);
    // "e OK [CONTACTADMIN]" (§3) has no SP and text after the "]": it is no code but the
    // text "[CONTACTADMIN]", as resp-text = ["[" resp-text-code "]" SP] text reads it
    CHECK(!code_is<ast::code_contactadmin>("e OK [CONTACTADMIN]"));
    CHECK(code_is<ast::code_contactadmin>("e OK [CONTACTADMIN] Call us"));
    CHECK(code_is<ast::code_nonexistent>("p NO [NONEXISTENT] No such"));
    CHECK(code_is<ast::code_overquota>("n2 OK [OVERQUOTA] Soft quota"));
    CHECK(
        code_is<ast::code_authenticationfailed>("b NO [authenticationFailed] Failed")); // any case
    CHECK(code_is<ast::code_unavailable>("a NO [UNAVAILABLE] Down"));
    // a bare code takes no argument: with one it is a generic code
    CHECK(code_is<ast::code_other>("a NO [LIMIT 32] At most 32 flags"));
    // without the extension each is the generic atom of RFC 3501
    const parse_options strict = with_extensions(extension_set::none());
    CHECK(code_is<ast::code_other>("l NO [CANNOT] Adjacent slashes", strict));
    CHECK(!code_is<ast::code_cannot>("l NO [CANNOT] Adjacent slashes", strict));
    // a generic code spelled like one of them would read back as the named code: refused
    std::string out;
    ast::response r = response_ok("l NO [CANNOT] Adjacent slashes", strict);
    CHECK(serialize(out, r) == error::unserializable);
    out.clear();
    serialize_options for_strict;
    for_strict.extensions = extension_set::none();
    CHECK(!serialize(out, r, for_strict));
    CHECK(out == "l NO [CANNOT] Adjacent slashes\r\n");
}

TEST_CASE("OBJECTID: the examples of RFC 8474 §4 to §6") {
    // "[...]" stands for what the RFC leaves out: the rest of SELECT's answer, the messages
    // APPEND sends (their literals' lines joined with the elisions)
    const std::map<int, std::string> departures = test::elided_client_examples("rfc8474");
    CHECK(departures.size() == 5);
    CHECK(departures.at(218) == "27 select \"foo\" [...]\r\n");
    // the RFC writes its commands lower case
    CHECK(check_examples("rfc8474", departures, same::ignoring_case) >= 50);
    // what they hold
    const auto fetch =
        response_ok("* 1 FETCH (EMAILID (M6d99ac3275bb4e) THREADID (T64b478a75b7ea9))");
    const auto& items = std::get<ast::fetch_data>(data(fetch)).items;
    CHECK(std::get<ast::msg_att_emailid>(items[0]).id == "M6d99ac3275bb4e");
    CHECK(std::get<ast::msg_att_threadid>(items[1]).id == "T64b478a75b7ea9");
    const auto nil = response_ok("* 1 FETCH (EMAILID (M00000001) THREADID NIL)");
    CHECK(!std::get<ast::msg_att_threadid>(std::get<ast::fetch_data>(data(nil)).items[1]).id);
    const auto status = response_ok("* STATUS foo (MESSAGES 3 MAILBOXID (F2212ea87-6097))");
    const auto& st = std::get<ast::status_data>(data(status)).items;
    CHECK(st[1].att == ast::status_att::mailboxid);
    CHECK(st[1].objectid == "F2212ea87-6097");
    CHECK(st[0].objectid.empty());
    const auto code = response_ok("3 OK [MAILBOXID (F2212ea87-6097-4256-9d51-71338625)] Completed");
    CHECK(
        std::get<ast::code_mailboxid>(*std::get<ast::response_tagged>(code.v).cond.text.code).id ==
        "F2212ea87-6097-4256-9d51-71338625");
    const auto search = command_ok("28 SEARCH THREADID T64b478a75b7ea9 UNSEEN");
    const auto& key = std::get<ast::search_objectid>(body<ast::search_command>(search).keys[0].v);
    CHECK(key.which == ast::search_objectid::kind::threadid);
    command_ok("11 LIST \"\" \"*\" RETURN (STATUS (MAILBOXID))");
    // objectid: 1 to 255 of ALPHA / DIGIT / "_" / "-", case kept
    const std::string longest(255, 'x');
    response_ok("* 1 FETCH (EMAILID (" + longest + "))");
    CHECK(response_fails("* 1 FETCH (EMAILID (" + longest + "x))").offset == 275);
    CHECK(response_fails("* 1 FETCH (EMAILID ())").offset == 20);
    CHECK(response_fails("* 1 FETCH (EMAILID (a.b))").offset == 21);
    CHECK(response_fails("* 1 FETCH (EMAILID M1)").offset == 19);
    CHECK(response_fails("* STATUS foo (MAILBOXID 5)").offset == 24);
    CHECK(command_fails("a SEARCH EMAILID (M1)").offset == 17);
    // a MAILBOXID code of another form is a generic one
    const auto other = response_ok("* OK [MAILBOXID F1] x");
    CHECK(
        std::holds_alternative<ast::code_other>(*std::get<ast::resp_cond>(data(other)).text.code));
    // the serializer refuses what is no objectid, and a number with MAILBOXID
    std::string out;
    ast::status_data bad;
    bad.mailbox = ast::mailbox{"foo"};
    bad.items.push_back({ast::status_att::mailboxid, 0, "a b"});
    CHECK(serialize(out, ast::response{ast::response_data{bad}}) == error::unserializable);
    bad.items.back() = {ast::status_att::mailboxid, 7, "ab"};
    CHECK(serialize(out, ast::response{ast::response_data{bad}}) == error::unserializable);
    bad.items.back() = {ast::status_att::messages, 7, "ab"};
    CHECK(serialize(out, ast::response{ast::response_data{bad}}) == error::unserializable);
    // strict RFC 3501 refuses all of it, and says OBJECTID accepts it
    const parse_options strict = with_extensions(extension_set::none());
    for (const char* line :
         {"a FETCH 1 (EMAILID)", "a SEARCH EMAILID M1", "a STATUS x (MAILBOXID)"})
        CHECK(command_fails(line, strict).accepted_with == extension_set{extension::objectid});
    CHECK(response_fails("* 1 FETCH (EMAILID (M1))", strict).accepted_with ==
          extension_set{extension::objectid});
}

TEST_CASE("APPENDLIMIT: the examples of RFC 7889 §2 and §3, NIL, and the capability's value") {
    // the LIST response of §3.2 has two spaces before its mailbox, which the grammar does not
    // allow: `* LIST () "."  "INBOX"`
    const std::map<int, std::string> departures = {{198, "* LIST () \".\"  \"INBOX\"\r\n"}};
    CHECK(check_examples("rfc7889", departures) >= 12);
    const auto status = response_ok("* STATUS INBOX (APPENDLIMIT 257890 MESSAGES 2)");
    const auto& items = std::get<ast::status_data>(data(status)).items;
    CHECK(items[0].att == ast::status_att::appendlimit);
    CHECK(items[0].value == 257890);
    CHECK(!items[0].nil);
    // NIL: the mailbox has no limit of its own (RFC 7889 §3.1); only APPENDLIMIT may be NIL
    const auto nil = response_ok("* STATUS INBOX (APPENDLIMIT NIL)");
    CHECK(std::get<ast::status_data>(data(nil)).items[0].nil);
    CHECK(response_fails("* STATUS INBOX (MESSAGES NIL)").offset == 25);
    CHECK(response_fails("* STATUS INBOX (APPENDLIMIT)").offset == 27);
    std::string out;
    ast::status_data bad;
    bad.mailbox = ast::mailbox{"INBOX"};
    bad.items.push_back({ast::status_att::messages, 0, {}, true});
    CHECK(serialize(out, ast::response{ast::response_data{bad}}) == error::unserializable);
    bad.items.back() = {ast::status_att::appendlimit, 5, {}, true};
    CHECK(serialize(out, ast::response{ast::response_data{bad}}) == error::unserializable);
    bad.items.back() = {ast::status_att::appendlimit, 0, {}, true};
    CHECK(!serialize(out, ast::response{ast::response_data{bad}}));
    CHECK(out == "* STATUS INBOX (APPENDLIMIT NIL)\r\n");
    // APPENDLIMIT=257890 in a capability list is APPENDLIMIT
    const std::string_view caps[] = {"IMAP4rev1", "APPENDLIMIT=257890"};
    CHECK(extensions_advertised(caps).contains(extension::appendlimit));
    const std::string_view bare[] = {"APPENDLIMIT"};
    CHECK(extensions_advertised(bare).contains(extension::appendlimit));
    const std::string_view other[] = {"APPENDLIMITS", "APPENDLIMIT-5"};
    CHECK(!extensions_advertised(other).contains(extension::appendlimit));
    // strict RFC 3501 refuses both and names APPENDLIMIT
    const parse_options strict = with_extensions(extension_set::none());
    CHECK(command_fails("t1 STATUS INBOX (APPENDLIMIT)", strict).accepted_with ==
          extension_set{extension::appendlimit});
    CHECK(response_fails("* STATUS INBOX (APPENDLIMIT NIL)", strict).accepted_with ==
          extension_set{extension::appendlimit});
}

TEST_CASE("UIDONLY: the examples of RFC 9586 §3, UIDFETCH and UIDREQUIRED") {
    const std::map<int, std::string> departures = test::elided_client_examples("rfc9586");
    CHECK(departures.size() == 1);
    // "[...]" after a response: the RFC leaves the rest of the FETCH data out
    auto elided = examples_holding("rfc9586", example_side::server, "[...]");
    CHECK(elided.size() == 1);
    elided.insert(departures.begin(), departures.end());
    // the RFC writes "UID move"
    CHECK(check_examples("rfc9586", elided, same::ignoring_case) >= 20);
    const auto fetch = response_ok("* 25900 UIDFETCH (FLAGS (\\Seen) UID 25900)");
    const auto& u = std::get<ast::uidfetch_data>(data(fetch));
    CHECK(u.uid == 25900);
    CHECK(u.items.size() == 2);
    CHECK(response_fails("* 0 UIDFETCH (FLAGS ())").offset == 2);
    CHECK(response_fails("* 5 UIDFETCH ()").offset == 14);
    const auto code =
        response_ok("07 BAD [UIDREQUIRED] Message numbers are not allowed once UIDONLY is enabled");
    CHECK(std::holds_alternative<ast::code_uidrequired>(
        *std::get<ast::response_tagged>(code.v).cond.text.code));
    // strict RFC 3501 refuses UIDFETCH and names UIDONLY; UIDREQUIRED is a generic code there
    const parse_options strict = with_extensions(extension_set::none());
    CHECK(response_fails("* 5 UIDFETCH (FLAGS ())", strict).accepted_with ==
          extension_set{extension::uidonly});
    const auto generic = response_ok("07 BAD [UIDREQUIRED] x", strict);
    CHECK(std::holds_alternative<ast::code_other>(
        *std::get<ast::response_tagged>(generic.v).cond.text.code));
}

TEST_CASE("MULTIAPPEND: the example of RFC 3502, several messages in one APPEND") {
    // The example's A003 command, its C: lines joined (the S: "+" continuations left out): two
    // messages, each with flags, the second with a date.
    const std::string rfc = test::read_file(test::data_path("rfc3502.txt"));
    std::string bytes;
    {
        std::size_t at = rfc.find("C: A003 APPEND saved-messages");
        REQUIRE(at != std::string::npos);
        while (true) {
            const std::size_t end = rfc.find('\n', at);
            std::string line = rfc.substr(at, end - at);
            const std::size_t mark = line.find_first_of("CS");
            if (line.compare(mark, 3, "S: ") == 0 && line.find("A003 OK") != std::string::npos)
                break;
            if (line.compare(mark, 2, "C:") == 0)
                bytes += line.substr(std::min(line.size(), mark + 3)) + "\r\n";
            at = end + 1;
        }
    }
    const auto c = command_ok(bytes.substr(0, bytes.size() - 2));
    const auto& a = body<ast::append_command>(c);
    CHECK(a.mailbox.name == "saved-messages");
    CHECK(a.message.data.size() == 329);
    REQUIRE(a.more.size() == 1);
    REQUIRE(a.more[0].flags);
    CHECK(a.more[0].flags->size() == 1);
    REQUIRE(a.more[0].internal_date);
    CHECK(a.more[0].message.data.size() == 295);
    CHECK(a.more[0].message.data.substr(0, 5) == "Date:");
    std::string out;
    CHECK(!serialize(out, c));
    CHECK(out == bytes);
    // each message may leave out its flags and date; literal8 with BINARY
    const auto plain = command_ok("a APPEND x {1+}\r\na {1+}\r\nb ~{1+}\r\nc (\\Seen) {1+}\r\nd");
    CHECK(body<ast::append_command>(plain).more.size() == 3);
    CHECK(command_fails("a APPEND x {1+}\r\na \r\n").offset == 18);
    CHECK(command_fails("a APPEND x {1+}\r\na extra").offset == 18);
    CHECK(command_fails("a APPEND x {1+}\r\na (\\Seen)").offset == 26);
    // without MULTIAPPEND the command ends after the first message, and the error names it
    const parse_options without =
        with_extensions(extension_set::all().remove(extension::multiappend));
    const auto e = command_fails("a APPEND x {1+}\r\na {1+}\r\nb", without);
    CHECK(e.offset == 18);
    CHECK(e.accepted_with == extension_set{extension::multiappend});
    // the serializer writes the messages after the first only for a reader with MULTIAPPEND
    serialize_options no_multi;
    no_multi.extensions = extension_set::all().remove(extension::multiappend);
    CHECK(serialize(out, c, no_multi) == error::unserializable);
}

TEST_CASE("COMPRESS: the examples of RFC 4978 §3, the command and COMPRESSIONACTIVE") {
    // the RFC writes its commands lower case
    CHECK(check_examples("rfc4978", {}, same::ignoring_case) >= 10);
    const auto c = command_ok("c COMPRESS DEFLATE");
    CHECK(body<ast::compress_command>(c).algorithm == ast::compression_algorithm::deflate);
    CHECK(parse_command("c compress deflate\r\n").ok());
    CHECK(command_fails("c COMPRESS LZW").offset == 11);
    CHECK(command_fails("c COMPRESS").offset == 10);
    CHECK(code_is<ast::code_compressionactive>("c NO [COMPRESSIONACTIVE] DEFLATE active via TLS"));
    // strict RFC 3501 refuses the command and names COMPRESS=DEFLATE
    const parse_options strict = with_extensions(extension_set::none());
    const auto e = command_fails("c COMPRESS DEFLATE", strict);
    CHECK(e.accepted_with == extension_set{extension::compress});
    CHECK(e.text().find("; accepted with COMPRESS=DEFLATE") != std::string::npos);
    // the capability names the extension
    const std::string_view caps[] = {"IMAP4rev1", "COMPRESS=DEFLATE"};
    CHECK(extensions_advertised(caps).contains(extension::compress));
    CHECK(find_extension("compress=deflate") == extension::compress);
}

namespace {

/// One construct of each extension, and the extension that adds it.
struct example {
    const char* line;
    extension ext;
    bool command;
};
const example extension_examples[] = {
    {"a ENABLE CONDSTORE", extension::enable, true},
    {"* ENABLED CONDSTORE", extension::enable, false},
    {"a IDLE", extension::idle, true},
    {"a UID FETCH 1 (FLAGS MODSEQ)", extension::condstore, true},
    {"a SELECT INBOX (CONDSTORE)", extension::condstore, true},
    {"a FETCH 1 FLAGS (CHANGEDSINCE 5)", extension::condstore, true},
    {"a STORE 1 (UNCHANGEDSINCE 5) +FLAGS (\\Seen)", extension::condstore, true},
    {"a SEARCH MODSEQ 5", extension::condstore, true},
    {"a STATUS x (HIGHESTMODSEQ)", extension::condstore, true},
    {"* 1 FETCH (MODSEQ (5))", extension::condstore, false},
    {"* OK [HIGHESTMODSEQ 5] x", extension::condstore, false},
    {"* SEARCH 1 (MODSEQ 5)", extension::condstore, false},
    {"* STATUS x (HIGHESTMODSEQ 5)", extension::condstore, false},
    {"* ESEARCH MODSEQ 5", extension::condstore, false},
    {"a AUTHENTICATE PLAIN dGVzdA==", extension::sasl_ir, true},
    {"a UNSELECT", extension::unselect, true},
    {"a ID NIL", extension::id, true},
    {"* ID NIL", extension::id, false},
    {"a MOVE 1 x", extension::move, true},
    {"a UID MOVE 1 x", extension::move, true},
    {"a NAMESPACE", extension::namespace_, true},
    {"* NAMESPACE NIL NIL NIL", extension::namespace_, false},
    {"a UID EXPUNGE 1", extension::uidplus, true},
    {"a OK [COPYUID 1 1 1] x", extension::uidplus, false},
    {"* NO [UIDNOTSTICKY] x", extension::uidplus, false},
    {"a SELECT INBOX (QRESYNC (1 2))", extension::qresync, true},
    {"a UID FETCH 1 FLAGS (CHANGEDSINCE 1 VANISHED)", extension::qresync, true},
    {"* VANISHED 1", extension::qresync, false},
    {"* OK [CLOSED] x", extension::qresync, false},
    {"a SEARCH RETURN (MIN) ALL", extension::esearch, true},
    {"* ESEARCH COUNT 1", extension::esearch, false},
    {"a STATUS x (SIZE)", extension::status_size, true},
    {"* STATUS x (SIZE 5)", extension::status_size, false},
    {"a FETCH 1 SAVEDATE", extension::savedate, true},
    {"a SEARCH SAVEDON 1-Jan-2020", extension::savedate, true},
    {"a SEARCH SAVEDATESUPPORTED", extension::savedate, true},
    {"* 1 FETCH (SAVEDATE NIL)", extension::savedate, false},
    {"a FETCH 1 BINARY.PEEK[1]<0.10>", extension::binary, true},
    {"* 1 FETCH (BINARY[1] {1}\r\nx)", extension::binary, false},
    {"* 1 FETCH (BINARY.SIZE[1] 5)", extension::binary, false},
    {"a NO [UNKNOWN-CTE] x", extension::binary, false},
    {"a LIST (SUBSCRIBED) \"\" *", extension::list_extended, true},
    {"a LIST \"\" (INBOX Sent) RETURN (CHILDREN)", extension::list_extended, true},
    {"* LIST (\\HasChildren) \"/\" Foo (\"CHILDINFO\" (\"SUBSCRIBED\"))", extension::list_extended,
     false},
    {"a LIST (SPECIAL-USE) \"\" *", extension::special_use, true},
    {"a NO [USEATTR] x", extension::special_use, false},
    {"a CREATE x (USE (\\Sent))", extension::create_special_use, true},
    {"a LIST \"\" * RETURN (STATUS (MESSAGES))", extension::list_status, true},
    {"a FETCH 1 (EMAILID THREADID)", extension::objectid, true},
    {"a SEARCH EMAILID M6d99ac3275bb4e", extension::objectid, true},
    {"a STATUS x (MAILBOXID)", extension::objectid, true},
    {"* 1 FETCH (EMAILID (M6d99ac3275bb4e) THREADID NIL)", extension::objectid, false},
    {"* OK [MAILBOXID (F2212ea87-6097-4256-9d51-71338625)] Ok", extension::objectid, false},
    {"* STATUS foo (MAILBOXID (F2212ea87))", extension::objectid, false},
    {"a NO [NONEXISTENT] Unknown mailbox", extension::rfc5530, false},
    {"a NO [OVERQUOTA] Sorry", extension::rfc5530, false},
    {"a SEARCH RETURN (SAVE) UNSEEN", extension::searchres, true},
    {"a FETCH $ FLAGS", extension::searchres, true},
    {"a NO [NOTSAVED] x", extension::searchres, false},
    {"a UID SEARCH RETURN (PARTIAL -1:-100) ALL", extension::partial, true},
    {"a UID FETCH 1:* FLAGS (PARTIAL 1:5)", extension::partial, true},
    {"* ESEARCH (TAG \"a\") UID PARTIAL (1:5 NIL)", extension::partial, false},
    {"a STATUS x (APPENDLIMIT)", extension::appendlimit, true},
    {"* STATUS x (APPENDLIMIT NIL)", extension::appendlimit, false},
    {"* 25996 UIDFETCH (FLAGS (\\Seen))", extension::uidonly, false},
    {"a BAD [UIDREQUIRED] x", extension::uidonly, false},
    {"a APPEND x {1+}\r\na {1+}\r\nb", extension::multiappend, true},
    {"a COMPRESS DEFLATE", extension::compress, true},
    {"a NO [COMPRESSIONACTIVE] x", extension::compress, false},
    {"a STATUS x (DELETED)", extension::imap4rev2, true},
    {"* STATUS x (DELETED 3)", extension::imap4rev2, false},
    {"a NO [HASCHILDREN] x", extension::imap4rev2, false},
    {"a OK ", extension::imap4rev2, false},
    {"* OK Bienvenue \xc3\xa0 bord", extension::imap4rev2, false},
    {"* CAPABILITY IMAP4rev2", extension::imap4rev2, false},
    {"* 1 FETCH (RFC822.SIZE 4294967296)", extension::imap4rev2, false},
    {"a SEARCH LARGER 4294967296", extension::imap4rev2, true},
};

} // namespace

TEST_CASE("the serializer writes no construct of an extension its reader lacks") {
    // one construct of each extension (extension_examples): under the default set it is
    // written back as it came; for a reader without that extension it is refused
    std::set<extension> covered;
    for (const example& ex : extension_examples) {
        CAPTURE(ex.line);
        serialize_options without;
        without.extensions = extension_set::all().remove(ex.ext);
        std::string out;
        if (ex.command) {
            const ast::command c = command_ok(ex.line);
            CHECK(serialize(out, c, without) == error::unserializable);
        } else {
            const ast::response r = response_ok(ex.line);
            CHECK(serialize(out, r, without) == error::unserializable);
        }
        CHECK(out.empty());
        covered.insert(ex.ext);
    }
    // A {n+} literal is a form, not a construct: for a reader without LITERAL+ or LITERAL- it
    // is written {n} (test_limits.cpp), never refused.
    for (const extension e : {extension::literal_plus, extension::literal_minus}) {
        serialize_options without;
        without.extensions =
            extension_set::all().remove(extension::literal_plus).remove(extension::literal_minus);
        std::string out;
        CHECK(!serialize(out, command_ok("a LOGIN {4+}\r\nfred x"), without));
        CHECK(out == "a LOGIN {4}\r\nfred x\r\n");
        covered.insert(e);
    }
    // CHILDREN (RFC 3348) adds no construct: \HasChildren and \HasNoChildren are
    // flag-extensions of RFC 3501, written for every reader
    {
        serialize_options without;
        without.extensions = extension_set::all().remove(extension::children);
        std::string out;
        CHECK(!serialize(out, response_ok("* LIST (\\HasChildren) \"/\" Foo"), without));
        covered.insert(extension::children);
    }
    // UTF8=ACCEPT adds nothing IMAP4rev2 lacks, and the UTF-8 it allows has another form: for
    // a reader with neither, a quoted string that holds UTF-8 is written as a literal, and
    // MESSAGE/GLOBAL (a body structure only UTF-8 readers read so) is refused
    {
        serialize_options without;
        without.extensions =
            extension_set::all().remove(extension::utf8_accept).remove(extension::imap4rev2);
        std::string out;
        CHECK(!serialize(out, command_ok("a SELECT \"Entw\xc3\xbcrfe\""), without));
        CHECK(out == "a SELECT {9}\r\nEntw\xc3\xbcrfe\r\n");
        out.clear();
        const ast::response global = response_ok(
            "* 1 FETCH (BODY (\"MESSAGE\" \"GLOBAL\" NIL NIL NIL \"8BIT\" 9 (NIL \"x\" NIL NIL NIL "
            "NIL NIL NIL NIL NIL) (\"TEXT\" \"PLAIN\" NIL NIL NIL \"8BIT\" 1 1) 1))");
        CHECK(serialize(out, global, without) == error::unserializable);
        without.extensions.add(extension::utf8_accept);
        out.clear();
        CHECK(!serialize(out, global, without));
        covered.insert(extension::utf8_accept);
    }
    // every extension of the registry has its example here
    for (const extension_info& e : extension_registry)
        if (e.id != extension::imap4rev1) {
            CAPTURE(e.name);
            CHECK(covered.count(e.id) == 1);
        }
    // the core needs no extension
    serialize_options none;
    none.extensions = extension_set::none();
    std::string out;
    CHECK(!serialize(out, command_ok("a UID FETCH 1:* (FLAGS BODY.PEEK[HEADER])"), none));
    CHECK(out == "a UID FETCH 1:* (FLAGS BODY.PEEK[HEADER])\r\n");
}

TEST_CASE("a construct refused for want of an extension names the extension that accepts it") {
    std::size_t refused = 0;
    for (const example& ex : extension_examples) {
        CAPTURE(std::string(ex.line));
        const std::string& in = kept_inputs().emplace_back(std::string(ex.line) + "\r\n");
        // without just that extension: it is the one named, when the construct is refused
        // (some still parse as something of RFC 3501, such as a generic response code)
        const parse_options without = with_extensions(extension_set::all().remove(ex.ext));
        const parse_error* e = nullptr;
        auto c = parse_command(in, without);
        auto r = parse_response(in, without);
        if (ex.command && c.failed())
            e = &c.error();
        if (!ex.command && r.failed())
            e = &r.error();
        if (e != nullptr) {
            ++refused;
            CHECK(e->accepted_with == extension_set{ex.ext});
            CHECK(e->text().find(std::string("; accepted with ") +
                                 std::string(info(ex.ext).capability)) != std::string::npos);
        }
        // strict RFC 3501: the extensions named accept it, and include this one when it is
        // needed (a SPECIAL-USE option is an option-extension of LIST-EXTENDED without it)
        const bool needed = e != nullptr;
        const parse_options strict = with_extensions(extension_set::none());
        auto cs = parse_command(in, strict);
        auto rs = parse_response(in, strict);
        const parse_error* es = ex.command ? (cs.failed() ? &cs.error() : nullptr)
                                           : (rs.failed() ? &rs.error() : nullptr);
        if (es != nullptr) {
            CHECK(!es->accepted_with.empty());
            CHECK((!needed || es->accepted_with.contains(ex.ext)));
            parse_options with = strict;
            with.extensions = es->accepted_with;
            CHECK((ex.command ? parse_command(in, with).ok() : parse_response(in, with).ok()));
        }
    }
    CHECK(refused >= 36);
    // QRESYNC's VANISHED modifier goes with CHANGEDSINCE: both are named
    const std::string vanished = "a UID FETCH 1 FLAGS (CHANGEDSINCE 1 VANISHED)\r\n";
    const auto v = parse_command(vanished, with_extensions(extension_set::none()));
    REQUIRE(v.failed());
    CHECK(v.error().accepted_with == extension_set{extension::condstore, extension::qresync});
    CHECK(v.error().text().find("accepted with CONDSTORE + QRESYNC") != std::string::npos);
    // {n+} in a command: LITERAL+ comes first in the registry
    const std::string nonsync = "a LOGIN {4+}\r\nfred x\r\n";
    const auto l = parse_command(nonsync, with_extensions(extension_set::none()));
    REQUIRE(l.failed());
    CHECK(l.error().accepted_with == extension_set{extension::literal_plus});
    // nothing is named for what no extension accepts, nor under the default set
    CHECK(command_fails("a FETCH 1 (NOSUCHITEM)", with_extensions(extension_set::none()))
              .accepted_with.empty());
    CHECK(command_fails("a FETCH 1 (NOSUCHITEM)").accepted_with.empty());
    CHECK(command_fails("a FETCH 1 (NOSUCHITEM)").text().find("accepted") == std::string::npos);
}
