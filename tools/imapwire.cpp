// imapwire: command-line front end of the imapwire library.
//
//   imapwire parse     [--as=KIND] [--format=text|json] [FILE|-]
//   imapwire roundtrip [--as=KIND] [FILE|-]
//
// KIND is what the stream holds: client commands, AUTHENTICATE lines, server greetings,
// server responses, or (auto) a whole server stream, a greeting followed by responses.
//
// The input is read in chunks and fed to imapwire::stream_reader, whose framer delimits each
// message (a line plus its literals) as the bytes arrive, enforces the line, literal and message
// size limits, resynchronizes after a refused message, and says how each message is to be parsed
// (in a client stream: commands, the lines after AUTHENTICATE, the DONE that ends IDLE); the
// reader parses each message and reports it, or the bytes refused, with stream offsets. Memory is
// bounded by the read size plus the largest message the limits let through; `parse
// --format=text` does not even keep literals over 1 MiB (stream_literals_above).

#include "ast_json.hpp"
#include "cli_options.hpp"
#include "validate.hpp"

#include <imapwire/config.hpp>
#include <imapwire/error.hpp>
#include <imapwire/framer.hpp>
#include <imapwire/options.hpp>
#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>
#include <imapwire/stream_reader.hpp>

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

/// What a stream can hold (--as): the names of imapwire::stream_content.
using input_kind = imapwire::stream_content;

struct input_kind_entry {
    const char* name;
    input_kind kind;
    const char* description;
};

constexpr input_kind_entry input_kinds[] = {
    {"command", input_kind::client,
     "a client stream: commands (RFC 3501 `command`), the base64 lines after AUTHENTICATE "
     "(until a line with a space, the next command) and the DONE that ends IDLE (RFC 2177)"},
    {"authenticate", input_kind::authenticate,
     "AUTHENTICATE continuation lines (RFC 3501 section 6.2.2: base64 CRLF, or \"*\" CRLF)"},
    {"response", input_kind::responses,
     "server messages (continue-req, response-data, response-tagged)"},
    {"greeting", input_kind::greetings, "server greetings (RFC 3501 `greeting`)"},
    {"auto", input_kind::server,
     "a whole server stream: the message at offset 0 is parsed as a greeting, every "
     "following one as a response"},
};

std::optional<input_kind> find_input_kind(std::string_view name) {
    for (const auto& e : input_kinds)
        if (name == e.name)
            return e.kind;
    return std::nullopt;
}

/// How a parsed message is summarized in the text output.
template <class T>
struct entry_point;

template <>
struct entry_point<ast::command> {
    static std::string summary(const ast::command& c) {
        return std::string(c.tag) + " " + imapwire_tool::command_name(c.body);
    }
};

template <>
struct entry_point<ast::authenticate_data> {
    static std::string summary(const ast::authenticate_data& d) {
        if (d.cancel)
            return "cancel";
        return "data (" + std::to_string(d.base64.size()) + " base64 characters)";
    }
};

template <>
struct entry_point<ast::greeting> {
    static std::string summary(const ast::greeting& g) { return imapwire_tool::summary(g); }
};

template <>
struct entry_point<ast::response> {
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
    input_kind kind = input_kind::client;
    output_format format = output_format::text;
    std::size_t chunk_size = 64 * 1024;
    std::size_t max_message_size = imapwire::framer_options{}.max_message_size;
    imapwire::parse_options parse;
    imapwire::serialize_options serialize;

    /// How the stream is read: the parser's options, and literals streamed past when their
    /// contents are not shown.
    imapwire::stream_reader_options reading() const {
        imapwire::stream_reader_options r;
        r.content = kind;
        r.parse = parse;
        r.max_message_size = max_message_size;
        if (what == mode::parse && format == output_format::text)
            r.stream_literals_above = stream_literals_above;
        return r;
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
    imapwire::extension_set accepted_with{}; ///< parse_error::accepted_with

    /// "offset 12: in search-key: expected SP (syntax error)", or "offset 12: <description>"
    /// when neither a production nor an expectation is known.
    std::string message() const {
        return "offset " + std::to_string(offset) + ": " +
               imapwire::error_text(production, expected, description) +
               imapwire::accepted_with_text(accepted_with);
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
    f.accepted_with = e.accepted_with;
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
    if (!f.accepted_with.empty()) {
        json names = json::array();
        for (const imapwire::extension_info& e : imapwire::extension_registry)
            if (e.id != imapwire::extension::imap4rev1 && f.accepted_with.contains(e.id))
                names.push_back(std::string(e.capability));
        j["accepted_with"] = std::move(names);
    }
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

/// A parsed message as the run shows it: serialized (roundtrip), as JSON or as a summary.
template <class T>
message_result show(const T& value, std::uint64_t offset, const run_options& o) {
    message_result m;
    if (o.what == mode::roundtrip) {
        if (auto ec = imapwire::serialize(m.wire, value, o.serialize)) {
            m.error = failure{offset,
                              "",
                              "",
                              error_code_name(ec),
                              "cannot serialize: " + ec.message(),
                              std::nullopt,
                              std::nullopt};
            return m;
        }
    } else if (o.format == output_format::json) {
        m.ast = imapwire_tool::to_json(value);
    } else {
        m.summary = entry_point<T>::summary(value);
    }
    m.ok = true;
    return m;
}

/// The DONE that ends IDLE (RFC 2177): text "DONE", JSON {"done":true}, written back as "DONE".
template <>
message_result show(const ast::idle_done&, std::uint64_t, const run_options& o) {
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

/// Why a record is not a parsed message, in the tool's terms.
failure failure_of(const imapwire::stream_record& r) {
    if (!r.internal.empty())
        return internal_failure(r.offset, r.internal);
    if (!r.error)
        return internal_failure(r.offset, "no parse outcome");
    if (r.missing) { // the stream ends inside the message
        failure f;
        f.offset = r.error->offset;
        f.code = "incomplete";
        f.needed = r.missing->needed;
        f.literal = r.missing->literal;
        f.description = "incomplete: stream ends inside a message (" +
                        std::to_string(r.missing->needed) + " more byte" +
                        (r.missing->needed == 1 ? "" : "s") + " needed)";
        return f;
    }
    return from_parse_error(*r.error, 0);
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

int run(const std::string& path, const run_options& o) {
    input in(path);
    if (!in.is_open()) {
        std::fprintf(stderr, "imapwire: cannot open %s: %s\n", in.name().c_str(),
                     std::strerror(in.error()));
        return exit_usage;
    }
    reporter rep(o);
    imapwire::stream_reader reader(o.reading());
    reader.on_record([&](const imapwire::stream_record& r) {
        if (r.kind != imapwire::record_kind::message || !r.ok()) {
            rep.fail(r.offset, r.length, r.head, failure_of(r));
            return;
        }
        const message_result m = std::visit(
            [&](const auto& v) -> message_result {
                if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::monostate>)
                    return {};
                else
                    return show(v, r.offset, o);
            },
            r.value);
        rep.message(r.offset, r.length, r.head, m);
    });
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
  string        {"form":"atom|quoted|literal|literal_nonsync|literal8|literal8_nonsync|value",
                 "value":"<decoded>"}
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
                 "add LITERAL+ (RFC 7888: non-synchronizing literals {n+}, read and written "
                 "back) to the --extensions set");
    imapwire_tool::add_extensions_option(sub, st.extensions);
    sub.add_option("--chunk-size", st.chunk_size, "read the input this many bytes at a time")
        ->check(CLI::Range(std::size_t(1), std::size_t(64) << 20))
        ->capture_default_str();
    sub.add_option("FILE", st.file, "input file; - or absent for standard input")
        ->capture_default_str();
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"imapwire: parse and re-serialize IMAP protocol streams (IMAP4rev1, RFC 3501; "
                 "IMAP4rev2, RFC 9051; and the extensions of --extensions).\n\n"
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
    o.parse.extensions = *imapwire::parse_extension_list(st.extensions);
    if (st.literal_plus)
        o.parse.extensions.add(imapwire::extension::literal_plus);
    o.serialize.extensions = o.parse.extensions;

    try {
        return run(st.file, o);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "imapwire: %s\n", e.what());
        return exit_usage;
    }
}
