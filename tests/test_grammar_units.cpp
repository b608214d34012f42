// Core rules that no client command reaches (they serve the server side), parsed on their own.
#include <imapwire/grammar/core_def.hpp>

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
    if (x3::parse(first, last, x3::with<detail::state_tag>(st)[rule], a) && !st.failed &&
        first == last)
        return a;
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
