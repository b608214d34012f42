// Shared by the framer targets: how an input is read, how a framer is driven over it, and the
// events it gives, copied so they can be compared.
//
// Input layout (both targets, so they share a corpus):
//   byte 0   settings: bit 0 client role (else server); bits 1-2 literal streaming (off, or
//            above 0, 4 or 100 octets); bit 3 small max_line_length; bit 4 small
//            max_literal_size; bit 5 small max_message_size; bit 6 refuse synchronizing literals
//            of even size (refuse_literal); bit 7 end_authenticate after AUTHENTICATE lines of
//            odd length
//   byte 1   the small limits' sizes
//   byte 2   bits 0-6: k = value % 17, the number of piece lengths that follow; bit 7: drain
//            the framer only after every second piece (else after each)
//   k bytes  piece lengths (0 feeds an empty piece), used in turn until the stream is fed
//   rest     the stream
// A shorter input is read as if padded with zero bytes.
#pragma once

#include "fuzz_common.hpp"

#include <imapwire/framer.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace imapwire::fuzz {

struct framer_input {
    framer_options options;
    bool refuse_even_literals = false;
    bool end_odd_authenticate = false;
    bool drain_every_piece = true;
    std::vector<std::size_t> pieces;
    std::string_view stream;
    std::string_view settings; ///< the bytes before the stream

    static framer_input read(const std::uint8_t* data, std::size_t size) {
        auto byte = [&](std::size_t i) -> unsigned { return i < size ? data[i] : 0u; };
        framer_input in;
        const unsigned s = byte(0);
        const unsigned sizes = byte(1);
        in.options.role = (s & 1) ? role::client : role::server;
        static constexpr std::size_t stream_above[] = {0, 0, 4, 100};
        if ((s >> 1) & 3)
            in.options.stream_literals_above = stream_above[(s >> 1) & 3];
        if (s & 8)
            in.options.max_line_length = 8 + 4 * (sizes % 64);
        if (s & 16)
            in.options.max_literal_size = sizes % 50;
        if (s & 32)
            in.options.max_message_size = 16 + 8 * (sizes / 4);
        in.refuse_even_literals = (s & 64) != 0;
        in.end_odd_authenticate = (s & 128) != 0;
        const std::size_t k = (byte(2) & 127) % 17;
        in.drain_every_piece = (byte(2) & 128) == 0;
        std::size_t at = 3;
        for (std::size_t i = 0; i < k; ++i, ++at)
            in.pieces.push_back(byte(at));
        at = at < size ? at : size;
        const char* chars = reinterpret_cast<const char*>(data);
        in.settings = std::string_view(chars, at);
        in.stream = std::string_view(chars + at, size - at);
        return in;
    }

    std::string describe() const {
        const auto& o = options;
        std::string d = std::string("role=") + (o.role == role::client ? "client" : "server") +
                        " max_line_length=" + std::to_string(o.max_line_length) +
                        " max_literal_size=" + std::to_string(o.max_literal_size) +
                        " max_message_size=" + std::to_string(o.max_message_size) +
                        " stream_literals_above=" +
                        (o.stream_literals_above == static_cast<std::size_t>(-1)
                             ? std::string("off")
                             : std::to_string(o.stream_literals_above)) +
                        " refuse_even_literals=" + (refuse_even_literals ? "1" : "0") +
                        " end_odd_authenticate=" + (end_odd_authenticate ? "1" : "0") +
                        " drain_every_piece=" + (drain_every_piece ? "1" : "0") + " pieces=";
        for (std::size_t p : pieces)
            d += std::to_string(p) + ",";
        return d;
    }
};

/// A frame with its views copied. need_more frames are not events: they depend on the cuts.
struct framer_event {
    frame_kind kind = frame_kind::need_more;
    message_kind as = message_kind::command;
    std::string bytes;
    std::uint64_t offset = 0;
    std::string tag;
    std::uint32_t literal_size = 0;
    bool synchronizing = true;
    std::uint64_t literal_offset = 0;
    std::string literal_line;
    std::size_t error_offset = 0;
    std::string error_production;
    std::string error_expected;
    int error_code = 0;
    friend bool operator==(const framer_event&, const framer_event&) = default;

    /// The frame's fields that matter for its kind, copied.
    static framer_event of(const frame& f) {
        framer_event e;
        e.kind = f.kind;
        e.offset = f.offset;
        e.tag = std::string(f.tag);
        switch (f.kind) {
        case frame_kind::message:
            e.as = f.as;
            e.bytes = std::string(f.bytes);
            break;
        case frame_kind::literal:
            e.literal_size = f.literal.size;
            e.synchronizing = f.literal.synchronizing;
            e.literal_offset = f.literal.offset;
            e.literal_line = std::string(f.literal.line);
            break;
        case frame_kind::literal_data:
            e.bytes = std::string(f.bytes);
            break;
        case frame_kind::error:
            e.error_offset = f.error.offset;
            e.error_production = std::string(f.error.production);
            e.error_expected = f.error.expected;
            e.error_code = f.error.code.value();
            break;
        case frame_kind::need_more:
            break;
        }
        return e;
    }

    std::string describe() const {
        static constexpr const char* kinds[] = {"need_more", "message", "literal", "literal_data",
                                                "error"};
        static constexpr const char* as_names[] = {"command", "authenticate_data", "idle_done",
                                                   "greeting", "response"};
        std::string d = std::string(kinds[static_cast<int>(kind)]) + " @" + std::to_string(offset);
        switch (kind) {
        case frame_kind::message:
            d += std::string(" as ") + as_names[static_cast<int>(as)] + " \"" +
                 printable(bytes, 120) + "\"";
            break;
        case frame_kind::literal:
            d += " size=" + std::to_string(literal_size) + (synchronizing ? " sync" : " nonsync") +
                 " at=" + std::to_string(literal_offset) + " tag=\"" + printable(tag) +
                 "\" line=\"" + printable(literal_line, 120) + "\"";
            break;
        case frame_kind::literal_data:
            d += " \"" + printable(bytes, 120) + "\"";
            break;
        case frame_kind::error:
            d += " code=" + std::to_string(error_code) + " offset=" + std::to_string(error_offset) +
                 " in " + error_production + " expected " + error_expected + " tag=\"" +
                 printable(tag) + "\"";
            break;
        default:
            break;
        }
        return d;
    }
};

inline std::string describe(const std::vector<framer_event>& events) {
    std::string d;
    for (std::size_t i = 0; i < events.size(); ++i)
        d += "\n  [" + std::to_string(i) + "] " + events[i].describe();
    return d;
}

/// Drives a framer: feeds pieces, calls next() until need_more, and acts on the events as the
/// input's settings say (refuse_literal, end_authenticate), the same way however it is cut.
class framer_run {
public:
    framer_run(const framer_input& in, const report& ctx)
        : in_(in)
        , framer_(in.options)
        , ctx_(&ctx) {
        // Every frame but need_more consumes stream bytes (a literal announcement at least
        // "{0}" CRLF), so more frames than this means the framer does not progress.
        max_frames_ = 2 * in.stream.size() + 8;
    }

    imapwire::framer& framer() { return framer_; }
    const std::vector<framer_event>& events() const { return events_; }

    void feed(std::string_view piece) { framer_.feed(piece); }

    /// Calls next() until need_more. `on_frame` sees each other frame while its views are valid.
    template <class F>
    void drain(F&& on_frame) {
        for (;;) {
            const frame f = framer_.next();
            if (f.kind == frame_kind::need_more) {
                if (f.needed == 0)
                    ctx_->fail("need_more with needed == 0");
                return;
            }
            if (++frames_ > max_frames_) {
                report c(ctx_);
                c.add("events", imapwire::fuzz::describe(events_));
                c.fail("the framer gives more frames than the stream has room for");
            }
            on_frame(f);
            record(f);
        }
    }
    void drain() {
        drain([](const frame&) {});
    }

    /// Feeds the whole stream in the input's pieces (or at once when `whole`), then finishes.
    template <class F>
    void run(bool whole, F&& on_frame) {
        const std::string_view s = in_.stream;
        if (whole || in_.pieces.empty()) {
            feed(s);
            drain(on_frame);
        } else {
            std::size_t at = 0;
            for (std::size_t i = 0; at < s.size(); ++i) {
                const std::size_t n = std::min(in_.pieces[i % in_.pieces.size()], s.size() - at);
                feed(s.substr(at, n));
                at += n;
                if (in_.drain_every_piece || i % 2 == 1 || at == s.size())
                    drain(on_frame);
                if (i > 4 * s.size() + 64)
                    break; // only empty pieces: feed the rest at once
            }
            if (at < s.size()) {
                feed(s.substr(at));
                drain(on_frame);
            }
        }
        framer_.finish();
        drain(on_frame);
    }

private:
    void record(const frame& f) {
        if (f.kind == frame_kind::literal_data && !events_.empty() &&
            events_.back().kind == frame_kind::literal_data &&
            events_.back().offset + events_.back().bytes.size() == f.offset) {
            // pieces of one streamed literal depend on the cuts: keep them as one event
            events_.back().bytes.append(f.bytes);
            return;
        }
        events_.push_back(framer_event::of(f));
        if (f.kind == frame_kind::message && in_.end_odd_authenticate &&
            f.as == message_kind::authenticate_data && f.bytes.size() % 2 == 1)
            framer_.end_authenticate();
        if (f.kind == frame_kind::literal && in_.refuse_even_literals && f.literal.synchronizing &&
            f.literal.size % 2 == 0)
            framer_.refuse_literal();
    }

    const framer_input& in_;
    imapwire::framer framer_;
    const report* ctx_;
    std::vector<framer_event> events_;
    std::size_t frames_ = 0;
    std::size_t max_frames_ = 0;
};

} // namespace imapwire::fuzz
