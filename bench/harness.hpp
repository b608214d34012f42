// imapwire benchmarks: the traffic every benchmark shares, and reporting helpers.
#pragma once

#include "alloc_count.hpp"

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace imapwire_bench {

/// A byte stream cut into messages. `messages` view `bytes`; a stream never moves once built.
struct stream {
    std::string name;
    std::string bytes;
    std::vector<std::string_view> messages;
    bool greeting_first = false; ///< server stream whose first message is the greeting
    bool commands = false;       ///< client commands rather than server responses
};

/// Seeds of the generated traffic (fixed: every run measures the same bytes).
inline constexpr std::uint64_t bulk_fetch_seed = 0x1a2b3c4d;
inline constexpr std::uint64_t literal_seed = 0x5e6f7a8b;
inline constexpr std::uint64_t status_seed = 0x9c0d1e2f;
inline constexpr std::uint64_t command_seed = 0x31415926;

/// The shared streams, generated (and framed) on first use.
const stream& bulk_fetch_stream();     ///< 1000 FETCH responses + tagged OK
const stream& bulk_fetch_x50_stream(); ///< the same responses as 20 exchanges of 50
const stream& literal_stream();        ///< 64 BODY[] responses, literals 1 KB..1 MB, + tagged OK
const stream& status_stream();         ///< 1000 small status responses
const stream& command_stream();        ///< 1000 client commands
const stream& dovecot_stream();        ///< tests/data/dovecot/session.server (greeting first)

/// Builds a stream from `bytes`, framing it with imapwire::find_message. Framing stops at the
/// first error, which is written to `error` (the stream then holds the messages before it).
std::unique_ptr<stream> make_stream(std::string name, std::string bytes, bool commands,
                                    std::string* error = nullptr);

/// True when `bytes` starts like a greeting ("* OK", "* PREAUTH", "* BYE", any case).
bool starts_with_greeting(std::string_view bytes);

/// Reads a whole file; false when it cannot be read.
bool read_file(const std::string& path, std::string& out);

/// Marks the benchmark as failed (SkipWithError) and remembers it for the exit status.
void fail(benchmark::State& state, const std::string& why);
/// True when any benchmark failed.
bool any_failed();

/// Sets bytes_per_second, items_per_second (messages) and the allocation counters
/// (allocs_per_msg, alloc_bytes_per_msg) from totals over the whole run.
void report(benchmark::State& state, std::uint64_t bytes, std::uint64_t messages,
            const alloc_totals& before);

// Registration of each group of benchmarks (called from main, in this order).
void register_parse_benchmarks();
void register_serialize_benchmarks();
void register_frame_benchmarks();
void register_scale_benchmarks();
void register_reject_benchmarks();
void register_etpan_benchmarks(); ///< does nothing when built without libetpan
void register_corpus_benchmarks(const std::string& path, const stream& s);

} // namespace imapwire_bench
