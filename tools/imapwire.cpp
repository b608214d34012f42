// imapwire: command-line front end of the imapwire library.
//
//   imapwire parse     [--as=KIND] [--format=text|json] [FILE|-]
//   imapwire roundtrip [--as=KIND] [FILE|-]
//
// KIND is what the stream holds: client commands, AUTHENTICATE lines, server greetings,
// server responses, or (auto) a whole server stream, a greeting followed by responses.
//
// The input is read incrementally: find_message() delimits each message (a line plus its
// literals) in a growing buffer, then the message is parsed on its own. Only the unconsumed
// tail of the stream is kept in memory.

#include "ast_json.hpp"

#include <imapwire/config.hpp>
#include <imapwire/error.hpp>
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
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
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
    {"command", input_kind::command, "client commands (RFC 3501 `command`)"},
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

struct run_options {
    mode what = mode::parse;
    input_kind kind = input_kind::command;
    output_format format = output_format::text;
    std::size_t chunk_size = 64 * 1024;
    imapwire::parse_options parse;
    imapwire::serialize_options serialize;
};

// ---- failures ----------------------------------------------------------------------------------

/// A failed message, with every offset absolute (from the start of the stream).
struct failure {
    std::size_t offset = 0;
    std::string production;
    std::string expected;
    std::string code;        ///< "syntax", "nul_byte", ..., "incomplete", "internal"
    std::string description; ///< "syntax error", "stream ends inside a message (...)"...
    std::optional<std::size_t> needed;
    std::optional<imapwire::incomplete_input::literal_info> literal;

    /// "offset 12: in search-key: expected SP (syntax error)", or "offset 12: <description>"
    /// when neither a production nor an expectation is known.
    std::string message() const {
        std::string m = "offset " + std::to_string(offset);
        if (production.empty() && expected.empty())
            return m.append(": ").append(description);
        if (!production.empty())
            m.append(": in ").append(production);
        if (!expected.empty())
            m.append(": expected ").append(expected);
        return m.append(" (").append(description).append(")");
    }
};

const char* error_code_name(const std::error_code& ec) {
    if (ec.category() != imapwire::error_category())
        return "other";
    switch (static_cast<imapwire::error>(ec.value())) {
    case imapwire::error::syntax:
        return "syntax";
    case imapwire::error::number_range:
        return "number_range";
    case imapwire::error::literal_too_large:
        return "literal_too_large";
    case imapwire::error::line_too_long:
        return "line_too_long";
    case imapwire::error::nesting_too_deep:
        return "nesting_too_deep";
    case imapwire::error::too_many_items:
        return "too_many_items";
    case imapwire::error::nul_byte:
        return "nul_byte";
    case imapwire::error::bare_cr_lf:
        return "bare_cr_lf";
    case imapwire::error::unserializable:
        return "unserializable";
    }
    return "other";
}

failure from_parse_error(const imapwire::parse_error& e, std::size_t base) {
    failure f;
    f.offset = base + e.offset;
    f.production = std::string(e.production);
    f.expected = e.expected;
    f.code = error_code_name(e.code);
    f.description = e.code.message();
    return f;
}

failure internal_failure(std::size_t offset, std::string description) {
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

struct message_result {
    bool ok = false;
    std::string summary; ///< text format: "<tag> <COMMAND>", "* FETCH 12", "A001 OK"...
    json ast;            ///< json format
    std::string wire;    ///< roundtrip: the serialization
    failure error;
};

template <class T>
message_result handle_as(std::string_view msg, std::size_t base, const run_options& o) {
    message_result m;
    auto r = entry_point<T>::parse(msg, o.parse);
    if (r.failed()) {
        m.error = from_parse_error(r.error(), base);
        return m;
    }
    if (r.incomplete()) {
        m.error = internal_failure(base + msg.size(),
                                   "the parser wants " + std::to_string(r.need().needed) +
                                       " more bytes although find_message found a complete "
                                       "message");
        return m;
    }
    if (r.consumed() != msg.size()) {
        m.error = internal_failure(
            base + r.consumed(), "the parser consumed " + std::to_string(r.consumed()) +
                                     " bytes of a " + std::to_string(msg.size()) + "-byte message");
        return m;
    }
    if (o.what == mode::roundtrip) {
        if (auto ec = imapwire::serialize(m.wire, r.value(), o.serialize)) {
            m.error = failure{base,
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

message_result handle_message(std::string_view msg, std::size_t base, const run_options& o) {
    switch (o.kind) {
    case input_kind::command:
        return handle_as<ast::command>(msg, base, o);
    case input_kind::authenticate:
        return handle_as<ast::authenticate_data>(msg, base, o);
    case input_kind::response:
        return handle_as<ast::response>(msg, base, o);
    case input_kind::greeting:
        return handle_as<ast::greeting>(msg, base, o);
    case input_kind::server_stream:
        // The greeting is the first message of the stream. When that one could not even be
        // delimited (it was skipped), the message after it is still read as a response.
        if (base == 0)
            return handle_as<ast::greeting>(msg, base, o);
        return handle_as<ast::response>(msg, base, o);
    }
    return {};
}

// ---- output ------------------------------------------------------------------------------------

class reporter {
public:
    explicit reporter(const run_options& o)
        : o_(o) {}

    bool any_failed() const noexcept { return failed_; }

    /// A message that was delimited, whatever its parse outcome.
    void message(std::size_t offset, std::string_view msg, const message_result& r) {
        if (!r.ok) {
            fail(offset, msg.size(), msg, r.error);
            return;
        }
        if (o_.what == mode::roundtrip) {
            out_ += r.wire;
            return;
        }
        if (o_.format == output_format::json) {
            json j{{"offset", offset}, {"length", msg.size()}, {"ok", true}, {"ast", r.ast}};
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
    void fail(std::size_t offset, std::size_t length, std::string_view head, const failure& f) {
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

    /// Appends up to `n` bytes to `buf`; returns the count (0 at end of input) or -1.
    long read_some(std::string& buf, std::size_t n) {
        const std::size_t old = buf.size();
        buf.resize(old + n);
        for (;;) {
            const auto got = IMAPWIRE_TOOL_READ(fd_, buf.data() + old, static_cast<unsigned>(n));
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0) {
                error_ = errno;
                buf.resize(old);
                return -1;
            }
            buf.resize(old + static_cast<std::size_t>(got));
            return static_cast<long>(got);
        }
    }

private:
    int fd_ = -1;
    int error_ = 0;
    std::string name_;
};

int run(const std::string& path, const run_options& o) {
    input in(path);
    if (!in.is_open()) {
        std::fprintf(stderr, "imapwire: cannot open %s: %s\n", in.name().c_str(),
                     std::strerror(in.error()));
        return exit_usage;
    }
    reporter rep(o);

    std::string buf;      // unconsumed input; buf[0] is at stream offset `base`
    std::size_t base = 0; // stream offset of buf[0]
    std::size_t pos = 0;  // start of the next message in buf
    std::size_t want = 1; // rescan once buf.size() - pos reaches this
    bool eof = false;

    // Resynchronisation after find_message() rejected a message: the failed record covers
    // everything from the message start to just after the next LF at or after the error.
    struct skip_state {
        std::size_t offset; // stream offset of the failed message
        std::size_t length; // bytes skipped so far
        std::string head;   // the start of its first line, for the report
        failure error;
    };
    std::optional<skip_state> skipping;
    constexpr std::size_t head_limit = 512; // of a skipped message, kept for the report

    for (;;) {
        if (skipping) {
            const std::size_t lf = buf.find('\n', pos);
            const std::size_t stop = lf == std::string::npos ? buf.size() : lf + 1;
            if (skipping->head.size() < head_limit)
                skipping->head.append(buf, pos,
                                      std::min(stop - pos, head_limit - skipping->head.size()));
            skipping->length += stop - pos;
            pos = stop;
            if (lf != std::string::npos || eof) {
                rep.fail(skipping->offset, skipping->length, skipping->head, skipping->error);
                skipping.reset();
                want = 1;
            }
        }

        while (!skipping && pos < buf.size() && buf.size() - pos >= want) {
            const std::string_view rest(buf.data() + pos, buf.size() - pos);
            auto found = imapwire::find_message(rest, o.parse);
            if (found.ok()) {
                const std::string_view msg = rest.substr(0, found.value());
                rep.message(base + pos, msg, handle_message(msg, base + pos, o));
                pos += msg.size();
                want = 1;
                continue;
            }
            if (found.incomplete()) {
                want = rest.size() + found.need().needed;
                break;
            }
            // Not a message (NUL, bare CR or LF, a limit): report, then skip past the next LF.
            const auto& e = found.error();
            const std::size_t at = std::min(e.offset, rest.size());
            skip_state s{base + pos, 0,
                         std::string(rest.substr(0, std::min(rest.size(), head_limit))),
                         from_parse_error(e, base + pos)};
            const std::size_t lf = buf.find('\n', pos + at);
            if (lf != std::string::npos) {
                s.length = lf + 1 - pos;
                rep.fail(s.offset, s.length, s.head, s.error);
                pos = lf + 1;
                want = 1;
            } else {
                s.length = buf.size() - pos;
                pos = buf.size();
                skipping = std::move(s);
            }
        }

        // Drop what has been consumed.
        if (pos > 0) {
            buf.erase(0, pos);
            base += pos;
            pos = 0;
        }

        if (eof) {
            if (skipping) {
                rep.fail(skipping->offset, skipping->length, skipping->head, skipping->error);
                skipping.reset();
            } else if (!buf.empty()) {
                auto found = imapwire::find_message(buf, o.parse);
                failure f;
                f.offset = base + buf.size();
                f.code = "incomplete";
                if (found.incomplete()) {
                    f.needed = found.need().needed;
                    if (auto lit = found.need().literal) {
                        lit->announced_at += base;
                        f.literal = lit;
                    }
                } else {
                    f.needed = 1;
                }
                f.description = "incomplete: stream ends inside a message (" +
                                std::to_string(*f.needed) + " more byte" +
                                (*f.needed == 1 ? "" : "s") + " needed)";
                rep.fail(base, buf.size(), buf, f);
                base += buf.size();
                buf.clear();
            }
            break;
        }

        if (!rep.flush()) {
            std::fprintf(stderr, "imapwire: write error: %s\n", std::strerror(errno));
            return exit_usage;
        }

        // `want` keeps a long literal from being rescanned after every chunk.
        const long got = in.read_some(buf, o.chunk_size);
        if (got < 0) {
            rep.flush();
            std::fprintf(stderr, "imapwire: cannot read %s: %s\n", in.name().c_str(),
                         std::strerror(in.error()));
            return exit_usage;
        }
        if (got == 0) {
            // `want` is a lower bound for completing the message; an error (a NUL in a
            // literal) may show before that, so scan the tail once more.
            eof = true;
            want = 1;
        }
    }

    if (!rep.flush()) {
        std::fprintf(stderr, "imapwire: write error: %s\n", std::strerror(errno));
        return exit_usage;
    }
    return rep.any_failed() ? exit_failures : exit_ok;
}

// ---- command line ------------------------------------------------------------------------------

constexpr const char* json_schema_help =
    R"(JSON output (--format=json) is JSON Lines: one object per message, in stream order.
  success: {"offset":N,"length":N,"ok":true,"ast":{...}}
  failure: {"offset":N,"length":N,"ok":false,"error":{"offset":ABS,
            "production":"...","expected":"...","code":"syntax|number_range|...",
            "message":"..."[,"needed":N][,"literal":{...}]}}
  Offsets are absolute byte offsets in the input; consecutive records tile the stream.
AST encoding:
  command       {"tag":"a1","body":{"type":"fetch","set":[...],"items":{...}}}
                (UID commands: {"type":"uid","command":{"type":"fetch",...}})
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
commands and e.g. "* OK [UIDNEXT]", "* FETCH 12", "* EXISTS 3", "+", "A001 OK" for server
messages.
Exit status: 0 all messages parsed, 1 some failed, 2 usage or I/O error.)";

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
    bool literal_plus = false;
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
    sub.add_flag("--literal-plus", st.literal_plus,
                 "accept LITERAL+ non-synchronizing literals {n+} (RFC 7888) and write them "
                 "back as {n+}");
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
        "JSON object per message holding its complete syntax tree or the error. After an error "
        "that prevents finding the end of a message (NUL octet, bare CR or LF, a limit) the "
        "input is resynchronised just after the next LF.");
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
        "Messages that fail to parse or serialize are reported on standard error and skipped.");
    add_common_options(*roundtrip, st);
    roundtrip->footer(roundtrip_footer);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? exit_ok : exit_usage;
    }

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
    o.parse.literal_plus = st.literal_plus;
    o.serialize.literal_plus = st.literal_plus;

    try {
        return run(st.file, o);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "imapwire: %s\n", e.what());
        return exit_usage;
    }
}
