// imapwire benchmarks: the serializer, over the parsed ASTs of the streams the parser reads.
//
// The ASTs are parsed once, outside the timing. One iteration serializes every message of the
// stream into one std::string that is cleared before each message and reused for the whole run
// (so after the first message its capacity no longer changes). bytes_per_second counts the
// bytes written; for this traffic they are the input bytes again (checked at setup).
#include "harness.hpp"

#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace imapwire_bench {
namespace {

struct parsed_stream {
    std::optional<imapwire::ast::greeting> greeting;
    imapwire::ast::vector<imapwire::ast::response> responses;
    imapwire::ast::vector<imapwire::ast::command> commands;
    std::uint64_t out_bytes = 0;
    std::string error;
};

template <class F>
std::error_code serialize_all(const parsed_stream& p, std::string& out, F&& each) {
    if (p.greeting) {
        out.clear();
        if (auto ec = imapwire::serialize(out, *p.greeting))
            return ec;
        each(out);
    }
    for (const auto& r : p.responses) {
        out.clear();
        if (auto ec = imapwire::serialize(out, r))
            return ec;
        each(out);
    }
    for (const auto& c : p.commands) {
        out.clear();
        if (auto ec = imapwire::serialize(out, c))
            return ec;
        each(out);
    }
    return {};
}

const parsed_stream& parsed(const stream& s) {
    static std::map<const stream*, std::unique_ptr<parsed_stream>> cache;
    auto& slot = cache[&s];
    if (slot)
        return *slot;
    slot = std::make_unique<parsed_stream>();
    parsed_stream& p = *slot;
    for (std::size_t i = 0; i < s.messages.size() && p.error.empty(); ++i) {
        const std::string_view m = s.messages[i];
        if (i == 0 && s.greeting_first) {
            auto g = imapwire::parse_greeting(m);
            if (g.ok())
                p.greeting = std::move(g).value();
            else
                p.error = "greeting does not parse";
        } else if (s.commands) {
            auto c = imapwire::parse_command(m);
            if (c.ok())
                p.commands.push_back(std::move(c).value());
            else
                p.error = "message " + std::to_string(i) + " does not parse";
        } else {
            auto r = imapwire::parse_response(m);
            if (r.ok())
                p.responses.push_back(std::move(r).value());
            else
                p.error = "message " + std::to_string(i) + " does not parse";
        }
    }
    if (!p.error.empty())
        return p;
    // Count the output, and compare it with the input once.
    std::string out, all;
    if (auto ec = serialize_all(p, out, [&](const std::string& o) { all += o; })) {
        p.error = "serialize: " + ec.message();
        return p;
    }
    p.out_bytes = all.size();
    if (all != s.bytes)
        std::fprintf(stderr,
                     "imapwire-bench: note: serializing %s gives %zu bytes, not the %zu it was "
                     "parsed from\n",
                     s.name.c_str(), all.size(), s.bytes.size());
    return p;
}

void bm_serialize(benchmark::State& state, const stream& (*get)()) {
    const stream& s = get();
    const parsed_stream& p = parsed(s);
    if (!p.error.empty()) {
        fail(state, s.name + ": " + p.error);
        return;
    }
    std::string out;
    out.reserve(4096);
    std::uint64_t bytes = 0, messages = 0;
    const alloc_totals before = allocations();
    for (auto _ : state) {
        auto ec = serialize_all(p, out, [](const std::string& o) {
            benchmark::DoNotOptimize(o.data());
            benchmark::ClobberMemory();
        });
        if (ec) {
            fail(state, s.name + ": serialize: " + ec.message());
            break;
        }
        bytes += p.out_bytes;
        messages += s.messages.size();
    }
    report(state, bytes, messages, before);
}

/// The same, into a reused imapwire::gathered_message: literals of 4096 octets or more stay in
/// the parsed input and are not copied. bytes_per_second counts the whole messages (the sum of
/// their pieces). A greeting has no gathered form: it goes to a string as above.
void bm_serialize_gathered(benchmark::State& state, const stream& (*get)()) {
    const stream& s = get();
    const parsed_stream& p = parsed(s);
    if (!p.error.empty()) {
        fail(state, s.name + ": " + p.error);
        return;
    }
    imapwire::gathered_message g;
    std::string greeting;
    std::uint64_t bytes = 0, messages = 0;
    const alloc_totals before = allocations();
    const auto check = [&](std::error_code ec) {
        if (ec) {
            fail(state, s.name + ": serialize: " + ec.message());
            return false;
        }
        benchmark::DoNotOptimize(g.pieces().data());
        benchmark::ClobberMemory();
        bytes += g.size();
        return true;
    };
    for (auto _ : state) {
        if (p.greeting) {
            greeting.clear();
            if (auto ec = imapwire::serialize(greeting, *p.greeting)) {
                fail(state, s.name + ": serialize: " + ec.message());
                break;
            }
            bytes += greeting.size();
        }
        bool ok = true;
        for (const auto& r : p.responses)
            ok = ok && check(imapwire::serialize(g, r));
        for (const auto& c : p.commands)
            ok = ok && check(imapwire::serialize(g, c));
        if (!ok)
            break;
        messages += s.messages.size();
    }
    report(state, bytes, messages, before);
}

} // namespace

void register_serialize_benchmarks() {
    benchmark::RegisterBenchmark("serialize/response/bulk_fetch", bm_serialize, &bulk_fetch_stream);
    benchmark::RegisterBenchmark("serialize/response/literal_body", bm_serialize, &literal_stream);
    benchmark::RegisterBenchmark("serialize/response/status", bm_serialize, &status_stream);
    benchmark::RegisterBenchmark("serialize/response/dovecot", bm_serialize, &dovecot_stream);
    benchmark::RegisterBenchmark("serialize/command/stream", bm_serialize, &command_stream);
    benchmark::RegisterBenchmark("serialize/response/bulk_fetch/gather", bm_serialize_gathered,
                                 &bulk_fetch_stream);
    benchmark::RegisterBenchmark("serialize/response/literal_body/gather", bm_serialize_gathered,
                                 &literal_stream);
    benchmark::RegisterBenchmark("serialize/response/dovecot/gather", bm_serialize_gathered,
                                 &dovecot_stream);
    benchmark::RegisterBenchmark("serialize/command/stream/gather", bm_serialize_gathered,
                                 &command_stream);
}

} // namespace imapwire_bench
