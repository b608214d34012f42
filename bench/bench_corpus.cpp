// imapwire benchmarks: --corpus=FILE, a recorded server stream given on the command line.
//
//   corpus/parse/NAME   parse every message of FILE: the first with parse_greeting when FILE
//                       starts with "* OK" / "* PREAUTH" / "* BYE", the others with
//                       parse_response (which frames each message itself)
//   corpus/frame/NAME   framing alone, imapwire::find_message
//   corpus/framer/NAME  framing with imapwire::framer, fed in 64 KiB chunks
//
// Messages that do not parse (servers send extensions RFC 3501 does not define) are skipped
// and counted in the failed_msgs counter; they do not fail the run.
#include "framer_support.hpp"
#include "harness.hpp"

#include <imapwire/parse.hpp>

#include <string>

namespace imapwire_bench {
namespace {

std::string base_name(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

void bm_corpus_parse(benchmark::State& state, const stream* s) {
    std::uint64_t bytes = 0, messages = 0, failed = 0;
    const alloc_totals before = allocations();
    for (auto _ : state) {
        // Parse from the front of the remaining bytes, as a client does with its buffer; a
        // message that does not parse is skipped by its framed length.
        std::string_view rest = s->bytes;
        std::size_t i = 0;
        if (s->greeting_first && !s->messages.empty()) {
            auto g = imapwire::parse_greeting(rest);
            benchmark::DoNotOptimize(g);
            failed += !g.ok();
            rest.remove_prefix(s->messages[0].size());
            i = 1;
        }
        for (; i < s->messages.size(); ++i) {
            auto r = imapwire::parse_response(rest);
            benchmark::DoNotOptimize(r);
            failed += !r.ok();
            rest.remove_prefix(s->messages[i].size());
        }
        messages += s->messages.size();
        bytes += s->bytes.size();
    }
    report(state, bytes, messages, before);
    state.counters["failed_msgs"] =
        benchmark::Counter(static_cast<double>(failed), benchmark::Counter::kAvgIterations);
}

void bm_corpus_frame(benchmark::State& state, const stream* s) {
    std::uint64_t bytes = 0, messages = 0;
    const alloc_totals before = allocations();
    for (auto _ : state) {
        std::string_view rest = s->bytes;
        for (std::size_t i = 0; i < s->messages.size(); ++i) {
            auto m = imapwire::find_message(rest);
            benchmark::DoNotOptimize(m);
            rest.remove_prefix(s->messages[i].size());
        }
        messages += s->messages.size();
        bytes += s->bytes.size();
    }
    report(state, bytes, messages, before);
}

void bm_corpus_framer(benchmark::State& state, const stream* s) {
    constexpr std::size_t chunk = 64 * 1024;
    std::uint64_t bytes = 0, messages = 0;
    const alloc_totals before = allocations();
    for (auto _ : state) {
        // a fresh framer each time: the corpus may end inside a message
        imapwire::framer_options opt;
        opt.role = imapwire::role::client;
        imapwire::framer f(opt);
        std::size_t n = 0;
        for (std::size_t off = 0; off < s->bytes.size(); off += chunk) {
            f.feed(std::string_view(s->bytes).substr(off, chunk));
            for (;;) {
                const imapwire::frame fr = f.next();
                if (fr.kind == imapwire::frame_kind::need_more)
                    break;
                n += fr.kind == imapwire::frame_kind::message;
            }
        }
        benchmark::DoNotOptimize(n);
        messages += n;
        bytes += s->bytes.size();
    }
    report(state, bytes, messages, before);
}

} // namespace

void register_corpus_benchmarks(const std::string& path, const stream& s) {
    const std::string name = base_name(path);
    benchmark::RegisterBenchmark(("corpus/parse/" + name).c_str(), bm_corpus_parse, &s);
    benchmark::RegisterBenchmark(("corpus/frame/" + name).c_str(), bm_corpus_frame, &s);
    benchmark::RegisterBenchmark(("corpus/framer/" + name).c_str(), bm_corpus_framer, &s);
}

} // namespace imapwire_bench
