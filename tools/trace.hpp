// imapwire tool: reading recorded IMAP connections.
//
// Two kinds of input (docs/validate.md):
//
//   * a transcript: one protocol line per text line, prefixed "C: " (client) or "S: " (server)
//     as in RFC 3501 §8 ("C:" / "S:" alone stand for an empty line). Blank lines and lines
//     starting with "#" are comments. The octets of a literal {n} either continue on lines with
//     the same prefix, joined with CRLF (as the RFC prints them: "prefixed"), or follow the
//     announcing line as n raw octets, after which the rest of the message continues with the
//     same prefix on the same text line ("raw", as tests/data/dovecot/session.txt is written);
//   * a raw byte stream, one per side (read by the caller from a file, see input_file).
//
// read_transcript() turns a transcript into the byte stream of each side, piece by piece
// (`chunk`s) in file order, which is the order in which the peers sent them. Each piece knows
// where in the file it comes from, so a stream offset can be mapped back to a file position.
#pragma once

#include <imapwire/session.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace imapwire_tool::trace {

using imapwire::side;

/// A whole input file, mapped into memory when possible (regular files), read otherwise.
class input_file {
public:
    input_file() = default;
    input_file(const input_file&) = delete;
    input_file& operator=(const input_file&) = delete;
    ~input_file();

    /// Opens and maps or reads `path` ("-": standard input); false with `error` set on failure.
    bool open(const std::string& path, std::string& error);

    std::string_view bytes() const noexcept { return map_ ? std::string_view(map_, size_) : data_; }
    /// The name to show in diagnostics.
    const std::string& name() const noexcept { return name_; }

private:
    std::string name_;
    const char* map_ = nullptr;
    std::size_t size_ = 0;
    std::string data_;
};

/// How the octets of a literal are written in a transcript.
enum class literal_mode : std::uint8_t {
    automatic, ///< decided for each literal (see read_transcript)
    prefixed,  ///< on the following lines of the same side, joined with CRLF
    raw,       ///< n raw octets right after the announcing line
};

/// A piece of one side's byte stream: `bytes` (a view into the file), then, when `crlf` is set,
/// the CRLF of the text line it ends (whatever the file uses: CRLF or LF).
struct chunk {
    side from = side::client;
    std::string_view bytes;
    std::uint64_t file_offset = 0; ///< file offset of bytes[0]
    bool crlf = false;
    std::uint64_t eol_offset = 0; ///< file offset of the line end the CRLF stands for
    std::uint64_t size() const noexcept { return bytes.size() + (crlf ? 2u : 0u); }
};

/// What read_transcript() saw.
struct transcript_info {
    std::size_t raw_literals = 0;
    std::size_t prefixed_literals = 0;
};

namespace detail {

/// Side and content start of a prefixed line at `p` ("C: text", "S: text", "C:" EOL, "S:" EOL).
inline bool prefix_at(std::string_view f, std::size_t p, side& s, std::size_t& content) {
    if (p + 2 > f.size() || (f[p] != 'C' && f[p] != 'S') || f[p + 1] != ':')
        return false;
    s = f[p] == 'C' ? side::client : side::server;
    if (p + 2 == f.size() || f[p + 2] == '\r' || f[p + 2] == '\n') {
        content = p + 2;
        return true;
    }
    if (f[p + 2] != ' ')
        return false;
    content = p + 3;
    return true;
}

/// The end of the text of the line holding `p` (before CR LF or LF) and the start of the next.
inline void line_at(std::string_view f, std::size_t p, std::size_t& text_end, std::size_t& next) {
    const std::size_t lf = f.find('\n', p);
    if (lf == std::string_view::npos) {
        text_end = next = f.size();
        return;
    }
    next = lf + 1;
    text_end = lf > p && f[lf - 1] == '\r' ? lf - 1 : lf;
}

/// A literal announced at the end of `text`: "{n}" or "{n+}".
inline bool announces(std::string_view text, std::uint64_t& n, bool& nonsync) {
    if (text.empty() || text.back() != '}')
        return false;
    std::size_t j = text.size() - 1;
    nonsync = j > 0 && text[j - 1] == '+';
    if (nonsync)
        --j;
    const std::size_t digits_end = j;
    while (j > 0 && text[j - 1] >= '0' && text[j - 1] <= '9')
        --j;
    if (j == digits_end || j == 0 || text[j - 1] != '{')
        return false;
    n = 0;
    for (std::size_t d = j; d < digits_end; ++d) {
        n = n * 10 + static_cast<std::uint64_t>(text[d] - '0');
        if (n > 0xffffffffull) // the framer refuses it; nothing follows
            return false;
    }
    return true;
}

inline std::string_view first_token(std::string_view text) {
    return text.substr(0, text.find(' '));
}

inline bool is_comment(std::string_view f, std::size_t p, std::size_t text_end) {
    if (p < text_end && f[p] == '#')
        return true;
    for (std::size_t i = p; i < text_end; ++i)
        if (f[i] != ' ' && f[i] != '\t')
            return false;
    return true;
}

} // namespace detail

/// Reads the transcript `f`, calling sink(const chunk&) for each piece of either side's stream
/// in file order and bad(file_offset, text) for each line that is neither a protocol line nor a
/// comment.
///
/// A line ending in a literal announcement {n} / {n+} is followed by the literal's n octets.
/// A server literal starts right after its line; a synchronizing client literal after the
/// server lines that follow the announcement (the "+" the client waits for), unless the server
/// first answers the command with a tagged response: then the literal was refused and is not
/// expected. In automatic mode each literal is read raw when the n octets at that point are
/// followed by the same side's prefix (the rest of the message) and the line there does not
/// start with that prefix itself, and prefixed otherwise; when both readings fit, the reading
/// of the previous literal is kept (prefixed for the first one).
template <class Sink, class Bad>
transcript_info read_transcript(std::string_view f, literal_mode mode, Sink&& sink, Bad&& bad) {
    using detail::line_at;
    using detail::prefix_at;
    enum class lit : std::uint8_t { none, announced, prefixed };
    struct side_state {
        lit state = lit::none;
        std::uint64_t left = 0;  // literal octets still to come
        bool sync = true;        // {n}, not {n+}
        bool in_message = false; // the side's message continues after a literal
        std::string_view tag;    // first token of the side's current message
    };
    side_state st[2];
    auto of = [&](side s) -> side_state& { return st[s == side::client ? 0 : 1]; };
    transcript_info info;
    literal_mode preferred = literal_mode::prefixed;

    // The text of a protocol line of side `s` (or the rest of a message after a literal).
    auto text = [&](side s, std::size_t b, std::size_t e, bool crlf, std::size_t eol) {
        side_state& x = of(s);
        const std::string_view t = f.substr(b, e - b);
        const bool starts = !x.in_message;
        if (starts)
            x.tag = detail::first_token(t);
        sink(chunk{s, t, b, crlf, eol});
        std::uint64_t n = 0;
        bool nonsync = false;
        if (crlf && detail::announces(t, n, nonsync)) {
            x.state = lit::announced;
            x.left = n;
            x.sync = !nonsync;
            x.in_message = true;
        } else {
            x.in_message = false;
        }
        // the server answers a client that waits for "+": the literal will not come
        side_state& c = of(side::client);
        if (s == side::server && starts && c.state == lit::announced && c.sync && x.tag == c.tag &&
            x.tag != "*" && x.tag != "+") {
            c = side_state{};
        }
    };

    std::size_t pos = 0;
    while (pos < f.size()) {
        // literal octets due here?
        side due = side::server;
        bool is_due = of(side::server).state == lit::announced;
        if (!is_due && of(side::client).state == lit::announced) {
            side s2;
            std::size_t c2;
            const bool server_line = prefix_at(f, pos, s2, c2) && s2 == side::server;
            if (!(of(side::client).sync && server_line)) {
                due = side::client;
                is_due = true;
            }
        }
        if (is_due) {
            side_state& x = of(due);
            if (x.left == 0) { // {0}: the message goes on with the next line of the side
                x.state = lit::none;
                continue;
            }
            std::size_t text_end = 0, next = 0;
            line_at(f, pos, text_end, next);
            side s2 = side::client;
            std::size_t c2 = 0;
            const bool prefixed_here = prefix_at(f, pos, s2, c2);
            literal_mode m = mode;
            if (m == literal_mode::automatic) {
                side s3 = side::client;
                std::size_t c3 = 0;
                const bool raw_fits =
                    pos + x.left < f.size() &&
                    prefix_at(f, static_cast<std::size_t>(pos + x.left), s3, c3) && s3 == due;
                const bool prefixed_fits = prefixed_here && s2 == due;
                if (raw_fits && !prefixed_fits)
                    m = literal_mode::raw;
                else if (!raw_fits && detail::is_comment(f, pos, text_end) && pos < f.size()) {
                    pos = next; // a comment before the literal's lines
                    continue;
                } else if (prefixed_fits && !raw_fits)
                    m = literal_mode::prefixed;
                else if (raw_fits && prefixed_fits)
                    m = preferred;
                else
                    m = prefixed_here ? literal_mode::prefixed : literal_mode::raw;
                preferred = m;
            }
            if (m == literal_mode::prefixed) {
                x.state = lit::prefixed;
                ++info.prefixed_literals;
                continue;
            }
            ++info.raw_literals;
            const std::size_t end =
                static_cast<std::size_t>(std::min<std::uint64_t>(f.size(), pos + x.left));
            x.state = lit::none;
            x.left = 0;
            sink(chunk{due, f.substr(pos, end - pos), pos, false, 0});
            pos = end;
            if (pos >= f.size())
                break;
            // the rest of the message, on the same text line
            if (!prefix_at(f, pos, s2, c2) || s2 != due) {
                bad(pos, std::string("expected \"") + (due == side::client ? "C:" : "S:") +
                             "\" continuing the message after its literal's octets");
                x.in_message = false;
                if (!prefix_at(f, pos, s2, c2)) {
                    line_at(f, pos, text_end, next);
                    pos = next;
                }
                continue;
            }
            line_at(f, pos, text_end, next);
            text(due, c2, text_end, true, text_end);
            pos = next;
            continue;
        }

        std::size_t text_end = 0, next = 0;
        line_at(f, pos, text_end, next);
        side s = side::client;
        std::size_t content = 0;
        if (!prefix_at(f, pos, s, content)) {
            if (!detail::is_comment(f, pos, text_end))
                bad(pos, "not a transcript line: expected \"C: \", \"S: \", a comment (#) or "
                         "a blank line");
            pos = next;
            continue;
        }
        side_state& x = of(s);
        if (x.state == lit::prefixed) {
            const std::uint64_t len = (text_end - content) + 2;
            if (len <= x.left) {
                x.left -= len;
                sink(chunk{s, f.substr(content, text_end - content), content, true, text_end});
                if (x.left == 0)
                    x.state = lit::none; // the message continues on the side's next line
            } else {
                // the literal ends inside this line; the rest of the line continues the message
                const std::size_t r = static_cast<std::size_t>(x.left);
                x.state = lit::none;
                x.left = 0;
                if (r <= text_end - content) {
                    sink(chunk{s, f.substr(content, r), content, false, 0});
                    text(s, content + r, text_end, true, text_end);
                } else { // it ends between the CR and the LF: the stream shows a bare LF
                    sink(chunk{s, f.substr(content, text_end - content), content, true, text_end});
                    x.in_message = false;
                }
            }
        } else {
            text(s, content, text_end, true, text_end);
        }
        pos = next;
    }
    return info;
}

/// Maps offsets in the two streams read_transcript() makes of `f` back to file offsets.
/// `wanted[i]` is a (side, stream offset) pair; the result holds the file offset of each, in
/// the same order. Offsets past a stream's end map to the end of the file.
inline std::vector<std::uint64_t>
file_offsets(std::string_view f, literal_mode mode,
             const std::vector<std::pair<side, std::uint64_t>>& wanted) {
    std::vector<std::uint64_t> out(wanted.size(), f.size());
    std::vector<std::size_t> order[2];
    for (std::size_t i = 0; i < wanted.size(); ++i)
        order[wanted[i].first == side::client ? 0 : 1].push_back(i);
    for (auto& o : order)
        std::stable_sort(o.begin(), o.end(), [&](std::size_t a, std::size_t b) {
            return wanted[a].second < wanted[b].second;
        });
    std::size_t next[2] = {0, 0};
    std::uint64_t at[2] = {0, 0};
    read_transcript(
        f, mode,
        [&](const chunk& c) {
            const int k = c.from == side::client ? 0 : 1;
            const std::uint64_t end = at[k] + c.size();
            while (next[k] < order[k].size() && wanted[order[k][next[k]]].second < end) {
                const std::uint64_t rel = wanted[order[k][next[k]]].second - at[k];
                out[order[k][next[k]]] = rel < c.bytes.size() ? c.file_offset + rel : c.eol_offset;
                ++next[k];
            }
            at[k] = end;
        },
        [](std::uint64_t, const std::string&) {});
    return out;
}

} // namespace imapwire_tool::trace
