// CONDSTORE (RFC 7162): the server (S:) examples of its section 3.1 parse and round-trip byte for
// byte; mod-sequences and their limits; everything it adds is refused, as RFC 3501 refuses it,
// when the extension is not enabled.
#include "parse_helpers.hpp"

#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <doctest/doctest.h>

#include <deque>
#include <initializer_list>
#include <map>
#include <string>

using namespace imapwire;
using imapwire::test::visible;

namespace {

parse_options strict() {
    parse_options o;
    o.extensions = extension_set::none();
    return o;
}

/// `line` is a whole message, CRLF included.
ast::response response_ok(const std::string& line, const parse_options& o = {}) {
    return test::parsed_ok<ast::response>(line, o);
}

template <class T>
const T& data(const ast::response& r) {
    return std::get<T>(std::get<ast::response_data>(r.v));
}

const ast::resp_text_code& code_of(const ast::response& r) {
    if (const auto* t = std::get_if<ast::response_tagged>(&r.v))
        return *t->cond.text.code;
    return *data<ast::resp_cond>(r).text.code;
}

/// One input the parser must refuse: where, and in which production.
struct reject {
    const char* line;
    std::size_t offset;
    const char* production;
};

template <class Parse>
void check_refused(Parse&& parse, std::initializer_list<reject> cases) {
    for (const reject& c : cases) {
        CAPTURE(c.line);
        const auto r = parse(c.line);
        REQUIRE(r.failed());
        CHECK(r.error().offset == c.offset);
        CHECK(r.error().production == c.production);
    }
}
void check_refused_responses(std::initializer_list<reject> cases, const parse_options& o = {}) {
    check_refused([&](const char* line) { return parse_response(line, o); }, cases);
}
void check_refused_commands(std::initializer_list<reject> cases, const parse_options& o = {}) {
    check_refused([&](const char* line) { return parse_command(line, o); }, cases);
}

} // namespace

TEST_CASE("CONDSTORE: the server examples of RFC 7162 §3.1") {
    const auto examples = test::read_rfc_examples("rfc7162-server-examples.txt");
    REQUIRE(examples.size() >= 200);
    // Departures of the RFC's examples from its grammar, each checked below: "..." standing
    // for the rest of a response, and a tagged OK with no text (resp-text needs one).
    const std::map<int, std::string> departures = {
        {694, "* 102 FETCH (MODSEQ (303181230852)) ...\r\n"},
        {742, "* 102 FETCH (MODSEQ (303181230852)) ...\r\n"},
        {758, "* 102 FETCH (MODSEQ (303181230852)) ...\r\n"},
        {779, "* 102 FETCH (MODSEQ (303181230852)) ...\r\n"},
        {703, "a107 OK\r\n"},
        {713, "b107 OK\r\n"},
    };
    int parsed = 0;
    int departed = 0;
    for (const auto& ex : examples) {
        CAPTURE(ex.where());
        CAPTURE(visible(ex.bytes));
        if (ex.flagged("not-protocol") || ex.section.rfind("3.1", 0) != 0)
            continue; // 3.2 is QRESYNC
        if (const auto d = departures.find(ex.line); d != departures.end()) {
            CHECK(ex.bytes == d->second);
            CHECK(parse_response(ex.bytes).failed());
            ++departed;
            continue;
        }
        response_ok(ex.bytes);
        ++parsed;
    }
    CHECK(departed == static_cast<int>(departures.size()));
    CHECK(parsed >= 60);
}

TEST_CASE("CONDSTORE: what the examples hold, as values") {
    // §3.1.2.1, §3.1.2.2
    CHECK(std::get<ast::code_highestmodseq>(
              code_of(response_ok("* OK [HIGHESTMODSEQ 715194045007] Highest\r\n")))
              .value == 715194045007u);
    CHECK(std::holds_alternative<ast::code_nomodseq>(
        code_of(response_ok("* OK [NOMODSEQ] Sorry, this mailbox format doesn't support "
                            "modsequences\r\n"))));
    // §3.1.3
    const ast::response failed = response_ok("d105 OK [MODIFIED 7,9] Conditional STORE failed\r\n");
    const auto& modified = std::get<ast::code_modified>(code_of(failed));
    REQUIRE(modified.set.items.size() == 2);
    CHECK(modified.set.items[1].first.value == 9);
    const auto f =
        data<ast::fetch_data>(response_ok("* 7 FETCH (MODSEQ (320162342) FLAGS (\\Seen))\r\n"));
    CHECK(std::get<ast::msg_att_modseq>(f.items[0]).value == 320162342u);
    CHECK(std::holds_alternative<ast::msg_att_flags>(f.items[1]));
    // §3.1.5: the highest mod-sequence of the messages found
    const auto s = data<ast::search_data>(
        response_ok("* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)\r\n"));
    CHECK(s.numbers.size() == 10);
    CHECK(s.modseq == 917162500u);
    // §3.1.7
    const auto st = data<ast::status_data>(response_ok(
        "* STATUS blurdybloop (MESSAGES 231 UIDNEXT 44292 HIGHESTMODSEQ 7011231777)\r\n"));
    REQUIRE(st.items.size() == 3);
    CHECK(st.items[2].att == ast::status_att::highestmodseq);
    CHECK(st.items[2].value == 7011231777u);
    // keywords in any case
    const auto lower = parse_response("* 1 FETCH (modseq (5))\r\n");
    REQUIRE(lower.ok());
    CHECK(std::get<ast::msg_att_modseq>(data<ast::fetch_data>(lower.value()).items[0]).value == 5);
}

TEST_CASE("CONDSTORE: mod-sequences are 63-bit, FETCH and SEARCH ones not zero") {
    response_ok("* 1 FETCH (MODSEQ (9223372036854775807))\r\n");
    response_ok("* STATUS x (HIGHESTMODSEQ 0)\r\n"); // mod-sequence-valzer
    response_ok("* OK [HIGHESTMODSEQ 9223372036854775807] x\r\n");
    check_refused_responses({
        {"* 1 FETCH (MODSEQ (0))\r\n", 19, "fetch-mod-resp"},
        {"* 1 FETCH (MODSEQ (9223372036854775808))\r\n", 19, "mod-sequence-value"},
        {"* 1 FETCH (MODSEQ 5)\r\n", 18, "fetch-mod-resp"},
        {"* SEARCH 1 (MODSEQ 0)\r\n", 19, "mailbox-data"},
        {"* SEARCH 1 (MODSEQ 5) 6\r\n", 21, "mailbox-data"}, // MODSEQ comes last
        {"* SEARCH (MODSEQ 5)\r\n", 9, "mailbox-data"},      // after a number
        {"* STATUS x (HIGHESTMODSEQ 9223372036854775808)\r\n", 26, "mod-sequence-valzer"},
    });
    // a code whose value does not fit is the generic form, as for RFC 3501's codes
    for (const char* line : {"* OK [HIGHESTMODSEQ 0] x\r\n", "* OK [HIGHESTMODSEQ x] x\r\n",
                             "* OK [MODIFIED x] x\r\n", "* OK [NOMODSEQ 1] x\r\n"}) {
        CAPTURE(line);
        CHECK(std::holds_alternative<ast::code_other>(code_of(response_ok(line))));
    }
    // the serializer refuses what would not read back
    std::string out;
    CHECK(serialize(out, ast::response{ast::response_data{ast::fetch_data{
                             1, {ast::msg_att_modseq{0}}}}}) == error::unserializable);
    CHECK(serialize(out, ast::response{ast::response_data{ast::search_data{{}, 5u}}}) ==
          error::unserializable); // MODSEQ needs a number
    CHECK(serialize(out, ast::response{ast::response_data{ast::status_data{
                             ast::mailbox{"x"}, {{ast::status_att::uidnext, 1ull << 32}}}}}) ==
          error::unserializable); // number is 32-bit
    CHECK(out.empty());
}

TEST_CASE("CONDSTORE: without the extension, its syntax is refused as RFC 3501 refuses it") {
    const parse_options none = strict();
    check_refused_responses(
        {
            {"* 1 FETCH (MODSEQ (5))\r\n", 11, "msg-att"},
            {"* SEARCH 1 (MODSEQ 5)\r\n", 11, "mailbox-data"},
            {"* STATUS x (HIGHESTMODSEQ 5)\r\n", 12, "mailbox-data"},
        },
        none);
    // its codes are the generic form there
    for (const char* line :
         {"* OK [HIGHESTMODSEQ 5] x\r\n", "* OK [NOMODSEQ] x\r\n", "* OK [MODIFIED 1:3] x\r\n"}) {
        CAPTURE(line);
        CHECK(std::holds_alternative<ast::code_other>(code_of(response_ok(line, none))));
    }
    // ...and the serializer, writing for such a reader, may write the generic form that the
    // default reader would take for the named code
    serialize_options for_none;
    for_none.extensions = extension_set::none();
    const ast::response generic{ast::response_tagged{
        "a", {ast::condition::ok, {ast::code_other{"NOMODSEQ", std::nullopt}, "x"}}}};
    std::string out;
    CHECK(serialize(out, generic) == error::unserializable);
    CHECK(!serialize(out, generic, for_none));
    CHECK(out == "a OK [NOMODSEQ] x\r\n");
}

namespace {

ast::command command_ok(const std::string& line, const parse_options& o = {}) {
    return test::parsed_ok<ast::command>(line, o);
}

} // namespace

TEST_CASE("CONDSTORE: the client examples of RFC 7162 §3.1") {
    const auto examples = test::read_rfc_examples("rfc7162-client-examples.txt");
    REQUIRE(examples.size() >= 50);
    int parsed = 0;
    for (const auto& ex : examples) {
        CAPTURE(ex.where());
        CAPTURE(visible(ex.bytes));
        if (ex.flagged("not-protocol") || ex.section.rfind("3.1", 0) != 0)
            continue;         // 3.2 is QRESYNC
        if (ex.line == 962) { // "A142 SELECT INBOX ...": the RFC elides the rest
            CHECK(ex.bytes == "A142 SELECT INBOX ...\r\n");
            continue;
        }
        if (ex.bytes.find(" SORT ") != std::string::npos)
            continue; // ESORT's SORT: comes with that extension
        command_ok(ex.bytes);
        ++parsed;
    }
    CHECK(parsed >= 25);
}

TEST_CASE("CONDSTORE: commands, as values") {
    // §3.1.3: UNCHANGEDSINCE comes between the set and the flags
    const auto store = command_ok(
        "a103 UID STORE 6,4,8 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)\r\n");
    const auto& s = std::get<ast::store_command>(std::get<ast::uid_command>(store.body).command);
    REQUIRE(s.modifiers.size() == 1);
    CHECK(std::get<ast::store_mod_unchangedsince>(s.modifiers[0]).modseq == 12121230045u);
    CHECK(s.action.silent);
    command_ok("a102 STORE 12 (UNCHANGEDSINCE 0) +FLAGS.SILENT ($MDNSent)\r\n"); // valzer
    // §3.1.4.1, §3.1.4.2
    const auto fetch = command_ok("s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)\r\n");
    const auto& f = std::get<ast::fetch_command>(std::get<ast::uid_command>(fetch.body).command);
    REQUIRE(f.modifiers.size() == 1);
    CHECK(std::get<ast::fetch_mod_changedsince>(f.modifiers[0]).modseq == 12345u);
    const auto att = command_ok("a FETCH 1:3 (MODSEQ)\r\n");
    CHECK(std::get<ast::vector<ast::fetch_att>>(std::get<ast::fetch_command>(att.body).items)[0]
              .kind == ast::fetch_att_kind::modseq);
    command_ok("a FETCH 1 MODSEQ\r\n");
    // §3.1.5
    const auto search = command_ok("a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338\r\n");
    const auto& key =
        std::get<ast::search_modseq>(std::get<ast::search_command>(search.body).keys[0].v);
    REQUIRE(key.entry);
    CHECK(key.entry->name.value() == "/flags/\\draft");
    CHECK(key.entry->type == ast::entry_type::all);
    CHECK(key.modseq == 620162338u);
    command_ok("t SEARCH OR NOT MODSEQ 720162338 LARGER 50000\r\n");
    command_ok("a SEARCH MODSEQ \"/flags/$MDNSent\" priv 0\r\n");
    // §3.1.7, §3.1.8
    command_ok("A042 STATUS blurdybloop (UIDNEXT MESSAGES HIGHESTMODSEQ)\r\n");
    const auto select = command_ok("A142 SELECT INBOX (CONDSTORE)\r\n");
    CHECK(std::get<ast::select_command>(select.body).params.size() == 1);
    command_ok("A142 EXAMINE INBOX (CONDSTORE)\r\n");
}

TEST_CASE("CONDSTORE: commands it refuses, and strict RFC 3501 as before") {
    check_refused_commands({
        {"a FETCH 1 FLAGS (CHANGEDSINCE 0)\r\n", 30, "chgsince-fetch-mod"},
        {"a FETCH 1 FLAGS (FOO 1)\r\n", 17, "fetch-modifiers"},
        {"a FETCH 1 FLAGS ()\r\n", 17, "fetch-modifiers"},
        {"a STORE 1 (UNCHANGEDSINCE x) FLAGS ()\r\n", 26, "store-modifier"},
        {"a SELECT INBOX (FOO)\r\n", 16, "select-params"},
        {"a SEARCH MODSEQ \"/flags\" all 1\r\n", 16, "entry-flag-name"},
        {"a SEARCH MODSEQ \"/flags/\\\\\" all 1\r\n", 16, "entry-flag-name"},
        {"a SEARCH MODSEQ \"/flags/x\" mine 1\r\n", 27, "search-modseq-ext"},
        {"a SEARCH MODSEQ x\r\n", 16, "search-modsequence"},
    });
    const parse_options none = strict();
    check_refused_commands(
        {
            {"a FETCH 1 FLAGS (CHANGEDSINCE 5)\r\n", 15, "command"},
            {"a STORE 1 (UNCHANGEDSINCE 5) FLAGS ()\r\n", 10, "store"},
            {"a SELECT INBOX (CONDSTORE)\r\n", 14, "command"},
            {"a FETCH 1 MODSEQ\r\n", 10, "fetch"},
            {"a STATUS x (HIGHESTMODSEQ)\r\n", 12, "status"},
        },
        none);
    const auto r = parse_command("a SEARCH MODSEQ 5\r\n", none);
    REQUIRE(r.failed());
    CHECK(r.error().production == "search");
}

// ---------------------------------------------------------------------------------------------
// QRESYNC (RFC 7162 §3.2)

TEST_CASE("QRESYNC: the examples of RFC 7162 §3.2") {
    // Departures of the RFC's examples from its grammar: a "[...]" standing for the rest of a
    // set, and a line wrapped after commas (joined, it has spaces inside its sets).
    const std::map<int, std::string> departures = {
        {1633, "* VANISHED (EARLIER) 1:2,4:5,7:8,10:11,13:14,[...], 29668:29669,29671:29996\r\n"},
        {1649, "B04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 "
               "(5000,7500,9000,9990:9999 15000, 22500,27000,29970,29973,29976,29979,29982,"
               "29985,29988,29991, 29994,29997)))\r\n"},
    };
    int parsed = 0;
    int departed = 0;
    for (const char* file : {"rfc7162-server-examples.txt", "rfc7162-client-examples.txt"}) {
        const bool server = std::string_view(file).find("server") != std::string_view::npos;
        for (const auto& ex : test::read_rfc_examples(file)) {
            if (ex.flagged("not-protocol") || ex.section.rfind("3.2", 0) != 0)
                continue;
            CAPTURE(ex.where());
            CAPTURE(visible(ex.bytes));
            if (const auto d = departures.find(ex.line); d != departures.end()) {
                CHECK(ex.bytes == d->second);
                CHECK((server ? parse_response(ex.bytes).failed()
                              : parse_command(ex.bytes).failed()));
                ++departed;
                continue;
            }
            if (server)
                response_ok(ex.bytes);
            else
                command_ok(ex.bytes);
            ++parsed;
        }
    }
    CHECK(departed == 2);
    CHECK(parsed >= 50);
    // the wrapped SELECT as it is sent
    const auto select = command_ok("B04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 "
                                   "(5000,7500,9000,9990:9999 15000,22500,27000,29970,29973,"
                                   "29976,29979,29982,29985,29988,29991,29994,29997)))\r\n");
    const auto& params = std::get<ast::select_command>(select.body).params;
    REQUIRE(params.size() == 1);
    const auto& q = std::get<ast::select_param_qresync>(params[0]);
    CHECK(q.uidvalidity == 67890007u);
    CHECK(q.modseq == 90060115194045000u);
    REQUIRE(q.known_uids);
    CHECK(q.known_uids->items[0].last == 29997u);
    REQUIRE(q.match);
    CHECK(q.match->known_sequence_set.items.size() == 4);
    CHECK(q.match->known_uid_set.items.size() == 13);
}

TEST_CASE("QRESYNC: the values, and what it refuses") {
    const auto vanished = response_ok("* VANISHED (EARLIER) 41,43:116,118,120:211,214:540\r\n");
    const auto& v = data<ast::vanished_data>(vanished);
    CHECK(v.earlier);
    REQUIRE(v.uids.items.size() == 5);
    CHECK(v.uids.items[4].first == 214u);
    CHECK(v.uids.items[4].last == 540u);
    CHECK(!data<ast::vanished_data>(response_ok("* VANISHED 405,407,410,425\r\n")).earlier);
    const auto lower = parse_response("* VANISHED (earlier) 1\r\n"); // any case
    REQUIRE(lower.ok());
    CHECK(data<ast::vanished_data>(lower.value()).earlier);
    // "* OK [CLOSED]" of §3.2.5 has no text after the code: RFC 3501's resp-text reads it as
    // text; with text it is the code
    CHECK(!data<ast::resp_cond>(response_ok("* OK [CLOSED]\r\n")).text.code);
    CHECK(std::holds_alternative<ast::code_closed>(
        code_of(response_ok("* OK [CLOSED] Previous mailbox closed\r\n"))));
    const auto fetch =
        command_ok("s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n");
    const auto& f = std::get<ast::fetch_command>(std::get<ast::uid_command>(fetch.body).command);
    REQUIRE(f.modifiers.size() == 2);
    CHECK(std::holds_alternative<ast::fetch_mod_vanished>(f.modifiers[1]));
    command_ok("A1 EXAMINE INBOX (QRESYNC (1 2))\r\n");
    command_ok("A1 SELECT INBOX (CONDSTORE QRESYNC (1 2 (1 2)))\r\n");

    check_refused_commands({
        // VANISHED only in UID FETCH (§3.2.6)
        {"s1 FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n", 44, "fetch-modifiers"},
        // "*" is not allowed in known-uids, nor in the seq-match-data
        {"A1 SELECT INBOX (QRESYNC (1 2 1:*))\r\n", 31, "select-param"},
        {"A1 SELECT INBOX (QRESYNC (1 2 (1:* 2)))\r\n", 32, "seq-match-data"},
        // the uidvalidity and the mod-sequence are both required, and non-zero
        {"A1 SELECT INBOX (QRESYNC (1))\r\n", 27, "select-param"},
        {"A1 SELECT INBOX (QRESYNC (0 1))\r\n", 26, "select-param"},
    });
    check_refused_responses({
        {"* VANISHED\r\n", 2, "response-data"},
        {"* VANISHED 0\r\n", 11, "expunged-resp"},
        {"* VANISHED (EARLIER)\r\n", 11, "expunged-resp"},
        {"* VANISHED 1:*\r\n", 12, "response-data"},
    });

    // the serializer writes only what reads back
    std::string out;
    ast::fetch_att flags;
    flags.kind = ast::fetch_att_kind::flags;
    ast::fetch_command plain{{{{{1}, std::nullopt}}}, flags};
    plain.modifiers.push_back(ast::fetch_mod_changedsince{5});
    plain.modifiers.push_back(ast::fetch_mod_vanished{});
    CHECK(serialize(out, ast::command{"a", plain}) == error::unserializable);
    CHECK(out.empty());
    CHECK(!serialize(out, ast::command{"a", ast::uid_command{plain}}));
    CHECK(out == "a UID FETCH 1 FLAGS (CHANGEDSINCE 5 VANISHED)\r\n");
    out.clear();
    CHECK(serialize(out, ast::response{ast::response_data{ast::vanished_data{}}}) ==
          error::unserializable);

    // strict RFC 3501, and CONDSTORE without QRESYNC, refuse all of it
    parse_options condstore;
    condstore.extensions = {extension::condstore};
    for (const parse_options& o : {strict(), condstore}) {
        CHECK(parse_response("* VANISHED 1\r\n", o).failed());
        CHECK(parse_command("A1 SELECT INBOX (QRESYNC (1 2))\r\n", o).failed());
        CHECK(parse_command("s UID FETCH 1 FLAGS (CHANGEDSINCE 1 VANISHED)\r\n", o).failed());
    }
}
