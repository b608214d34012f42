// imapwire: one IMAP connection followed from both sides: a framer for each side's bytes, the
// parser, and the session state machine, wired together the way the protocol ties the two
// directions (DESIGN §1: framer, parser and session under one type).
//
// What each side's framer must learn from the other side, the connection tells it: the
// server's tagged reply to AUTHENTICATE ends the client's AUTHENTICATE lines, and a tagged reply
// to a command whose synchronizing literal is still announced refuses the literal, so the
// client's next bytes are a new command, not the literal's octets.
//
// After the server's OK to COMPRESS DEFLATE (RFC 4978) both directions are raw DEFLATE: the
// client's from the byte after its COMPRESS command, the server's from the byte after its OK.
// The connection inflates them (with zlib: IMAPWIRE_WITH_ZLIB, see detail/inflate.hpp) and
// goes on; stream offsets after that point count inflated bytes. Between COMPRESS and its
// answer the client's bytes are held back, since the answer decides how they are to be read.
#pragma once

#include <imapwire/detail/inflate.hpp>
#include <imapwire/framer.hpp>
#include <imapwire/options.hpp>
#include <imapwire/session.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace imapwire {

/// Why a finding may not be the peers' fault (a bit set, per finding: connection::origins()).
enum finding_origin : std::uint8_t {
    origin_peer = 0,        ///< the peers did it
    origin_cut = 1,         ///< a message cut off where the recording ends
    origin_consequence = 2, ///< follows from another finding or from a refused literal
};

/// What a connection reports for each frame it delivered.
struct connection_event {
    imapwire::side side = side::client;
    /// The frame: a message, a literal announcement, a piece of a streamed literal or a framing
    /// error. Its views are valid until the next call to the connection.
    imapwire::frame frame;
    /// A message as it parsed (monostate for other frames and for messages that did not parse:
    /// the findings say why). It views frame.bytes.
    parsed_message parsed;
    /// The findings this frame caused: findings() of the connection, from `first_finding` on.
    std::span<const finding> findings;
};

/// Options of a connection: the parser's (limits, extensions), the framers' message limit.
struct connection_options {
    parse_options parse;
    std::size_t max_message_size = framer_options{}.max_message_size;
    /// Literals larger than this are not buffered (see framer_options::stream_literals_above).
    std::size_t stream_literals_above = framer_options{}.stream_literals_above;
    /// After the OK to COMPRESS DEFLATE (RFC 4978): inflate both directions (the bytes as they
    /// went over the wire), or read them as they are (false: a recording that already holds
    /// the inflated bytes, as a transcript logged by a client or a server does).
    bool inflate_compressed = true;
};

/// Follows one connection. Feed each side's bytes in the order they were sent or received
/// (feed()), or let a scheduler of your own take frames from the framers (framer()) and hand
/// them back in protocol order (deliver()); every frame is parsed, checked by the session, and
/// reported to the event handler.
class connection {
public:
    using event_handler = std::function<void(const connection_event&)>;

    explicit connection(const connection_options& options = {})
        : options_(options)
        , session_(options.parse)
        , client_(framer_for(role::server, options))
        , server_(framer_for(role::client, options)) {}

    /// Called for every frame delivered, after the session has seen it.
    void on_event(event_handler handler) { handler_ = std::move(handler); }

    /// Bytes side `s` sent. Frames everything that is complete and delivers it.
    void feed(imapwire::side s, std::string_view bytes) {
        if (s == side::client)
            literal_waiting_ = false; // the client sent something after announcing its literal
        feed_framer(s, bytes);
        drain(s);
    }

    /// For schedulers that take the frames themselves (framer_of(), deliver()): bytes side `s`
    /// sent, handed to its framer as they are, or to its inflater once the side is compressed
    /// (COMPRESS, RFC 4978); nothing is delivered.
    void feed_framer(imapwire::side s, std::string_view bytes) {
        if (direction& d = dir(s); d.dead)
            return; // compressed bytes that cannot be inflated: nothing more is read
        else if (d.inflater)
            d.inflater->push(bytes);
        else
            framer_of(s).feed(bytes);
    }

    /// For schedulers, when framer_of(s) needs more: inflates the next piece of a compressed
    /// side's bytes into its framer. False when there is nothing to inflate (feed more, or
    /// the side is not compressed); a side whose bytes do not inflate becomes a finding.
    bool inflate_more(imapwire::side s) {
        direction& d = dir(s);
        if (d.dead || !d.inflater)
            return false;
        switch (d.inflater->step(d.piece)) {
        case detail::raw_inflater::status::produced:
            framer_of(s).feed(d.piece);
            return true;
        case detail::raw_inflater::status::need_input:
            return false;
        case detail::raw_inflater::status::failed:
            cannot_inflate(s, "DEFLATE data (RFC 1951)");
            return false;
        }
        return false;
    }

    /// Side `s` is compressed from the first byte its framer has not framed yet, whatever the
    /// other side says: for a reader of one side's bytes alone.
    void assume_compressed(imapwire::side s) { start_inflating(s); }

    /// True once side `s` is compressed (COMPRESS, RFC 4978) and being inflated.
    bool compressed(imapwire::side s) const noexcept {
        return (s == side::client ? client_dir_ : server_dir_).inflater != nullptr;
    }
    /// Where side `s`'s compressed bytes start (a stream offset: the bytes before it are the
    /// same in the recording and in the stream read), when the side was compressed. Offsets of
    /// its findings and frames from there on count inflated bytes.
    std::optional<std::uint64_t> compressed_from(imapwire::side s) const noexcept {
        return (s == side::client ? client_dir_ : server_dir_).from;
    }

    /// Side `s` has ended: a message it left open is reported (error::truncated).
    void finish(imapwire::side s) {
        if (s == side::client && compress_tag_) { // COMPRESS never answered: read what came
            compress_tag_.reset();
            client_held_ = false;
            drain(side::client);
        }
        framer_of(s).finish();
        drain(s);
    }

    /// Both sides have ended: finishes both framers, then the session (commands left in
    /// progress are findings).
    void finish() {
        finish(side::client);
        finish(side::server);
        finish_session();
    }

    /// The session only: for schedulers that finish the framers themselves.
    void finish_session() {
        const std::size_t before = session_.findings().size();
        session_.finish();
        annotate(before, 0);
    }

    /// The server's stream is over (for schedulers): a literal the client sends from now on
    /// cannot have its "+" in the recording.
    void server_ended() noexcept { server_ended_ = true; }

    /// The framer that reads side `s`'s bytes (server role for the client's).
    framer& framer_of(imapwire::side s) noexcept { return s == side::client ? client_ : server_; }

    /// Delivers one frame that framer_of(s) returned, in protocol order.
    void deliver(imapwire::side s, const frame& f) {
        const std::size_t before = session_.findings().size();
        std::uint8_t origin = origin_peer;
        if (s == side::client)
            deliver_client(f, origin);
        else
            deliver_server(f, origin);
        annotate(before, origin);
        if (handler_) {
            connection_event e;
            e.side = s;
            e.frame = f;
            e.parsed = session_.take_parsed();
            e.findings = std::span<const finding>(session_.findings()).subspan(before);
            handler_(e);
        } else {
            (void)session_.take_parsed();
        }
        if (s == side::server && compress_answer_) {
            // the answer to COMPRESS is delivered: after an OK, the client's bytes after its
            // command and the server's after the OK are compressed; then the client goes on
            const bool ok = *compress_answer_;
            compress_answer_.reset();
            if (ok && options_.inflate_compressed) {
                start_inflating(side::client);
                start_inflating(side::server);
            }
            if (client_held_) { // feed() held the client's bytes back: read them now
                client_held_ = false;
                drain(side::client);
            }
        }
    }

    const imapwire::session& session() const noexcept { return session_; }
    const std::vector<finding>& findings() const noexcept { return session_.findings(); }
    /// One finding_origin bit set per finding, in the order of findings().
    const std::vector<std::uint8_t>& origins() const noexcept { return origins_; }
    protocol_state state() const noexcept { return session_.state(); }
    const connection_options& options() const noexcept { return options_; }

    /// The options of a framer of role `r` for these connection options (role::server reads
    /// the client's bytes, role::client the server's).
    static framer_options framer_for(role r, const connection_options& o) {
        return framer_options_for(r, o.parse, o.max_message_size, o.stream_literals_above);
    }

private:
    /// One direction's decompression (COMPRESS, RFC 4978).
    struct direction {
        std::unique_ptr<detail::raw_inflater> inflater; // set once the direction is compressed
        bool dead = false; // its compressed bytes could not be inflated: nothing more is read
        std::optional<std::uint64_t> from; // the stream offset where compression starts
        std::string piece;                 // the last inflated piece
    };
    direction& dir(imapwire::side s) noexcept {
        return s == side::client ? client_dir_ : server_dir_;
    }

    void drain(imapwire::side s) {
        framer& f = framer_of(s);
        direction& d = dir(s);
        while (!d.dead) {
            if (s == side::client && compress_tag_) {
                client_held_ = true; // the answer to COMPRESS decides how they are read
                return;
            }
            const frame fr = f.next();
            if (fr.kind != frame_kind::need_more)
                deliver(s, fr);
            else if (!inflate_more(s)) // a bounded piece, framed before more is inflated
                return;
        }
    }

    /// Side `s` is compressed from the first byte its framer has not framed yet.
    void start_inflating(imapwire::side s) {
        direction& d = dir(s);
        if (d.inflater || d.dead)
            return; // compressed already: a second COMPRESS is refused (COMPRESSIONACTIVE)
        framer& f = framer_of(s);
        d.from = f.offset();
        if (!detail::raw_inflater::available) {
            cannot_inflate(s, "inflated bytes (this build has no zlib: IMAPWIRE_WITH_ZLIB)");
            return;
        }
        d.inflater = std::make_unique<detail::raw_inflater>();
        d.inflater->push(f.take_unframed());
    }

    /// The compressed bytes of side `s` cannot be inflated: one framing finding, and nothing of
    /// that side is read from here on.
    void cannot_inflate(imapwire::side s, std::string expected) {
        direction& d = dir(s);
        d.dead = true;
        d.inflater.reset();
        (void)framer_of(s).take_unframed();
        parse_error e;
        e.offset = static_cast<std::size_t>(framer_of(s).offset());
        e.production = "compress";
        e.expected = std::move(expected);
        e.code = make_error_code(error::compressed);
        const std::size_t before = session_.findings().size();
        session_.framing_error(s, e);
        annotate(before, origin_peer);
    }

    void deliver_client(const frame& f, std::uint8_t& origin) {
        switch (f.kind) {
        case frame_kind::literal:
            session_.client_literal(f.literal);
            if (f.literal.synchronizing) {
                literal_waiting_ = true;
                literal_tag_.assign(f.tag);
                literal_at_ = f.literal.offset;
            }
            return;
        case frame_kind::message: {
            literal_waiting_ = false;
            const std::size_t before = session_.findings().size();
            session_.client_message(f.bytes, f.offset, f.as);
            const std::string tag(message_tag(f.bytes));
            if (f.as == message_kind::command &&
                detail::iequals(message_word(f.bytes), "AUTHENTICATE"))
                auth_tag_ = tag;
            // COMPRESS (RFC 4978 §3): the client sends nothing more until the answer; held back
            if (f.as == message_kind::command && options_.inflate_compressed &&
                options_.parse.extensions.contains(extension::compress) &&
                detail::iequals(message_word(f.bytes), "COMPRESS") && !client_dir_.inflater)
                compress_tag_ = tag;
            for (std::size_t i = before; i < session_.findings().size(); ++i)
                if (session_.findings()[i].kind == finding_kind::syntax)
                    unanswerable_.insert(tag);
            return;
        }
        case frame_kind::error:
            literal_waiting_ = false;
            session_.framing_error(side::client, f.error);
            if (!f.tag.empty())
                unanswerable_.insert(std::string(f.tag));
            if (f.error.code == make_error_code(error::truncated))
                origin |= origin_cut;
            return;
        case frame_kind::literal_data:
        case frame_kind::need_more:
            return;
        }
    }

    void deliver_server(const frame& f, std::uint8_t& origin) {
        if (f.kind == frame_kind::error) {
            session_.framing_error(side::server, f.error);
            if (f.error.code == make_error_code(error::truncated))
                origin |= origin_cut;
            return;
        }
        if (f.kind != frame_kind::message)
            return;
        const std::string_view tok = message_tag(f.bytes);
        const bool tagged = f.as != message_kind::greeting && tok != "*" && tok != "+";
        std::string tag;
        if (tagged) {
            tag.assign(tok);
            if (literal_waiting_ && tag == literal_tag_) {
                // answered before its "+": the client does not send the literal
                client_.refuse_literal();
                literal_waiting_ = false;
                refused_literals_.insert(literal_at_);
                unanswerable_.insert(tag);
            }
        }
        const std::size_t before = session_.findings().size();
        session_.server_message(f.bytes, f.offset, f.as);
        if (tagged) {
            for (std::size_t i = before; i < session_.findings().size(); ++i)
                if (session_.findings()[i].kind == finding_kind::unknown_tag &&
                    unanswerable_.erase(tag) > 0)
                    origin |= origin_consequence;
            if (auth_tag_ && *auth_tag_ == tag) {
                client_.end_authenticate();
                auth_tag_.reset();
            }
            if (compress_tag_ && *compress_tag_ == tag) {
                compress_tag_.reset();
                compress_answer_ = detail::iequals(message_word(f.bytes), "OK");
            }
        }
    }

    void annotate(std::size_t before, std::uint8_t origin) {
        const auto& fs = session_.findings();
        for (std::size_t i = before; i < fs.size(); ++i) {
            std::uint8_t m = origin_peer;
            if ((origin & origin_cut) && fs[i].kind == finding_kind::framing)
                m |= origin_cut;
            if ((origin & origin_consequence) && fs[i].kind == finding_kind::unknown_tag)
                m |= origin_consequence;
            if (fs[i].kind == finding_kind::literal_before_continuation &&
                refused_literals_.count(fs[i].offset) > 0)
                m |= origin_consequence;
            if (fs[i].kind == finding_kind::literal_before_continuation && server_ended_)
                m |= origin_cut;
            origins_.push_back(m);
        }
    }

    connection_options options_;
    imapwire::session session_;
    framer client_; // reads the client's bytes (server role)
    framer server_; // reads the server's bytes (client role)
    event_handler handler_;
    std::optional<std::string> auth_tag_;
    bool literal_waiting_ = false; // a synchronizing literal announced, nothing sent since
    std::string literal_tag_;
    std::uint64_t literal_at_ = 0;
    std::set<std::uint64_t> refused_literals_; // "{" offsets of literals the server refused
    std::set<std::string> unanswerable_;       // tags of commands the session could not register
    std::vector<std::uint8_t> origins_;        // per finding
    bool server_ended_ = false;
    std::optional<std::string> compress_tag_; // COMPRESS sent, its answer not seen yet
    std::optional<bool> compress_answer_;     // ... answered (OK: true), not acted on yet
    bool client_held_ = false;                // feed() holds the client's bytes until then
    direction client_dir_;
    direction server_dir_;
};

} // namespace imapwire
