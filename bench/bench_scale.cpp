// imapwire benchmarks: how the cost of one message grows with its size and nesting depth.
//
//   scale/parse/bodystructure_depth/N      one FETCH whose BODYSTRUCTURE nests N multiparts
//   scale/serialize/bodystructure_depth/N  the same AST serialized
//   scale/parse/literal_size/N             one FETCH BODY[] with an N-octet literal
//   scale/parse/envelope_addresses/N       one FETCH ENVELOPE whose To: holds N addresses
//
// Each family asks Google Benchmark to fit time = c * N (Complexity(oN)); it prints the fitted
// coefficient (`_BigO`) and the relative RMS error of the fit (`_RMS`): a small RMS means the
// cost is linear in N.
#include "harness.hpp"
#include "traffic.hpp"

#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <map>
#include <string>

namespace imapwire_bench {
namespace {

std::string many_addresses(std::size_t n) {
    std::string out = "* 1 FETCH (ENVELOPE (\"Mon, 15 Jan 2024 09:30:00 +0100\" \"Meeting\" "
                      "((\"Alice Example\" NIL \"alice\" \"example.org\")) NIL NIL (";
    for (std::size_t i = 0; i < n; ++i) {
        out += "(\"Recipient ";
        out += std::to_string(i);
        out += "\" NIL \"user";
        out += std::to_string(i);
        out += "\" \"example.com\")";
    }
    out += ") NIL NIL NIL \"<id.1@example.org>\"))\r\n";
    return out;
}

/// The message for (kind, N), generated once.
const std::string& message(char kind, std::size_t n) {
    static std::map<std::pair<char, std::size_t>, std::string> cache;
    auto [it, inserted] = cache.try_emplace({kind, n});
    if (inserted) {
        switch (kind) {
        case 'd':
            it->second = nested_bodystructure(n);
            break;
        case 'l':
            it->second = literal_response(n);
            break;
        default:
            it->second = many_addresses(n);
            break;
        }
    }
    return it->second;
}

void bm_parse_one(benchmark::State& state, char kind) {
    const std::size_t n = static_cast<std::size_t>(state.range(0));
    const std::string& m = message(kind, n);
    std::uint64_t bytes = 0, messages = 0;
    const alloc_totals before = allocations();
    for (auto _ : state) {
        auto r = imapwire::parse_response(m);
        benchmark::DoNotOptimize(r);
        if (!r.ok()) {
            fail(state, "does not parse: " +
                            (r.incomplete() ? std::string("incomplete") : r.error().message()));
            break;
        }
        bytes += m.size();
        ++messages;
    }
    state.SetComplexityN(static_cast<std::int64_t>(n));
    report(state, bytes, messages, before);
}

void bm_serialize_one(benchmark::State& state, char kind) {
    const std::size_t n = static_cast<std::size_t>(state.range(0));
    const std::string& m = message(kind, n);
    auto r = imapwire::parse_response(m);
    if (!r.ok()) {
        fail(state, "does not parse");
        return;
    }
    const imapwire::ast::response& ast = r.value();
    std::string out;
    std::uint64_t bytes = 0, messages = 0;
    const alloc_totals before = allocations();
    for (auto _ : state) {
        out.clear();
        if (imapwire::serialize(out, ast)) {
            fail(state, "does not serialize");
            break;
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
        bytes += out.size();
        ++messages;
    }
    state.SetComplexityN(static_cast<std::int64_t>(n));
    report(state, bytes, messages, before);
}

} // namespace

void register_scale_benchmarks() {
    benchmark::RegisterBenchmark("scale/parse/bodystructure_depth", bm_parse_one, 'd')
        ->RangeMultiplier(2)
        ->Range(1, 64)
        ->Complexity(benchmark::oN);
    benchmark::RegisterBenchmark("scale/serialize/bodystructure_depth", bm_serialize_one, 'd')
        ->RangeMultiplier(2)
        ->Range(1, 64)
        ->Complexity(benchmark::oN);
    benchmark::RegisterBenchmark("scale/parse/literal_size", bm_parse_one, 'l')
        ->RangeMultiplier(4)
        ->Range(1 << 10, 1 << 20)
        ->Complexity(benchmark::oN);
    benchmark::RegisterBenchmark("scale/parse/envelope_addresses", bm_parse_one, 'a')
        ->RangeMultiplier(4)
        ->Range(1, 1024)
        ->Complexity(benchmark::oN);
}

} // namespace imapwire_bench
