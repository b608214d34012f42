// imapwire: command-line front end of the imapwire library.
//
//   imapwire parse     [--as=KIND] [--format=text|json] [FILE|-]
//   imapwire roundtrip [--as=KIND] [FILE|-]
//
// KIND is what the stream holds: client commands, AUTHENTICATE lines, server greetings,
// server responses, or (auto) a whole server stream, a greeting followed by responses.
//
// The input is read in chunks and fed to imapwire::framer, which delimits each message (a line
// plus its literals) as the bytes arrive, enforces the line, literal and message size limits,
// resynchronizes after a refused message, and says how each message is to be parsed (in a client
// stream: commands, the lines after AUTHENTICATE, the DONE that ends IDLE). Each message is then
// parsed on its own. Memory is bounded by the read size plus the largest message the limits let
// through; `parse --format=text` does not even keep literals over 1 MiB (see stream_literals).

#include "ast_json.hpp"
#include "cli_options.hpp"
#include "validate.hpp"

#include <imapwire/config.hpp>
#include <imapwire/error.hpp>
#include <imapwire/framer.hpp>
#include <imapwire/options.hpp>
#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <variant>
#include <vector>

#if defined(_WIN32)
#include <fcntl.h>
#include <io.h>
#define IMAPWIRE_TOOL_READ ::_read
#define IMAPWIRE_TOOL_OPEN(path) ::_open(path, _O_RDONLY | _O_BINARY)
#define IMAPWIRE_TOOL_CLOSE ::_close
#else
#include <fcntl.h>
#include <unistd.h>
#define IMAPWIRE_TOOL_READ ::read
#define IMAPWIRE_TOOL_OPEN(path) ::open(path, O_RDONLY)
#define IMAPWIRE_TOOL_CLOSE ::close
#endif

namespace {

namespace ast = imapwire::ast;
using imapwire_tool::json;

constexpr int exit_ok = 0;
constexpr int exit_failures = 1; // at least one message failed to parse or serialize
constexpr int exit_usage = 2;    // bad command line or I/O error

// ---- what the input holds ----------------------------------------------------------------------

/// The entry points the tool can drive. To add one: add an enumerator, a row to `input_kinds`
/// and an `entry_point` specialisation, then a case in `handle_message`.
enum class input_kind { command, authenticate, response, greeting, server_stream };

struct input_kind_entry {
    const char* name;
    input_kind kind;
    const char* description;
};

constexpr input_kind_entry input_kinds[] = {
    {"command", input_kind::command,
     "a client stream: commands (RFC 3501 `command`), the base64 lines after AUTHENTICATE "
     "(until a line with a space, the next command) and the DONE that ends IDLE (RFC 2177)"},
    {"authenticate", input_kind::authenticate,
     "AUTHENTICATE continuation lines (RFC 3501 section 6.2.2: base64 CRLF, or \"*\" CRLF)"},
    {"response", input_kind::response,
     "server messages (continue-req, response-data, response-tagged)"},
    {"greeting", input_kind::greeting, "server greetings (RFC 3501 `greeting`)"},
    {"auto", input_kind::server_stream,
     "a whole server stream: the message at offset 0 is parsed as a greeting, every "
     "following one as a response"},
};

std::optional<input_kind> find_input_kind(std::string_view name) {
    for (const auto& e : input_kinds)
        if (name == e.name)
            return e.kind;
    return std::nullopt;
}

template <class T>
struct entry_point;

template <>
struct entry_point<ast::command> {
    static imapwire::parse_result<ast::command> parse(std::string_view in,
                                                      const imapwire::parse_options& o) {
        return imapwire::parse_command(in, o);
    }
    static std::string summary(const ast::command& c) {
        return std::string(c.tag) + " " + imapwire_tool::command_name(c.body);
    }
};

template <>
struct entry_point<ast::authenticate_data> {
    static imapwire::parse_result<ast::authenticate_data> parse(std::string_view in,
                                                                const imapwire::parse_options& o) {
        return imapwire::parse_authenticate_data(in, o);
    }
    static std::string summary(const ast::authenticate_data& d) {
        if (d.cancel)
            return "cancel";
        return "data (" + std::to_string(d.base64.size()) + " base64 characters)";
    }
};

template <>
struct entry_point<ast::greeting> {
    static imapwire::parse_result<ast::greeting> parse(std::string_view in,
                                                       const imapwire::parse_options& o) {
        return imapwire::parse_greeting(in, o);
    }
    static std::string summary(const ast::greeting& g) { return imapwire_tool::summary(g); }
};

template <>
struct entry_point<ast::response> {
    static imapwire::parse_result<ast::response> parse(std::string_view in,
                                                       const imapwire::parse_options& o) {
        return imapwire::parse_response(in, o);
    }
    static std::string summary(const ast::response& r) { return imapwire_tool::summary(r); }
};

// ---- run configuration -------------------------------------------------------------------------

enum class output_format { text, json };
enum class mode { parse, roundtrip };

/// `parse --format=text` streams literals larger than this past instead of buffering them: the
/// summary does not show their contents, and the message is parsed with them as empty literals.
/// JSON output shows every literal's contents and `roundtrip` must reproduce them, so both keep
/// whole messages (up to --max-message-size).
constexpr std::size_t stream_literals_above = std::size_t(1) << 20;

struct run_options {
    mode what = mode::parse;
    input_kind kind = input_kind::command;
    output_format format = output_format::text;
    std::size_t chunk_size = 64 * 1024;
    std::size_t max_message_size = imapwire::framer_options{}.max_message_size;
    imapwire::parse_options parse;
    imapwire::serialize_options serialize;

    /// How the framer reads the stream: the same line and literal limits as the parser, so
    /// that every message the framer lets through can be parsed.
    imapwire::framer_options framing() const {
        imapwire::framer_options f;
        f.role = kind == input_kind::command || kind == input_kind::authenticate
                     ? imapwire::role::server
                     : imapwire::role::client;
        f.max_line_length = parse.max_line_length;
        f.max_literal_size = parse.max_literal_size;
        f.max_message_size = max_message_size;
        if (what == mode::parse && format == output_format::text)
            f.stream_literals_above = stream_literals_above;
        return f;
    }
};

// ---- failures ----------------------------------------------------------------------------------

/// A failed message, with every offset absolute (from the start of the stream).
struct failure {
    std::uint64_t offset = 0;
    std::string production;
    std::string expected;
    std::string code;        ///< "syntax", "nul_byte", ..., "incomplete", "internal"
    std::string description; ///< "syntax error", "stream ends inside a message (...)"...
    std::optional<std::size_t> needed;
    std::optional<imapwire::incomplete_input::literal_info> literal;

    /// "offset 12: in search-key: expected SP (syntax error)", or "offset 12: <description>"
    /// when neither a production nor an expectation is known.
    std::string message() const {
        return "offset " + std::to_string(offset) + ": " +
               imapwire::error_text(production, expected, description);
    }
};

std::string error_code_name(const std::error_code& ec) {
    if (ec.category() != imapwire::error_category())
        return "other";
    return std::string(imapwire::error_name(static_cast<imapwire::error>(ec.value())));
}

failure from_parse_error(const imapwire::parse_error& e, std::uint64_t base) {
    failure f;
    f.offset = base + e.offset;
    f.production = std::string(e.production);
    f.expected = e.expected;
    f.code = error_code_name(e.code);
    f.description = e.code.message();
    return f;
}

failure internal_failure(std::uint64_t offset, std::string description) {
    failure f;
    f.offset = offset;
    f.code = "internal";
    f.description = std::move(description);
    return f;
}

json to_json(const failure& f) {
    json j{{"offset", f.offset},
           {"production", f.production},
           {"expected", f.expected},
           {"code", f.code},
           {"message", f.message()}};
    if (f.needed)
        j["needed"] = *f.needed;
    if (f.literal)
        j["literal"] = json{{"size", f.literal->size},
                            {"synchronizing", f.literal->synchronizing},
                            {"announced_at", f.literal->announced_at}};
    return j;
}

/// The first line of a message, without its line end, for error reports: non-printable octets
/// escaped C-style, long lines shortened.
std::string first_line(std::string_view msg) {
    constexpr std::size_t max_shown = 160;
    const std::size_t end = msg.find_first_of("\r\n");
    const std::string_view line = msg.substr(0, end);
    std::string out = "\"";
    static constexpr char hex[] = "0123456789abcdef";
    for (std::size_t i = 0; i < line.size() && i < max_shown; ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c >= 0x7f) {
                out += "\\x";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
    if (line.size() > max_shown)
        out += "...";
    return out;
}

// ---- one complete message ----------------------------------------------------------------------

/// A literal the framer streamed past: the message it hands over shows it as `{0}` (or `{0+}`)
/// with no octets, so offsets in that message are not stream offsets past the announcement.
struct streamed_literal {
    std::size_t zero_end = 0;    ///< in the message: just after the "0" that replaced the count
    std::size_t octets_at = 0;   ///< in the message: where the octets would be
    std::uint64_t stream_at = 0; ///< in the stream: where the octets are
    std::uint64_t size = 0;      ///< announced octet count
    bool nonsync = false;        ///< announced as `{n+}`
    bool located = false;        ///< stream_at is known (set by the first literal_data frame)
};

/// Maps an offset in a framed message to a stream offset.
struct offset_map {
    std::uint64_t base = 0; ///< stream offset of the message
    std::vector<streamed_literal> cuts;

    std::uint64_t operator()(std::size_t at) const {
        for (auto c = cuts.rbegin(); c != cuts.rend(); ++c) {
            if (at >= c->octets_at)
                return c->stream_at + c->size + (at - c->octets_at);
            if (at >= c->zero_end) // "}" CRLF after the count, counted back from the octets
                return c->stream_at - (c->octets_at - at);
        }
        return base + at;
    }
};

struct message_result {
    bool ok = false;
    std::string summary; ///< text format: "<tag> <COMMAND>", "* FETCH 12", "A001 OK"...
    json ast;            ///< json format
    std::string wire;    ///< roundtrip: the serialization
    failure error;
};

template <class T>
message_result handle_as(std::string_view msg, const offset_map& at, const run_options& o) {
    message_result m;
    auto r = entry_point<T>::parse(msg, o.parse);
    if (r.failed()) {
        m.error = from_parse_error(r.error(), 0);
        m.error.offset = at(r.error().offset);
        return m;
    }
    if (r.incomplete()) {
        m.error =
            internal_failure(at(msg.size()), "the parser wants " + std::to_string(r.need().needed) +
                                                 " more bytes although the framer found a complete "
                                                 "message");
        return m;
    }
    if (r.consumed() != msg.size()) {
        m.error = internal_failure(
            at(r.consumed()), "the parser consumed " + std::to_string(r.consumed()) +
                                  " bytes of a " + std::to_string(msg.size()) + "-byte message");
        return m;
    }
    if (o.what == mode::roundtrip) {
        if (auto ec = imapwire::serialize(m.wire, r.value(), o.serialize)) {
            m.error = failure{at.base,
                              "",
                              "",
                              error_code_name(ec),
                              "cannot serialize: " + ec.message(),
                              std::nullopt,
                              std::nullopt};
            return m;
        }
    } else if (o.format == output_format::json) {
        m.ast = imapwire_tool::to_json(r.value());
    } else {
        m.summary = entry_point<T>::summary(r.value());
    }
    m.ok = true;
    return m;
}

/// The DONE that ends IDLE (RFC 2177): text "DONE", JSON {"done":true}, written back as "DONE".
message_result idle_done(const run_options& o) {
    message_result m;
    m.ok = true;
    if (o.what == mode::roundtrip)
        m.wire = "DONE\r\n";
    else if (o.format == output_format::json)
        m.ast = json{{"done", true}};
    else
        m.summary = "DONE";
    return m;
}

// ---- output ------------------------------------------------------------------------------------

class reporter {
public:
    explicit reporter(const run_options& o)
        : o_(o) {}

    bool any_failed() const noexcept { return failed_; }

    /// A message framed at [offset, offset + length), whatever its parse outcome; `head` is the
    /// start of its bytes.
    void message(std::uint64_t offset, std::uint64_t length, std::string_view head,
                 const message_result& r) {
        if (!r.ok) {
            fail(offset, length, head, r.error);
            return;
        }
        if (o_.what == mode::roundtrip) {
            out_ += r.wire;
            return;
        }
        if (o_.format == output_format::json) {
            json j{{"offset", offset}, {"length", length}, {"ok", true}, {"ast", r.ast}};
            out_ += imapwire_tool::dump_line(j);
            out_ += '\n';
        } else {
            out_ += std::to_string(offset);
            out_ += ": ok ";
            out_ += r.summary;
            out_ += '\n';
        }
    }

    /// Bytes [offset, offset + length) could not be parsed; `head` starts at `offset`.
    void fail(std::uint64_t offset, std::uint64_t length, std::string_view head, const failure& f) {
        failed_ = true;
        if (o_.what == mode::parse && o_.format == output_format::json) {
            json j{{"offset", offset}, {"length", length}, {"ok", false}, {"error", to_json(f)}};
            out_ += imapwire_tool::dump_line(j);
            out_ += '\n';
            return;
        }
        std::string line =
            std::to_string(offset) + ": error at " + f.message() + ": " + first_line(head) + "\n";
        if (o_.what == mode::roundtrip) {
            flush(); // keep stdout and stderr in stream order when both go to a terminal
            std::fputs(line.c_str(), stderr);
        } else {
            out_ += line;
        }
    }

    /// Writes what is pending; false on a write error.
    bool flush() {
        if (!out_.empty()) {
            const bool ok = std::fwrite(out_.data(), 1, out_.size(), stdout) == out_.size();
            out_.clear();
            if (!ok)
                return false;
        }
        return std::fflush(stdout) == 0;
    }

private:
    const run_options& o_;
    std::string out_;
    bool failed_ = false;
};

// ---- the stream loop ---------------------------------------------------------------------------

class input {
public:
    explicit input(const std::string& path) {
        if (path == "-") {
            fd_ = 0;
            name_ = "standard input";
            return;
        }
        name_ = path;
        fd_ = IMAPWIRE_TOOL_OPEN(path.c_str());
        if (fd_ < 0)
            error_ = errno;
    }
    input(const input&) = delete;
    input& operator=(const input&) = delete;
    ~input() {
        if (fd_ > 0)
            IMAPWIRE_TOOL_CLOSE(fd_);
    }

    bool is_open() const noexcept { return fd_ >= 0; }
    int error() const noexcept { return error_; }
    const std::string& name() const noexcept { return name_; }

    /// Replaces `buf` with up to `n` bytes; returns the count (0 at end of input) or -1.
    long read_some(std::string& buf, std::size_t n) {
        buf.resize(n);
        for (;;) {
            const auto got = IMAPWIRE_TOOL_READ(fd_, buf.data(), static_cast<unsigned>(n));
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0) {
                error_ = errno;
                buf.clear();
                return -1;
            }
            buf.resize(static_cast<std::size_t>(got));
            return static_cast<long>(got);
        }
    }

private:
    int fd_ = -1;
    int error_ = 0;
    std::string name_;
};

/// What a client sends after the command `m` besides commands, by the rule the framer applies:
/// base64 lines after "tag AUTHENTICATE ...", a DONE line after "tag IDLE" CRLF. The words decide,
/// not the parse: IDLE (RFC 2177) is not RFC 3501 syntax, nor is an initial response on the
/// AUTHENTICATE line (SASL-IR).
enum class follow_up { none, authenticate, idle };

follow_up follow_of(std::string_view m) {
    const auto upper = [](std::string_view w) {
        std::string u(w);
        for (char& c : u)
            if (c >= 'a' && c <= 'z')
                c = static_cast<char>(c - 'a' + 'A');
        return u;
    };
    const std::size_t sp = m.find(' ');
    if (sp == std::string_view::npos)
        return follow_up::none;
    const std::string_view rest = m.substr(sp + 1);
    const std::size_t end = std::min(rest.find_first_of(" \r\n"), rest.size());
    const std::string name = upper(rest.substr(0, end));
    if (name == "AUTHENTICATE")
        return follow_up::authenticate;
    if (name == "IDLE" && rest.substr(end) == "\r\n")
        return follow_up::idle;
    return follow_up::none;
}

/// True when the first line of `m` has a space (base64 has none: it is a command).
bool has_space(std::string_view m) {
    for (const char c : m) {
        if (c == ' ')
            return true;
        if (c == '\r' || c == '\n')
            return false;
    }
    return false;
}

/// Feeds the input to an imapwire::framer and reports every record: each framed message with
/// its parse outcome, and each stretch of bytes the framer refused. Records tile the stream.
///
/// The framer keeps no bytes of what it refuses, so the reader keeps the first bytes of the
/// record it is in (`head`) for error reports. A refused message's record ends where the framer
/// resynchronized, which shows only when the next message starts: until then it is `pending`.
class stream_reader {
public:
    stream_reader(const run_options& o, reporter& rep)
        : o_(o)
        , rep_(rep)
        , framer_(o.framing())
        , stream_above_(o.framing().stream_literals_above) {}

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

    /// The stream has ended.
    void finish() {
        chunk_ = {};
        chunk_start_ = fed_end_;
        framer_.finish();
        drain();
        if (pending_)
            close_pending(fed_end_);
    }

private:
    /// Bytes of a record kept for its report; first_line() shows at most 160 of them, and an
    /// unfinished message at the end of the stream is diagnosed from them when it fits.
    static constexpr std::size_t head_limit = 4096;

    struct pending_error {
        std::uint64_t offset = 0; ///< start of the record
        std::string head;
        failure error;
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

    void drain() {
        for (;;) {
            const std::uint64_t before = framer_.offset();
            const imapwire::frame f = framer_.next();
            switch (f.kind) {
            case imapwire::frame_kind::need_more:
                last_needed_ = f.needed;
                // The framer holds the start of a message: whatever it refused ends there.
                if (pending_ && framer_.buffered() > 0)
                    close_pending(framer_.offset());
                return;
            case imapwire::frame_kind::literal:
                if (pending_)
                    close_pending(framer_.offset());
                on_literal(f);
                break;
            case imapwire::frame_kind::literal_data:
                on_literal_data(f);
                break;
            case imapwire::frame_kind::message:
                if (pending_)
                    close_pending(f.offset);
                on_message(f);
                break;
            case imapwire::frame_kind::error:
                on_error(f, before);
                break;
            }
        }
    }

    void on_literal(const imapwire::frame& f) {
        literal_ = imapwire::incomplete_input::literal_info{
            f.literal.size, f.literal.synchronizing, static_cast<std::size_t>(f.literal.offset)};
        if (f.literal.size > stream_above_) {
            streamed_literal c;
            c.octets_at = f.literal.line.size();
            c.zero_end = f.literal.line.rfind('{') + 2;
            c.size = f.literal.size;
            c.nonsync = !f.literal.synchronizing;
            cuts_.push_back(c);
        }
    }

    void on_literal_data(const imapwire::frame& f) {
        if (!cuts_.empty() && !cuts_.back().located) {
            cuts_.back().stream_at = f.offset;
            cuts_.back().located = true;
        }
        // The parser never sees these octets: check them for NUL as it would.
        if (!nul_at_) {
            if (const void* z = std::memchr(f.bytes.data(), '\0', f.bytes.size()))
                nul_at_ = f.offset +
                          static_cast<std::uint64_t>(static_cast<const char*>(z) - f.bytes.data());
        }
    }

    void on_message(const imapwire::frame& f) {
        if (f.offset > pos_) // the framer left bytes out: report them rather than lose them
            rep_.fail(pos_, f.offset - pos_, head(),
                      internal_failure(pos_, "bytes skipped by the framer"));
        pos_ = f.offset;
        // the message's extent in the stream, streamed literals included
        const std::uint64_t end = framer_.offset();
        offset_map at{f.offset, std::move(cuts_)};
        std::string fixed;
        const std::string_view bytes = restore_nonsync(f.bytes, at, fixed);
        message_result m = handle(f, bytes, at);
        if (nul_at_ && (m.ok || m.error.offset > *nul_at_)) {
            // what the parser reports for a NUL it sees
            m = message_result{};
            m.error = from_parse_error(
                imapwire::parse_error{0, production_, "CHAR8",
                                      imapwire::make_error_code(imapwire::error::nul_byte)},
                *nul_at_);
        }
        rep_.message(f.offset, end - f.offset, at.cuts.empty() ? f.bytes : head(), m);
        pos_ = end;
        end_message();
    }

    /// The framer shows a streamed literal as `{0}`, `{n+}` included. Puts the "+" back (in a
    /// copy kept in `fixed`), so that the parser sees the form that was sent: without
    /// --literal-plus, `{n+}` is an error whatever its size.
    static std::string_view restore_nonsync(std::string_view bytes, offset_map& at,
                                            std::string& fixed) {
        if (std::none_of(at.cuts.begin(), at.cuts.end(),
                         [](const streamed_literal& c) { return c.nonsync; }))
            return bytes;
        fixed.assign(bytes);
        std::size_t added = 0;
        for (auto& c : at.cuts) {
            c.zero_end += added;
            c.octets_at += added;
            if (c.nonsync && fixed.compare(c.zero_end, 2, "}\r") == 0) {
                fixed.insert(c.zero_end, 1, '+'); // "{0}" -> "{0+}"
                ++c.octets_at;
                ++added;
            }
        }
        return fixed;
    }

    /// A message the framer refused (a limit) or could not finish (the stream ended). The
    /// refusal is reported in the framer's words, at the offset it gives: the start of an
    /// overlong line, or the "{" of a literal announcement that is too large or out of range.
    void on_error(const imapwire::frame& f, std::uint64_t before) {
        std::uint64_t start = pos_;
        if (pending_) {
            // The refused message starts where the previous refusal's resynchronization ended:
            // at the offset the framer reports for a line or a truncated message; for a refused
            // literal announcement, after the LF that ended the previous refusal. These bytes
            // came in this chunk (the framer held nothing before it).
            if (f.error.code == imapwire::error::line_too_long ||
                f.error.code == imapwire::error::truncated) {
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
        if (f.error.code == imapwire::error::truncated) {
            truncated();
            end_message();
            return;
        }
        pending_ = pending_error{pos_, std::string(head()), from_parse_error(f.error, 0)};
        end_message();
    }

    /// The stream ends inside the message at pos_: reported as the stream end, with what is
    /// missing, as find_message() sees that tail.
    void truncated() {
        const std::string_view tail = head();
        failure f;
        f.offset = fed_end_;
        f.code = "incomplete";
        f.needed = last_needed_;
        if (last_needed_ >= 2 && literal_) // inside a literal's octets (the count is exact)
            f.literal = literal_;
        if (fed_end_ - pos_ == tail.size()) {
            // the whole tail is at hand: a NUL in a final literal, or a bare CR, shows there
            const auto found = imapwire::find_message(tail, o_.parse);
            if (found.failed()) {
                rep_.fail(pos_, tail.size(), tail, from_parse_error(found.error(), pos_));
                pos_ = fed_end_;
                return;
            }
            if (found.incomplete()) {
                f.needed = found.need().needed;
                f.literal = found.need().literal;
                if (f.literal)
                    f.literal->announced_at += static_cast<std::size_t>(pos_);
            }
        }
        f.description = "incomplete: stream ends inside a message (" + std::to_string(*f.needed) +
                        " more byte" + (*f.needed == 1 ? "" : "s") + " needed)";
        rep_.fail(pos_, fed_end_ - pos_, tail, f);
        pos_ = fed_end_;
    }

    void close_pending(std::uint64_t end) {
        rep_.fail(pending_->offset, end - pending_->offset, pending_->head, pending_->error);
        pending_.reset();
        pos_ = end;
    }

    void end_message() {
        cuts_.clear();
        nul_at_.reset();
        literal_.reset();
    }

    // ---- what each message is parsed as

    /// Parses `bytes` (the message of frame `f`) as `T`; production_ names what it was read as.
    template <class T>
    message_result parse_as(std::string_view bytes, const offset_map& at, const char* production) {
        production_ = production;
        return handle_as<T>(bytes, at, o_);
    }

    message_result handle(const imapwire::frame& f, std::string_view bytes, const offset_map& at) {
        using imapwire::message_kind;
        switch (o_.kind) {
        case input_kind::command:
            return handle_client(f, bytes, at);
        case input_kind::authenticate:
            return parse_as<ast::authenticate_data>(bytes, at, "authenticate");
        case input_kind::response:
            return parse_as<ast::response>(bytes, at, "response");
        case input_kind::greeting:
            return parse_as<ast::greeting>(bytes, at, "greeting");
        case input_kind::server_stream:
            // The greeting is the first message of the stream. The framer calls the first
            // message it hands over the greeting; when the real first one was refused (a line
            // too long), the message after it is still read as a response.
            if (f.as == message_kind::greeting && f.offset == 0)
                return parse_as<ast::greeting>(bytes, at, "greeting");
            return parse_as<ast::response>(bytes, at, "response");
        }
        return {};
    }

    /// A client stream. The framer says which lines follow AUTHENTICATE and which one should be
    /// IDLE's DONE. It cannot know when the server ended an AUTHENTICATE exchange (its tagged
    /// reply is not in this stream), so a line with a space, which base64 never has, is taken
    /// as the next command and the framer is told the exchange is over. When the tool reads a
    /// line as something else than the framer said, it also takes over what the framer would
    /// have concluded from it (an IDLE or AUTHENTICATE command).
    message_result handle_client(const imapwire::frame& f, std::string_view bytes,
                                 const offset_map& at) {
        using imapwire::message_kind;
        message_kind as = f.as;
        if (idle_next_)
            as = message_kind::idle_done;
        else if (authenticate_next_ && as == message_kind::command)
            as = message_kind::authenticate_data;
        idle_next_ = false;

        if (as == message_kind::idle_done && imapwire::is_idle_done(bytes)) {
            production_ = "command";
            return idle_done(o_);
        }
        if (as == message_kind::authenticate_data && !has_space(bytes)) {
            if (bytes.substr(0, 2) == "*\r" || bytes.substr(0, 2) == "*\n")
                authenticate_next_ = false;
            return parse_as<ast::authenticate_data>(bytes, at, "authenticate");
        }

        authenticate_next_ = false;
        switch (f.as) {
        case message_kind::authenticate_data: { // the framer still expects AUTHENTICATE lines
            const follow_up next = follow_of(bytes);
            if (next != follow_up::authenticate)
                framer_.end_authenticate();
            idle_next_ = next == follow_up::idle;
            break;
        }
        case message_kind::idle_done: { // the framer expects a command next
            const follow_up next = follow_of(bytes);
            idle_next_ = next == follow_up::idle;
            authenticate_next_ = next == follow_up::authenticate;
            break;
        }
        default: // the framer saw a command and drew its own conclusions
            break;
        }
        return parse_as<ast::command>(bytes, at, "command");
    }

    const run_options& o_;
    reporter& rep_;
    imapwire::framer framer_;
    std::size_t stream_above_; // literals larger than this come as literal_data frames

    std::string_view chunk_;        // the piece being drained
    std::uint64_t chunk_start_ = 0; // stream offset of chunk_[0]
    std::uint64_t fed_end_ = 0;     // bytes fed so far
    std::uint64_t pos_ = 0;         // start of the record in progress; records before it are out
    std::string saved_head_;        // head() of a record that started before chunk_

    std::optional<pending_error> pending_;
    std::size_t last_needed_ = 1; // of the last need_more frame
    // the message in progress
    std::vector<streamed_literal> cuts_;
    std::optional<std::uint64_t> nul_at_;
    std::optional<imapwire::incomplete_input::literal_info> literal_;
    const char* production_ = ""; // what the last message was parsed as
    // client streams
    bool idle_next_ = false;
    bool authenticate_next_ = false;
};

int run(const std::string& path, const run_options& o) {
    input in(path);
    if (!in.is_open()) {
        std::fprintf(stderr, "imapwire: cannot open %s: %s\n", in.name().c_str(),
                     std::strerror(in.error()));
        return exit_usage;
    }
    reporter rep(o);
    stream_reader reader(o, rep);
    std::string chunk;
    for (;;) {
        const long got = in.read_some(chunk, o.chunk_size);
        if (got < 0) {
            rep.flush();
            std::fprintf(stderr, "imapwire: cannot read %s: %s\n", in.name().c_str(),
                         std::strerror(in.error()));
            return exit_usage;
        }
        if (got == 0)
            break;
        reader.feed(chunk);
        if (!rep.flush()) {
            std::fprintf(stderr, "imapwire: write error: %s\n", std::strerror(errno));
            return exit_usage;
        }
    }
    reader.finish();
    if (!rep.flush()) {
        std::fprintf(stderr, "imapwire: write error: %s\n", std::strerror(errno));
        return exit_usage;
    }
    return rep.any_failed() ? exit_failures : exit_ok;
}

// ---- command line ------------------------------------------------------------------------------

constexpr const char* json_schema_help =
    R"help(JSON output (--format=json) is JSON Lines: one object per message, in stream order.
  success: {"offset":N,"length":N,"ok":true,"ast":{...}}
  failure: {"offset":N,"length":N,"ok":false,"error":{"offset":ABS,
            "production":"...","expected":"...","code":"syntax|number_range|...",
            "message":"..."[,"needed":N][,"literal":{...}]}}
  Offsets are absolute byte offsets in the input; consecutive records tile the stream.
AST encoding:
  command       {"tag":"a1","body":{"type":"fetch","set":[...],"items":{...}}}
                (UID commands: {"type":"uid","command":{"type":"fetch",...}})
  AUTHENTICATE line  {"cancel":false,"base64":"..."};  IDLE's DONE: {"done":true}
  variant       {"type":"<alternative>", ...its fields}; every struct field is present
  string        {"form":"atom|quoted|literal|literal_nonsync|value","value":"<decoded>"}
  raw bytes     JSON string; a field F that is not valid UTF-8 also gets "F_base64"
                with the exact octets (and U+FFFD replaces the bad octets in F)
  NIL, absent   null;  enums: lower-case names ("body_peek_section", "add", "new")
  sequence-set  array of strings as written: ["1:*","4"];  flags: ["\\Seen","$Junk"]
  mailbox       {"name":<string>};  date / date-time: objects of their numeric fields
Server messages (--as=greeting|response|auto); structs carry their AST fields by name:
  greeting      {"type":"greeting","cond":COND}
  response      {"type":"continue","content":{"type":"text",...TEXT}|{"type":"base64",...}}
                {"type":"untagged","data":{"type":"cond|capability|flags|list|lsub|search|
                 status|exists|recent|expunge|fetch",...}}
                {"type":"tagged","tag":"A1","cond":COND}
  COND          {"status":"ok|no|bad|preauth|bye","text":TEXT}
  TEXT          {"code":null|{"type":"alert|badcharset|capability|parse|permanentflags|
                 read_only|read_write|trycreate|uidnext|uidvalidity|unseen|other",...},
                 "text":"..."}
  fetch         {"type":"fetch","number":N,"items":[{"type":"flags|envelope|internaldate|
                 rfc822|rfc822_size|body|body_section|uid",...}]}
  envelope      {"date","subject","from","sender","reply_to","to","cc","bcc","in_reply_to",
                 "message_id"}; address lists: null or [{"name","adl","mailbox","host"}]
  body          {"type":"1part","part":{"type":"basic|msg|text","media_type",
                 "media_subtype","fields",...},"extension":null|{"md5","tail"}} or
                {"type":"mpart","parts":[BODY...],"media_subtype","extension":null|
                 {"params","tail"}}; tail: {"fields","disposition","language","location",
                 "extensions"}
Text output: "OFFSET: ok SUMMARY" or "OFFSET: error at offset ABS: in PRODUCTION:
expected WHAT (REASON): "FIRST LINE"", one line per message. SUMMARY is "TAG COMMAND" for
commands, "data (N base64 characters)" or "cancel" for AUTHENTICATE lines, "DONE", and e.g. "* OK [UIDNEXT]", "* FETCH 12", "* EXISTS 3", "+", "A001 OK" for server
messages.
Exit status: 0 all messages parsed, 1 some failed, 2 usage or I/O error.)help";

constexpr const char* roundtrip_footer =
    "Failed messages are reported on standard error as \"OFFSET: error at offset ABS: ...\"\n"
    "and left out of the output.\n"
    "Exit status: 0 all messages round-tripped, 1 some failed, 2 usage or I/O error.";

struct cli_state {
    std::string as = "command";
    std::string format = "text";
    std::string file = "-";
    std::size_t chunk_size = 64 * 1024;
    std::size_t max_line_length = imapwire::parse_options{}.max_line_length;
    std::uint32_t max_literal_size = imapwire::parse_options{}.max_literal_size;
    std::size_t max_message_size = imapwire::framer_options{}.max_message_size;
    bool literal_plus = false;
    std::string extensions = "all";
};

void add_common_options(CLI::App& sub, cli_state& st) {
    std::vector<std::string> names;
    std::string kinds_help = "what the input holds:";
    for (const auto& e : input_kinds) {
        names.emplace_back(e.name);
        kinds_help.append("\n  ").append(e.name).append(": ").append(e.description);
    }
    sub.add_option("--as", st.as, kinds_help)->check(CLI::IsMember(names))->capture_default_str();
    sub.add_option("--max-line-length", st.max_line_length,
                   "longest accepted line in bytes, CRLF included, literals excluded")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    sub.add_option("--max-literal-size", st.max_literal_size, "largest accepted literal in bytes")
        ->capture_default_str();
    sub.add_option("--max-message-size", st.max_message_size,
                   "largest accepted message in bytes: a line plus all its literals (those "
                   "`parse` streams past included)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    sub.add_flag("--literal-plus", st.literal_plus,
                 "accept LITERAL+ non-synchronizing literals {n+} (RFC 7888) and write them "
                 "back as {n+}");
    imapwire_tool::add_extensions_option(sub, st.extensions);
    sub.add_option("--chunk-size", st.chunk_size, "read the input this many bytes at a time")
        ->check(CLI::Range(std::size_t(1), std::size_t(64) << 20))
        ->capture_default_str();
    sub.add_option("FILE", st.file, "input file; - or absent for standard input")
        ->capture_default_str();
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"imapwire: parse and re-serialize IMAP4rev1 (RFC 3501) protocol streams.\n\n"
                 "Reads a byte stream of IMAP messages (a line plus the literals it announces), "
                 "splits it into messages without loading it whole, and parses each one with "
                 "the imapwire library: `parse` reports the outcome of each message (or its "
                 "syntax tree as JSON), `roundtrip` writes each message back as the library "
                 "serializes it.",
                 "imapwire"};
    app.set_version_flag("--version", std::string("imapwire ") + IMAPWIRE_VERSION_STRING);
    app.require_subcommand(1);
    app.footer("Run `imapwire SUBCOMMAND --help` for the options of a subcommand.\n"
               "Exit status: 0 success, 1 some message failed, 2 usage or I/O error.");

    cli_state st;

    auto* parse = app.add_subcommand(
        "parse",
        "Parse each message of the input and report it: in text format one line per message "
        "with its offset and either a summary (tag and command name; response kind, number or "
        "condition and response code) or the error (offset, RFC 3501 "
        "production, what was expected and the first line of the message); in JSON format one "
        "JSON object per message holding its complete syntax tree or the error. After a message "
        "refused by a limit (line, literal or message size) the input is resynchronised: just "
        "after the next LF, or after the refused literal's octets when they follow anyway. The "
        "input is read in bounded memory: the text format does not keep literals over 1 MiB "
        "(the summary does not need them); the JSON format keeps each message whole, up to "
        "--max-message-size.");
    add_common_options(*parse, st);
    parse->add_option("--format", st.format, "output format")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    parse->footer(json_schema_help);

    auto* roundtrip = app.add_subcommand(
        "roundtrip",
        "Parse each message of the input and write its serialization to standard output, "
        "byte for byte and nothing else. The serializer keeps the form each string was parsed "
        "with (atom, quoted string or literal), so input in canonical form is reproduced "
        "exactly; comparing the output with the input shows what the library normalises. "
        "Messages that fail to parse or serialize are reported on standard error and skipped. "
        "Each message is kept whole while it is parsed and written, so memory grows with the "
        "largest message, up to --max-message-size.");
    add_common_options(*roundtrip, st);
    roundtrip->footer(roundtrip_footer);

    imapwire_tool::validate_command validate(app); // validate.cpp

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? exit_ok : exit_usage;
    }
    if (validate.parsed())
        return validate.run();

    run_options o;
    const auto kind = find_input_kind(st.as);
    if (!kind) { // IsMember already refuses unknown names; kept for kinds added without a row
        std::fprintf(stderr, "imapwire: unknown --as value: %s\n", st.as.c_str());
        return exit_usage;
    }
    o.kind = *kind;
    o.what = roundtrip->parsed() ? mode::roundtrip : mode::parse;
    o.format = st.format == "json" ? output_format::json : output_format::text;
    o.chunk_size = st.chunk_size;
    o.parse.max_line_length = st.max_line_length;
    o.parse.max_literal_size = st.max_literal_size;
    o.max_message_size = st.max_message_size;
    o.parse.literal_plus = st.literal_plus;
    o.parse.extensions = *imapwire::parse_extension_list(st.extensions);
    o.serialize.literal_plus = st.literal_plus;

    try {
        return run(st.file, o);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "imapwire: %s\n", e.what());
        return exit_usage;
    }
}
