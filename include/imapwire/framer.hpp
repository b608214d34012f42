// imapwire: incremental framing of an IMAP byte stream into messages.
#pragma once

#include <imapwire/detail/charset.hpp>
#include <imapwire/detail/scan.hpp>
#include <imapwire/error.hpp>
#include <imapwire/options.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>

namespace imapwire {

/// Which side of the connection the framer reads for.
enum class role : std::uint8_t {
    server, ///< reads a client's commands (and AUTHENTICATE lines, IDLE's DONE)
    client, ///< reads a server's greeting and responses
};

/// Limits and behaviour of a framer. Every limit is checked before the bytes it concerns are
/// kept: a line is refused as soon as it passes max_line_length, a literal when it is announced.
struct framer_options {
    imapwire::role role = role::server;
    std::size_t max_line_length = 64 * 1024;            ///< one line, literal contents excluded
    std::uint32_t max_literal_size = 64u * 1024 * 1024; ///< one literal
    std::size_t max_message_size = 96u * 1024 * 1024;   ///< a line plus all its literals
    /// Literals larger than this are not buffered: their contents come as literal_data frames as
    /// they arrive, and the message then shows them as empty literals `{0}`. Off by default.
    std::size_t stream_literals_above = std::numeric_limits<std::size_t>::max();
};

/// What a frame reports.
enum class frame_kind : std::uint8_t {
    need_more,    ///< feed more bytes; `needed` is a lower bound (exact inside a literal)
    message,      ///< `bytes` is one whole message, literals included; parse it as `as` says
    literal,      ///< a literal was announced (see `literal`); its octets follow
    literal_data, ///< a piece of a streamed literal's octets, in `bytes`
    error,        ///< `error` says what; the framer has resynchronized where it could
};

/// How the bytes of a message frame are to be parsed.
enum class message_kind : std::uint8_t {
    command,           ///< parse_command
    authenticate_data, ///< parse_authenticate_data (lines after AUTHENTICATE, server role)
    idle_done,         ///< the DONE that ends IDLE (RFC 2177): is_idle_done
    greeting,          ///< parse_greeting (the first message, client role)
    response,          ///< parse_response
};

/// A literal announced by `{n}` or `{n+}` at the end of a line.
struct literal_announcement {
    std::uint32_t size = 0;
    bool synchronizing = true; ///< `{n}`: the client waits for "+" before sending the octets
    std::uint64_t offset = 0;  ///< stream offset of the "{"
    std::string_view line;     ///< the message so far, through the CRLF after the announcement
};

/// The options of a framer of role `r` that applies the line and literal limits of `p`, so that
/// every message it lets through can be parsed with `p`.
inline framer_options framer_options_for(role r, const parse_options& p,
                                         std::size_t max_message_size,
                                         std::size_t stream_literals_above) {
    framer_options f;
    f.role = r;
    f.max_line_length = p.max_line_length;
    f.max_literal_size = p.max_literal_size;
    f.max_message_size = max_message_size;
    f.stream_literals_above = stream_literals_above;
    return f;
}

/// One event of the framer. Views are valid until the next call to feed() or next().
struct frame {
    frame_kind kind = frame_kind::need_more;
    message_kind as = message_kind::command;
    std::string_view bytes;   ///< message or literal_data
    std::uint64_t offset = 0; ///< stream offset of `bytes`, of the announcement, or of the error
    std::size_t needed = 1;   ///< need_more
    std::string_view tag;     ///< literal, error: the message's tag (first token), if known
    literal_announcement literal; ///< literal
    parse_error error;            ///< error (offset is a stream offset)
};

/// A message's first word, without the line end: its tag, "*" or "+".
constexpr std::string_view message_tag(std::string_view message) noexcept {
    return message.substr(0, message.find_first_of(" \r\n"));
}

/// A message's second word, without the line end: a command's name ("" when there is none).
constexpr std::string_view message_word(std::string_view message) noexcept {
    const std::size_t sp = message.find(' ');
    if (sp == std::string_view::npos)
        return {};
    const std::string_view rest = message.substr(sp + 1);
    return rest.substr(0, rest.find_first_of(" \r\n"));
}

/// How a client's message after the command `m` is to be parsed: the lines after "tag
/// AUTHENTICATE ..." (RFC 3501 §6.2.2), the DONE after "tag IDLE" CRLF (RFC 2177), else a
/// command.
constexpr message_kind kind_after_command(std::string_view m) noexcept {
    const std::string_view name = message_word(m);
    if (detail::iequals(name, "AUTHENTICATE"))
        return message_kind::authenticate_data;
    if (detail::iequals(name, "IDLE") &&
        m.substr(static_cast<std::size_t>(name.data() + name.size() - m.data())) == "\r\n")
        return message_kind::idle_done;
    return message_kind::command;
}

/// Splits a byte stream into IMAP messages: a line plus the literals it announces. Feed bytes as
/// they arrive, in pieces of any size, and call next() until it says need_more. The events do not
/// depend on how the stream was cut, and each byte is scanned once: total work is linear in the
/// stream. The framer does not parse; it says how each message is to be parsed.
class framer {
public:
    explicit framer(framer_options options = {})
        : opt_(options) {
        if (opt_.role == role::client)
            next_kind_ = message_kind::greeting;
    }

    /// Appends bytes of the stream. Invalidates the views of earlier frames.
    void feed(std::string_view data) {
        compact();
        buf_.append(data.data(), data.size());
    }

    /// The stream has ended: a message still open becomes an error (error::truncated).
    void finish() noexcept { finished_ = true; }

    /// After a `literal` frame of a synchronizing literal (server role): the server refuses it
    /// (answering the tag with NO or BAD), so the client will not send the octets. The message
    /// is dropped and the next line starts a new message.
    void refuse_literal() {
        if (state_ != state::literal)
            return;
        state_ = state::line;
        lit_left_ = 0;
        streaming_ = false;
        start_message(scan_);
    }

    /// Server role: the AUTHENTICATE exchange is over (the server sent its tagged reply).
    void end_authenticate() noexcept {
        if (next_kind_ == message_kind::authenticate_data)
            next_kind_ = message_kind::command;
    }

    /// Removes and returns the bytes fed after the last message returned, not framed yet: where
    /// the stream changes its encoding, as after COMPRESS (RFC 4978), the caller decodes them and
    /// feeds them back. Only between messages (nothing while a literal is being read); stream
    /// offsets go on from the end of that message. The views of the last frame stay valid.
    std::string take_unframed() {
        if (state_ != state::line)
            return {};
        std::string rest = buf_.substr(msg_start_);
        buf_.resize(msg_start_);
        scan_ = line_start_ = msg_start_;
        return rest;
    }

    /// Bytes the framer holds now.
    std::size_t buffered() const noexcept { return buf_.size() - head_; }
    /// Stream offset of the first byte not yet returned in a frame.
    std::uint64_t offset() const noexcept { return msg_abs_; }

    /// The next event.
    frame next() {
        for (;;) {
            switch (state_) {
            case state::line: {
                const std::size_t end = buf_.size();
                const char* nl = scan_ < end ? static_cast<const char*>(std::memchr(
                                                   buf_.data() + scan_, '\n', end - scan_))
                                             : nullptr;
                if (!nl) {
                    scan_ = end;
                    if (end - line_start_ > opt_.max_line_length)
                        return refuse_line(error::line_too_long, "CRLF");
                    if (finished_ && end > msg_start_)
                        return truncated();
                    return need_more(1);
                }
                const std::size_t lf = static_cast<std::size_t>(nl - buf_.data());
                scan_ = lf + 1;
                if (scan_ - line_start_ > opt_.max_line_length)
                    return refuse_line(error::line_too_long, "CRLF");
                bool nonsync = false;
                const std::size_t brace =
                    (lf > line_start_ && buf_[lf - 1] == '\r')
                        ? detail::literal_announcement(buf_, line_start_, lf - 1, nonsync)
                        : std::string_view::npos;
                if (brace == std::string_view::npos)
                    return complete_message();
                // a literal: its count decides how many octets belong to the message
                std::uint64_t count = 0;
                for (std::size_t d = brace + 1; buf_[d] >= '0' && buf_[d] <= '9'; ++d) {
                    count = count * 10 + static_cast<std::uint64_t>(buf_[d] - '0');
                    if (count > 0xffffffffull)
                        return refuse_literal_announcement(
                            brace, error::number_range, "a number below 4294967296", 0, !nonsync);
                }
                if (count > opt_.max_literal_size)
                    return refuse_literal_announcement(brace, error::literal_too_large,
                                                       "a smaller literal", count, !nonsync);
                // a streamed literal is never buffered: it does not count towards the message
                if (count <= opt_.stream_literals_above &&
                    (scan_ - msg_start_) + count > opt_.max_message_size)
                    return refuse_literal_announcement(brace, error::message_too_large,
                                                       "a smaller message", count, !nonsync);
                lit_left_ = count;
                streaming_ = count > opt_.stream_literals_above;
                const std::uint64_t announced_at = abs(brace);
                if (streaming_) {
                    // keep the message as if the literal were empty: "{n}" becomes "{0}"
                    std::size_t digits = 0; // the count's digits ("+" of {n+} stays)
                    while (buf_[brace + 1 + digits] >= '0' && buf_[brace + 1 + digits] <= '9')
                        ++digits;
                    buf_[brace + 1] = '0'; // (in place: replace() trips g++ 12's -Wrestrict)
                    buf_.erase(brace + 2, digits - 1);
                    scan_ -= digits - 1;
                    shift_ += digits - 1;
                }
                state_ = state::literal;
                frame f;
                f.kind = frame_kind::literal;
                f.offset = announced_at;
                f.literal.size = static_cast<std::uint32_t>(count);
                f.literal.synchronizing = !nonsync;
                f.literal.offset = announced_at;
                f.literal.line = std::string_view(buf_).substr(msg_start_, scan_ - msg_start_);
                f.tag = tag_of(f.literal.line);
                return f;
            }
            case state::literal: {
                const std::size_t avail = buf_.size() - scan_;
                if (streaming_) {
                    if (lit_left_ == 0) {
                        state_ = state::line;
                        line_start_ = scan_;
                        continue;
                    }
                    if (avail == 0) {
                        if (finished_)
                            return truncated();
                        return need_more(static_cast<std::size_t>(lit_left_) + 2);
                    }
                    const std::size_t take =
                        static_cast<std::size_t>(std::min<std::uint64_t>(avail, lit_left_));
                    // hand the octets out and drop them from the buffer; the line continues
                    frame f;
                    f.kind = frame_kind::literal_data;
                    f.offset = abs(scan_);
                    chunk_.assign(buf_, scan_, take);
                    buf_.erase(scan_, take);
                    shift_ += take;
                    lit_left_ -= take;
                    f.bytes = chunk_;
                    return f;
                }
                const std::size_t take =
                    static_cast<std::size_t>(std::min<std::uint64_t>(avail, lit_left_));
                scan_ += take;
                lit_left_ -= take;
                if (lit_left_ > 0) {
                    if (finished_)
                        return truncated();
                    return need_more(static_cast<std::size_t>(lit_left_) + 2);
                }
                state_ = state::line;
                line_start_ = scan_;
                continue;
            }
            case state::discard_line: {
                // resynchronizing after a line that was too long: drop bytes up to the next LF
                const std::size_t end = buf_.size();
                const char* nl = scan_ < end ? static_cast<const char*>(std::memchr(
                                                   buf_.data() + scan_, '\n', end - scan_))
                                             : nullptr;
                if (!nl) {
                    drop_to(end);
                    return need_more(1);
                }
                drop_to(static_cast<std::size_t>(nl - buf_.data()) + 1);
                state_ = state::line;
                continue;
            }
            case state::skip_literal: {
                // resynchronizing after a refused literal the peer sends anyway: skip its octets
                const std::size_t avail = buf_.size() - scan_;
                const std::size_t take =
                    static_cast<std::size_t>(std::min<std::uint64_t>(avail, lit_left_));
                lit_left_ -= take;
                drop_to(scan_ + take);
                if (lit_left_ > 0)
                    return need_more(static_cast<std::size_t>(lit_left_));
                state_ = state::discard_line; // the rest of the refused message's line
                continue;
            }
            }
        }
    }

private:
    enum class state : std::uint8_t { line, literal, discard_line, skip_literal };

    static std::string_view tag_of(std::string_view line) {
        const std::size_t sp = line.find(' ');
        return sp == std::string_view::npos ? std::string_view() : line.substr(0, sp);
    }

    void compact() {
        // drop what earlier frames returned; amortized: only when it is at least half the buffer
        if (head_ > 0 && head_ >= buf_.size() / 2) {
            buf_.erase(0, head_);
            base_ += head_;
            scan_ -= head_;
            line_start_ -= head_;
            msg_start_ -= head_;
            head_ = 0;
        }
    }

    /// Stream offset of buf_[i] (streamed literal octets were cut out of the buffer).
    std::uint64_t abs(std::size_t i) const noexcept { return base_ + shift_ + i; }

    /// The next message starts at buf_[at]; everything before it is done with.
    void start_message(std::size_t at) {
        scan_ = line_start_ = msg_start_ = head_ = at;
        msg_abs_ = abs(at);
    }

    /// Drops the bytes before `to` (all of them already scanned and refused).
    void drop_to(std::size_t to) {
        start_message(to);
        if (head_ == buf_.size()) {
            base_ += head_;
            buf_.clear();
            scan_ = line_start_ = msg_start_ = head_ = 0;
        }
    }

    frame need_more(std::size_t n) {
        frame f;
        f.kind = frame_kind::need_more;
        f.needed = n;
        f.offset = abs(scan_);
        return f;
    }

    frame make_error(std::uint64_t at, error code, std::string expected) {
        if (next_kind_ == message_kind::greeting) // a refused first message was the greeting
            next_kind_ = message_kind::response;
        frame f;
        f.kind = frame_kind::error;
        f.offset = at;
        f.error = parse_error{static_cast<std::size_t>(at),
                              opt_.role == role::server ? "command" : "response",
                              std::move(expected), make_error_code(code)};
        return f;
    }

    frame refuse_line(error code, const char* expected) {
        const std::uint64_t at = abs(line_start_);
        const bool ended = scan_ > 0 && buf_[scan_ - 1] == '\n';
        drop_to(scan_);
        if (!ended)
            state_ = state::discard_line;
        return make_error(at, code, expected);
    }

    frame refuse_literal_announcement(std::size_t brace, error code, const char* expected,
                                      std::uint64_t count, bool synchronizing) {
        const std::uint64_t at = abs(brace);
        tag_.assign(tag_of(std::string_view(buf_).substr(msg_start_, scan_ - msg_start_)));
        drop_to(scan_);
        // A client that announced a synchronizing literal waits for "+" and, refused, does not
        // send it; otherwise the octets come anyway and are skipped by their count. A count too
        // large to read cannot be skipped: the next line starts the next message.
        if (count > 0 && !(synchronizing && opt_.role == role::server)) {
            lit_left_ = count;
            state_ = state::skip_literal;
        }
        frame f = make_error(at, code, expected);
        f.tag = tag_;
        return f;
    }

    frame truncated() {
        const std::uint64_t at = msg_abs_;
        drop_to(buf_.size());
        state_ = state::line;
        lit_left_ = 0;
        return make_error(at, error::truncated, "the rest of the message");
    }

    frame complete_message() {
        frame f;
        f.kind = frame_kind::message;
        f.bytes = std::string_view(buf_).substr(msg_start_, scan_ - msg_start_);
        f.offset = msg_abs_;
        f.as = next_kind_;
        advance_kind(f.bytes);
        start_message(scan_);
        streaming_ = false;
        return f;
    }

    /// Decides how the message after `m` is to be parsed.
    void advance_kind(std::string_view m) {
        if (opt_.role == role::client) {
            next_kind_ = message_kind::response;
            return;
        }
        switch (next_kind_) {
        case message_kind::authenticate_data:
            if (m == "*\r\n") // the client cancelled; the server answers BAD
                next_kind_ = message_kind::command;
            return;
        case message_kind::idle_done:
            next_kind_ = message_kind::command;
            return;
        default:
            break;
        }
        // "tag AUTHENTICATE ..." and "tag IDLE" change what the client sends next
        next_kind_ = kind_after_command(m);
    }

    framer_options opt_;
    std::string buf_;
    std::uint64_t base_ = 0;     // stream offset of buf_[0], less shift_
    std::uint64_t shift_ = 0;    // octets cut out of the buffer (streamed literals, "{n}" -> "{0}")
    std::uint64_t msg_abs_ = 0;  // stream offset of the message being framed
    std::size_t head_ = 0;       // bytes before this were returned and may be dropped
    std::size_t msg_start_ = 0;  // start of the message being framed
    std::size_t line_start_ = 0; // start of the line being scanned
    std::size_t scan_ = 0;       // bytes before this are scanned
    std::uint64_t lit_left_ = 0; // octets of the current literal still to come
    bool streaming_ = false;
    bool finished_ = false;
    state state_ = state::line;
    message_kind next_kind_ = message_kind::command;
    std::string chunk_; // the bytes of the last literal_data frame
    std::string tag_;   // the tag of the last refused message
};

/// True when `message` is the DONE line that ends IDLE (RFC 2177), in any case.
inline bool is_idle_done(std::string_view message) noexcept {
    return detail::iequals(message, "DONE\r\n");
}

} // namespace imapwire
