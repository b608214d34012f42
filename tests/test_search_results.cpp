// SEARCHRES (RFC 5182) and PARTIAL (RFC 9394): the saved search result "$", the SAVE and
// PARTIAL return options, PARTIAL's ESEARCH data and fetch modifier. Every C: and S: example of
// both RFCs (extracted by tests/data/extract_rfc_examples.py) parses and round-trips byte for
// byte, or is a departure named here; what they hold; what the grammar refuses; and strict
// RFC 3501 refusing what they add.
#include "parse_helpers.hpp"

#include <imapwire/session.hpp>

#include <map>
#include <string>
#include <variant>

using namespace imapwire;
using namespace imapwire::test;

namespace {

/// Every entry of `more` added to `into`.
std::map<int, std::string> merged(std::map<int, std::string> into,
                                  const std::map<int, std::string>& more) {
    into.insert(more.begin(), more.end());
    return into;
}

const ast::esearch_data& esearch_of(const ast::response& r) {
    const auto& d = std::get<ast::response_data>(r.v);
    REQUIRE(std::holds_alternative<ast::esearch_data>(d));
    return std::get<ast::esearch_data>(d);
}

} // namespace

TEST_CASE("SEARCHRES: the examples of RFC 5182 §2") {
    // the RFC writes comments after "//" into some messages, and leaves FETCH data out ("...")
    const auto commented = merged(examples_holding("rfc5182", example_side::client, "//"),
                                  examples_holding("rfc5182", example_side::server, "//$"));
    const auto elided = examples_holding("rfc5182", example_side::server, "...");
    CHECK(commented.size() == 2 + 6);
    CHECK(elided.size() == 6);
    // and one sentence of its prose runs on from a command: "A301 UID SEARCH $ SMALLER 4096 and
    // the result of the command would be the same."
    auto departures = merged(commented, elided);
    departures.emplace(243, "A301 UID SEARCH $ SMALLER 4096 and the result of the command would "
                            "be the same.\r\n");
    // the RFC writes +FLAGS.Silent, the serializer .SILENT
    CHECK(check_examples("rfc5182", departures, same::ignoring_case) >= 50);
}

TEST_CASE("SEARCHRES: what the saved result and SAVE hold") {
    // "$" is an item of the sequence set, wherever one may stand
    const auto fetch = command_ok("A283 FETCH $ (UID INTERNALDATE FLAGS RFC822.HEADER)");
    const auto& set = body<ast::fetch_command>(fetch).set;
    REQUIRE(set.items.size() == 1);
    CHECK(set.items[0].saved_result);
    CHECK(set.items[0] == ast::seq_item::saved());
    const auto search = command_ok("P283 SEARCH CHARSET UTF-8 (OR $ 1,3000:3021) TEXT {8}\r\n"
                                   "YYYYYYYY");
    CHECK(body<ast::search_command>(search).keys.size() == 2);
    for (const char* line :
         {"a UID COPY $ x", "a UID EXPUNGE $", "a STORE $ +FLAGS (\\Deleted)", "a UID MOVE $ x",
          "a FETCH 1:5,$ FLAGS", "a FETCH $,7 FLAGS", "a UID SEARCH UID $ SMALLER 4096"})
        command_ok(line);
    // SAVE among the others, in the order written
    const auto save = command_ok("C285 SEARCH RETURN (MAX SAVE MIN) SINCE 12-Feb-2006");
    const auto& opts = *body<ast::search_command>(save).return_options;
    CHECK(opts == ast::vector<ast::search_return_opt>{ast::search_return_option::max,
                                                      ast::search_return_option::save,
                                                      ast::search_return_option::min});
    // NOTSAVED is a code of its own
    const auto notsaved = response_ok("a NO [NOTSAVED] Search result not saved");
    CHECK(std::holds_alternative<ast::code_notsaved>(
        *std::get<ast::response_tagged>(notsaved.v).cond.text.code));
    // "$" is no seq-number: no range, no "$$"
    CHECK(command_fails("a FETCH $:5 FLAGS").offset == 9);
    CHECK(command_fails("a FETCH 1:$ FLAGS").offset == 10);
    CHECK(command_fails("a FETCH $$ FLAGS").offset == 9);
    // the serializer writes "$" alone, and refuses a range on it
    std::string out;
    ast::fetch_command f;
    f.set.items.push_back(ast::seq_item::saved());
    f.items = ast::fetch_items{ast::fetch_macro::fast};
    CHECK(!serialize(out, ast::command{"a", f}));
    CHECK(out == "a FETCH $ FAST\r\n");
    f.set.items[0].last = ast::seq_number{4};
    CHECK(serialize(out, ast::command{"a", f}) == error::unserializable);
    // strict RFC 3501 refuses all of it, and names SEARCHRES
    const parse_options strict = with_extensions(extension_set::none());
    CHECK(command_fails("a FETCH $ FLAGS", strict).accepted_with ==
          extension_set{extension::searchres});
    CHECK(command_fails("a SEARCH RETURN (SAVE) ALL", strict).accepted_with ==
          extension_set{extension::searchres});
    // with ESEARCH but not SEARCHRES, RETURN is there and SAVE is not
    const parse_options esearch_only = with_extensions(extension_set{extension::esearch});
    CHECK(command_fails("a SEARCH RETURN (MIN SAVE) ALL", esearch_only).offset == 20);
    command_ok("a SEARCH RETURN (SAVE) ALL", with_extensions(extension_set{extension::searchres}));
}

TEST_CASE("PARTIAL: the examples of RFC 9394 §3") {
    // the RFC leaves the results of four ESEARCH responses out and comments on them after "//";
    // two messages have a space before ")" (UID FLAGS ) and (\Flagged \Answered ), which no
    // list of the grammar allows
    auto departures = examples_holding("rfc9394", example_side::server, "//");
    CHECK(departures.size() == 4);
    departures.emplace(
        292, "101 UID FETCH 25900:26600 (UID FLAGS ) (PARTIAL -1:-30 CHANGEDSINCE 98305)\r\n");
    departures.emplace(294, "* 12888 FETCH (FLAGS (\\Flagged \\Answered ) MODSEQ (98306) UID "
                            "25997)\r\n");
    CHECK(check_examples("rfc9394", departures) >= 20);
    // the same messages without the space are good
    command_ok("101 UID FETCH 25900:26600 (UID FLAGS) (PARTIAL -1:-30 CHANGEDSINCE 98305)");
    response_ok("* 12888 FETCH (FLAGS (\\Flagged \\Answered) MODSEQ (98306) UID 25997)");
}

TEST_CASE("PARTIAL: what its ranges, results and modifier hold") {
    const auto last = command_ok("A01 UID SEARCH RETURN (PARTIAL -1:-100) UNDELETED");
    const auto& uid_search = std::get<ast::search_command>(body<ast::uid_command>(last).command);
    const auto& opts = *uid_search.return_options;
    REQUIRE(opts.size() == 1);
    const auto& p = std::get<ast::search_return_partial>(opts[0]).range;
    CHECK(p == ast::result_range{true, 1, 100});
    // the two ends in either order, kept as written
    const auto reversed = command_ok("a SEARCH RETURN (COUNT PARTIAL 500:400) ALL");
    const auto& r = *body<ast::search_command>(reversed).return_options;
    CHECK(r[0] == ast::search_return_opt{ast::search_return_option::count});
    CHECK(std::get<ast::search_return_partial>(r[1]).range == ast::result_range{false, 500, 400});
    // the results: a sequence set, or NIL
    const auto data = response_ok("* ESEARCH (TAG \"A02\") UID PARTIAL (23500:24000 23500:23764)");
    const auto& e = esearch_of(data);
    CHECK(e.uid);
    const auto& part = std::get<ast::esearch_partial>(e.items.at(0));
    CHECK(part.range == ast::result_range{false, 23500, 24000});
    REQUIRE(part.results);
    CHECK(part.results->items.size() == 1);
    const auto none = response_ok("* ESEARCH (TAG \"A04\") UID PARTIAL (24000:24500 NIL)");
    CHECK(!std::get<ast::esearch_partial>(esearch_of(none).items.at(0)).results);
    const auto with_count = response_ok("* ESEARCH (TAG \"a\") COUNT 5 PARTIAL (-1:-2 7,9)");
    CHECK(esearch_of(with_count).items.size() == 2);
    // the fetch modifier, beside CONDSTORE's
    const auto fetch = command_ok("10 UID FETCH 25900:26600 (UID FLAGS) (PARTIAL -1:-3)");
    const auto& uid = body<ast::uid_command>(fetch);
    const auto& mods = std::get<ast::fetch_command>(uid.command).modifiers;
    REQUIRE(mods.size() == 1);
    CHECK(std::get<ast::fetch_mod_partial>(mods[0]).range == ast::result_range{true, 1, 3});
    // what the grammar refuses: 0, "*", a mix of the two forms, no range
    CHECK(command_fails("a SEARCH RETURN (PARTIAL 0:5) ALL").offset == 25);
    CHECK(command_fails("a SEARCH RETURN (PARTIAL 1:*) ALL").offset == 27);
    CHECK(command_fails("a SEARCH RETURN (PARTIAL -1:5) ALL").offset == 28);
    CHECK(command_fails("a SEARCH RETURN (PARTIAL 1:-5) ALL").offset == 27);
    CHECK(command_fails("a SEARCH RETURN (PARTIAL) ALL").offset == 24);
    CHECK(command_fails("a SEARCH RETURN (PARTIAL 5) ALL").offset == 26);
    CHECK(response_fails("* ESEARCH PARTIAL (1:5)").offset == 22);
    CHECK(response_fails("* ESEARCH PARTIAL 1:5 NIL").offset == 18);
    // strict RFC 3501 refuses all of it and names PARTIAL (CONDSTORE's MODSEQ aside)
    const parse_options strict = with_extensions(extension_set::none());
    CHECK(command_fails("a UID SEARCH RETURN (PARTIAL 1:5) ALL", strict).accepted_with ==
          extension_set{extension::partial});
    CHECK(command_fails("a UID FETCH 1:* FLAGS (PARTIAL 1:5)", strict).accepted_with ==
          extension_set{extension::partial});
    CHECK(response_fails("* ESEARCH PARTIAL (1:5 NIL)", strict).accepted_with ==
          extension_set{extension::esearch, extension::partial});
    // the serializer refuses 0 at either end, and PARTIAL for a reader without it
    std::string out;
    ast::search_command s;
    s.keys.push_back(ast::search_key{ast::search_simple{ast::search_flag_key::all}});
    s.return_options.emplace().push_back(ast::search_return_partial{{false, 0, 5}});
    CHECK(serialize(out, ast::command{"a", s}) == error::unserializable);
    s.return_options->back() = ast::search_return_partial{{true, 1, 5}};
    CHECK(!serialize(out, ast::command{"a", s}));
    CHECK(out == "a SEARCH RETURN (PARTIAL -1:-5) ALL\r\n");
    serialize_options esearch_only;
    esearch_only.extensions = extension_set{extension::esearch};
    CHECK(serialize(out, ast::command{"a", s}, esearch_only) == error::unserializable);
}
