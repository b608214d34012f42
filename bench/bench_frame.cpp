// imapwire benchmarks: framing alone (finding where each message ends, literals included),
// and the baselines that show the limit.
//
//   frame/find_message/*     imapwire::find_message over the stream, message after message
//   frame/framer/*           imapwire::framer fed the stream in 64 KiB chunks, next() until
//                            need_more after each
//   baseline/boundary_scan/* the least a framer must do: memchr for LF, skip a literal by its
//                            count; no NUL, bare CR/LF or limit checks, no state across chunks
//   baseline/memcpy_64k/*    copying the stream in 64 KiB chunks: what a framer that buffers its
//                            input pays at least
//   scale/framer/byte_by_byte/N  N bytes of the bulk FETCH and literal streams fed one byte at a
//                            time, next() after each: the cost must grow linearly with N
#include "framer_support.hpp"
#include "harness.hpp"

#include <imapwire/parse.hpp>

#include <algorithm>
#include <cstring>
#include <imapwire/framer.hpp>
#include <string>
#include <vector>

namespace imapwire_bench {
namespace {

constexpr std::size_t chunk_size = 64 * 1024;

void bm_find_message(benchmark::State& state, const stream& (*get)()) {
    const stream& s = get();
    std::uint64_t bytes = 0, messages = 0;
    const alloc_totals before = allocations();
    for (auto _ : state) {
        std::string_view rest = s.bytes;
        std::size_t n = 0;
        while (!rest.empty()) {
            auto m = imapwire::find_message(rest);
            if (!m.ok())
                break;
            benchmark::DoNotOptimize(m);
            rest.remove_prefix(m.value());
            ++n;
        }
        if (n != s.messages.size()) {
            fail(state, s.name + ": find_message framed " + std::to_string(n) + " messages, not " +
                            std::to_string(s.messages.size()));
            break;
        }
        messages += n;
        bytes += s.bytes.size();
    }
    report(state, bytes, messages, before);
}

/// Finds message ends the simplest way that is still correct for valid traffic.
std::size_t boundary_scan(std::string_view in) {
    const char* p = in.data();
    const char* const end = p + in.size();
    std::size_t n = 0;
    while (p < end) {
        const char* lf =
            static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        if (!lf)
            break;
        // "{digits}\r\n" at the end of the line announces a literal
        const char* q = lf - 1; // the CR
        std::size_t count = 0;
        bool literal = false;
        if (q - p >= 3 && q[-1] == '}') {
            const char* d = q - 1;
            std::size_t mul = 1;
            while (d > p && d[-1] >= '0' && d[-1] <= '9') {
                --d;
                count += static_cast<std::size_t>(*d - '0') * mul;
                mul *= 10;
            }
            literal = d != q - 1 && d > p && d[-1] == '{';
        }
        p = lf + 1;
        if (literal) {
            p += count; // the literal's octets; the line goes on after them
            continue;
        }
        ++n;
    }
    return n;
}

void bm_boundary_scan(benchmark::State& state, const stream& (*get)()) {
    const stream& s = get();
    std::uint64_t bytes = 0, messages = 0;
    const alloc_totals before = allocations();
    for (auto _ : state) {
        const std::size_t n = boundary_scan(s.bytes);
        benchmark::DoNotOptimize(n);
        if (n != s.messages.size()) {
            fail(state, s.name + ": boundary scan found " + std::to_string(n) + " messages, not " +
                            std::to_string(s.messages.size()));
            break;
        }
        messages += n;
        bytes += s.bytes.size();
    }
    report(state, bytes, messages, before);
}

void bm_memcpy(benchmark::State& state, const stream& (*get)()) {
    const stream& s = get();
    std::vector<char> buffer(chunk_size);
    std::uint64_t bytes = 0, messages = 0;
    const alloc_totals before = allocations();
    for (auto _ : state) {
        for (std::size_t off = 0; off < s.bytes.size(); off += chunk_size) {
            const std::size_t n = std::min(chunk_size, s.bytes.size() - off);
            std::memcpy(buffer.data(), s.bytes.data() + off, n);
            benchmark::DoNotOptimize(buffer.data());
            benchmark::ClobberMemory();
        }
        messages += s.messages.size();
        bytes += s.bytes.size();
    }
    report(state, bytes, messages, before);
}

void bm_framer(benchmark::State& state, const stream& (*get)()) {
    const stream& s = get();
    imapwire::framer_options opt;
    opt.role = s.commands ? imapwire::role::server : imapwire::role::client;
    // One framer for the whole run: the stream is a sequence of whole messages, so feeding it
    // again continues a valid stream, and the framer's buffer is warm (the steady state).
    imapwire::framer f(opt);
    std::uint64_t bytes = 0, messages = 0;
    const alloc_totals before = allocations();
    for (auto _ : state) {
        std::size_t n = 0;
        bool error = false;
        for (std::size_t off = 0; off < s.bytes.size() && !error; off += chunk_size) {
            f.feed(std::string_view(s.bytes).substr(off, chunk_size));
            for (;;) {
                const imapwire::frame fr = f.next();
                if (fr.kind == imapwire::frame_kind::need_more)
                    break;
                if (fr.kind == imapwire::frame_kind::message) {
                    benchmark::DoNotOptimize(fr.bytes.data());
                    ++n;
                } else if (fr.kind == imapwire::frame_kind::error) {
                    error = true;
                    break;
                }
            }
        }
        if (error || n != s.messages.size()) {
            fail(state, s.name + ": the framer returned " + std::to_string(n) + " messages, not " +
                            std::to_string(s.messages.size()) + (error ? " (error frame)" : ""));
            break;
        }
        messages += n;
        bytes += s.bytes.size();
    }
    report(state, bytes, messages, before);
}

void add_all(const char* prefix, void (*fn)(benchmark::State&, const stream& (*)())) {
    const struct {
        const char* name;
        const stream& (*get)();
    } streams[] = {
        {"bulk_fetch", &bulk_fetch_stream}, {"literal_body", &literal_stream},
        {"status", &status_stream},         {"dovecot", &dovecot_stream},
        {"commands", &command_stream},
    };
    for (const auto& st : streams)
        benchmark::RegisterBenchmark((std::string(prefix) + st.name).c_str(), fn, st.get);
}

/// Feeds the first N bytes of the bulk FETCH stream followed by the literal stream, one byte per
/// feed() and next() until need_more: the worst way to cut a stream.
void bm_framer_byte_by_byte(benchmark::State& state) {
    static const std::string traffic = bulk_fetch_stream().bytes + literal_stream().bytes;
    const std::size_t n = std::min(static_cast<std::size_t>(state.range(0)), traffic.size());
    std::uint64_t bytes = 0, messages = 0;
    const alloc_totals before = allocations();
    for (auto _ : state) {
        imapwire::framer f(imapwire::framer_options{imapwire::role::client});
        for (std::size_t i = 0; i < n; ++i) {
            f.feed(std::string_view(traffic).substr(i, 1));
            for (auto fr = f.next(); fr.kind != imapwire::frame_kind::need_more; fr = f.next())
                messages += fr.kind == imapwire::frame_kind::message;
        }
        bytes += n;
    }
    report(state, bytes, messages, before);
    state.SetComplexityN(static_cast<std::int64_t>(n));
}

} // namespace

void register_frame_benchmarks() {
    benchmark::RegisterBenchmark("scale/framer/byte_by_byte", bm_framer_byte_by_byte)
        ->RangeMultiplier(4)
        ->Range(1 << 16, 1 << 22)
        ->Complexity(benchmark::oN);
    add_all("frame/find_message/", bm_find_message);
    add_all("frame/framer/", bm_framer);
    add_all("baseline/boundary_scan/", bm_boundary_scan);
    benchmark::RegisterBenchmark("baseline/memcpy_64k/literal_body", bm_memcpy, &literal_stream);
}

} // namespace imapwire_bench
