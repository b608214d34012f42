// imapwire benchmarks: the traffic generator (see traffic.hpp).
#include "traffic.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace imapwire_bench {
namespace {

// ---------------------------------------------------------------------------------------------
// Random numbers: splitmix64, and integer helpers built on it (no <random> distributions, whose
// output differs between standard libraries).

class rng {
public:
    explicit rng(std::uint64_t seed)
        : s_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n) (n > 0; the modulo bias is irrelevant here).
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    /// Uniform in [lo, hi].
    std::uint64_t between(std::uint64_t lo, std::uint64_t hi) { return lo + below(hi - lo + 1); }
    /// True with probability percent / 100.
    bool chance(unsigned percent) { return below(100) < percent; }
    template <class T, std::size_t N>
    const T& pick(const T (&a)[N]) {
        return a[below(N)];
    }
    /// Log-uniform in [lo, hi].
    std::uint64_t log_uniform(std::uint64_t lo, std::uint64_t hi) {
        const double u = static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); // [0, 1)
        const double v =
            std::exp(std::log(static_cast<double>(lo)) +
                     u * (std::log(static_cast<double>(hi)) - std::log(static_cast<double>(lo))));
        return std::clamp<std::uint64_t>(static_cast<std::uint64_t>(v), lo, hi);
    }

private:
    std::uint64_t s_;
};

// ---------------------------------------------------------------------------------------------
// Word lists.

constexpr std::string_view first_names[] = {
    "Alice",   "Bob",  "Carol",  "Dave",  "Erin",   "Frank", "Grace", "Heidi",  "Ivan",   "Judy",
    "Mallory", "Niaj", "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Victor", "Walter", "Yolanda",
};
constexpr std::string_view last_names[] = {
    "Example",   "Meyer",  "O'Neil", "Smith",  "Nguyen", "Garcia",  "Kowalski", "Okafor",
    "Johansson", "Tanaka", "Rossi",  "Dubois", "Novak",  "Schmidt", "Silva",
};
// Names that need an 8-bit encoding; servers that do not decode them send them as literals.
constexpr std::string_view names_8bit[] = {
    "J\xc3\xb6rg M\xc3\xbcller",
    "Zo\xc3\xab \xc3\x85ngstr\xc3\xb6m",
    "Fran\xc3\xa7ois Ch\xc3\xa2tel",
    "\xc3\x89milie Lef\xc3\xa8vre",
};
// RFC 2047 encoded words, as most servers pass them through.
constexpr std::string_view names_encoded[] = {
    "=?ISO-8859-1?Q?J=F6rg_M=FCller?=",
    "=?UTF-8?B?Wm/DqyDDhW5nc3Ryw7Zt?=",
    "=?utf-8?q?Fran=C3=A7ois_Ch=C3=A2tel?=",
};
constexpr std::string_view domains[] = {
    "example.org",       "example.com",      "example.net",          "mail.example.de",
    "lists.example.org", "corp.example.com", "students.example.edu",
};
constexpr std::string_view subject_words[] = {
    "quarterly", "report",   "lunch",  "meeting", "invoice",  "release",  "notes",  "draft",
    "review",    "budget",   "travel", "plans",   "photos",   "weekend",  "update", "minutes",
    "agenda",    "contract", "offer",  "server",  "outage",   "ticket",   "build",  "failure",
    "holiday",   "schedule", "party",  "project", "proposal", "feedback",
};
constexpr std::string_view subject_prefixes[] = {
    "", "", "", "Re: ", "Re: ", "Fwd: ", "[dev] ", "RE: AW: ", "[announce] "};
constexpr std::string_view subjects_8bit[] = {
    "Gr\xc3\xbc\xc3\x9f"
    "e aus M\xc3\xbcnchen",
    "R\xc3\xa9union de l'\xc3\xa9quipe",
    "\xe4\xbc\x9a\xe8\xad\xb0\xe3\x81\xae\xe4\xba\x88\xe5\xae\x9a",
    "Stra\xc3\x9f"
    "enfest \xe2\x80\x93 Helfer gesucht",
};
constexpr std::string_view subjects_encoded[] = {
    "=?UTF-8?B?R3LDvMOfZSBhdXMgTcO8bmNoZW4g4oCTIMOcbsOvY8O2ZMOpIOKckw==?=",
    "=?iso-8859-1?Q?R=E9union_de_l'=E9quipe?=",
    "=?UTF-8?Q?Stra=C3=9Fenfest_=E2=80=93_Helfer_gesucht?=",
};
constexpr std::string_view days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::string_view zones[] = {"+0000", "+0100", "+0200", "-0400",
                                      "-0700", "+0530", "+0900"};
constexpr std::string_view flag_names[] = {"\\Seen",  "\\Answered", "\\Flagged",  "\\Deleted",
                                           "\\Draft", "\\Recent",   "$Forwarded", "$Junk",
                                           "NonJunk", "$MDNSent",   "$Label1"};
constexpr std::string_view attachment_kinds[][3] = {
    // type, subtype, file name
    {"application", "pdf", "invoice 2024-04.pdf"},
    {"application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet", "budget Q3.xlsx"},
    {"application", "zip", "logs-2024-06-01.zip"},
    {"image", "jpeg", "IMG_2041.JPG"},
    {"image", "png", "screenshot 2024-05-02 at 10.14.33.png"},
    {"text", "calendar", "invite.ics"},
    {"application", "octet-stream", "firmware-v2.bin"},
};
constexpr std::string_view charsets[] = {"us-ascii", "utf-8", "UTF-8", "iso-8859-1",
                                         "windows-1252"};
constexpr std::string_view encodings[] = {"7bit", "8bit", "quoted-printable", "base64"};

// ---------------------------------------------------------------------------------------------
// Writers.

void put_number(std::string& out, std::uint64_t n) {
    out += std::to_string(n);
}

/// A literal `{n}` CRLF octets.
void put_literal(std::string& out, std::string_view s) {
    out += '{';
    put_number(out, s.size());
    out += "}\r\n";
    out += s;
}

/// A quoted string, escaping `"` and `\` (the text must be 7-bit without CR/LF).
void put_quoted(std::string& out, std::string_view s) {
    out += '"';
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
}

bool is_8bit(std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

/// A string in the form a server would choose: 8-bit text as a literal; text with quoted-specials
/// escaped in a quoted string or, now and then, as a literal; everything else quoted.
void put_string(std::string& out, rng& r, std::string_view s) {
    if (is_8bit(s)) {
        put_literal(out, s);
        return;
    }
    const bool specials = s.find_first_of("\"\\") != std::string_view::npos;
    if (specials && r.chance(35))
        put_literal(out, s);
    else
        put_quoted(out, s);
}

/// Upper or lower case spelling of protocol strings ("TEXT" / "text"), per message.
struct style {
    bool upper = false;
    std::string word(std::string_view w) const {
        std::string s(w);
        if (upper)
            for (char& c : s)
                if (c >= 'a' && c <= 'z')
                    c = static_cast<char>(c - 'a' + 'A');
        return s;
    }
};

void put_rfc2822_date(std::string& out, rng& r) {
    std::string d;
    d += r.pick(days);
    d += ", ";
    d += std::to_string(r.between(1, 28));
    d += ' ';
    d += r.pick(months);
    d += ' ';
    d += std::to_string(r.between(2015, 2024));
    d += ' ';
    const auto two = [&](std::uint64_t v) {
        if (v < 10)
            d += '0';
        d += std::to_string(v);
    };
    two(r.below(24));
    d += ':';
    two(r.below(60));
    d += ':';
    two(r.below(60));
    d += ' ';
    d += r.pick(zones);
    if (r.chance(10))
        d += " (CET)";
    put_quoted(out, d);
}

void put_internaldate(std::string& out, rng& r) {
    // date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
    out += '"';
    const auto day = r.between(1, 28);
    if (day < 10)
        out += ' ';
    put_number(out, day);
    out += '-';
    out += r.pick(months);
    out += '-';
    put_number(out, r.between(2015, 2024));
    out += ' ';
    const auto two = [&](std::uint64_t v) {
        if (v < 10)
            out += '0';
        put_number(out, v);
    };
    two(r.below(24));
    out += ':';
    two(r.below(60));
    out += ':';
    two(r.below(60));
    out += ' ';
    out += r.pick(zones);
    out += '"';
}

std::string person_name(rng& r) {
    const unsigned k = static_cast<unsigned>(r.below(100));
    if (k < 8)
        return std::string(r.pick(names_8bit));
    if (k < 16)
        return std::string(r.pick(names_encoded));
    std::string n;
    if (k < 24) {
        // RFC 2822 display names with commas or quotes survive as escapes in IMAP
        n = std::string(r.pick(last_names)) + ", " + std::string(r.pick(first_names));
        if (r.chance(50))
            n = std::string(r.pick(first_names)) + " \"" + std::string(r.pick(first_names)) +
                "\" " + std::string(r.pick(last_names));
        if (r.chance(15))
            n += " \\ IT";
        return n;
    }
    n = std::string(r.pick(first_names));
    if (r.chance(80)) {
        n += ' ';
        n += r.pick(last_names);
    }
    return n;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        else if (c == ' ' || c == '\'')
            c = '.';
    return out;
}

void put_address(std::string& out, rng& r) {
    out += '(';
    std::string mailbox;
    if (r.chance(15)) {
        out += "NIL";
        mailbox = lower(r.pick(first_names));
    } else {
        const std::string name = person_name(r);
        put_string(out, r, name);
        mailbox = lower(r.pick(first_names));
        if (r.chance(50)) {
            mailbox += '.';
            mailbox += lower(r.pick(last_names));
        }
    }
    out += " NIL ";
    put_quoted(out, mailbox);
    out += ' ';
    put_quoted(out, r.pick(domains));
    out += ')';
}

/// "(" 1*address ")" / nil, with `n` addresses and, sometimes, an RFC 2822 group.
void put_address_list(std::string& out, rng& r, std::size_t n) {
    if (n == 0) {
        out += "NIL";
        return;
    }
    out += '(';
    const bool group = n >= 3 && r.chance(10);
    if (group)
        out += "(NIL NIL \"project-team\" NIL)";
    for (std::size_t i = 0; i < n; ++i)
        put_address(out, r);
    if (group)
        out += "(NIL NIL NIL NIL)";
    out += ')';
}

std::string subject(rng& r) {
    const unsigned k = static_cast<unsigned>(r.below(100));
    if (k < 6)
        return std::string(r.pick(subjects_8bit));
    if (k < 14)
        return std::string(r.pick(subjects_encoded));
    std::string s(r.pick(subject_prefixes));
    const std::size_t words = r.between(1, 9);
    for (std::size_t i = 0; i < words; ++i) {
        if (i)
            s += ' ';
        std::string w(r.pick(subject_words));
        if (i == 0 && !w.empty())
            w[0] = static_cast<char>(w[0] - 'a' + 'A');
        if (r.chance(6))
            w = "\"" + w + "\""; // quoted words: escapes on the wire
        s += w;
    }
    if (r.chance(4))
        s += " (C:\\Users\\share)"; // backslashes: escapes too
    return s;
}

std::string message_id(rng& r) {
    std::string id = "<";
    id += std::to_string(r.between(100000000, 999999999));
    id += '.';
    id += std::to_string(r.below(100000));
    id += '@';
    id += r.pick(domains);
    id += '>';
    return id;
}

void put_envelope(std::string& out, rng& r) {
    out += '(';
    if (r.chance(3))
        out += "NIL";
    else
        put_rfc2822_date(out, r);
    out += ' ';
    if (r.chance(2))
        out += "NIL";
    else
        put_string(out, r, subject(r));
    out += ' ';
    // from, sender, reply-to: servers repeat from when the headers are absent
    std::string from;
    put_address_list(from, r, 1);
    out += from;
    out += ' ';
    if (r.chance(10))
        put_address_list(out, r, 1);
    else
        out += from;
    out += ' ';
    if (r.chance(15))
        put_address_list(out, r, 1);
    else
        out += from;
    out += ' ';
    const std::size_t to = r.chance(70) ? 1 : r.between(2, r.chance(15) ? 25 : 6);
    put_address_list(out, r, to);
    out += ' ';
    put_address_list(out, r, r.chance(65) ? 0 : r.between(1, 5));
    out += ' ';
    put_address_list(out, r, r.chance(95) ? 0 : r.between(1, 2));
    out += ' ';
    if (r.chance(40))
        put_quoted(out, message_id(r));
    else
        out += "NIL";
    out += ' ';
    put_quoted(out, message_id(r));
    out += ')';
}

// --- BODYSTRUCTURE ----------------------------------------------------------------------------

void put_params(std::string& out, const style& st, rng& r,
                std::initializer_list<std::pair<std::string_view, std::string>> params) {
    if (params.size() == 0) {
        out += "NIL";
        return;
    }
    out += '(';
    bool first = true;
    for (const auto& [k, v] : params) {
        if (!first)
            out += ' ';
        first = false;
        put_quoted(out, st.word(k));
        out += ' ';
        put_string(out, r, v);
    }
    out += ')';
}

/// body-ext-1part after md5: [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]], written as
/// servers do (all four fields present).
void put_ext_tail(std::string& out, const style& st, rng& r, std::string_view disposition,
                  std::string_view filename) {
    out += ' ';
    if (disposition.empty()) {
        out += "NIL";
    } else {
        out += '(';
        put_quoted(out, st.word(disposition));
        out += ' ';
        if (filename.empty()) {
            out += "NIL";
        } else if (r.chance(40)) {
            put_params(out, st, r,
                       {{"filename", std::string(filename)},
                        {"size", std::to_string(r.between(1000, 9000000))}});
        } else {
            put_params(out, st, r, {{"filename", std::string(filename)}});
        }
        out += ')';
    }
    out += ' ';
    const unsigned lang = static_cast<unsigned>(r.below(100));
    if (lang < 85)
        out += "NIL";
    else if (lang < 95)
        put_quoted(out, "en");
    else
        out += "(\"en\" \"de\")";
    out += ' ';
    if (r.chance(3))
        put_quoted(out, "https://example.org/attachments/2024/report.pdf");
    else
        out += "NIL";
}

void put_text_part(std::string& out, const style& st, rng& r, std::string_view subtype,
                   bool extensions) {
    const std::uint64_t octets =
        subtype == "html" ? r.log_uniform(400, 400000) : r.log_uniform(40, 60000);
    out += '(';
    put_quoted(out, st.word("text"));
    out += ' ';
    put_quoted(out, st.word(subtype));
    out += ' ';
    if (r.chance(70))
        put_params(out, st, r, {{"charset", std::string(r.pick(charsets))}});
    else
        put_params(out, st, r, {{"charset", std::string(r.pick(charsets))}, {"format", "flowed"}});
    out += r.chance(8) ? " \"<part1.04a@example.org>\"" : " NIL";
    out += r.chance(5) ? " \"Message text\"" : " NIL";
    out += ' ';
    put_quoted(out, st.word(r.pick(encodings)));
    out += ' ';
    put_number(out, octets);
    out += ' ';
    put_number(out, octets / r.between(30, 76) + 1);
    if (extensions) {
        out += r.chance(3) ? " \"58yw/VUkuzxp990q6UB/vw==\"" : " NIL";
        put_ext_tail(out, st, r, r.chance(10) ? "inline" : "", "");
    }
    out += ')';
}

void put_attachment(std::string& out, const style& st, rng& r, bool extensions, bool inline_) {
    const auto& kind = r.pick(attachment_kinds);
    out += '(';
    put_quoted(out, st.word(kind[0]));
    out += ' ';
    put_quoted(out, st.word(kind[1]));
    out += ' ';
    put_params(out, st, r, {{"name", std::string(kind[2])}});
    out += inline_ ? " \"<img.5f3e@example.net>\"" : " NIL";
    out += " NIL ";
    put_quoted(out, st.word(kind[0] == std::string_view("text") ? "7bit" : "base64"));
    out += ' ';
    put_number(out, r.log_uniform(300, 8000000));
    if (kind[0] == std::string_view("text")) {
        out += ' ';
        put_number(out, r.between(5, 400));
    }
    if (extensions) {
        out += " NIL";
        put_ext_tail(out, st, r, inline_ ? "inline" : "attachment", kind[2]);
    }
    out += ')';
}

void put_mpart_tail(std::string& out, const style& st, rng& r, std::string_view subtype,
                    bool extensions) {
    out += ' ';
    put_quoted(out, st.word(subtype));
    if (!extensions)
        return;
    out += ' ';
    std::string boundary = "----=_Part_" + std::to_string(r.between(10000, 99999)) + "_" +
                           std::to_string(r.next() % 1000000000);
    if (subtype == "related")
        put_params(out, st, r, {{"boundary", boundary}, {"type", "text/html"}});
    else
        put_params(out, st, r, {{"boundary", boundary}});
    out += " NIL NIL NIL"; // dsp, lang, loc
}

void put_body(std::string& out, const style& st, rng& r, bool extensions, int level);

void put_alternative(std::string& out, const style& st, rng& r, bool extensions) {
    out += '(';
    put_text_part(out, st, r, "plain", extensions);
    if (r.chance(25)) {
        // html with inline images: multipart/related inside the alternative
        out += '(';
        put_text_part(out, st, r, "html", extensions);
        const std::size_t images = r.between(1, 3);
        for (std::size_t i = 0; i < images; ++i)
            put_attachment(out, st, r, extensions, true);
        put_mpart_tail(out, st, r, "related", extensions);
        out += ')';
    } else {
        put_text_part(out, st, r, "html", extensions);
    }
    put_mpart_tail(out, st, r, "alternative", extensions);
    out += ')';
}

void put_forwarded(std::string& out, const style& st, rng& r, bool extensions, int level) {
    // message/rfc822 with the enclosed message's envelope and body
    out += '(';
    put_quoted(out, st.word("message"));
    out += ' ';
    put_quoted(out, st.word("rfc822"));
    out += r.chance(50) ? " NIL NIL " : " (\"name\" \"Forwarded message.eml\") NIL ";
    out += r.chance(30) ? "\"Forwarded message\" " : "NIL ";
    put_quoted(out, st.word("7bit"));
    out += ' ';
    put_number(out, r.log_uniform(800, 2000000));
    out += ' ';
    put_envelope(out, r);
    out += ' ';
    put_body(out, st, r, extensions, level + 1);
    out += ' ';
    put_number(out, r.between(10, 30000));
    if (extensions) {
        out += " NIL";
        put_ext_tail(out, st, r, r.chance(50) ? "inline" : "attachment", "");
    }
    out += ')';
}

void put_body(std::string& out, const style& st, rng& r, bool extensions, int level) {
    const unsigned k = static_cast<unsigned>(r.below(100));
    if (k < 35 || level >= 3) {
        put_text_part(out, st, r, r.chance(85) ? "plain" : "html", extensions);
    } else if (k < 57) {
        put_alternative(out, st, r, extensions);
    } else if (k < 88) {
        // multipart/mixed: text (or alternative) plus attachments
        out += '(';
        if (r.chance(50))
            put_text_part(out, st, r, "plain", extensions);
        else
            put_alternative(out, st, r, extensions);
        const std::size_t n = r.chance(70) ? 1 : r.between(2, 6);
        for (std::size_t i = 0; i < n; ++i)
            put_attachment(out, st, r, extensions, false);
        put_mpart_tail(out, st, r, "mixed", extensions);
        out += ')';
    } else {
        // a forward: multipart/mixed holding a note and the original message
        out += '(';
        put_text_part(out, st, r, "plain", extensions);
        put_forwarded(out, st, r, extensions, level);
        if (r.chance(20))
            put_attachment(out, st, r, extensions, false);
        put_mpart_tail(out, st, r, "mixed", extensions);
        out += ')';
    }
}

void put_flags(std::string& out, rng& r) {
    out += '(';
    const std::size_t n = r.below(5);
    std::uint32_t used = 0;
    bool first = true;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t f = r.below(std::size(flag_names));
        if (used & (1u << f))
            continue;
        used |= 1u << f;
        if (!first)
            out += ' ';
        first = false;
        out += flag_names[f];
    }
    out += ')';
}

/// "A" and the number, at least four digits: A0001.
std::string tag_name(std::size_t n) {
    std::string digits = std::to_string(n);
    std::string t = "A";
    if (digits.size() < 4)
        t.append(4 - digits.size(), '0');
    t += digits;
    return t;
}

void put_tagged_ok(std::string& out, const std::string& tag, std::string_view text) {
    out += tag;
    out += " OK ";
    out += text;
    out += "\r\n";
}

// --- literal contents -------------------------------------------------------------------------

/// 1 MiB of plausible message body text: base64 lines of 76 characters and prose lines, CRLF.
const std::string& body_pool() {
    static const std::string pool = [] {
        static constexpr char b64[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        rng r(0x5eed'b0d1ull);
        std::string s;
        s.reserve((1u << 20) + 256);
        while (s.size() < (1u << 20)) {
            if (r.chance(70)) {
                for (int i = 0; i < 76; ++i)
                    s += b64[r.below(64)];
            } else {
                const std::size_t words = r.between(4, 12);
                for (std::size_t i = 0; i < words; ++i) {
                    if (i)
                        s += ' ';
                    s += r.pick(subject_words);
                }
                s += '.';
            }
            s += "\r\n";
        }
        return s;
    }();
    return pool;
}

/// An RFC 5322 message of exactly `size` octets.
std::string message_text(rng& r, std::size_t size) {
    std::string m;
    m.reserve(size + 512);
    m += "Return-Path: <bounce@example.org>\r\nReceived: from mx.example.org (mx.example.org "
         "[192.0.2.25])\r\n\tby mail.example.com with ESMTPS id 4Zx9\r\n\tfor <bob@example.com>; "
         "Mon, 15 Jan 2024 09:30:01 +0100\r\n";
    m += "From: " + std::string(r.pick(first_names)) + " <" + lower(r.pick(first_names)) + "@" +
         std::string(r.pick(domains)) + ">\r\n";
    m += "To: Bob <bob@example.com>\r\n";
    m += "Subject: " + subject(r) + "\r\n";
    m += "Date: Mon, 15 Jan 2024 09:30:00 +0100\r\nMessage-ID: " + message_id(r) + "\r\n";
    m += "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
         "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    const std::string& pool = body_pool();
    while (m.size() < size) {
        const std::size_t want = size - m.size();
        const std::size_t from = r.below(pool.size() / 2);
        m.append(pool, from, std::min(want, pool.size() - from));
    }
    m.resize(size);
    return m;
}

} // namespace

// ---------------------------------------------------------------------------------------------

traffic bulk_fetch(std::uint64_t seed, std::size_t count, std::size_t batch) {
    rng r(seed);
    traffic t;
    std::size_t tag = 5;
    std::uint64_t uid = r.between(1, 5000);
    for (std::size_t i = 1; i <= count; ++i) {
        style st;
        st.upper = r.chance(50);
        uid += r.chance(80) ? 1 : r.between(2, 300);
        std::string& out = t.bytes;
        out += "* ";
        put_number(out, i);
        out += " FETCH (UID ";
        put_number(out, uid);
        out += " FLAGS ";
        put_flags(out, r);
        out += " INTERNALDATE ";
        put_internaldate(out, r);
        out += " RFC822.SIZE ";
        put_number(out, r.log_uniform(600, 12000000));
        out += " ENVELOPE ";
        put_envelope(out, r);
        out += " BODYSTRUCTURE ";
        put_body(out, st, r, true, 0);
        out += ")\r\n";
        if (batch > 0 && i % batch == 0 && i < count) {
            // the tagged completion does not draw random numbers: the FETCH responses are the
            // same whatever the batch size
            put_tagged_ok(out, tag_name(1000 + tag++),
                          "Fetch completed (0.002 + 0.000 + 0.001 secs).");
            ++t.messages;
        }
    }
    put_tagged_ok(t.bytes, batch > 0 ? tag_name(1000 + tag) : std::string("A0005"),
                  "Fetch completed (0.018 + 0.000 + 0.017 secs).");
    t.messages += count + 1;
    return t;
}

traffic literal_bodies(std::uint64_t seed, std::size_t count, std::size_t min_size,
                       std::size_t max_size) {
    rng r(seed);
    traffic t;
    std::uint64_t uid = r.between(1, 5000);
    for (std::size_t i = 1; i <= count; ++i) {
        uid += r.chance(80) ? 1 : r.between(2, 40);
        const std::size_t size = r.log_uniform(min_size, max_size);
        std::string& out = t.bytes;
        out += "* ";
        put_number(out, i);
        out += " FETCH (UID ";
        put_number(out, uid);
        if (r.chance(30))
            out += " FLAGS (\\Seen)";
        out += " BODY[] ";
        put_literal(out, message_text(r, size));
        out += ")\r\n";
    }
    put_tagged_ok(t.bytes, "A0007", "Fetch completed (0.104 + 0.000 + 0.103 secs).");
    t.messages = count + 1;
    return t;
}

traffic status_lines(std::uint64_t seed, std::size_t count) {
    rng r(seed);
    traffic t;
    std::uint64_t exists = r.between(1, 20000);
    std::uint64_t tag = 1;
    for (std::size_t i = 0; i < count; ++i) {
        std::string& out = t.bytes;
        const unsigned k = static_cast<unsigned>(r.below(100));
        if (k < 30) {
            exists += r.between(0, 3);
            out += "* ";
            put_number(out, exists);
            out += " EXISTS\r\n";
        } else if (k < 45) {
            out += "* ";
            put_number(out, r.below(5));
            out += " RECENT\r\n";
        } else if (k < 65) {
            out += "* ";
            put_number(out, r.between(1, exists));
            out += " EXPUNGE\r\n";
        } else if (k < 90) {
            out += 'a';
            put_number(out, tag++);
            out += " OK done\r\n";
        } else if (k < 96) {
            out += 'A';
            put_number(out, tag++);
            out += " OK NOOP completed.\r\n";
        } else {
            out += 'a';
            put_number(out, tag++);
            out += " NO [TRYCREATE] no such mailbox\r\n";
        }
    }
    t.messages = count;
    return t;
}

traffic commands(std::uint64_t seed, std::size_t count) {
    rng r(seed);
    traffic t;
    constexpr std::string_view mailboxes[] = {
        "INBOX", "Sent", "Drafts", "Archive/2024", "\"Project X\"", "Entw&APw-rfe", "Trash"};
    constexpr std::string_view fetch_items[] = {
        "(FLAGS)",
        "(UID FLAGS)",
        "(UID RFC822.SIZE FLAGS INTERNALDATE)",
        "(UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE)",
        "(UID RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS (From To Cc Bcc Subject Date "
        "Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type "
        "Reply-To)])",
        "(BODY.PEEK[])",
        "(UID BODY.PEEK[1.2]<0.2048>)",
        "(BODY.PEEK[TEXT]<0.4096> BODY.PEEK[1.MIME])",
        "FAST",
        "ALL",
    };
    constexpr std::string_view searches[] = {
        "UNSEEN",
        "SINCE 1-Jan-2024 NOT DELETED",
        "OR FROM \"alice\" SUBJECT \"quarterly report\"",
        "CHARSET UTF-8 TEXT \"invoice\"",
        "UID 1000:* NOT SEEN",
        "HEADER Message-ID \"<20240115093000.1@example.org>\"",
        "LARGER 1000000 BEFORE 1-Jun-2023",
        "(OR SEEN FLAGGED) NOT KEYWORD $Junk",
    };
    std::size_t tag = 0;
    std::uint64_t uid = r.between(1000, 20000);
    for (std::size_t i = 0; i < count; ++i) {
        std::string& out = t.bytes;
        out += tag_name(++tag);
        out += ' ';
        const unsigned k = static_cast<unsigned>(r.below(100));
        if (i == 0) {
            out += "LOGIN \"alice@example.org\" {12}\r\ns3cr3t \"pw\"!";
        } else if (k < 28) {
            out += "UID FETCH ";
            uid += r.between(0, 50);
            put_number(out, uid);
            if (r.chance(60)) {
                out += ':';
                if (r.chance(30))
                    out += '*';
                else
                    put_number(out, uid + r.between(1, 500));
            }
            if (r.chance(10)) {
                out += ',';
                put_number(out, uid + 1000);
            }
            out += ' ';
            out += r.pick(fetch_items);
        } else if (k < 42) {
            out += "UID STORE ";
            put_number(out, uid - r.below(100));
            out += r.chance(50) ? " +FLAGS.SILENT (\\Seen)" : " FLAGS (\\Seen \\Flagged $Label1)";
        } else if (k < 50) {
            out += "UID SEARCH ";
            out += r.pick(searches);
        } else if (k < 62) {
            out += "NOOP";
        } else if (k < 68) {
            out += r.chance(80) ? "SELECT " : "EXAMINE ";
            out += r.pick(mailboxes);
        } else if (k < 74) {
            out += "STATUS ";
            out += r.pick(mailboxes);
            out += " (MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN)";
        } else if (k < 79) {
            out += "APPEND Sent (\\Seen) \"";
            const auto day = r.between(1, 28);
            if (day < 10)
                out += ' ';
            put_number(out, day);
            out += "-Mar-2024 10:11:12 +0100\" ";
            put_literal(out, message_text(r, r.log_uniform(500, 64 * 1024)));
        } else if (k < 84) {
            out += "UID COPY ";
            put_number(out, uid - r.below(100));
            out += ':';
            put_number(out, uid);
            out += ' ';
            out += r.pick(mailboxes);
        } else if (k < 88) {
            out += r.chance(50) ? "LIST \"\" \"*\"" : "LSUB \"\" \"%\"";
        } else if (k < 91) {
            out += "EXPUNGE";
        } else if (k < 94) {
            out += "CAPABILITY";
        } else if (k < 96) {
            out += "CHECK";
        } else if (k < 98) {
            out += "CREATE \"Archive/";
            put_number(out, r.between(2000, 2024));
            out += '"';
        } else {
            out += "CLOSE";
        }
        out += "\r\n";
    }
    t.messages = count;
    return t;
}

std::string nested_bodystructure(std::size_t depth) {
    // depth 1: ("TEXT" "PLAIN" ...); depth d: (("TEXT" "PLAIN" ...)<depth d-1> "MIXED" ...)
    const std::string leaf = "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 1152 "
                             "23 NIL NIL NIL NIL)";
    const std::string tail = " \"MIXED\" (\"BOUNDARY\" \"----=_Part_0123456789\") NIL NIL NIL)";
    std::string out = "* 1 FETCH (UID 1 BODYSTRUCTURE ";
    for (std::size_t i = 1; i < depth; ++i) {
        out += '(';
        out += leaf;
    }
    out += leaf;
    for (std::size_t i = 1; i < depth; ++i)
        out += tail;
    out += ")\r\n";
    return out;
}

std::string literal_response(std::size_t size) {
    rng r(size);
    std::string out = "* 1 FETCH (UID 1 BODY[] ";
    put_literal(out, message_text(r, size));
    out += ")\r\n";
    return out;
}

} // namespace imapwire_bench
