// Every client (C:) example message of RFC 3501 §6-§8 parses, and round-trips byte for byte.
#include "test_data.hpp"

#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <doctest/doctest.h>

#include <cctype>
#include <set>

using namespace imapwire;
using imapwire::test::visible;

namespace {
bool iequal(const std::string& a, const std::string& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(a[i])) !=
            std::toupper(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}
} // namespace

TEST_CASE("RFC 3501 client examples parse and round-trip") {
    const auto examples = test::read_rfc_examples("rfc3501-client-examples.txt");
    REQUIRE(examples.size() >= 70);
    // Examples that are not protocol: prose placeholders and the deliberately invalid command
    // of §7.5 (the server answers it with BAD).
    const std::set<int> not_protocol = {3703, 3705, 4410};
    // The §8 sample connection writes its keywords in lower case.
    const std::set<int> lower_case = {4437, 4439, 4446, 4460, 4473, 4476};
    int commands = 0, auth_lines = 0;
    for (const auto& ex : examples) {
        CAPTURE(ex.where());
        CAPTURE(visible(ex.bytes));
        if (ex.flagged("not-protocol")) {
            CHECK(not_protocol.count(ex.line) == 1);
            continue;
        }
        std::string out;
        if (ex.kind == "authdata") {
            auto r = parse_authenticate_data(ex.bytes);
            REQUIRE_MESSAGE(r.ok(), (r.failed() ? r.error().message() : "incomplete"));
            CHECK(r.consumed() == ex.bytes.size());
            CHECK(!serialize(out, r.value()));
            ++auth_lines;
        } else {
            auto r = parse_command(ex.bytes);
            REQUIRE_MESSAGE(r.ok(), (r.failed() ? r.error().message() : "incomplete"));
            CHECK(r.consumed() == ex.bytes.size());
            CHECK(!serialize(out, r.value()));
            ++commands;
        }
        if (lower_case.count(ex.line)) {
            // keywords are accepted in any case and written in upper case
            CHECK(out != ex.bytes);
            CHECK(iequal(out, ex.bytes));
            std::string again;
            CHECK(!serialize(again, parse_command(out).value()));
            CHECK(again == out);
        } else {
            CHECK(visible(out) == visible(ex.bytes));
        }
    }
    CHECK(commands >= 60);
    CHECK(auth_lines == 3);
}

TEST_CASE("the deliberately invalid RFC 3501 §7.5 command is rejected") {
    // "A044 BLURDYBLOOP {102856}": BLURDYBLOOP is no command; the literal is never sent.
    const std::string in = "A044 BLURDYBLOOP {0}\r\n\r\n";
    auto r = parse_command(in);
    REQUIRE(r.failed());
    CHECK(r.error().offset == 5);
    CHECK(r.error().production == "command");
}
