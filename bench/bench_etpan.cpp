// imapwire benchmarks: libetpan's IMAP response parser over the same bytes, for comparison.
//
// Built only when libetpan is found (Debian: libetpan-dev); otherwise register_etpan_benchmarks
// does nothing. libetpan reads through a `mailstream`; here the stream's low-level driver reads
// from memory, so no socket or system call is involved. Its parser works on one command's whole
// exchange (RFC 3501 `response`: untagged data up to the tagged completion) at a time, as
// mailimap_parse_response does after mailimap_read_line: read the first line into an
// MMAPString, then mailimap_response_parse, which pulls further lines and literals from the
// stream as it goes. Each exchange's result is freed before the next, as a client would.
//
//   etpan/response/bulk_fetch      1000 FETCH responses in one exchange
//   etpan/response/bulk_fetch_x50  the same responses in 20 exchanges of 50 (libetpan holds a
//                                  whole exchange's results until it returns, so its cost per
//                                  message grows with the exchange)
//   etpan/response/literal_body, etpan/response/status,
//   etpan/response/dovecot         (its greeting with mailimap_greeting_parse)
#include "harness.hpp"

#if defined(IMAPWIRE_BENCH_HAVE_ETPAN)

#include <libetpan/libetpan.h>

#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>

extern "C" {
// Declared in libetpan's mailimap_parser.h, which Debian's libetpan-dev does not install; both
// functions are exported by libetpan.so (1.9.x signatures, with the parser context).
int mailimap_response_parse(mailstream* fd, MMAPString* buffer,
                            struct mailimap_parser_context* parser_ctx, size_t* indx,
                            struct mailimap_response** result, size_t progr_rate,
                            progress_function* progr_fun);
int mailimap_greeting_parse(mailstream* fd, MMAPString* buffer,
                            struct mailimap_parser_context* parser_ctx, size_t* indx,
                            struct mailimap_greeting** result, size_t progr_rate,
                            progress_function* progr_fun);
}

namespace imapwire_bench {
namespace {

// --- a mailstream that reads from memory --------------------------------------------------------

struct memory_source {
    const char* data = nullptr;
    std::size_t size = 0;
    std::size_t pos = 0;
};

ssize_t mem_read(mailstream_low* s, void* buf, size_t count) {
    auto* src = static_cast<memory_source*>(s->data);
    const std::size_t n = std::min(count, src->size - src->pos);
    std::memcpy(buf, src->data + src->pos, n);
    src->pos += n;
    return static_cast<ssize_t>(n);
}
ssize_t mem_write(mailstream_low*, const void*, size_t count) {
    return static_cast<ssize_t>(count);
}
int mem_close(mailstream_low*) {
    return 0;
}
int mem_get_fd(mailstream_low*) {
    return -1;
}
void mem_free(mailstream_low* s) {
    std::free(s); // allocated by mailstream_low_new
}
void mem_cancel(mailstream_low*) {}
struct mailstream_cancel* mem_get_cancel(mailstream_low*) {
    return nullptr;
}
carray* mem_get_certificate_chain(mailstream_low*) {
    return nullptr;
}
int mem_idle(mailstream_low*) {
    return -1;
}

mailstream_low_driver memory_driver = {
    mem_read, mem_write,  mem_close,      mem_get_fd,
    mem_free, mem_cancel, mem_get_cancel, mem_get_certificate_chain,
    mem_idle, mem_idle,   mem_idle,
};

/// libetpan's objects for one pass over a stream.
class etpan_reader {
public:
    explicit etpan_reader(std::string_view bytes) {
        src_.data = bytes.data();
        src_.size = bytes.size();
        low_ = mailstream_low_new(&src_, &memory_driver);
        stream_ = mailstream_new(low_, 8192); // libetpan's socket streams use 8 KiB too
        buffer_ = mmap_string_new("");
    }
    ~etpan_reader() {
        mmap_string_free(buffer_);
        mailstream_close(stream_); // closes and frees the low-level stream as well
    }
    etpan_reader(const etpan_reader&) = delete;
    etpan_reader& operator=(const etpan_reader&) = delete;

    bool at_end() const { return src_.pos == src_.size && stream_->read_buffer_len == 0; }
    /// Stream offset of the first byte libetpan has not taken from its read buffer yet.
    std::size_t offset() const { return src_.pos - stream_->read_buffer_len; }

    /// Parses the greeting; returns 1 (message) or -1.
    int greeting(mailimap_parser_context* ctx) {
        if (!start_line())
            return -1;
        std::size_t indx = 0;
        mailimap_greeting* g = nullptr;
        if (mailimap_greeting_parse(stream_, buffer_, ctx, &indx, &g, 0, nullptr) !=
            MAILIMAP_NO_ERROR)
            return -1;
        mailimap_greeting_free(g);
        return 1;
    }

    /// Parses one exchange; returns how many messages it held, or -1.
    long exchange(mailimap_parser_context* ctx) {
        if (!start_line())
            return -1;
        std::size_t indx = 0;
        mailimap_response* resp = nullptr;
        if (mailimap_response_parse(stream_, buffer_, ctx, &indx, &resp, 0, nullptr) !=
            MAILIMAP_NO_ERROR)
            return -1;
        long n = 1; // response-done
        if (resp->rsp_cont_req_or_resp_data_list)
            n += clist_count(resp->rsp_cont_req_or_resp_data_list);
        mailimap_response_free(resp);
        return n;
    }

private:
    bool start_line() {
        mmap_string_truncate(buffer_, 0);
        return mailstream_read_line(stream_, buffer_) != nullptr;
    }

    memory_source src_;
    mailstream_low* low_ = nullptr;
    mailstream* stream_ = nullptr;
    MMAPString* buffer_ = nullptr;
};

mailimap_parser_context* parser_context() {
    static mailimap* session = mailimap_new(0, nullptr);
    static mailimap_parser_context* ctx = mailimap_parser_context_new(session);
    return ctx;
}

void bm_etpan(benchmark::State& state, const stream& (*get)()) {
    const stream& s = get();
    // libetpan cannot parse a session's closing exchange (`* BYE ...` then the tagged OK of
    // LOGOUT) on its own: it reports a stream error, wanting more input after the BYE. Stop
    // before it; bytes and messages count only what libetpan parsed.
    std::string_view input = s.bytes;
    std::size_t expected = s.messages.size();
    for (std::size_t i = s.messages.size() >= 2 ? s.messages.size() - 2 : 0; i < s.messages.size();
         ++i) {
        if (s.messages[i].substr(0, 6) == "* BYE ") {
            input = std::string_view(
                s.bytes.data(), static_cast<std::size_t>(s.messages[i].data() - s.bytes.data()));
            expected = i;
            break;
        }
    }
    // Keep MMAPString buffers in memory (past the ceiling libetpan maps a temporary file).
    mmap_string_set_ceil(std::numeric_limits<std::size_t>::max());
    mailimap_parser_context* ctx = parser_context();
    std::uint64_t bytes = 0, messages = 0;
    const alloc_totals before = allocations();
    for (auto _ : state) {
        etpan_reader reader(input);
        long n = 0;
        std::size_t start = 0; // offset of the exchange being parsed
        if (s.greeting_first)
            n += reader.greeting(ctx);
        while (n >= 0 && !reader.at_end()) {
            start = reader.offset();
            const long m = reader.exchange(ctx);
            n = m < 0 ? -1 : n + m;
        }
        if (n != static_cast<long>(expected)) {
            fail(state,
                 s.name + ": libetpan " +
                     (n < 0 ? "failed on the exchange at offset " + std::to_string(start) + ": " +
                                  std::string(input.substr(start, input.find('\n', start) - start))
                            : "parsed " + std::to_string(n) + " messages, not " +
                                  std::to_string(expected)));
            break;
        }
        messages += static_cast<std::uint64_t>(n);
        bytes += input.size();
    }
    report(state, bytes, messages, before);
}

} // namespace

void register_etpan_benchmarks() {
    benchmark::AddCustomContext("libetpan", std::to_string(LIBETPAN_VERSION_MAJOR) + "." +
                                                std::to_string(LIBETPAN_VERSION_MINOR));
    benchmark::RegisterBenchmark("etpan/response/bulk_fetch", bm_etpan, &bulk_fetch_stream);
    benchmark::RegisterBenchmark("etpan/response/bulk_fetch_x50", bm_etpan, &bulk_fetch_x50_stream);
    benchmark::RegisterBenchmark("etpan/response/literal_body", bm_etpan, &literal_stream);
    benchmark::RegisterBenchmark("etpan/response/status", bm_etpan, &status_stream);
    benchmark::RegisterBenchmark("etpan/response/dovecot", bm_etpan, &dovecot_stream);
}

} // namespace imapwire_bench

#else

namespace imapwire_bench {
void register_etpan_benchmarks() {}
} // namespace imapwire_bench

#endif
