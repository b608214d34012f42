// Rejecting a message throws nothing: every failure is recorded and returned (DESIGN §4), and a
// memory resource that runs out is an error code, not std::bad_alloc leaving the entry point.
#include "test_data.hpp"
#include "throw_counter.hpp"

#include <imapwire/parse.hpp>

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <memory_resource>
#include <stdexcept>
#include <string>
#include <vector>

using namespace imapwire;

TEST_CASE("the throw counter sees a throw") {
    if (!test::counting_throws())
        return;
    const std::size_t before = test::throws();
    try {
        throw std::runtime_error("counted");
    } catch (const std::runtime_error&) {
    }
    CHECK(test::throws() == before + 1);
}

TEST_CASE("rejected commands and responses throw nothing") {
    struct reject {
        std::string bytes;
        error code;
        bool command;
        parse_options options{};
    };
    parse_options few_items;
    few_items.max_list_items = 3;
    parse_options shallow;
    shallow.max_depth = 5;
    const std::string deep_search =
        "a SEARCH " + std::string(50, '(') + "ALL" + std::string(50, ')') + "\r\n";
    const std::string deep_body = "* 1 FETCH (BODYSTRUCTURE " + std::string(50, '(') +
                                  "\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 1 1" +
                                  std::string(49, ')') + " \"MIXED\"))\r\n";
    const std::vector<reject> table = {
        // expectation points of the grammar
        {"a FETCH 1 BODY[1.]\r\n", error::syntax, true},
        {"a STATUS INBOX (MESSAGES\r\n", error::syntax, true},
        {"a LOGIN fred \"a\\qb\"\r\n", error::syntax, true},
        {"a SELECT\r\n", error::syntax, true},
        {"a SEARCH OR SEEN\r\n", error::syntax, true},
        {"a FROBNICATE INBOX\r\n", error::syntax, true},
        {"* 1 FETCH (FLAGS (\\Seen) UID 4\r\n", error::syntax, false},
        {"* 1 FETCH (ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL))\r\n", error::syntax, false},
        {"* LIST (\\Noselect) \"/\"\r\n", error::syntax, false},
        {"A1 MAYBE x\r\n", error::syntax, false},
        // limits
        {"a FETCH 4294967296 FLAGS\r\n", error::number_range, true},
        {"* 4294967296 EXISTS\r\n", error::number_range, false},
        {"a FETCH 1,2,3,4 FLAGS\r\n", error::too_many_items, true, few_items},
        {"* SEARCH 1 2 3 4 5\r\n", error::too_many_items, false, few_items},
        {deep_search, error::nesting_too_deep, true, shallow},
        {deep_body, error::nesting_too_deep, false, shallow},
    };
    const std::size_t before = test::throws();
    for (const reject& r : table) {
        CAPTURE(r.bytes);
        if (r.command) {
            auto p = parse_command(r.bytes, r.options);
            REQUIRE(p.failed());
            CHECK(p.error().code == r.code);
        } else {
            auto p = parse_response(r.bytes, r.options);
            REQUIRE(p.failed());
            CHECK(p.error().code == r.code);
        }
    }
    // the bundled files of bad messages, every line of them
    for (const char* file : {"bad-commands.imap", "bad-responses.imap"}) {
        const std::string bytes = test::read_file(test::data_path(file));
        const bool commands = std::string(file).find("command") != std::string::npos;
        for (std::string_view rest = bytes; !rest.empty();) {
            const auto m = find_message(rest);
            if (!m.ok())
                break;
            const std::string_view message = rest.substr(0, m.value());
            if (commands)
                (void)parse_command(message);
            else
                (void)parse_response(message);
            rest.remove_prefix(m.value());
        }
    }
    CHECK(test::throws() == before);
}

namespace {
/// A memory resource with a fixed budget that fails like a bounded pool: std::bad_alloc once it
/// is spent.
class budget_resource final : public std::pmr::memory_resource {
public:
    explicit budget_resource(std::size_t bytes)
        : left_(bytes) {}

private:
    void* do_allocate(std::size_t bytes, std::size_t align) override {
        if (bytes > left_)
            throw std::bad_alloc();
        left_ -= bytes;
        return std::pmr::new_delete_resource()->allocate(bytes, align);
    }
    void do_deallocate(void* p, std::size_t bytes, std::size_t align) override {
        std::pmr::new_delete_resource()->deallocate(p, bytes, align);
    }
    bool do_is_equal(const std::pmr::memory_resource& other) const noexcept override {
        return this == &other;
    }
    std::size_t left_;
};
} // namespace

TEST_CASE("a memory resource that runs out is error::out_of_memory") {
    std::string search = "a SEARCH";
    for (int i = 0; i < 200; ++i) {
        search += ' ';
        search += std::to_string(i + 1);
    }
    search += "\r\n";
    budget_resource small(256);
    parse_options options;
    options.memory_resource = &small;
    auto r = parse_command(search, options);
    REQUIRE(r.failed());
    CHECK(r.error().code == error::out_of_memory);
    CHECK(r.error().production == "command");

    budget_resource large(1 << 20);
    options.memory_resource = &large;
    CHECK(parse_command(search, options).ok());

    std::string fetch = "* 1 FETCH (FLAGS (";
    for (int i = 0; i < 200; ++i) {
        if (i > 0)
            fetch += ' ';
        fetch += 'k';
        fetch += std::to_string(i);
    }
    fetch += "))\r\n";
    budget_resource tiny(64);
    options.memory_resource = &tiny;
    auto f = parse_response(fetch, options);
    REQUIRE(f.failed());
    CHECK(f.error().code == error::out_of_memory);
}
