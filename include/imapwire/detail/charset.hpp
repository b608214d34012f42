// imapwire: the RFC 3501 §9 character classes, in one table used by both the grammar and the
// serializer, so that "may this string be an atom" agrees with what the parser accepts.
#pragma once

#include <array>
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

} // namespace imapwire::detail
