// imapwire: the RFC 3501 §9 character classes, in one table used by both the grammar and the
// serializer, so that "may this string be an atom" agrees with what the parser accepts.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace imapwire::detail {

enum charclass : std::uint16_t {
    cc_char = 1 << 0,       // CHAR        %x01-7F
    cc_ctl = 1 << 1,        // CTL         %x00-1F / %x7F
    cc_atom = 1 << 2,       // ATOM-CHAR   CHAR except atom-specials
    cc_astring = 1 << 3,    // ASTRING-CHAR ATOM-CHAR / resp-specials
    cc_text = 1 << 4,       // TEXT-CHAR   CHAR except CR and LF
    cc_quoted = 1 << 5,     // QUOTED-CHAR (unescaped part): TEXT-CHAR except quoted-specials
    cc_list = 1 << 6,       // list-char   ATOM-CHAR / list-wildcards / resp-specials
    cc_tag = 1 << 7,        // tag         ASTRING-CHAR except "+"
    cc_base64 = 1 << 8,     // base64-char ALPHA / DIGIT / "+" / "/"
    cc_char8 = 1 << 9,      // CHAR8       %x01-ff
    cc_digit = 1 << 10,     // DIGIT
    cc_text_nobr = 1 << 11, // TEXT-CHAR except "]" (resp-text-code's free-form tail)
    cc_quoted_sp = 1 << 12, // quoted-specials DQUOTE / "\"
    cc_atom_sp = 1 << 13,   // atom-specials
};

constexpr std::array<std::uint16_t, 256> make_charclass_table() {
    std::array<std::uint16_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        std::uint16_t m = 0;
        const bool is_char = c >= 0x01 && c <= 0x7f;
        const bool is_ctl = c <= 0x1f || c == 0x7f;
        const bool quoted_special = c == '"' || c == '\\';
        const bool list_wildcard = c == '%' || c == '*';
        const bool resp_special = c == ']';
        const bool atom_special = c == '(' || c == ')' || c == '{' || c == ' ' || is_ctl ||
                                  list_wildcard || quoted_special || resp_special;
        if (is_char)
            m |= cc_char;
        if (is_ctl)
            m |= cc_ctl;
        if (atom_special)
            m |= cc_atom_sp;
        if (quoted_special)
            m |= cc_quoted_sp;
        const bool atom = is_char && !atom_special;
        if (atom)
            m |= cc_atom;
        if (atom || resp_special)
            m |= cc_astring;
        if ((atom || resp_special) && c != '+')
            m |= cc_tag;
        if (atom || list_wildcard || resp_special)
            m |= cc_list;
        const bool text = is_char && c != '\r' && c != '\n';
        if (text)
            m |= cc_text;
        if (text && c != ']')
            m |= cc_text_nobr;
        if (text && !quoted_special)
            m |= cc_quoted;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '+' || c == '/')
            m |= cc_base64;
        if (c >= 0x01)
            m |= cc_char8;
        if (c >= '0' && c <= '9')
            m |= cc_digit;
        t[static_cast<std::size_t>(c)] = m;
    }
    return t;
}

inline constexpr std::array<std::uint16_t, 256> charclass_table = make_charclass_table();

constexpr bool is(charclass cls, char c) noexcept {
    return (charclass_table[static_cast<unsigned char>(c)] & cls) != 0;
}

constexpr bool all_of(charclass cls, std::string_view s) noexcept {
    for (char c : s)
        if (!is(cls, c))
            return false;
    return true;
}

constexpr char ascii_upper(char c) noexcept {
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_upper(a[i]) != ascii_upper(b[i]))
            return false;
    return true;
}

/// The length of the well-formed UTF-8 sequence of two to four octets (RFC 3629 §4: UTF8-2,
/// UTF8-3, UTF8-4; no overlong forms, no surrogates, nothing above U+10FFFF) that starts at
/// `i`, or 0 when there is none before `last`.
constexpr std::size_t utf8_sequence_length(const char* i, const char* last) noexcept {
    const auto at = [&](std::ptrdiff_t k) { return static_cast<unsigned char>(i[k]); };
    const auto tail = [&](std::ptrdiff_t k) { return (at(k) & 0xc0) == 0x80; };
    const std::ptrdiff_t n = last - i;
    if (n < 2)
        return 0;
    const unsigned char c = at(0);
    if (c >= 0xc2 && c <= 0xdf) // UTF8-2 = %xC2-DF UTF8-tail
        return tail(1) ? 2 : 0;
    if (c >= 0xe0 && c <= 0xef) { // UTF8-3
        if (n < 3 || !tail(2))
            return 0;
        const unsigned char d = at(1);
        const bool ok = c == 0xe0   ? (d >= 0xa0 && d <= 0xbf) // %xE0 %xA0-BF UTF8-tail
                        : c == 0xed ? (d >= 0x80 && d <= 0x9f) // %xED %x80-9F UTF8-tail
                                    : (d & 0xc0) == 0x80;      // %xE1-EC / %xEE-EF 2( UTF8-tail )
        return ok ? 3 : 0;
    }
    if (c >= 0xf0 && c <= 0xf4) { // UTF8-4
        if (n < 4 || !tail(2) || !tail(3))
            return 0;
        const unsigned char d = at(1);
        const bool ok = c == 0xf0   ? (d >= 0x90 && d <= 0xbf) // %xF0 %x90-BF 2( UTF8-tail )
                        : c == 0xf4 ? (d >= 0x80 && d <= 0x8f) // %xF4 %x80-8F 2( UTF8-tail )
                                    : (d & 0xc0) == 0x80;      // %xF1-F3 3( UTF8-tail )
        return ok ? 4 : 0;
    }
    return 0;
}

/// The first octet in [i, last) that is neither a TEXT-CHAR nor, with `utf8`, the start of a
/// well-formed UTF-8 sequence (or last): the end of RFC 3501's 1*TEXT-CHAR, or with `utf8` of
/// RFC 9051's 1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4).
constexpr const char* skip_text(const char* i, const char* last, bool utf8) noexcept {
    while (i != last) {
        if (is(cc_text, *i)) {
            ++i;
            continue;
        }
        const std::size_t n =
            utf8 && static_cast<unsigned char>(*i) >= 0x80 ? utf8_sequence_length(i, last) : 0;
        if (n == 0)
            break;
        i += n;
    }
    return i;
}

/// True when every octet of `s` above 0x7F belongs to a well-formed UTF-8 sequence.
constexpr bool valid_utf8(std::string_view s) noexcept {
    const char* i = s.data();
    const char* const last = i + s.size();
    while (i != last) {
        if (static_cast<unsigned char>(*i) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t n = utf8_sequence_length(i, last);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

} // namespace imapwire::detail
