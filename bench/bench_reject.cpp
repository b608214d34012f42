// imapwire benchmarks: what rejecting a message costs, against parsing it.
//
//   reject/response/bulk_fetch   the bulk FETCH responses, each with the ")" that closes its
//                                msg-att replaced by DEL: the grammar reads the whole response
//                                and fails at its last octet, the most a rejection can cost
//   reject/command/stream        the client commands, each with the octet before its final
//                                CRLF replaced by DEL where that makes it invalid
//   reject/response/early        the bulk FETCH responses with the "F" of FETCH replaced by DEL:
//                                a rejection at the start of the message
//
// Each has a .../valid twin that parses the same messages uncorrupted, in the same way, so the
// two rows of a pair differ in one octet per message. Only the messages whose corruption is
// rejected are used (the counter rejected_msgs says how many of the stream's messages that is).
#include "harness.hpp"

#include <imapwire/parse.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace imapwire_bench {
namespace {

/// The corrupted messages of one stream, each its own string (a message may only be parsed by
/// itself: its length is what framing gives).
struct rejected_set {
    std::vector<std::string> messages; ///< corrupted
    std::vector<std::string> valid;    ///< the same, uncorrupted
    std::uint64_t bytes = 0;
};

enum class where { last_octet, early };

rejected_set corrupt(const stream& s, where w) {
    rejected_set out;
    for (std::size_t i = 0; i < s.messages.size(); ++i) {
        if (i == 0 && s.greeting_first)
            continue;
        const std::string original(s.messages[i]);
        std::string m = original;
        std::size_t at = std::string::npos;
        if (w == where::last_octet) {
            if (m.size() >= 3)
                at = m.size() - 3; // the octet before the final CRLF
        } else {
            const std::size_t fetch = m.find(" FETCH ");
            if (fetch != std::string::npos)
                at = fetch + 1;
        }
        if (at == std::string::npos)
            continue;
        m[at] = '\x7f';
        const bool rejected =
            s.commands ? imapwire::parse_command(m).failed() : imapwire::parse_response(m).failed();
        if (!rejected)
            continue;
        out.bytes += m.size();
        out.messages.push_back(std::move(m));
        out.valid.push_back(original);
    }
    return out;
}

/// The messages one iteration parses (not inlined, so that valgrind --tool=callgrind
/// --toggle-collect='*parse_set*' counts the instructions of exactly this).
[[gnu::noinline]] void parse_set(const std::vector<std::string>& input, bool commands) {
    for (const std::string& m : input) {
        if (commands) {
            auto r = imapwire::parse_command(m);
            benchmark::DoNotOptimize(r);
        } else {
            auto r = imapwire::parse_response(m);
            benchmark::DoNotOptimize(r);
        }
    }
}

const rejected_set& corrupted(const stream& s, where w) {
    static std::vector<std::pair<std::pair<const stream*, where>, std::unique_ptr<rejected_set>>>
        built; // each set is built once, however often the benchmark runs
    for (const auto& [key, set] : built)
        if (key.first == &s && key.second == w)
            return *set;
    built.emplace_back(std::pair(&s, w), std::make_unique<rejected_set>(corrupt(s, w)));
    return *built.back().second;
}

void bm_reject(benchmark::State& state, const stream& (*get)(), where w, bool valid) {
    const stream& s = get();
    const rejected_set& set = corrupted(s, w);
    if (set.messages.empty()) {
        fail(state, s.name + ": no corrupted message is rejected");
        return;
    }
    const std::vector<std::string>& input = valid ? set.valid : set.messages;
    std::uint64_t bytes = 0, messages = 0;
    const alloc_totals before = allocations();
    for (auto _ : state) {
        parse_set(input, s.commands);
        messages += input.size();
        bytes += set.bytes;
    }
    report(state, bytes, messages, before);
    state.counters["rejected_msgs"] = static_cast<double>(set.messages.size());
}

} // namespace

void register_reject_benchmarks() {
    struct entry {
        const char* name;
        const stream& (*get)();
        where w;
    };
    for (const entry& e :
         {entry{"reject/response/bulk_fetch", &bulk_fetch_stream, where::last_octet},
          entry{"reject/command/stream", &command_stream, where::last_octet},
          entry{"reject/response/early", &bulk_fetch_stream, where::early}}) {
        benchmark::RegisterBenchmark(e.name, bm_reject, e.get, e.w, false);
        benchmark::RegisterBenchmark((std::string(e.name) + "/valid").c_str(), bm_reject, e.get,
                                     e.w, true);
    }
}

} // namespace imapwire_bench
