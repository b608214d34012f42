// Rules no entry point reaches directly, parsed on their own: core rules the commands do not use,
// and the whole-exchange productions of the server side.
#include <imapwire/grammar/response_def.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <string_view>

using namespace imapwire;
namespace x3 = boost::spirit::x3;

namespace {
template <class Attr, class Rule>
std::optional<Attr> parse_rule(const Rule& rule, std::string_view in) {
    parse_options opt;
    detail::parse_state st;
    st.options = &opt;
    const char* first = in.data();
    const char* const last = first + in.size();
    Attr a{};
    try {
        if (x3::parse(first, last, x3::with<detail::state_tag>(st)[rule], a) && first == last)
            return a;
    } catch (const x3::expectation_failure<const char*>&) {
    } catch (const detail::limit_failure&) {
    }
    return std::nullopt;
}
} // namespace

TEST_CASE("nstring and nil") {
    auto nil = parse_rule<ast::nstring>(grammar::nstring, "NIL");
    REQUIRE(nil);
    CHECK(!*nil);
    auto lower = parse_rule<ast::nstring>(grammar::nstring, "nil");
    REQUIRE(lower);
    CHECK(!*lower);
    auto q = parse_rule<ast::nstring>(grammar::nstring, "\"NIL\"");
    REQUIRE(q);
    REQUIRE(*q);
    CHECK((*q)->value() == "NIL"); // a quoted "NIL" is a string, not nil
    auto lit = parse_rule<ast::nstring>(grammar::nstring, "{2}\r\nab");
    REQUIRE(lit);
    CHECK((*lit)->value() == "ab");
    CHECK(!parse_rule<ast::nstring>(grammar::nstring, "NILL"));
    CHECK(!parse_rule<ast::nstring>(grammar::nstring, "abc")); // atoms are not nstrings
}

TEST_CASE("flag-fetch and flag-perm") {
    auto recent = parse_rule<ast::flag>(grammar::flag_fetch, "\\Recent");
    REQUIRE(recent);
    CHECK(recent->kind() == ast::flag_kind::recent);
    auto star = parse_rule<ast::flag>(grammar::flag_perm, "\\*");
    REQUIRE(star);
    CHECK(star->kind() == ast::flag_kind::wildcard);
    CHECK(!parse_rule<ast::flag>(grammar::flag_fetch, "\\*"));
    CHECK(parse_rule<ast::flag>(grammar::flag_perm, "\\Seen")->kind() == ast::flag_kind::seen);
    CHECK(parse_rule<ast::flag>(grammar::flag_perm, "$Junk")->kind() == ast::flag_kind::keyword);
    CHECK(parse_rule<ast::flag>(grammar::flag_fetch, "\\X-Custom")->kind() ==
          ast::flag_kind::extension);
}

TEST_CASE("uniqueid and text") {
    CHECK(parse_rule<std::uint32_t>(grammar::uniqueid, "4294967295") == 4294967295u);
    CHECK(!parse_rule<std::uint32_t>(grammar::uniqueid, "0"));
    CHECK(!parse_rule<std::uint32_t>(grammar::uniqueid, "4294967296"));
    CHECK(parse_rule<std::string_view>(grammar::text, "any TEXT-CHARs [even] \x01") ==
          std::string_view("any TEXT-CHARs [even] \x01"));
    CHECK(!parse_rule<std::string_view>(grammar::text, ""));
    CHECK(!parse_rule<std::string_view>(grammar::text, "a\rb"));
}

TEST_CASE("character-class rules agree with the tables") {
    for (int c = 1; c < 256; ++c) {
        const std::string s(1, static_cast<char>(c));
        CAPTURE(c);
        CHECK(parse_rule<char>(grammar::ATOM_CHAR, s).has_value() ==
              detail::is(detail::cc_atom, s[0]));
        CHECK(parse_rule<char>(grammar::ASTRING_CHAR, s).has_value() ==
              (detail::is(detail::cc_atom, s[0]) || c == ']'));
        CHECK(parse_rule<char>(grammar::TEXT_CHAR, s).has_value() ==
              (c < 0x80 && c != '\r' && c != '\n'));
        CHECK(parse_rule<char>(grammar::CHAR8, s).has_value());
        CHECK(parse_rule<char>(grammar::list_char, s).has_value() ==
              (detail::is(detail::cc_atom, s[0]) || c == '%' || c == '*' || c == ']'));
        CHECK(parse_rule<char>(grammar::base64_char, s).has_value() ==
              (std::isalnum(c) != 0 && c < 0x80 ? true : (c == '+' || c == '/')));
        CHECK(
            parse_rule<char>(grammar::atom_specials, s).has_value() ==
            (c <= 0x1f || c == 0x7f ||
             std::string_view("(){ %*\"\\]").find(static_cast<char>(c)) != std::string_view::npos));
    }
    CHECK(!parse_rule<char>(grammar::CHAR8, std::string_view("\0", 1)));
    CHECK(parse_rule<char>(grammar::QUOTED_CHAR, "\\\"") == '"');
    CHECK(!parse_rule<char>(grammar::QUOTED_CHAR, "\""));
    CHECK(parse_rule<char>(grammar::quoted_specials, "\\") == '\\');
    CHECK(parse_rule<char>(grammar::resp_specials, "]") == ']');
    CHECK(parse_rule<char>(grammar::list_wildcards, "%") == '%');
    CHECK(parse_rule<char>(grammar::digit_nz, "9") == '9');
    CHECK(!parse_rule<char>(grammar::digit_nz, "0"));
}

TEST_CASE("response, response-done and response-fatal: a whole exchange") {
    // RFC 3501 §8: the server's answer to "a003 fetch 12 full"
    const std::string exchange =
        "* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 "
        "ENVELOPE (NIL \"s\" NIL NIL NIL NIL NIL NIL NIL NIL) BODY (\"TEXT\" \"PLAIN\" NIL NIL NIL "
        "\"7BIT\" 3028 92))\r\n"
        "+ go on\r\n"
        "a003 OK FETCH completed\r\n";
    auto all = parse_rule<std::vector<ast::response>>(grammar::response, exchange);
    REQUIRE(all);
    REQUIRE(all->size() == 3);
    CHECK(std::holds_alternative<ast::response_data>((*all)[0].v));
    CHECK(std::holds_alternative<ast::continue_req>((*all)[1].v));
    CHECK(std::get<ast::response_tagged>((*all)[2].v).tag == "a003");

    // a BYE ends the exchange as response-fatal only when it is the last line
    auto fatal = parse_rule<std::vector<ast::response>>(
        grammar::response, "* OK x\r\n* BYE Autologout; idle for too long\r\n");
    REQUIRE(fatal);
    CHECK(fatal->size() == 2);
    CHECK(!parse_rule<std::vector<ast::response>>(grammar::response, "* OK x\r\n"));

    auto done = parse_rule<ast::response>(grammar::response_done, "A1 NO x\r\n");
    REQUIRE(done);
    CHECK(std::get<ast::response_tagged>(done->v).cond.status == ast::condition::no);
    auto bye = parse_rule<ast::resp_cond>(grammar::response_fatal, "* BYE closing\r\n");
    REQUIRE(bye);
    CHECK(bye->status == ast::condition::bye);
    CHECK(!parse_rule<ast::resp_cond>(grammar::response_fatal, "* OK closing\r\n"));
}
