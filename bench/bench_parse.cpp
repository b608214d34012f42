// imapwire benchmarks: parse_response, parse_greeting and parse_command over whole streams.
//
// One iteration parses every message of a stream, front to back, the way a client does with a
// buffer of received bytes: parse at the start, drop consumed() bytes, repeat. parse_* frames
// the message itself (imapwire::find_message) before running the grammar, so these numbers
// include framing.
#include "harness.hpp"

#include <imapwire/parse.hpp>

#include <array>
#include <cstddef>
#include <memory_resource>
#include <string>

namespace imapwire_bench {
namespace {

/// Parses every message of `s`; false (and `why`) on the first one that does not parse.
/// Returns the number of messages parsed.
std::size_t parse_stream(const stream& s, std::string& why,
                         std::pmr::monotonic_buffer_resource* arena = nullptr) {
    imapwire::parse_options options;
    options.memory_resource = arena;
    std::string_view rest = s.bytes;
    std::size_t n = 0;
    // drops the parsed message from `rest`; false (and `why`) when it does not parse
    const auto step = [&](auto&& r) {
        benchmark::DoNotOptimize(r);
        if (!r.ok()) {
            why = (n == 0 && s.greeting_first ? std::string("greeting")
                                              : "message " + std::to_string(n)) +
                  ": " + (r.incomplete() ? std::string("incomplete") : r.error().message());
            return false;
        }
        rest.remove_prefix(r.consumed());
        ++n;
        return true;
    };
    if (s.greeting_first && !rest.empty() && !step(imapwire::parse_greeting(rest, options)))
        return n;
    while (!rest.empty()) {
        if (arena)
            arena->release(); // the previous message's AST is done with
        if (!(s.commands ? step(imapwire::parse_command(rest, options))
                         : step(imapwire::parse_response(rest, options))))
            return n;
    }
    return n;
}

void bm_parse(benchmark::State& state, const stream& (*get)(), bool use_arena) {
    const stream& s = get();
    std::uint64_t bytes = 0, messages = 0;
    std::string why;
    // a reused arena: the AST's vectors and boxes come from it, not from the heap
    static std::array<std::byte, 4 * 1024 * 1024> buffer;
    std::pmr::monotonic_buffer_resource arena(buffer.data(), buffer.size());
    const alloc_totals before = allocations();
    for (auto _ : state) {
        const std::size_t n = parse_stream(s, why, use_arena ? &arena : nullptr);
        if (!why.empty()) {
            fail(state, s.name + ": " + why);
            break;
        }
        messages += n;
        bytes += s.bytes.size();
    }
    report(state, bytes, messages, before);
}

} // namespace

void register_parse_benchmarks() {
    struct entry {
        const char* name;
        const stream& (*get)();
    };
    for (const entry& e : {entry{"parse/response/bulk_fetch", &bulk_fetch_stream},
                           entry{"parse/response/bulk_fetch_x50", &bulk_fetch_x50_stream},
                           entry{"parse/response/literal_body", &literal_stream},
                           entry{"parse/response/status", &status_stream},
                           entry{"parse/response/dovecot", &dovecot_stream},
                           entry{"parse/command/stream", &command_stream}}) {
        benchmark::RegisterBenchmark(e.name, bm_parse, e.get, false);
        benchmark::RegisterBenchmark((std::string(e.name) + "/arena").c_str(), bm_parse, e.get,
                                     true);
    }
}

} // namespace imapwire_bench
