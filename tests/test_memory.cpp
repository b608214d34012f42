// With a memory resource the caller reuses, parsing does no heap allocation in steady state.
#include "alloc_counter.hpp"
#include "test_data.hpp"

#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <memory_resource>
#include <string>
#include <vector>

using namespace imapwire;

TEST_CASE("parsing into a reused memory resource allocates nothing from the heap") {
    const std::string server = test::read_file(test::data_path("dovecot/session.server"));
    std::vector<std::string_view> messages;
    for (std::string_view rest = server; !rest.empty();) {
        const auto m = find_message(rest);
        REQUIRE(m.ok());
        messages.push_back(rest.substr(0, m.value()));
        rest.remove_prefix(m.value());
    }
    REQUIRE(messages.size() == 399);

    static std::array<std::byte, 256 * 1024> arena;
    std::pmr::monotonic_buffer_resource memory(arena.data(), arena.size());
    parse_options options;
    options.memory_resource = &memory;

    std::size_t heap_allocating = 0;
    for (std::size_t i = 1; i < messages.size(); ++i) {
        memory.release(); // the previous message's AST is done with
        const std::size_t before = test::heap_live();
        test::reset_heap_peak();
        auto r = parse_response(messages[i], options);
        REQUIRE(r.ok());
        heap_allocating += test::heap_peak() > before;
        // the AST lives in the arena, views into the message; it serializes back exactly
        CHECK(to_string(r.value()) == messages[i]);
    }
    CHECK(heap_allocating == 0);

    // without a resource the same parse uses the heap (the default, like std::vector)
    test::reset_heap_peak();
    const std::size_t before = test::heap_live();
    {
        auto r = parse_response(messages[5]);
        REQUIRE(r.ok());
    }
    CHECK(test::heap_peak() >= before);
}

TEST_CASE(
    "a parse into a resource allocates nothing: bulk FETCH with envelope and body structure") {
    const std::string fetch =
        "* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" RFC822.SIZE 4286 "
        "ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary\" "
        "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) NIL NIL ((NIL NIL \"imap\" "
        "\"cac.washington.edu\")) ((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" "
        "NIL "
        "\"KLENSIN\" \"MIT.EDU\")) NIL NIL \"<B27397-0100000@cac.washington.edu>\") "
        "BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1152 23)"
        "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 900 (NIL \"s\" NIL NIL NIL NIL NIL NIL NIL "
        "NIL) "
        "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 10 1) 30) \"MIXED\"))\r\n";
    static std::array<std::byte, 64 * 1024> arena;
    std::pmr::monotonic_buffer_resource memory(arena.data(), arena.size());
    parse_options options;
    options.memory_resource = &memory;
    for (int round = 0; round < 3; ++round) {
        memory.release();
        const std::size_t before = test::heap_live();
        test::reset_heap_peak();
        auto r = parse_response(fetch, options);
        REQUIRE(r.ok());
        CHECK(test::heap_peak() == before);
    }
}

TEST_CASE("a reused gathered_message allocates nothing once it has grown to fit") {
    const std::string server = test::read_file(test::data_path("dovecot/session.server"));
    std::vector<ast::response> responses;
    std::string_view rest = server;
    rest.remove_prefix(find_message(rest).value()); // the greeting
    while (!rest.empty()) {
        auto r = parse_response(rest);
        REQUIRE(r.ok());
        rest.remove_prefix(r.consumed());
        responses.push_back(std::move(r).value());
    }
    serialize_options small;
    small.gather_min_literal = 16; // leave out most of the session's literals
    gathered_message g;
    for (const auto& r : responses) // grow to fit
        REQUIRE(!serialize(g, r, small));
    test::reset_heap_peak();
    const std::size_t before = test::heap_live();
    std::size_t bytes = 0;
    for (const auto& r : responses) {
        REQUIRE(!serialize(g, r, small));
        bytes += g.size();
    }
    CHECK(test::heap_peak() == before);
    CHECK(bytes == server.size() - find_message(server).value());
}
