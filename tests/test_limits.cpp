// Hostile and incomplete input: clear errors or "incomplete", never a crash.
#include "test_data.hpp"

#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace imapwire;

TEST_CASE("incomplete input is reported as incomplete, not as an error") {
    for (const std::string in : {"", "a", "a1 NOOP", "a1 NOOP\r", "a1 FETCH 1:", "a1 NO",
                                 "a1 LOGIN \"fred", "a1 SEARCH OR (SEEN"}) {
        CAPTURE(in);
        auto r = parse_command(in);
        REQUIRE(r.incomplete());
        CHECK(r.need().needed >= 1);
        CHECK(!r.need().literal);
    }
}

TEST_CASE("a literal announced but not yet received is incomplete with the count owed") {
    auto r = parse_command("a1 LOGIN {5}\r\nfr");
    REQUIRE(r.incomplete());
    REQUIRE(r.need().literal);
    CHECK(r.need().literal->size == 5);
    CHECK(r.need().literal->synchronizing);
    CHECK(r.need().literal->announced_at == 9);
    CHECK(r.need().needed == 3 + 2); // 3 octets of the literal, then at least CRLF

    auto announced = parse_command("a1 APPEND x {310}\r\n");
    REQUIRE(announced.incomplete());
    CHECK(announced.need().literal->size == 310);
    CHECK(announced.need().needed == 312);

    auto nonsync = parse_command("a1 APPEND x {3+}\r\nab");
    REQUIRE(nonsync.incomplete());
    CHECK_FALSE(nonsync.need().literal->synchronizing);

    // after the literal the line continues: still incomplete until its CRLF
    auto rest = parse_command("a1 LOGIN {4}\r\nfred");
    REQUIRE(rest.incomplete());
    CHECK(!rest.need().literal);
}

TEST_CASE("only the first message is parsed; consumed() says where it ends") {
    const std::string two = "a NOOP\r\nb LOGIN {3}\r\nabc x\r\n";
    auto r = parse_command(two);
    REQUIRE(r.ok());
    CHECK(r.consumed() == 8);
    auto r2 = parse_command(std::string_view(two).substr(r.consumed()));
    REQUIRE(r2.ok());
    CHECK(r2.consumed() == two.size() - 8);
}

TEST_CASE("10,000 nested search keys hit the depth limit cleanly") {
    std::string in = "a SEARCH ";
    for (int i = 0; i < 10000; ++i)
        in += "(";
    in += "ALL";
    for (int i = 0; i < 10000; ++i)
        in += ")";
    in += "\r\n";
    auto r = parse_command(in);
    REQUIRE(r.failed());
    CHECK(r.error().code == error::nesting_too_deep);
    CHECK(r.error().offset == 9 + 100); // the 101st "(" (max_depth = 100)

    std::string nots = "a SEARCH ";
    for (int i = 0; i < 10000; ++i)
        nots += "NOT ";
    nots += "ALL\r\n";
    auto rn = parse_command(nots);
    REQUIRE(rn.failed());
    CHECK(rn.error().code == error::nesting_too_deep);

    parse_options deep;
    deep.max_depth = 20000;
    std::string ok = "a SEARCH ";
    for (int i = 0; i < 300; ++i)
        ok += "NOT ";
    ok += "ALL\r\n";
    CHECK(parse_command(ok, deep).ok());
    CHECK(parse_command(ok).failed());
}

TEST_CASE("literal counts past the limits are refused before anything is read") {
    auto four_gb = parse_command("a APPEND x {4294967295}\r\nabc");
    REQUIRE(four_gb.failed());
    CHECK(four_gb.error().code == error::literal_too_large);
    CHECK(four_gb.error().offset == 11);

    auto past = parse_command("a APPEND x {4294967296}\r\n");
    REQUIRE(past.failed());
    CHECK(past.error().code == error::number_range);

    auto huge = parse_command("a APPEND x {99999999999999999999}\r\n");
    REQUIRE(huge.failed());
    CHECK(huge.error().code == error::number_range);

    parse_options small;
    small.max_literal_size = 4;
    auto over = parse_command("a LOGIN {5}\r\nabcde x\r\n", small);
    REQUIRE(over.failed());
    CHECK(over.error().code == error::literal_too_large);
    CHECK(parse_command("a LOGIN {4}\r\nabcd x\r\n", small).ok());
}

TEST_CASE("numbers past 2^32 are range errors") {
    // (IMAP4rev2's number64 takes sizes and offsets up to 2^63-1: test_imap4rev2.cpp)
    parse_options rev1;
    rev1.extensions = extension_set::all().remove(extension::imap4rev2);
    for (const std::string in :
         {"a FETCH 4294967296 FLAGS\r\n", "a SEARCH LARGER 4294967296\r\n",
          "a FETCH 1 BODY[]<4294967296.1>\r\n", "a FETCH 1 BODY[99999999999]\r\n",
          "a COPY 1:18446744073709551617 x\r\n"}) {
        CAPTURE(in);
        auto r = parse_command(in, rev1);
        REQUIRE(r.failed());
        CHECK(r.error().code == error::number_range);
    }
    CHECK(parse_command("a FETCH 4294967295 FLAGS\r\n", rev1).ok());
    CHECK(parse_command("a SEARCH LARGER 4294967295\r\n", rev1).ok());
    // message numbers, UIDs and section parts stay 32-bit in IMAP4rev2 too
    for (const std::string in : {"a FETCH 4294967296 FLAGS\r\n", "a FETCH 1 BODY[99999999999]\r\n",
                                 "a COPY 1:18446744073709551617 x\r\n"}) {
        CAPTURE(in);
        CHECK(parse_command(in).error().code == error::number_range);
    }
}

TEST_CASE("NUL bytes are refused everywhere, inside literals too") {
    const std::string nul(1, '\0');
    auto line = parse_command("a NO" + nul + "OP\r\n");
    REQUIRE(line.failed());
    CHECK(line.error().code == error::nul_byte);
    CHECK(line.error().offset == 4);

    auto lit = parse_command("a LOGIN {3}\r\na" + nul + "b x\r\n");
    REQUIRE(lit.failed());
    CHECK(lit.error().code == error::nul_byte);
    CHECK(lit.error().offset == 14);
}

TEST_CASE("bare CR or LF is an error, not a line end") {
    auto lf = parse_command("a NOOP\n");
    REQUIRE(lf.failed());
    CHECK(lf.error().code == error::bare_cr_lf);
    CHECK(lf.error().offset == 6);

    auto cr = parse_command("a LOGIN a\rb c\r\n");
    REQUIRE(cr.failed());
    CHECK(cr.error().code == error::bare_cr_lf);
    CHECK(cr.error().offset == 9);

    // inside a literal, CR and LF are ordinary octets
    CHECK(parse_command("a LOGIN {3}\r\n\r\n\r x\r\n").ok());
}

TEST_CASE("line length and list length limits") {
    parse_options opt;
    opt.max_line_length = 100;
    const std::string long_line = "a LOGIN " + std::string(200, 'x') + " y\r\n";
    auto r = parse_command(long_line, opt);
    REQUIRE(r.failed());
    CHECK(r.error().code == error::line_too_long);
    // a long line without any CRLF yet is refused as soon as it passes the limit
    auto partial = parse_command(std::string(101, 'x'), opt);
    REQUIRE(partial.failed());
    CHECK(partial.error().code == error::line_too_long);

    parse_options few;
    few.max_list_items = 3;
    CHECK(parse_command("a COPY 1,2,3 x\r\n", few).ok());
    auto many = parse_command("a COPY 1,2,3,4 x\r\n", few);
    REQUIRE(many.failed());
    CHECK(many.error().code == error::too_many_items);
    auto flags = parse_command("a STORE 1 FLAGS (a b c d)\r\n", few);
    REQUIRE(flags.failed());
    CHECK(flags.error().code == error::too_many_items);
}

namespace {
parse_options with_only(extension e) {
    parse_options o;
    o.extensions = extension_set{e};
    return o;
}
} // namespace

TEST_CASE("LITERAL+ and LITERAL-: {n+} in commands as the extension set allows") {
    const std::string in = "a LOGIN {4+}\r\nfred x\r\n";
    parse_options strict;
    strict.extensions = extension_set::none();
    auto refused = parse_command(in, strict);
    REQUIRE(refused.failed());
    CHECK(refused.error().offset == 10); // "}" expected where "+" stands
    for (const extension e : {extension::literal_plus, extension::literal_minus}) {
        CAPTURE(info(e).name);
        auto r = parse_command(in, with_only(e));
        REQUIRE(r.ok());
        CHECK(std::get<ast::login_command>(r->body).userid.form ==
              ast::string_form::literal_nonsync);
    }
    CHECK(parse_command(in).ok()); // the default set has both

    // LITERAL- (RFC 7888 §5): at most 4096 octets without waiting; LITERAL+ has no such bound
    const auto append = [](std::size_t n) {
        return "a APPEND x {" + std::to_string(n) + "+}\r\n" + std::string(n, 'm') + "\r\n";
    };
    const parse_options minus = with_only(extension::literal_minus);
    CHECK(parse_command(append(4096), minus).ok());
    auto big = parse_command(append(4097), minus);
    REQUIRE(big.failed());
    CHECK(big.error().code == error::literal_too_large);
    CHECK(big.error().offset == 11); // the "{"
    CHECK(parse_command(append(4097), with_only(extension::literal_plus)).ok());
    CHECK(parse_command(append(4097)).ok());

    // a server never sends {n+} (RFC 7888 §3), whatever the set
    auto response = parse_response("* 1 FETCH (BODY[] {4+}\r\nfred)\r\n");
    REQUIRE(response.failed());
    CHECK(response.error().offset == 20); // "}" expected where "+" stands
}

TEST_CASE("the serializer writes {n+} again only where the reader allows it") {
    auto parsed = parse_command("a APPEND x {5+}\r\nhello\r\n");
    REQUIRE(parsed.ok());
    std::string out;
    REQUIRE(!serialize(out, *parsed));
    CHECK(out == "a APPEND x {5+}\r\nhello\r\n");
    serialize_options strict;
    strict.extensions = extension_set::none();
    out.clear();
    REQUIRE(!serialize(out, *parsed, strict));
    CHECK(out == "a APPEND x {5}\r\nhello\r\n");
    // LITERAL- alone: {n+} up to 4096 octets, a larger one synchronizing
    serialize_options minus;
    minus.extensions = extension_set{extension::literal_minus};
    out.clear();
    REQUIRE(!serialize(out, *parsed, minus));
    CHECK(out == "a APPEND x {5+}\r\nhello\r\n");
    const std::string large(5000, 'q');
    const std::string login = "a LOGIN {5000+}\r\n" + large + " x\r\n"; // the AST views it
    auto big = parse_command(login);
    REQUIRE(big.ok());
    out.clear();
    REQUIRE(!serialize(out, *big, minus));
    CHECK(out.rfind("a LOGIN {5000}\r\n", 0) == 0);
    out.clear();
    REQUIRE(!serialize(out, *big));
    CHECK(out.rfind("a LOGIN {5000+}\r\n", 0) == 0);
}

TEST_CASE("errors read well") {
    auto r = parse_command("a1 FETCH 1:\r\n");
    REQUIRE(r.failed());
    CHECK(r.error().message() == "offset 11: in seq-range: expected seq-number (syntax error)");
    CHECK(r.error().code.category().name() == std::string("imapwire"));
}
