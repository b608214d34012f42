// Modified UTF-7 mailbox-name codec (RFC 3501, section 5.1.3).
//
// In modified UTF-7, printable US-ASCII characters (0x20-0x7e) other than '&' represent
// themselves, '&' is written as "&-", and every other character is written as UTF-16 in a
// variant of BASE64 (alphabet A-Z a-z 0-9 + ',') enclosed between '&' and '-'.
//
// The encoder always produces the single canonical form. The decoder accepts only that
// canonical form: anything the encoder could not have produced is rejected, so that a
// successful decode followed by an encode gives back the input byte for byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace imapwire::mutf7 {

// Describes why a conversion failed. `offset` is a byte offset into the input that was
// passed to encode() or decode(); `reason` is a static, human-readable string.
struct decode_error {
    std::size_t offset;
    const char* reason;
};

namespace detail {

inline constexpr char base64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

// Value of a modified BASE64 digit, or -1 if `c` is not one.
inline constexpr int base64_value(char c) noexcept {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    if (c == '+') {
        return 62;
    }
    if (c == ',') {
        return 63;
    }
    return -1;
}

inline constexpr bool is_printable_ascii(std::uint32_t c) noexcept {
    return c >= 0x20 && c <= 0x7e;
}

inline constexpr bool is_high_surrogate(std::uint32_t u) noexcept {
    return u >= 0xD800 && u <= 0xDBFF;
}

inline constexpr bool is_low_surrogate(std::uint32_t u) noexcept {
    return u >= 0xDC00 && u <= 0xDFFF;
}

inline bool fail(decode_error* err, std::size_t offset, const char* reason) noexcept {
    if (err != nullptr) {
        *err = decode_error{offset, reason};
    }
    return false;
}

inline void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Reads one UTF-8 encoded code point starting at `in[pos]`. On success stores the code point
// in `cp`, advances `pos` past the sequence and returns true. Errors are reported at the
// offset of the first byte of the offending sequence.
inline bool next_utf8(std::string_view in, std::size_t& pos, std::uint32_t& cp,
                      decode_error* err) noexcept {
    const auto lead = static_cast<unsigned char>(in[pos]);
    std::size_t len = 0;
    std::uint32_t min = 0;
    if (lead < 0x80) {
        cp = lead;
        ++pos;
        return true;
    }
    if (lead < 0xC0) {
        return fail(err, pos, "unexpected UTF-8 continuation byte");
    }
    if (lead < 0xE0) {
        len = 2;
        min = 0x80;
        cp = lead & 0x1F;
    } else if (lead < 0xF0) {
        len = 3;
        min = 0x800;
        cp = lead & 0x0F;
    } else if (lead < 0xF8) {
        len = 4;
        min = 0x10000;
        cp = lead & 0x07;
    } else {
        return fail(err, pos, "invalid UTF-8 lead byte");
    }
    for (std::size_t k = 1; k < len; ++k) {
        if (pos + k >= in.size()) {
            return fail(err, pos, "truncated UTF-8 sequence");
        }
        const auto b = static_cast<unsigned char>(in[pos + k]);
        if ((b & 0xC0) != 0x80) {
            return fail(err, pos, "truncated UTF-8 sequence");
        }
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min) {
        return fail(err, pos, "overlong UTF-8 sequence");
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
        return fail(err, pos, "UTF-8 encoded surrogate code point");
    }
    if (cp > 0x10FFFF) {
        return fail(err, pos, "code point beyond U+10FFFF");
    }
    pos += len;
    return true;
}

// Validates modified UTF-7 input and passes every decoded code point to `sink`.
//
// Error offsets:
//  - a byte outside 0x20-0x7e, or a byte inside a shift that is not a modified BASE64 digit:
//    the offset of that byte;
//  - a shift that is never closed by '-': the offset of the '&' opening it;
//  - a shift starting right after another one ended: the offset of the second '&';
//  - a UTF-16 unit that is not allowed (printable US-ASCII, unpaired or reversed surrogate):
//    the offset of the BASE64 digit holding the first bit of that unit (for a high surrogate
//    without a following low surrogate, the high surrogate's unit);
//  - a run ending in the middle of a UTF-16 unit or with non-zero padding bits: the offset of
//    the last BASE64 digit of the run.
template <class Sink>
bool decode_into(std::string_view in, Sink&& sink, decode_error* err) {
    const std::size_t n = in.size();
    std::size_t i = 0;
    bool after_shift = false;
    while (i < n) {
        const auto c = static_cast<unsigned char>(in[i]);
        if (!is_printable_ascii(c)) {
            return fail(err, i, "byte outside printable US-ASCII");
        }
        if (c != '&') {
            sink(static_cast<std::uint32_t>(c));
            after_shift = false;
            ++i;
            continue;
        }
        if (i + 1 < n && in[i + 1] == '-') {
            sink(static_cast<std::uint32_t>('&'));
            after_shift = false;
            i += 2;
            continue;
        }
        if (after_shift) {
            return fail(err, i, "shift immediately follows the end of a shift");
        }

        const std::size_t shift = i;
        const std::size_t first_digit = i + 1;
        std::uint32_t bits = 0;
        int nbits = 0;
        std::size_t units = 0;
        bool pending_high = false;
        std::uint32_t high = 0;
        std::size_t high_offset = 0;
        std::size_t j = first_digit;
        for (;; ++j) {
            if (j == n) {
                return fail(err, shift, "shift not terminated by '-'");
            }
            const char d = in[j];
            if (d == '-') {
                break;
            }
            if (!is_printable_ascii(static_cast<unsigned char>(d))) {
                return fail(err, j, "byte outside printable US-ASCII");
            }
            const int v = base64_value(d);
            if (v < 0) {
                return fail(err, j, "character outside the modified BASE64 alphabet");
            }
            bits = (bits << 6) | static_cast<std::uint32_t>(v);
            nbits += 6;
            if (nbits < 16) {
                continue;
            }
            nbits -= 16;
            const std::uint32_t unit = (bits >> nbits) & 0xFFFFu;
            bits &= (1u << nbits) - 1u;
            const std::size_t unit_offset = first_digit + (units * 16) / 6;
            ++units;
            if (pending_high) {
                if (!is_low_surrogate(unit)) {
                    return fail(err, high_offset, "high surrogate not followed by low surrogate");
                }
                sink(0x10000u + ((high - 0xD800u) << 10) + (unit - 0xDC00u));
                pending_high = false;
            } else if (is_high_surrogate(unit)) {
                pending_high = true;
                high = unit;
                high_offset = unit_offset;
            } else if (is_low_surrogate(unit)) {
                return fail(err, unit_offset, "low surrogate without preceding high surrogate");
            } else if (is_printable_ascii(unit)) {
                return fail(err, unit_offset, "printable US-ASCII character in modified BASE64");
            } else {
                sink(unit);
            }
        }
        // `j` is the offset of the closing '-'; the run is non-empty because "&-" was
        // handled above.
        if (nbits > 5) {
            return fail(err, j - 1, "modified BASE64 run ends inside a UTF-16 unit");
        }
        if (bits != 0) {
            return fail(err, j - 1, "non-zero padding bits at end of modified BASE64 run");
        }
        if (pending_high) {
            return fail(err, high_offset, "high surrogate not followed by low surrogate");
        }
        after_shift = true;
        i = j + 1;
    }
    return true;
}

} // namespace detail

// Converts UTF-8 to modified UTF-7. Returns std::nullopt for invalid UTF-8 (stray
// continuation bytes, truncated or overlong sequences, surrogates, code points above
// U+10FFFF, bytes 0xF8-0xFF); `err->offset` is then the offset of the first byte of the
// offending sequence.
inline std::optional<std::string> encode(std::string_view utf8, decode_error* err = nullptr) {
    std::string out;
    out.reserve(utf8.size());
    bool in_shift = false;
    std::uint32_t bits = 0;
    int nbits = 0;

    const auto put_unit = [&](std::uint32_t unit) {
        bits = (bits << 16) | unit;
        nbits += 16;
        while (nbits >= 6) {
            nbits -= 6;
            out.push_back(detail::base64_alphabet[(bits >> nbits) & 0x3Fu]);
        }
        bits &= (1u << nbits) - 1u;
    };
    const auto end_shift = [&] {
        if (nbits > 0) {
            out.push_back(detail::base64_alphabet[(bits << (6 - nbits)) & 0x3Fu]);
        }
        bits = 0;
        nbits = 0;
        out.push_back('-');
        in_shift = false;
    };

    std::size_t pos = 0;
    while (pos < utf8.size()) {
        std::uint32_t cp = 0;
        if (!detail::next_utf8(utf8, pos, cp, err)) {
            return std::nullopt;
        }
        if (detail::is_printable_ascii(cp)) {
            if (in_shift) {
                end_shift();
            }
            out.push_back(static_cast<char>(cp));
            if (cp == '&') {
                out.push_back('-');
            }
            continue;
        }
        if (!in_shift) {
            out.push_back('&');
            in_shift = true;
        }
        if (cp >= 0x10000) {
            cp -= 0x10000;
            put_unit(0xD800u + (cp >> 10));
            put_unit(0xDC00u + (cp & 0x3FFu));
        } else {
            put_unit(cp);
        }
    }
    if (in_shift) {
        end_shift();
    }
    return out;
}

// Converts modified UTF-7 to UTF-8. Returns std::nullopt for input that is not in the
// canonical form described in RFC 3501 section 5.1.3: bytes outside 0x20-0x7e, unterminated
// shifts, characters outside the modified BASE64 alphabet inside a shift, runs that do not
// form whole UTF-16 units or have non-zero padding bits, unpaired or reversed surrogates,
// printable US-ASCII characters (including '&') encoded in BASE64, and a shift that starts
// immediately after another one ended ("&AOk-&AOk-" instead of "&AOkA6Q-").
inline std::optional<std::string> decode(std::string_view mutf7, decode_error* err = nullptr) {
    std::string out;
    out.reserve(mutf7.size());
    if (!detail::decode_into(
            mutf7, [&out](std::uint32_t cp) { detail::append_utf8(out, cp); }, err)) {
        return std::nullopt;
    }
    return out;
}

// True when decode(mutf7) would succeed. Does not allocate.
inline bool is_valid(std::string_view mutf7) noexcept {
    return detail::decode_into(
        mutf7, [](std::uint32_t) noexcept {}, nullptr);
}

} // namespace imapwire::mutf7
