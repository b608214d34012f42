// imapwire serializer: the core data formats (strings, numbers, dates, flags, sets, sections).
// Every writer checks that what it writes is valid where it stands; a value the grammar
// cannot express marks the writer failed and the entry point refuses the whole message.
#pragma once

#include <imapwire/ast/core.hpp>
#include <imapwire/ast/datetime.hpp>
#include <imapwire/ast/fetch.hpp>
#include <imapwire/ast/flag.hpp>
#include <imapwire/ast/mailbox.hpp>
#include <imapwire/ast/sequence.hpp>
#include <imapwire/detail/charset.hpp>
#include <imapwire/detail/quoted.hpp>
#include <imapwire/options.hpp>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace imapwire::serializer {

using detail::charclass;

struct writer {
    std::string& out;
    const serialize_options& options;
    bool ok = true;
    /// When set (serializing into a gathered_message), literals of at least
    /// options.gather_min_literal octets are not copied: each is recorded here with the offset
    /// in `out` where its octets belong.
    std::vector<std::pair<std::size_t, std::string_view>>* left_out = nullptr;
    /// Set while the command after "UID" SP is written (QRESYNC's VANISHED FETCH modifier is
    /// only allowed there).
    bool in_uid = false;
    /// Set while a client's message is written: only those may hold `{n+}` (RFC 7888).
    bool from_client = false;

    /// True when a string parsed as `{n+}` of `size` octets may be written so again.
    bool nonsync(std::size_t size) const noexcept {
        return from_client && nonsync_literal_allowed(options.extensions, size);
    }

    void raw(std::string_view s) { out.append(s); }
    void put(char c) { out.push_back(c); }
    void sp() { out.push_back(' '); }
    void fail() noexcept { ok = false; }
    void require(bool condition) noexcept {
        if (!condition)
            ok = false;
    }
    /// Refuses a construct of an extension the reader does not have (serialize_options::
    /// extensions): its parser would refuse it, or read it as something else.
    void require_extension(extension e) noexcept { require(options.extensions.contains(e)); }
    void number(std::uint64_t v) {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, r.ptr);
    }
    void nz_number(std::uint32_t v) {
        require(v != 0);
        number(v);
    }
    /// A number where IMAP4rev2 has number64 (wide_number_parser): above 2^32-1 only for a
    /// reader with IMAP4rev2, and never above 2^63-1.
    void wide_number(std::uint64_t v) {
        require(v <= (options.extensions.contains(extension::imap4rev2) ? 0x7fffffffffffffffull
                                                                        : 0xffffffffull));
        number(v);
    }
    /// `v` as exactly `width` digits (fails when it does not fit).
    void fixed_digits(unsigned v, int width) {
        char buf[8];
        for (int i = width - 1; i >= 0; --i) {
            buf[i] = static_cast<char>('0' + v % 10);
            v /= 10;
        }
        require(v == 0);
        out.append(buf, static_cast<std::size_t>(width));
    }
};

/// Writes every item with `each(item)`, with `sep` between them (SP by default).
template <class Items, class Each>
void write_separated(writer& w, const Items& items, Each&& each, char sep = ' ') {
    bool first = true;
    for (const auto& item : items) {
        if (!first)
            w.put(sep);
        first = false;
        each(item);
    }
}

/// True when `d` is valid between DQUOTEs: QUOTED-CHARs, escapes only before quoted-specials,
/// and with `utf8` well-formed UTF-8 sequences (RFC 9755's uQUOTED-CHAR).
inline bool valid_quoted_data(std::string_view d, bool utf8) noexcept {
    const char* i = d.data();
    const char* const end = i + d.size();
    for (;;) {
        i = detail::skip_quoted_chars(i, end);
        if (i == end)
            return true;
        if (utf8 && static_cast<unsigned char>(*i) >= 0x80) {
            const std::size_t n = detail::utf8_sequence_length(i, end);
            if (n == 0)
                return false;
            i += n;
            continue;
        }
        if (*i != '\\' || i + 1 == end || !detail::is(detail::cc_quoted_sp, i[1]))
            return false;
        i += 2;
    }
}

/// True when a value can be written as a quoted string: TEXT-CHARs, and with `utf8` well-formed
/// UTF-8 sequences.
inline bool quotable(std::string_view v, bool utf8) noexcept {
    const char* const end = v.data() + v.size();
    return detail::skip_text(v.data(), end, utf8) == end;
}

// (a NUL among the octets is caught by the framing check every serialize() ends with, in the
// same pass that finds the message's end: no need to look for it twice)
// `in_ast`: the octets are memory the AST views, which outlives the serialize() call, so a
// gathered_message may point at them; octets decoded into a temporary are always copied.
// `eight`: a literal8 "~{n}" (BINARY, RFC 3516), whose octets may hold NUL.
inline void write_literal(writer& w, std::string_view octets, bool nonsync, bool in_ast,
                          bool eight = false) {
    if (octets.size() > 0xffffffffull) {
        w.fail();
        return;
    }
    if (eight)
        w.put('~');
    w.put('{');
    w.number(octets.size());
    if (nonsync)
        w.put('+');
    w.raw("}\r\n");
    if (in_ast && w.left_out && !octets.empty() && octets.size() >= w.options.gather_min_literal) {
        // left in place: no framing check will see these octets, so look for NUL here
        if (!eight && std::memchr(octets.data(), '\0', octets.size())) {
            w.fail();
            return;
        }
        w.left_out->emplace_back(w.out.size(), octets);
        return;
    }
    w.raw(octets);
}

inline void write_quoted_value(writer& w, std::string_view v) {
    w.put('"');
    for (char c : v) {
        if (c == '"' || c == '\\')
            w.put('\\');
        w.put(c);
    }
    w.put('"');
}

/// Writes a keyword (ast::keyword of an enumerator), refusing an enumerator outside the
/// enumeration.
inline void write_keyword(writer& w, std::string_view k) {
    w.require(!k.empty());
    w.raw(k);
}

/// (DQUOTE QUOTED-CHAR DQUOTE / nil): a hierarchy delimiter (mailbox-list, namespace-descr).
inline void write_delimiter(writer& w, const std::optional<char>& delimiter) {
    if (!delimiter) {
        w.raw("NIL");
        return;
    }
    const char d = *delimiter;
    w.require(detail::is(detail::cc_text, d));
    write_quoted_value(w, std::string_view(&d, 1));
}

/// Writes a string. `atom_class` is the character class of the bare form allowed here
/// (cc_astring for astring, cc_list for list-mailbox, 0 where only quoted / literal are valid).
inline void write_string(writer& w, const ast::istring& s, std::uint16_t atom_class) {
    using ast::string_form;
    const auto atom_ok = [&](std::string_view v) {
        if (atom_class == 0 || v.empty())
            return false;
        for (char c : v)
            if (!(detail::charclass_table[static_cast<unsigned char>(c)] & atom_class))
                return false;
        return true;
    };
    if (w.options.preserve_forms) {
        switch (s.form) {
        case string_form::atom:
            if (atom_ok(s.data)) {
                w.raw(s.data);
                return;
            }
            break;
        case string_form::quoted:
            if (valid_quoted_data(s.data, utf8_quoted_allowed(w.options.extensions))) {
                w.put('"');
                w.raw(s.data);
                w.put('"');
                return;
            }
            break;
        case string_form::literal:
        case string_form::literal_nonsync:
            write_literal(w, s.data,
                          s.form == string_form::literal_nonsync && w.nonsync(s.data.size()), true);
            return;
        case string_form::literal8: // not where a string stands: choose below
        case string_form::literal8_nonsync:
        case string_form::value:
            break;
        }
    }
    // Choose: atom where allowed, else quoted for short TEXT-CHAR values, else literal.
    const std::string decoded_storage = s.escaped() ? s.value() : std::string();
    const std::string_view v = s.escaped() ? std::string_view(decoded_storage) : s.data;
    if (atom_ok(v)) {
        w.raw(v);
        return;
    }
    if (v.size() <= w.options.max_quoted_length &&
        quotable(v, utf8_quoted_allowed(w.options.extensions))) {
        write_quoted_value(w, v);
        return;
    }
    write_literal(w, v, false, !s.escaped());
}

inline void write_astring(writer& w, const ast::istring& s) {
    write_string(w, s, detail::cc_astring);
}
inline void write_string_only(writer& w, const ast::istring& s) {
    write_string(w, s, 0);
}
inline void write_nstring(writer& w, const ast::nstring& s) {
    if (s)
        write_string(w, *s, 0);
    else
        w.raw("NIL");
}

/// Whether a string was parsed as a literal8 (BINARY, RFC 3516).
constexpr bool is_literal8(const ast::istring& s) noexcept {
    return s.form == ast::string_form::literal8 || s.form == ast::string_form::literal8_nonsync;
}

/// Where RFC 3516 allows `literal8` besides a literal (APPEND's message, BINARY[] data, with
/// `or_nstring`: nstring / literal8): a string parsed as a literal8 is written as one when the
/// reader has BINARY, and so is a value that holds NUL, which nothing else can carry; without
/// BINARY a literal8 becomes a literal (or a quoted string), and NUL is refused.
inline void write_string_or_literal8(writer& w, const ast::istring& s, bool or_nstring) {
    const std::string storage = s.escaped() ? s.value() : std::string();
    const std::string_view v = s.escaped() ? std::string_view(storage) : s.data;
    const bool nul = v.find('\0') != std::string_view::npos;
    if ((nul || (w.options.preserve_forms && is_literal8(s))) &&
        w.options.extensions.contains(extension::binary)) {
        write_literal(w, v, s.form == ast::string_form::literal8_nonsync && w.nonsync(v.size()),
                      !s.escaped(), true);
        return;
    }
    w.require(!nul);
    if (or_nstring) {
        write_string(w, s, 0);
        return;
    }
    write_literal(w, v,
                  (s.form == ast::string_form::literal_nonsync ||
                   s.form == ast::string_form::literal8_nonsync) &&
                      w.nonsync(v.size()),
                  !s.escaped());
}

/// An atom-valued token (auth-type, flag-keyword...): 1*ATOM-CHAR.
inline void write_atom(writer& w, std::string_view a) {
    w.require(!a.empty() && detail::all_of(detail::cc_atom, a));
    w.raw(a);
}

inline constexpr std::string_view month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

inline void write_month(writer& w, unsigned m) {
    if (m < 1 || m > 12) {
        w.fail();
        return;
    }
    w.raw(month_names[m - 1]);
}

// date = date-text / DQUOTE date-text DQUOTE
inline void write_date(writer& w, const ast::date& d) {
    if (d.quoted)
        w.put('"');
    w.require(d.day <= 99);
    if (d.day < 10 && d.leading_zero)
        w.put('0');
    w.number(d.day);
    w.put('-');
    write_month(w, d.month);
    w.put('-');
    w.fixed_digits(d.year, 4);
    if (d.quoted)
        w.put('"');
}

// date-time = DQUOTE date-day-fixed "-" date-month "-" date-year SP time SP zone DQUOTE
inline void write_date_time(writer& w, const ast::date_time& t) {
    w.put('"');
    if (t.day < 10)
        w.put(t.leading_zero ? '0' : ' ');
    w.require(t.day <= 99);
    w.number(t.day);
    w.put('-');
    write_month(w, t.month);
    w.put('-');
    w.fixed_digits(t.year, 4);
    w.sp();
    w.fixed_digits(t.hour, 2);
    w.put(':');
    w.fixed_digits(t.minute, 2);
    w.put(':');
    w.fixed_digits(t.second, 2);
    w.sp();
    w.put(t.zone_negative ? '-' : '+');
    w.fixed_digits(t.zone_hhmm, 4);
    w.put('"');
}

/// flag (and, with the switches, flag-fetch's \Recent and flag-perm's \*).
inline void write_flag(writer& w, const ast::flag& f, bool allow_wildcard = false) {
    const std::string_view t = f.text;
    if (allow_wildcard && t == "\\*") {
        w.raw(t);
        return;
    }
    const std::string_view a = (!t.empty() && t.front() == '\\') ? t.substr(1) : t;
    w.require(!a.empty() && detail::all_of(detail::cc_atom, a));
    w.raw(t);
}

inline void write_flag_list(writer& w, const ast::flag_list& flags) {
    w.put('(');
    write_separated(w, flags, [&](const auto& item) { write_flag(w, item); });
    w.put(')');
}

inline void write_seq_number(writer& w, const ast::seq_number& n) {
    if (n.is_star())
        w.put('*');
    else
        w.number(n.value);
}

inline void write_sequence_set(writer& w, const ast::sequence_set& s) {
    w.require(!s.items.empty());
    write_separated(
        w, s.items,
        [&](const auto& item) {
            if (item.saved_result) { // SEARCHRES (RFC 5182): "$"
                w.require_extension(extension::searchres);
                w.require(!item.last);
                w.put('$');
                return;
            }
            write_seq_number(w, item.first);
            if (item.last) {
                w.put(':');
                write_seq_number(w, *item.last);
            }
        },
        ',');
}

/// uid-set = (uniqueid / uid-range) *("," uid-set) (UIDPLUS, QRESYNC, RFC 9051)
inline void write_uid_set(writer& w, const ast::uid_set& s) {
    w.require(!s.items.empty());
    write_separated(
        w, s.items,
        [&](const ast::uid_range& r) {
            w.nz_number(r.first);
            if (r.last) {
                w.put(':');
                w.nz_number(*r.last);
            }
        },
        ',');
}

inline void write_mailbox(writer& w, const ast::mailbox& m) {
    write_astring(w, m.name);
}

/// ["<" number ">"]: where the data of a partial FETCH starts (BODY[]<n>, BINARY[]<n>)
template <class Number>
void write_origin(writer& w, const std::optional<Number>& origin) {
    if (origin) {
        w.put('<');
        w.wide_number(*origin);
        w.put('>');
    }
}

/// section-binary = "[" [section-part] "]" (BINARY, RFC 3516 §7)
inline void write_section_binary(writer& w, const ast::vector<std::uint32_t>& part) {
    w.put('[');
    write_separated(
        w, part, [&](const auto& item) { w.nz_number(item); }, '.');
    w.put(']');
}

inline void write_section(writer& w, const ast::section& s) {
    w.put('[');
    write_separated(
        w, s.part, [&](const auto& item) { w.nz_number(item); }, '.');
    if (s.text) {
        using k = ast::section_text_kind;
        if (!s.part.empty())
            w.put('.');
        const bool fields =
            s.text->kind == k::header_fields || s.text->kind == k::header_fields_not;
        w.require(fields ? !s.text->headers.empty() : s.text->headers.empty());
        switch (s.text->kind) {
        case k::header:
            w.raw("HEADER");
            break;
        case k::header_fields:
            w.raw("HEADER.FIELDS");
            break;
        case k::header_fields_not:
            w.raw("HEADER.FIELDS.NOT");
            break;
        case k::text:
            w.raw("TEXT");
            break;
        case k::mime:
            w.require(!s.part.empty()); // MIME names a part's header: section-part "." "MIME"
            w.raw("MIME");
            break;
        }
        if (fields) {
            w.raw(" (");
            write_separated(w, s.text->headers, [&](const auto& item) { write_astring(w, item); });
            w.put(')');
        }
    }
    w.put(']');
}

} // namespace imapwire::serializer
