// imapwire benchmarks: parse_response, parse_greeting and parse_command over whole streams.
//
// One iteration parses every message of a stream, front to back, the way a client does with a
// buffer of received bytes: parse at the start, drop consumed() bytes, repeat. parse_* frames
// the message itself (imapwire::find_message) before running the grammar, so these numbers
// include framing.
#include "harness.hpp"

#include <imapwire/parse.hpp>

#include <string>

namespace imapwire_bench {
namespace {

/// Parses every message of `s`; false (and `why`) on the first one that does not parse.
/// Returns the number of messages parsed.
std::size_t parse_stream(const stream& s, std::string& why) {
    std::string_view rest = s.bytes;
    std::size_t n = 0;
    if (s.greeting_first && !rest.empty()) {
        auto g = imapwire::parse_greeting(rest);
        benchmark::DoNotOptimize(g);
        if (!g.ok()) {
            why = "greeting: " + (g.incomplete() ? std::string("incomplete") : g.error().message());
            return n;
        }
        rest.remove_prefix(g.consumed());
        ++n;
    }
    while (!rest.empty()) {
        if (s.commands) {
            auto r = imapwire::parse_command(rest);
            benchmark::DoNotOptimize(r);
            if (!r.ok()) {
                why = "message " + std::to_string(n) + ": " +
                      (r.incomplete() ? std::string("incomplete") : r.error().message());
                return n;
            }
            rest.remove_prefix(r.consumed());
        } else {
            auto r = imapwire::parse_response(rest);
            benchmark::DoNotOptimize(r);
            if (!r.ok()) {
                why = "message " + std::to_string(n) + ": " +
                      (r.incomplete() ? std::string("incomplete") : r.error().message());
                return n;
            }
            rest.remove_prefix(r.consumed());
        }
        ++n;
    }
    return n;
}

void bm_parse(benchmark::State& state, const stream& (*get)()) {
    const stream& s = get();
    std::uint64_t bytes = 0, messages = 0;
    std::string why;
    const alloc_totals before = allocations();
    for (auto _ : state) {
        const std::size_t n = parse_stream(s, why);
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
    benchmark::RegisterBenchmark("parse/response/bulk_fetch", bm_parse, &bulk_fetch_stream);
    benchmark::RegisterBenchmark("parse/response/bulk_fetch_x50", bm_parse, &bulk_fetch_x50_stream);
    benchmark::RegisterBenchmark("parse/response/literal_body", bm_parse, &literal_stream);
    benchmark::RegisterBenchmark("parse/response/status", bm_parse, &status_stream);
    benchmark::RegisterBenchmark("parse/response/dovecot", bm_parse, &dovecot_stream);
    benchmark::RegisterBenchmark("parse/command/stream", bm_parse, &command_stream);
}

} // namespace imapwire_bench
