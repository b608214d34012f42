// imapwire benchmarks: shared traffic and reporting (see harness.hpp).
#include "harness.hpp"

#include "traffic.hpp"

#include <imapwire/parse.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <utility>

#ifndef IMAPWIRE_BENCH_DATA_DIR
#define IMAPWIRE_BENCH_DATA_DIR "tests/data"
#endif

namespace imapwire_bench {
namespace {
bool failed = false;

bool iequals_prefix(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        if (c != prefix[i])
            return false;
    }
    return true;
}

/// A generated stream, checked: framing must find exactly the messages the generator wrote.
std::unique_ptr<stream> generated(std::string name, traffic t, bool commands) {
    std::string error;
    auto s = make_stream(std::move(name), std::move(t.bytes), commands, &error);
    if (!error.empty() || s->messages.size() != t.messages) {
        std::fprintf(stderr,
                     "imapwire-bench: generated stream %s: %zu messages framed, %zu "
                     "written%s%s\n",
                     s->name.c_str(), s->messages.size(), t.messages, error.empty() ? "" : ": ",
                     error.c_str());
        failed = true;
    }
    return s;
}
} // namespace

std::unique_ptr<stream> make_stream(std::string name, std::string bytes, bool commands,
                                    std::string* error) {
    auto s = std::make_unique<stream>();
    s->name = std::move(name);
    s->bytes = std::move(bytes);
    s->commands = commands;
    s->greeting_first = !commands && starts_with_greeting(s->bytes);
    imapwire::parse_options opt;
    opt.max_line_length = std::numeric_limits<std::size_t>::max();
    opt.max_literal_size = std::numeric_limits<std::uint32_t>::max();
    std::string_view rest = s->bytes;
    std::size_t offset = 0;
    while (!rest.empty()) {
        auto m = imapwire::find_message(rest, opt);
        if (!m.ok()) {
            if (error) {
                std::ostringstream e;
                e << "framing stopped at offset " << offset << ": "
                  << (m.incomplete() ? std::string("the stream ends inside a message")
                                     : m.error().message());
                *error = e.str();
            }
            // keep the framed prefix only (shrinking never reallocates: the views stay valid)
            s->bytes.resize(offset);
            break;
        }
        s->messages.push_back(rest.substr(0, m.value()));
        rest.remove_prefix(m.value());
        offset += m.value();
    }
    return s;
}

bool starts_with_greeting(std::string_view bytes) {
    return iequals_prefix(bytes, "* OK") || iequals_prefix(bytes, "* PREAUTH") ||
           iequals_prefix(bytes, "* BYE");
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

const stream& bulk_fetch_stream() {
    static const auto s = generated("bulk_fetch", bulk_fetch(bulk_fetch_seed, 1000), false);
    return *s;
}

const stream& bulk_fetch_x50_stream() {
    static const auto s = generated("bulk_fetch_x50", bulk_fetch(bulk_fetch_seed, 1000, 50), false);
    return *s;
}

const stream& literal_stream() {
    static const auto s = generated("literal_body", literal_bodies(literal_seed, 64), false);
    return *s;
}

const stream& status_stream() {
    static const auto s = generated("status", status_lines(status_seed, 1000), false);
    return *s;
}

const stream& command_stream() {
    static const auto s = generated("commands", commands(command_seed, 1000), true);
    return *s;
}

const stream& dovecot_stream() {
    static const auto s = [] {
        const std::string path = IMAPWIRE_BENCH_DATA_DIR "/dovecot/session.server";
        std::string bytes;
        if (!read_file(path, bytes)) {
            std::fprintf(stderr, "imapwire-bench: cannot read %s\n", path.c_str());
            failed = true;
        }
        std::string error;
        auto st = make_stream("dovecot", std::move(bytes), false, &error);
        if (!error.empty()) {
            std::fprintf(stderr, "imapwire-bench: %s: %s\n", path.c_str(), error.c_str());
            failed = true;
        }
        return st;
    }();
    return *s;
}

void fail(benchmark::State& state, const std::string& why) {
    failed = true;
    state.SkipWithError(why.c_str());
}

bool any_failed() {
    return failed;
}

void report(benchmark::State& state, std::uint64_t bytes, std::uint64_t messages,
            const alloc_totals& before) {
    const alloc_totals after = allocations();
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
    state.SetItemsProcessed(static_cast<std::int64_t>(messages));
    const double n = messages ? static_cast<double>(messages) : 1.0;
    state.counters["allocs_per_msg"] =
        benchmark::Counter(static_cast<double>(after.count - before.count) / n);
    state.counters["alloc_bytes_per_msg"] =
        benchmark::Counter(static_cast<double>(after.bytes - before.bytes) / n);
}

} // namespace imapwire_bench
