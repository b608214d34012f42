// imapwire: one side of a connection read from its bytes alone: a framer and the parser, with
// every byte of the stream accounted for.
//
// A stream_reader is for the byte stream of one peer when the other one is not at hand (a
// capture of what a server sent, a file of client commands). It feeds the bytes to a framer,
// parses each framed message as what the stream holds, and reports records that tile the stream:
// each message with its parse outcome, each stretch of bytes the framer refused, and a message
// the stream ends inside. Offsets are stream offsets throughout, also after a literal the framer
// streamed past. For both sides of one connection, with the session's checks, use
// imapwire::connection.
#pragma once

#include <imapwire/error.hpp>
#include <imapwire/framer.hpp>
#include <imapwire/options.hpp>
#include <imapwire/parse.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace imapwire {

/// What one side's stream holds, and so what each message is parsed as.
enum class stream_content : std::uint8_t {
    /// A client's stream: commands, the lines after AUTHENTICATE (until a line with a space, the
    /// next command: the server's reply that ends the exchange is not in this stream) and the
    /// DONE that ends IDLE.
    client,
    /// AUTHENTICATE continuation lines only (RFC 3501 §6.2.2).
    authenticate,
    /// A server's stream: a greeting at offset 0, responses after it.
    server,
    /// Server responses only (no greeting).
    responses,
    /// Server greetings only.
    greetings,
};

/// True when a stream of this content is sent by the client.
constexpr bool sent_by_client(stream_content c) noexcept {
    return c == stream_content::client || c == stream_content::authenticate;
}

struct stream_reader_options {
    stream_content content = stream_content::client;
    /// The parser's options. The framer applies the same line and literal limits, so every
    /// message it lets through can be parsed.
    parse_options parse;
    /// A line plus all its literals (framer_options::max_message_size).
    std::size_t max_message_size = framer_options{}.max_message_size;
    /// Literals larger than this are not buffered: the record's message shows them as `{0}`
    /// (`{0+}`) with no octets, and the message is parsed so. Their octets are still checked for
    /// NUL, which the parser would refuse.
    std::size_t stream_literals_above = framer_options{}.stream_literals_above;
};

/// A literal the framer streamed past: the message parsed shows it as `{0}` (or `{0+}`) with no
/// octets, so offsets in that message past the announcement are not stream offsets.
struct streamed_literal {
    std::size_t zero_end = 0;    ///< in the message: just after the "0" that replaced the count
    std::size_t octets_at = 0;   ///< in the message: where the octets would be
    std::uint64_t stream_at = 0; ///< in the stream: where the octets are
    std::uint64_t size = 0;      ///< announced octet count
    bool nonsync = false;        ///< announced as `{n+}`
    bool located = false;        ///< stream_at is known (set by the first literal_data frame)
};

/// What a record of the stream is.
enum class record_kind : std::uint8_t {
    message,   ///< a framed message: `value` holds it when it parsed, `error` says why not
    refused,   ///< bytes the framer refused (a limit), up to where it resynchronized
    truncated, ///< the stream ends inside a message
};

/// One record. The records of a stream tile it: each starts where the previous one ended. Its
/// views are valid until the next call to the reader.
struct stream_record {
    record_kind kind = record_kind::message;
    std::uint64_t offset = 0; ///< stream offset of the record's first byte
    std::uint64_t length = 0; ///< its extent in the stream, streamed literals included
    /// The record's first bytes as they were sent: all of a message with no streamed literal,
    /// else at most head_limit bytes (for error reports).
    std::string_view head;
    /// kind == message: the bytes parsed (a streamed literal as `{0}`); value views them.
    std::string_view message;
    message_kind as = message_kind::command; ///< kind == message: what it was parsed as
    /// What the bytes were read as: "command", "authenticate", "response", "greeting"; empty
    /// for refused bytes.
    std::string_view production;
    /// The parsed message (kind == message and it parsed); monostate otherwise.
    parsed_message value;
    /// Why the record is not a parsed message, its offset a stream offset. For kind ==
    /// truncated with code error::truncated, `missing` says what the stream lacks.
    std::optional<parse_error> error;
    std::optional<incomplete_input> missing; ///< literal->announced_at is a stream offset
    /// Set when the framer and the parser disagree about a message (a bug in imapwire): what
    /// they disagree on. `error` is then empty.
    std::string internal;
    /// The literals of `message` that were streamed past.
    std::span<const streamed_literal> streamed;

    bool ok() const noexcept { return value.index() != 0; }

    /// The stream offset of byte `at` of `message`.
    std::uint64_t stream_offset(std::size_t at) const noexcept {
        for (auto c = streamed.rbegin(); c != streamed.rend(); ++c) {
            if (at >= c->octets_at)
                return c->stream_at + c->size + (at - c->octets_at);
            if (at >= c->zero_end) // "}" CRLF after the count, counted back from the octets
                return c->stream_at - (c->octets_at - at);
        }
        return offset + at;
    }
};

/// Reads one side's stream: feed() its bytes in pieces of any size, finish() at its end; each
/// record is handed to the handler as soon as its extent is known. Memory is bounded by the
/// largest message the limits let through plus head_limit per record in progress.
class stream_reader {
public:
    using record_handler = std::function<void(const stream_record&)>;

    /// Bytes of a record kept for its report when the record spans several feeds.
    static constexpr std::size_t head_limit = 4096;

    explicit stream_reader(const stream_reader_options& options = {})
        : options_(options)
        , framer_(framer_for(options)) {}

    /// Called for every record, in stream order.
    void on_record(record_handler handler) { handler_ = std::move(handler); }

    /// The next piece of the stream; `chunk` must stay valid until feed() returns.
    void feed(std::string_view chunk) {
        chunk_ = chunk;
        chunk_start_ = fed_end_;
        fed_end_ += chunk.size();
        if (pending_ && pending_->head.size() < head_limit &&
            pending_->offset + pending_->head.size() == chunk_start_)
            append_head(pending_->head, chunk);
        if (pos_ < chunk_start_ && saved_head_.size() < head_limit &&
            pos_ + saved_head_.size() == chunk_start_)
            append_head(saved_head_, chunk);
        framer_.feed(chunk);
        drain();
        // the head of the record in progress must outlive this chunk
        if (pos_ >= chunk_start_)
            saved_head_.assign(head());
        chunk_ = {};
    }

    /// The stream has ended: a message it ends inside is reported (record_kind::truncated).
    void finish() {
        chunk_ = {};
        chunk_start_ = fed_end_;
        framer_.finish();
        drain();
        if (pending_)
            close_pending(fed_end_);
    }

    /// Bytes fed so far.
    std::uint64_t offset() const noexcept { return fed_end_; }
    const stream_reader_options& options() const noexcept { return options_; }

    /// The options of the framer a reader with these options uses.
    static framer_options framer_for(const stream_reader_options& o) {
        return framer_options_for(sent_by_client(o.content) ? role::server : role::client, o.parse,
                                  o.max_message_size, o.stream_literals_above);
    }

private:
    struct pending_refusal {
        std::uint64_t offset = 0; ///< start of the record
        std::string head;
        parse_error error;
    };

    static void append_head(std::string& head, std::string_view bytes) {
        head.append(bytes.substr(0, head_limit - head.size()));
    }

    /// The first bytes (up to head_limit) of the record that starts at pos_.
    std::string_view head() const {
        if (pos_ < chunk_start_)
            return saved_head_;
        const std::size_t from = static_cast<std::size_t>(pos_ - chunk_start_);
        return from < chunk_.size() ? chunk_.substr(from, head_limit) : std::string_view();
    }

    void emit(stream_record& r) {
        if (r.head.size() > r.length) // a view of the chunk runs on into the next record
            r.head = r.head.substr(0, static_cast<std::size_t>(r.length));
        if (handler_)
            handler_(r);
    }

    void drain() {
        for (;;) {
            const std::uint64_t before = framer_.offset();
            const frame f = framer_.next();
            switch (f.kind) {
            case frame_kind::need_more:
                last_needed_ = f.needed;
                // The framer holds the start of a message: whatever it refused ends there.
                if (pending_ && framer_.buffered() > 0)
                    close_pending(framer_.offset());
                return;
            case frame_kind::literal:
                if (pending_)
                    close_pending(framer_.offset());
                on_literal(f);
                break;
            case frame_kind::literal_data:
                on_literal_data(f);
                break;
            case frame_kind::message:
                if (pending_)
                    close_pending(f.offset);
                on_message(f);
                break;
            case frame_kind::error:
                on_error(f, before);
                break;
            }
        }
    }

    void on_literal(const frame& f) {
        literal_ = incomplete_input::literal_info{f.literal.size, f.literal.synchronizing,
                                                  static_cast<std::size_t>(f.literal.offset)};
        // a literal8 "~{n}" may hold NUL (BINARY, RFC 3516)
        const std::size_t brace = f.literal.line.rfind('{');
        literal8_ = brace != std::string_view::npos && brace > 0 &&
                    f.literal.line[brace - 1] == '~' &&
                    options_.parse.extensions.contains(extension::binary);
        if (f.literal.size > options_.stream_literals_above) {
            streamed_literal c;
            c.octets_at = f.literal.line.size();
            c.zero_end = f.literal.line.rfind('{') + 2;
            c.size = f.literal.size;
            c.nonsync = !f.literal.synchronizing;
            cuts_.push_back(c);
        }
    }

    void on_literal_data(const frame& f) {
        if (!cuts_.empty() && !cuts_.back().located) {
            cuts_.back().stream_at = f.offset;
            cuts_.back().located = true;
        }
        // The parser never sees these octets: check them for NUL as it would.
        if (!nul_at_ && !literal8_) {
            if (const void* z = std::memchr(f.bytes.data(), '\0', f.bytes.size()))
                nul_at_ = f.offset +
                          static_cast<std::uint64_t>(static_cast<const char*>(z) - f.bytes.data());
        }
    }

    void on_message(const frame& f) {
        if (f.offset > pos_) { // the framer left bytes out: report them rather than lose them
            stream_record r;
            r.kind = record_kind::refused;
            r.offset = pos_;
            r.length = f.offset - pos_;
            r.head = head();
            r.internal = "bytes skipped by the framer";
            emit(r);
        }
        pos_ = f.offset;
        const std::string_view bytes = restore_nonsync(f.bytes);
        stream_record r;
        r.kind = record_kind::message;
        r.offset = f.offset;
        r.length = framer_.offset() - f.offset; // streamed literals included
        r.head = cuts_.empty() ? f.bytes : head();
        r.message = bytes;
        r.streamed = cuts_;
        parse(f, bytes, r);
        if (nul_at_ && (r.ok() || (r.error && r.error->offset > *nul_at_))) {
            // what the parser reports for a NUL it sees
            r.value = std::monostate{};
            r.internal.clear();
            r.error = parse_error{static_cast<std::size_t>(*nul_at_), r.production, "CHAR8",
                                  make_error_code(error::nul_byte)};
        }
        emit(r);
        pos_ = r.offset + r.length;
        end_message();
    }

    /// The framer shows a streamed literal as `{0}`, `{n+}` included. Puts the "+" back (in a
    /// copy), so that the parser sees the form that was sent: without LITERAL+, `{n+}` is an
    /// error whatever its size.
    std::string_view restore_nonsync(std::string_view bytes) {
        if (std::none_of(cuts_.begin(), cuts_.end(),
                         [](const streamed_literal& c) { return c.nonsync; }))
            return bytes;
        fixed_.assign(bytes);
        std::size_t added = 0;
        for (auto& c : cuts_) {
            c.zero_end += added;
            c.octets_at += added;
            if (c.nonsync && fixed_.compare(c.zero_end, 2, "}\r") == 0) {
                fixed_.insert(c.zero_end, 1, '+'); // "{0}" -> "{0+}"
                ++c.octets_at;
                ++added;
            }
        }
        return fixed_;
    }

    /// A message the framer refused (a limit) or could not finish (the stream ended). The
    /// refusal is reported in the framer's words, at the offset it gives: the start of an
    /// overlong line, or the "{" of a literal announcement that is too large or out of range.
    void on_error(const frame& f, std::uint64_t before) {
        if (pending_) {
            // The refused message starts where the previous refusal's resynchronization ended:
            // at the offset the framer reports for a line or a truncated message; for a refused
            // literal announcement, after the LF that ended the previous refusal. These bytes
            // came in this chunk (the framer held nothing before it).
            std::uint64_t start = pos_;
            if (f.error.code == error::line_too_long || f.error.code == error::truncated) {
                start = f.offset;
            } else {
                start = std::max(before, chunk_start_);
                const std::uint64_t brace = std::max(f.offset, start);
                if (brace <= fed_end_ && brace > start) {
                    const std::string_view scanned =
                        chunk_.substr(static_cast<std::size_t>(start - chunk_start_),
                                      static_cast<std::size_t>(brace - start));
                    const std::size_t lf = scanned.rfind('\n');
                    if (lf != std::string_view::npos)
                        start += lf + 1;
                }
            }
            close_pending(start);
        }
        if (f.error.code == error::truncated) {
            truncated();
            end_message();
            return;
        }
        pending_ = pending_refusal{pos_, std::string(head()), f.error};
        end_message();
    }

    /// The stream ends inside the message at pos_: reported at the stream end, with what is
    /// missing, as find_message() sees that tail.
    void truncated() {
        stream_record r;
        r.kind = record_kind::truncated;
        r.offset = pos_;
        r.length = fed_end_ - pos_;
        r.head = head();
        incomplete_input missing;
        missing.needed = last_needed_;
        if (last_needed_ >= 2 && literal_) // inside a literal's octets (the count is exact)
            missing.literal = literal_;
        if (r.length == r.head.size()) {
            // the whole tail is at hand: a NUL in a final literal, or a bare CR, shows there
            const auto found = find_message(r.head, options_.parse);
            if (found.failed()) {
                r.error = found.error();
                r.error->offset += static_cast<std::size_t>(pos_);
                emit(r);
                pos_ = fed_end_;
                return;
            }
            if (found.incomplete()) {
                missing = found.need();
                if (missing.literal)
                    missing.literal->announced_at += static_cast<std::size_t>(pos_);
            }
        }
        r.error = parse_error{
            static_cast<std::size_t>(fed_end_), {}, {}, make_error_code(error::truncated)};
        r.missing = missing;
        emit(r);
        pos_ = fed_end_;
    }

    void close_pending(std::uint64_t end) {
        stream_record r;
        r.kind = record_kind::refused;
        r.offset = pending_->offset;
        r.length = end - pending_->offset;
        r.head = pending_->head;
        r.error = pending_->error;
        emit(r);
        pending_.reset();
        pos_ = end;
    }

    void end_message() {
        cuts_.clear();
        nul_at_.reset();
        literal_.reset();
    }

    // ---- what each message is parsed as

    template <class T, class Parse>
    void parse_as(std::string_view bytes, stream_record& r, const char* production, Parse fn) {
        r.production = production;
        auto p = fn(bytes, options_.parse);
        if (p.failed()) {
            r.error = p.error();
            r.error->offset = static_cast<std::size_t>(r.stream_offset(p.error().offset));
            return;
        }
        if (p.incomplete()) {
            r.internal = "the parser wants " + std::to_string(p.need().needed) +
                         " more bytes although the framer found a complete message";
            return;
        }
        if (p.consumed() != bytes.size()) {
            r.internal = "the parser consumed " + std::to_string(p.consumed()) + " bytes of a " +
                         std::to_string(bytes.size()) + "-byte message";
            return;
        }
        r.value.template emplace<T>(std::move(p.value()));
    }

    void parse_command_(std::string_view bytes, stream_record& r) {
        parse_as<ast::command>(bytes, r, "command", [](std::string_view b, const parse_options& o) {
            return imapwire::parse_command(b, o);
        });
    }
    void parse_authenticate_(std::string_view bytes, stream_record& r) {
        parse_as<ast::authenticate_data>(bytes, r, "authenticate",
                                         [](std::string_view b, const parse_options& o) {
                                             return imapwire::parse_authenticate_data(b, o);
                                         });
    }
    void parse_response_(std::string_view bytes, stream_record& r) {
        parse_as<ast::response>(bytes, r, "response",
                                [](std::string_view b, const parse_options& o) {
                                    return imapwire::parse_response(b, o);
                                });
    }
    void parse_greeting_(std::string_view bytes, stream_record& r) {
        parse_as<ast::greeting>(bytes, r, "greeting",
                                [](std::string_view b, const parse_options& o) {
                                    return imapwire::parse_greeting(b, o);
                                });
    }

    void parse(const frame& f, std::string_view bytes, stream_record& r) {
        r.as = f.as;
        switch (options_.content) {
        case stream_content::client:
            return parse_client(f, bytes, r);
        case stream_content::authenticate:
            r.as = message_kind::authenticate_data;
            return parse_authenticate_(bytes, r);
        case stream_content::responses:
            r.as = message_kind::response;
            return parse_response_(bytes, r);
        case stream_content::greetings:
            r.as = message_kind::greeting;
            return parse_greeting_(bytes, r);
        case stream_content::server:
            // The greeting is the first message of the stream. The framer calls the first
            // message it hands over the greeting; when the real first one was refused (a line
            // too long), the message after it is still read as a response.
            if (f.as == message_kind::greeting && f.offset == 0)
                return parse_greeting_(bytes, r);
            r.as = message_kind::response;
            return parse_response_(bytes, r);
        }
    }

    /// True when the first line of `m` has a space (base64 has none: it is a command).
    static bool has_space(std::string_view m) noexcept {
        for (const char c : m) {
            if (c == ' ')
                return true;
            if (c == '\r' || c == '\n')
                return false;
        }
        return false;
    }

    /// A client stream. The framer says which lines follow AUTHENTICATE and which one should be
    /// IDLE's DONE. It cannot know when the server ended an AUTHENTICATE exchange (its tagged
    /// reply is not in this stream), so a line with a space, which base64 never has, is taken
    /// as the next command and the framer is told the exchange is over. When the reader takes
    /// a line as something else than the framer said, it also takes over what the framer
    /// would have concluded from it (an IDLE or AUTHENTICATE command).
    void parse_client(const frame& f, std::string_view bytes, stream_record& r) {
        message_kind as = f.as;
        if (next_ == message_kind::idle_done ||
            (next_ == message_kind::authenticate_data && as == message_kind::command))
            as = next_;
        if (next_ == message_kind::idle_done) // one line, DONE or not
            next_ = message_kind::command;

        if (as == message_kind::idle_done && is_idle_done(bytes)) {
            r.as = message_kind::idle_done;
            // Known by the framing rule (the IDLE line before it), whatever the extension set:
            // a strict parse refused that IDLE line already.
            r.production = "command";
            r.value.emplace<ast::idle_done>();
            return;
        }
        if (as == message_kind::authenticate_data && !has_space(bytes)) {
            if (bytes == "*\r\n") // the client cancelled the exchange
                next_ = message_kind::command;
            r.as = message_kind::authenticate_data;
            return parse_authenticate_(bytes, r);
        }

        next_ = message_kind::command;
        const message_kind after = kind_after_command(bytes);
        switch (f.as) {
        case message_kind::authenticate_data: // the framer still expects AUTHENTICATE lines
            if (after == message_kind::authenticate_data)
                break; // rightly: this command starts another exchange
            framer_.end_authenticate();
            next_ = after;
            break;
        case message_kind::idle_done: // the framer expects a command next
            next_ = after;
            break;
        default: // the framer saw a command and drew its own conclusions
            break;
        }
        r.as = message_kind::command;
        parse_command_(bytes, r);
    }

    stream_reader_options options_;
    framer framer_;
    record_handler handler_;

    std::string_view chunk_;        // the piece being drained
    std::uint64_t chunk_start_ = 0; // stream offset of chunk_[0]
    std::uint64_t fed_end_ = 0;     // bytes fed so far
    std::uint64_t pos_ = 0;         // start of the record in progress; records before it are out
    std::string saved_head_;        // head() of a record that started before chunk_
    std::string fixed_;             // a message with its `{0+}` restored

    std::optional<pending_refusal> pending_;
    std::size_t last_needed_ = 1; // of the last need_more frame
    // the message in progress
    std::vector<streamed_literal> cuts_;
    std::optional<std::uint64_t> nul_at_;
    bool literal8_ = false; ///< the literal being read is a literal8
    std::optional<incomplete_input::literal_info> literal_;
    // client streams: what the next line is when the reader took a line otherwise than the
    // framer did (command: as the framer says)
    message_kind next_ = message_kind::command;
};

} // namespace imapwire
