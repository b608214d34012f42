// imapwire tool: `imapwire validate`, protocol validation of recorded IMAP connections.
//
// A trace (a C:/S: transcript, or the two raw byte streams of a connection) is cut into
// messages by two framers, one per side, and the messages are fed to an imapwire::session in
// the order they were sent. The session's findings are mapped back to file positions and
// reported like compiler diagnostics, followed by a summary. docs/validate.md describes the
// formats, options, findings and the ordering of raw stream pairs.

#include "validate.hpp"

#include "cli_options.hpp"
#include "trace.hpp"

#include <imapwire/connection.hpp>
#include <imapwire/framer.hpp>
#include <imapwire/options.hpp>
#include <imapwire/session.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#if defined(_WIN32)
#include <io.h>
#define IMAPWIRE_VALIDATE_ISATTY ::_isatty
#else
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define IMAPWIRE_VALIDATE_ISATTY ::isatty
#endif

namespace imapwire_tool {

// ---- input files -------------------------------------------------------------------------------

namespace trace {

input_file::~input_file() {
#if !defined(_WIN32)
    if (map_)
        ::munmap(const_cast<char*>(map_), size_);
#endif
}

bool input_file::open(const std::string& path, std::string& error) {
    name_ = path == "-" ? "<stdin>" : path;
    std::FILE* fp = nullptr;
#if !defined(_WIN32)
    if (path != "-") {
        const int fd = ::open(path.c_str(), O_RDONLY);
        if (fd < 0) {
            error = std::strerror(errno);
            return false;
        }
        struct stat sb {};
        if (::fstat(fd, &sb) != 0) {
            error = std::strerror(errno);
            ::close(fd);
            return false;
        }
        if (S_ISDIR(sb.st_mode)) {
            ::close(fd);
            error = std::strerror(EISDIR);
            return false;
        }
        if (S_ISREG(sb.st_mode) && sb.st_size > 0) {
            void* m = ::mmap(nullptr, static_cast<std::size_t>(sb.st_size), PROT_READ, MAP_PRIVATE,
                             fd, 0);
            if (m != MAP_FAILED) {
                ::close(fd);
                map_ = static_cast<const char*>(m);
                size_ = static_cast<std::size_t>(sb.st_size);
                return true;
            }
        }
        fp = ::fdopen(fd, "rb");
        if (!fp) {
            error = std::strerror(errno);
            ::close(fd);
            return false;
        }
    } else {
        fp = stdin;
    }
#else
    fp = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!fp) {
        error = std::strerror(errno);
        return false;
    }
#endif
    char buf[1 << 16];
    for (;;) {
        const std::size_t got = std::fread(buf, 1, sizeof buf, fp);
        data_.append(buf, got);
        if (got < sizeof buf)
            break;
    }
    const bool failed = std::ferror(fp) != 0;
    const int err = errno;
    if (fp != stdin)
        std::fclose(fp);
    if (failed) {
        error = std::strerror(err);
        return false;
    }
    return true;
}

} // namespace trace

namespace {

using imapwire::finding;
using imapwire::finding_kind;
using imapwire::frame;
using imapwire::frame_kind;
using imapwire::message_kind;
using imapwire::side;
using json = nlohmann::ordered_json;

constexpr int exit_ok = 0;
constexpr int exit_findings = 1;
constexpr int exit_usage = 2;

constexpr std::size_t feed_size = 1 << 20;           // raw streams are framed 1 MiB at a time
constexpr std::uint64_t progress_step = 10ull << 20; // progress report every 10 MB

const char* side_name(side s) {
    return s == side::client ? "client" : "server";
}

using imapwire::message_tag;  // a message's tag, "*" or "+"
using imapwire::message_word; // a command's name

using imapwire::detail::iequals;

// ---- driving the session -----------------------------------------------------------------------

// The connection (imapwire/connection.hpp) delivers the frames of both sides to the session and
// tells each framer what the other side decided; its origins() say which findings may be the
// trace's fault rather than the peers' (--lenient makes them warnings).
using driver = imapwire::connection;

/// A raw pair holds the bytes as they went over the wire: compressed after COMPRESS (RFC 4978),
/// so they are inflated. A transcript holds what a peer logged: the inflated bytes.
imapwire::connection_options connection_for(const imapwire::parse_options& po,
                                            bool raw_bytes = true) {
    imapwire::connection_options o;
    o.parse = po;
    o.inflate_compressed = raw_bytes;
    return o;
}

// ---- progress ----------------------------------------------------------------------------------

class progress {
public:
    progress(const std::string& name, std::uint64_t total)
        : name_(name)
        , total_(total)
        , on_(total >= progress_step && IMAPWIRE_VALIDATE_ISATTY(2)) {}
    progress(const progress&) = delete;
    progress& operator=(const progress&) = delete;
    ~progress() {
        if (shown_)
            std::fputs("\r\033[K", stderr);
    }

    void at(std::uint64_t done) {
        if (!on_ || done < next_)
            return;
        next_ = (done / progress_step + 1) * progress_step;
        std::fprintf(stderr, "\r\033[Kimapwire validate: %s: %llu of %llu MB", name_.c_str(),
                     static_cast<unsigned long long>(done >> 20),
                     static_cast<unsigned long long>(total_ >> 20));
        std::fflush(stderr);
        shown_ = true;
    }

private:
    std::string name_;
    std::uint64_t total_;
    bool on_;
    bool shown_ = false;
    std::uint64_t next_ = progress_step;
};

// ---- raw stream pairs --------------------------------------------------------------------------

/// The frames of one raw stream, one at a time, fed to its side of the connection in pieces as
/// needed (inflated after COMPRESS, RFC 4978).
class stream_source {
public:
    stream_source(driver& d, side s, std::string_view data)
        : driver_(d)
        , side_(s)
        , framer_(d.framer_of(s))
        , data_(data) {}

    /// The next frame (kept until pop()), or nullptr at the end of the stream.
    const frame* peek() {
        if (have_)
            return &cur_;
        for (;;) {
            cur_ = framer_.next();
            if (cur_.kind != frame_kind::need_more) {
                have_ = true;
                return &cur_;
            }
            if (driver_.inflate_more(side_))
                continue;
            if (fed_ < data_.size()) {
                const std::size_t n = std::min(feed_size, data_.size() - fed_);
                driver_.feed_framer(side_, data_.substr(fed_, n));
                fed_ += n;
                continue;
            }
            if (finished_)
                return nullptr;
            framer_.finish();
            finished_ = true;
        }
    }
    void pop() noexcept { have_ = false; }
    std::size_t fed() const noexcept { return fed_; }

private:
    driver& driver_;
    side side_;
    imapwire::framer& framer_;
    std::string_view data_;
    std::size_t fed_ = 0;
    bool finished_ = false;
    bool have_ = false;
    frame cur_;
};

/// How often each tag starts a message of the client stream.
std::unordered_map<std::string, std::size_t> client_tags(std::string_view data,
                                                         const imapwire::parse_options& po) {
    std::unordered_map<std::string, std::size_t> tags;
    // a connection of its own, with no server: after a COMPRESS its bytes are taken as
    // compressed when they inflate (the server's answer is not known here)
    driver scan(connection_for(po));
    stream_source src(scan, side::client, data);
    bool compressed = false;
    for (const frame* fr = src.peek(); fr; src.pop(), fr = src.peek()) {
        if (fr->kind != frame_kind::message)
            continue;
        ++tags[std::string(message_tag(fr->bytes))];
        if (!compressed && fr->as == imapwire::message_kind::command &&
            po.extensions.contains(imapwire::extension::compress) &&
            imapwire::detail::iequals(imapwire::message_word(fr->bytes), "COMPRESS")) {
            compressed = true;
            scan.assume_compressed(side::client);
        }
    }
    return tags;
}

/// Orders the messages of a raw client stream and a raw server stream by protocol causality
/// and delivers them (docs/validate.md, "Raw stream pairs"):
///   - the server's first message (the greeting) comes first;
///   - after each client message the server's messages follow until the one the client then
///     waits for: "+" after a synchronizing literal's announcement, an AUTHENTICATE line or
///     IDLE, otherwise the tagged response to the command;
///   - a server message never comes before what it answers: a tagged response whose tag the
///     client has yet to send waits for that command, and a "+" nobody waits for waits for the
///     client's next message;
///   - what is left of the server stream after the client's last message comes last.
void run_pair(driver& d, std::string_view client, std::string_view server,
              const imapwire::parse_options& po, progress& prog) {
    auto future = client_tags(client, po);             // tags the client has yet to send
    std::unordered_map<std::string, std::size_t> open; // commands sent, not yet completed
    stream_source cs(d, side::client, client);
    stream_source ss(d, side::server, server);

    enum class wait { none, tagged, plus_or_tagged };
    wait w = wait::none;
    std::string wait_tag;
    std::string exchange_tag; // the AUTHENTICATE or IDLE in progress

    for (const frame* f = ss.peek(); f; f = ss.peek()) { // the greeting
        const bool message = f->kind == frame_kind::message;
        d.deliver(side::server, *f);
        ss.pop();
        if (message)
            break;
    }
    for (;;) {
        while (w != wait::none) {
            const frame* f = ss.peek();
            if (!f) {
                d.server_ended();
                break;
            }
            if (f->kind == frame_kind::message) {
                const std::string tok(message_tag(f->bytes));
                if (tok == "+") {
                    if (w != wait::plus_or_tagged)
                        break; // answers something the client has yet to send
                    w = wait::none;
                } else if (tok != "*") {
                    if (open[tok] == 0 && future[tok] > 0)
                        break; // answers a command the client has yet to send
                    if (open[tok] > 0)
                        --open[tok];
                    if (tok == wait_tag)
                        w = wait::none;
                }
            }
            d.deliver(side::server, *f);
            ss.pop();
        }
        const frame* f = cs.peek();
        if (!f)
            break;
        w = wait::none;
        if (f->kind == frame_kind::literal && f->literal.synchronizing) {
            w = wait::plus_or_tagged;
            wait_tag.assign(f->tag);
        } else if (f->kind == frame_kind::message) {
            const std::string tok(message_tag(f->bytes));
            if (future[tok] > 0)
                --future[tok];
            switch (f->as) {
            case message_kind::command: {
                ++open[tok];
                const std::string_view name = message_word(f->bytes);
                w = wait::tagged;
                if (iequals(name, "AUTHENTICATE") || iequals(name, "IDLE")) {
                    w = wait::plus_or_tagged;
                    exchange_tag = tok;
                }
                wait_tag = tok;
                break;
            }
            case message_kind::authenticate_data:
                w = wait::plus_or_tagged;
                wait_tag = exchange_tag;
                break;
            case message_kind::idle_done:
                w = wait::tagged;
                wait_tag = exchange_tag;
                break;
            default:
                break;
            }
        }
        d.deliver(side::client, *f);
        cs.pop();
        prog.at(cs.fed() + ss.fed());
    }
    for (const frame* f = ss.peek(); f; f = ss.peek()) {
        d.deliver(side::server, *f);
        ss.pop();
    }
    d.finish_session();
}

// ---- results -----------------------------------------------------------------------------------

/// A finding placed in a file.
struct diagnostic {
    std::string file;
    std::uint64_t line = 0, col = 0;
    std::string source_line; ///< the file's line, without its line end
    std::string rule;
    const char* rfc_section = nullptr; ///< nullptr: not from RFC 3501 (trace-format)
    std::optional<side> from;
    bool warning = false;
    std::string message;
    std::string production;
    std::uint64_t offset = 0;             ///< in the side's stream (or the file)
    std::optional<std::size_t> msg_index; ///< the message's index in the side's stream
    std::uint64_t file_offset = 0;
};

struct trace_result {
    std::string label; ///< what the summary names: the trace, or "CLIENT and SERVER"
    std::string input; ///< "transcript" or "raw pair"
    std::string client_file, server_file; ///< raw pair: the two files
    trace::transcript_info literals;
    imapwire::session_stats stats;
    imapwire::protocol_state final_state = imapwire::protocol_state::greeting;
    std::vector<diagnostic> diagnostics;
    bool format_errors = false;
};

/// Line, column and text of each file offset.
void locate(std::string_view file, std::vector<diagnostic*>& ds) {
    std::stable_sort(ds.begin(), ds.end(), [](const diagnostic* a, const diagnostic* b) {
        return a->file_offset < b->file_offset;
    });
    std::uint64_t line = 1;
    std::size_t line_start = 0;
    for (diagnostic* d : ds) {
        const std::size_t at =
            static_cast<std::size_t>(std::min<std::uint64_t>(d->file_offset, file.size()));
        for (;;) {
            const void* nl = std::memchr(file.data() + line_start, '\n', at - line_start);
            if (!nl)
                break;
            line_start = static_cast<std::size_t>(static_cast<const char*>(nl) - file.data()) + 1;
            ++line;
        }
        std::size_t end = file.find('\n', at);
        if (end == std::string_view::npos)
            end = file.size();
        if (end > line_start && file[end - 1] == '\r')
            --end;
        d->line = line;
        d->col = at - line_start + 1;
        d->source_line.assign(file.substr(line_start, end - line_start));
    }
}

diagnostic from_finding(const finding& f, std::uint8_t mark, bool lenient) {
    diagnostic d;
    d.rule = imapwire::rule_name(f.kind);
    d.rfc_section = imapwire::rfc_section(f.kind);
    d.from = f.side;
    d.warning = f.warning ||
                (lenient && (mark & (imapwire::origin_cut | imapwire::origin_consequence)) != 0);
    d.message = f.text;
    d.production = f.production;
    d.offset = f.offset;
    d.msg_index = f.message;
    return d;
}

struct settings_view {
    trace::literal_mode literals = trace::literal_mode::automatic;
    bool lenient = false;
    imapwire::parse_options parse;
};

void take_session(trace_result& r, const driver& d) {
    r.stats = d.session().stats();
    r.final_state = d.session().state();
}

/// Validates one transcript; false on an I/O error (reported).
bool validate_transcript(const std::string& path, const settings_view& s, trace_result& r) {
    trace::input_file in;
    std::string err;
    if (!in.open(path, err)) {
        std::fprintf(stderr, "imapwire validate: cannot read %s: %s\n", path.c_str(), err.c_str());
        return false;
    }
    const std::string_view bytes = in.bytes();
    r.label = in.name();
    r.input = "transcript";
    driver d(connection_for(s.parse, false));
    std::vector<diagnostic> format;
    {
        progress prog(in.name(), bytes.size());
        r.literals = trace::read_transcript(
            bytes, s.literals,
            [&](const trace::chunk& c) {
                d.feed(c.from, c.bytes);
                if (c.crlf)
                    d.feed(c.from, "\r\n");
                prog.at(c.file_offset);
            },
            [&](std::uint64_t at, const std::string& text) {
                diagnostic x;
                x.rule = "trace-format";
                x.message = text;
                x.file_offset = at;
                format.push_back(std::move(x));
            });
        d.finish();
    }
    take_session(r, d);

    const auto& fs = d.session().findings();
    std::vector<std::pair<side, std::uint64_t>> wanted;
    for (const auto& f : fs)
        wanted.emplace_back(f.side, f.offset);
    const auto offsets = trace::file_offsets(bytes, s.literals, wanted);
    for (std::size_t i = 0; i < fs.size(); ++i) {
        diagnostic x = from_finding(fs[i], d.origins()[i], s.lenient);
        x.file_offset = offsets[i];
        r.diagnostics.push_back(std::move(x));
    }
    r.format_errors = !format.empty();
    for (auto& x : format)
        r.diagnostics.push_back(std::move(x));
    std::vector<diagnostic*> ptrs;
    for (std::size_t i = 0; i < r.diagnostics.size(); ++i) {
        r.diagnostics[i].file = in.name();
        ptrs.push_back(&r.diagnostics[i]);
    }
    locate(bytes, ptrs);
    // a transcript's diagnostics in file order
    std::stable_sort(
        r.diagnostics.begin(), r.diagnostics.end(),
        [](const diagnostic& a, const diagnostic& b) { return a.file_offset < b.file_offset; });
    return true;
}

/// A recording whose bytes from `from` on are raw DEFLATE (after COMPRESS, RFC 4978): its
/// plain start and what the rest inflates to, as far as it inflates, up to 256 MiB (enough to
/// show where a finding is).
std::string inflate_recording(std::string_view raw, std::uint64_t from) {
    constexpr std::size_t most = std::size_t{256} << 20;
    std::string out(raw.substr(0, static_cast<std::size_t>(from)));
    imapwire::detail::raw_inflater z;
    z.push(raw.substr(static_cast<std::size_t>(from)));
    std::string piece;
    while (out.size() < most && z.step(piece) == imapwire::detail::raw_inflater::status::produced)
        out += piece;
    return out;
}

/// Validates a pair of raw streams; false on an I/O error (reported).
bool validate_pair(const std::string& client_path, const std::string& server_path,
                   const settings_view& s, trace_result& r) {
    trace::input_file client_in, server_in;
    std::string err;
    for (auto [in, path] :
         {std::pair{&client_in, &client_path}, std::pair{&server_in, &server_path}}) {
        if (!in->open(*path, err)) {
            std::fprintf(stderr, "imapwire validate: cannot read %s: %s\n", path->c_str(),
                         err.c_str());
            return false;
        }
    }
    r.label = client_in.name() + " and " + server_in.name();
    r.client_file = client_in.name();
    r.server_file = server_in.name();
    r.input = "raw pair";
    driver d(connection_for(s.parse));
    {
        progress prog(r.label, client_in.bytes().size() + server_in.bytes().size());
        run_pair(d, client_in.bytes(), server_in.bytes(), s.parse, prog);
    }
    take_session(r, d);
    // a side compressed after COMPRESS (RFC 4978): offsets from there on count inflated bytes,
    // and its findings are shown in the inflated stream
    const auto& fs = d.session().findings();
    std::string inflated[2]; // only for a side with a finding in its compressed part
    for (const side sd : {side::client, side::server}) {
        const auto from = d.compressed_from(sd);
        const std::string_view raw = sd == side::client ? client_in.bytes() : server_in.bytes();
        if (from && *from <= raw.size() && std::any_of(fs.begin(), fs.end(), [&](const auto& f) {
                return f.side == sd && f.offset >= *from;
            }))
            inflated[sd == side::client ? 0 : 1] = inflate_recording(raw, *from);
    }
    for (std::size_t i = 0; i < fs.size(); ++i) {
        diagnostic x = from_finding(fs[i], d.origins()[i], s.lenient);
        x.file_offset = fs[i].offset;
        x.file = fs[i].side == side::client ? client_in.name() : server_in.name();
        const auto from = d.compressed_from(fs[i].side);
        const std::string& inf = inflated[fs[i].side == side::client ? 0 : 1];
        if (from && fs[i].offset >= *from && inf.size() > *from)
            x.file += " (inflated)";
        r.diagnostics.push_back(std::move(x));
    }
    std::vector<diagnostic*> ptrs[2][2]; // [side][in the inflated stream]
    for (auto& x : r.diagnostics) {
        const int sd = x.from == side::client ? 0 : 1;
        const auto from = d.compressed_from(sd == 0 ? side::client : side::server);
        // nothing inflated at all: shown where the bytes that do not inflate start
        const bool in_inflated = from && x.file_offset >= *from && inflated[sd].size() > *from;
        ptrs[sd][in_inflated ? 1 : 0].push_back(&x);
    }
    locate(client_in.bytes(), ptrs[0][0]);
    locate(server_in.bytes(), ptrs[1][0]);
    locate(inflated[0], ptrs[0][1]);
    locate(inflated[1], ptrs[1][1]);
    return true; // diagnostics stay in the order the session found them
}

// ---- output ------------------------------------------------------------------------------------

struct palette {
    bool on = false;
    const char* bold() const { return on ? "\033[1m" : ""; }
    const char* error() const { return on ? "\033[1;31m" : ""; }
    const char* warning() const { return on ? "\033[1;35m" : ""; }
    const char* caret() const { return on ? "\033[1;32m" : ""; }
    const char* reset() const { return on ? "\033[m" : ""; }
};

/// The source line and a caret under column `col` (1-based), gcc style. Control octets show as
/// '?', long lines as a window around the column.
void show_line(std::string& out, const diagnostic& d, const palette& p) {
    constexpr std::size_t window = 80;
    std::string_view line = d.source_line;
    std::size_t col = static_cast<std::size_t>(d.col - 1);
    std::string prefix, suffix;
    if (line.size() > 2 * window + 40) {
        const std::size_t from = col > window ? col - window : 0;
        const std::size_t to = std::min(line.size(), col + window);
        if (from > 0)
            prefix = "...";
        if (to < line.size())
            suffix = "...";
        line = line.substr(from, to - from);
        col -= from;
    }
    std::string text = prefix, pad(prefix.size(), ' ');
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        const bool shown = c == '\t' || (c >= 0x20 && c != 0x7f);
        text += shown ? static_cast<char>(c) : '?';
        if (i < col && (c & 0xc0) != 0x80)
            pad += c == '\t' ? '\t' : ' ';
    }
    for (std::size_t i = line.size(); i < col; ++i)
        pad += ' ';
    text += suffix;
    char num[32];
    std::snprintf(num, sizeof num, "%5llu | ", static_cast<unsigned long long>(d.line));
    out += num;
    out += text;
    out += "\n      | ";
    out += pad;
    out += p.caret();
    out += '^';
    out += p.reset();
    out += '\n';
}

void print_diagnostic(std::string& out, const diagnostic& d, const palette& p) {
    out += p.bold();
    out += d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.col) + ": ";
    out += p.reset();
    out += d.warning ? p.warning() : p.error();
    out += d.warning ? "warning: " : "error: ";
    out += p.reset();
    out += "[" + d.rule + "] " + d.message + "\n";
    show_line(out, d, p);
}

const char* const state_order[] = {"greeting", "not authenticated", "authenticated", "selected",
                                   "logout"};

std::map<std::string, std::pair<std::size_t, std::size_t>> by_rule(const trace_result& r) {
    std::map<std::string, std::pair<std::size_t, std::size_t>> m; // rule -> errors, warnings
    for (const auto& d : r.diagnostics)
        (d.warning ? m[d.rule].second : m[d.rule].first)++;
    return m;
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void print_summary(std::string& out, const trace_result& r) {
    out += r.label + ": " + plural(r.stats.client_messages, "client message") + ", " +
           plural(r.stats.server_messages, "server message") + ", final state " +
           imapwire::to_string(r.final_state);
    if (r.input == "transcript" && (r.literals.prefixed_literals || r.literals.raw_literals)) {
        out += " (literals:";
        if (r.literals.prefixed_literals)
            out += " " + std::to_string(r.literals.prefixed_literals) + " prefixed";
        if (r.literals.raw_literals)
            out += " " + std::to_string(r.literals.raw_literals) + " raw";
        out += ")";
    }
    out += "\n";
    for (const char* st : state_order) {
        const auto it = r.stats.commands_by_state.find(st);
        if (it == r.stats.commands_by_state.end())
            continue;
        out += std::string("  commands in the ") + st + " state:";
        bool first = true;
        for (const auto& [name, n] : it->second) {
            out += first ? " " : ", ";
            out += name + " " + std::to_string(n);
            first = false;
        }
        out += "\n";
    }
    const auto rules = by_rule(r);
    if (rules.empty()) {
        out += "  findings: none\n";
        return;
    }
    out += "  findings:";
    bool first = true;
    for (const auto& [rule, n] : rules) {
        out += first ? " " : ", ";
        first = false;
        out += rule;
        if (n.first)
            out += " " + plural(n.first, "error");
        if (n.second)
            out += std::string(n.first ? " and " : " ") + plural(n.second, "warning");
    }
    out += "\n";
}

json summary_json(const trace_result& r) {
    json j;
    j["trace"] = r.label;
    j["input"] = r.input;
    if (r.input == "raw pair") {
        j["client_file"] = r.client_file;
        j["server_file"] = r.server_file;
    }
    j["client_messages"] = r.stats.client_messages;
    j["server_messages"] = r.stats.server_messages;
    j["final_state"] = imapwire::to_string(r.final_state);
    if (r.input == "transcript")
        j["literals"] =
            json{{"prefixed", r.literals.prefixed_literals}, {"raw", r.literals.raw_literals}};
    json states = json::object();
    for (const char* st : state_order) {
        const auto it = r.stats.commands_by_state.find(st);
        if (it == r.stats.commands_by_state.end())
            continue;
        json names = json::object();
        for (const auto& [name, n] : it->second)
            names[name] = n;
        states[st] = names;
    }
    j["commands_by_state"] = states;
    json rules = json::object();
    std::size_t errors = 0, warnings = 0;
    for (const auto& [rule, n] : by_rule(r)) {
        rules[rule] = json{{"errors", n.first}, {"warnings", n.second}};
        errors += n.first;
        warnings += n.second;
    }
    j["findings_by_rule"] = rules;
    j["errors"] = errors;
    j["warnings"] = warnings;
    return j;
}

json diagnostic_json(const diagnostic& d) {
    json j;
    j["file"] = d.file;
    j["line"] = d.line;
    j["col"] = d.col;
    j["side"] = d.from ? json(side_name(*d.from)) : json(nullptr);
    j["rule"] = d.rule;
    j["rfc_section"] = d.rfc_section ? json(d.rfc_section) : json(nullptr);
    j["severity"] = d.warning ? "warning" : "error";
    j["message"] = d.message;
    j["production"] = d.production.empty() ? json(nullptr) : json(d.production);
    j["offset"] = d.from ? json(d.offset) : json(nullptr);
    j["message_index"] = d.msg_index ? json(*d.msg_index) : json(nullptr);
    return j;
}

} // namespace

// ---- the subcommand ----------------------------------------------------------------------------

struct validate_command::settings {
    std::vector<std::string> traces;
    std::string client, server;
    std::string literals = "auto";
    std::string format = "text";
    std::string color = "auto";
    bool strict = false;
    bool lenient = false;
    bool literal_plus = false;
    std::string extensions = "all";
};

validate_command::validate_command(CLI::App& app)
    : settings_(std::make_unique<settings>()) {
    settings& st = *settings_;
    command_ = app.add_subcommand(
        "validate",
        "Follow recorded IMAP connections with the RFC 3501 state machine and report every "
        "departure from the protocol, like compiler diagnostics: FILE:LINE:COL: error: [rule] "
        "message, the line and a caret, then a summary. A TRACE is a transcript of C:/S: lines "
        "(RFC 3501 section 8 style); --client/--server name the two raw byte streams of one "
        "connection instead.");
    auto* traces =
        command_->add_option("TRACE", st.traces, "transcript files (- for standard input)");
    auto* client =
        command_->add_option("--client", st.client, "raw client-to-server bytes of a connection");
    auto* server =
        command_->add_option("--server", st.server, "raw server-to-client bytes of a connection");
    client->needs(server);
    server->needs(client);
    client->excludes(traces);
    server->excludes(traces);
    command_
        ->add_option("--literals", st.literals,
                     "how a transcript writes literal octets: prefixed (on C:/S: lines joined "
                     "with CRLF), raw (the octets right after the announcing line), auto (decided "
                     "for each literal)")
        ->check(CLI::IsMember({"auto", "prefixed", "raw"}))
        ->capture_default_str();
    command_
        ->add_option("--format", st.format, "output format: text diagnostics or one JSON document")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    command_
        ->add_option(
            "--color", st.color,
            "colour the text output: auto (when standard output is a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    auto* strict = command_->add_flag(
        "--strict", st.strict, "every finding counts, warnings too: exit 1 on any (the default)");
    auto* lenient = command_->add_flag(
        "--lenient", st.lenient,
        "warnings do not affect the exit status, and findings that come from how the trace was "
        "made rather than from the peers are warnings: a message cut off where the trace ends, "
        "a literal sent after the server's recorded stream ended (raw pairs), a tagged response "
        "to a command that could not be parsed or whose literal the server refused");
    strict->excludes(lenient);
    lenient->excludes(strict);
    command_->add_flag("--literal-plus", st.literal_plus,
                       "add LITERAL+ (RFC 7888: non-synchronizing literals {n+}) to the "
                       "--extensions set");
    add_extensions_option(*command_, st.extensions);
    command_->footer(
        "Exit status: 0 clean, 1 findings (with --lenient: errors only), 2 usage or I/O error, "
        "or a transcript line that is not C:, S:, a comment or blank.\n"
        "JSON (--format=json): {\"findings\": [{\"file\", \"line\", \"col\", \"side\", \"rule\", "
        "\"rfc_section\", \"severity\", \"message\", \"production\", \"offset\", "
        "\"message_index\"}...], \"summary\": {\"traces\": [{\"trace\", \"input\", "
        "[\"client_file\", \"server_file\",] \"client_messages\", \"server_messages\", "
        "\"final_state\", [\"literals\",] \"commands_by_state\", \"findings_by_rule\", "
        "\"errors\", \"warnings\"}...], \"errors\", \"warnings\", \"strict\", "
        "\"exit_status\"}}.\n"
        "Details: docs/validate.md.");
}

validate_command::~validate_command() = default;

bool validate_command::parsed() const {
    return command_->parsed();
}

int validate_command::run() const {
    const settings& st = *settings_;
    if (st.traces.empty() && st.client.empty()) {
        std::fputs("imapwire validate: name TRACE files, or --client=FILE and --server=FILE\n"
                   "Run with --help for more information.\n",
                   stderr);
        return exit_usage;
    }
    settings_view s;
    s.literals = st.literals == "raw"        ? trace::literal_mode::raw
                 : st.literals == "prefixed" ? trace::literal_mode::prefixed
                                             : trace::literal_mode::automatic;
    s.lenient = st.lenient;
    s.parse.extensions = *imapwire::parse_extension_list(st.extensions);
    if (st.literal_plus)
        s.parse.extensions.add(imapwire::extension::literal_plus);

    std::vector<trace_result> results;
    bool io_error = false;
    if (!st.client.empty()) {
        trace_result r;
        if (validate_pair(st.client, st.server, s, r))
            results.push_back(std::move(r));
        else
            io_error = true;
    }
    for (const auto& path : st.traces) {
        trace_result r;
        if (validate_transcript(path, s, r))
            results.push_back(std::move(r));
        else
            io_error = true;
    }

    std::size_t errors = 0, warnings = 0;
    bool format_errors = false;
    for (const auto& r : results) {
        format_errors = format_errors || r.format_errors;
        for (const auto& d : r.diagnostics)
            (d.warning ? warnings : errors)++;
    }
    int status = exit_ok;
    if (io_error || format_errors)
        status = exit_usage;
    else if (errors > 0 || (warnings > 0 && !st.lenient))
        status = exit_findings;

    std::string out;
    if (st.format == "json") {
        json doc;
        json findings = json::array();
        for (const auto& r : results)
            for (const auto& d : r.diagnostics)
                findings.push_back(diagnostic_json(d));
        doc["findings"] = findings;
        json traces = json::array();
        for (const auto& r : results)
            traces.push_back(summary_json(r));
        doc["summary"] = json{{"traces", traces},
                              {"errors", errors},
                              {"warnings", warnings},
                              {"strict", !st.lenient},
                              {"exit_status", status}};
        out = doc.dump(2, ' ', false, json::error_handler_t::replace);
        out += '\n';
    } else {
        palette p;
        p.on = st.color == "always" || (st.color == "auto" && IMAPWIRE_VALIDATE_ISATTY(1));
        for (const auto& r : results)
            for (const auto& d : r.diagnostics)
                print_diagnostic(out, d, p);
        for (const auto& r : results)
            print_summary(out, r);
        if (errors == 0 && warnings == 0)
            out +=
                results.size() == 1 ? "clean: no findings\n" : "clean: no findings in any trace\n";
        else
            out += plural(errors, "error") + " and " + plural(warnings, "warning") +
                   (st.lenient ? " (--lenient: warnings do not count)\n" : "\n");
    }
    if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
        std::fprintf(stderr, "imapwire validate: write error: %s\n", std::strerror(errno));
        return exit_usage;
    }
    return status;
}

} // namespace imapwire_tool
