// imapwire: find the end of one IMAP message (a line plus the literals it announces).
#pragma once

#include <imapwire/error.hpp>
#include <imapwire/options.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace imapwire::detail {

/// If the line [line_start, cr) ends with "{n}" or "{n+}", returns the offset of "{".
inline std::size_t literal_announcement(std::string_view in, std::size_t line_start, std::size_t cr,
                                        bool& nonsync) {
    constexpr std::size_t none = std::string_view::npos;
    if (cr == line_start || in[cr - 1] != '}')
        return none;
    std::size_t j = cr - 1;
    nonsync = false;
    if (j > line_start && in[j - 1] == '+') {
        nonsync = true;
        --j;
    }
    std::size_t digits_end = j;
    while (j > line_start && in[j - 1] >= '0' && in[j - 1] <= '9')
        --j;
    if (j == digits_end || j == line_start || in[j - 1] != '{')
        return none;
    return j - 1;
}

/// The first occurrence of `c` in [from, to), or `to`.
inline std::size_t find_byte(std::string_view in, std::size_t from, std::size_t to, char c) {
    if (from >= to)
        return to;
    const void* p = std::memchr(in.data() + from, c, to - from);
    return p ? static_cast<std::size_t>(static_cast<const char*>(p) - in.data()) : to;
}

/// Scans `in` for the first complete message. On success the value is the message length
/// (final CRLF included). Checks NUL, bare CR/LF, line length and literal size limits, and
/// reports the first offending byte. Lines and literals are searched with memchr.
inline parse_result<std::size_t> scan_message(std::string_view in, const parse_options& opt) {
    const std::size_t n = in.size();
    auto fail = [&](std::size_t at, error e, std::string expected) {
        return parse_result<std::size_t>(
            parse_error{at, "command", std::move(expected), make_error_code(e)});
    };
    std::size_t line_start = 0;
    for (;;) {
        // A line may hold max_line_length bytes before its CRLF: look no further than that.
        const std::size_t limit = line_start + opt.max_line_length + 2;
        const std::size_t window = opt.max_line_length > n || limit > n ? n : limit;
        const std::size_t lf = find_byte(in, line_start, window, '\n');
        const std::size_t nul = find_byte(in, line_start, lf, '\0');
        // a CR anywhere but right before the LF (or at the very end, still waiting) is bare
        std::size_t cr = find_byte(in, line_start, lf, '\r');
        const bool cr_ends_line = lf < window && cr + 1 == lf;
        const bool cr_at_end = lf == window && cr + 1 == n && window == n;
        if (cr_ends_line || cr_at_end)
            cr = lf == window ? n : lf; // not an error
        const std::size_t first_bad = nul < cr ? nul : cr;
        if (first_bad < lf || (first_bad < n && lf == window && first_bad < window))
            return nul <= cr ? fail(nul, error::nul_byte, "CHAR8")
                             : fail(cr, error::bare_cr_lf, "CRLF");
        if (lf == window) {
            // no LF yet: the line is too long once it holds more than max_line_length bytes
            const std::size_t content = n - line_start - (n > line_start && in[n - 1] == '\r');
            if (content > opt.max_line_length)
                return fail(line_start, error::line_too_long, "CRLF");
            return parse_result<std::size_t>(incomplete_input{1, std::nullopt});
        }
        if (lf == line_start || in[lf - 1] != '\r')
            return fail(lf, error::bare_cr_lf, "CRLF");
        const std::size_t crpos = lf - 1;
        if (crpos - line_start > opt.max_line_length)
            return fail(line_start, error::line_too_long, "CRLF");
        bool nonsync = false;
        const std::size_t brace = literal_announcement(in, line_start, crpos, nonsync);
        if (brace == std::string_view::npos)
            return parse_result<std::size_t>(lf + 1, lf + 1);
        // literal: the count drives how many octets belong to the message
        std::uint64_t count = 0;
        for (std::size_t d = brace + 1; in[d] >= '0' && in[d] <= '9'; ++d) {
            count = count * 10 + static_cast<std::uint64_t>(in[d] - '0');
            if (count > 0xffffffffull)
                return fail(brace + 1, error::number_range, "number");
        }
        if (count > opt.max_literal_size)
            return fail(brace, error::literal_too_large, "literal");
        const std::size_t body = lf + 1;
        const std::size_t avail = n - body;
        if (avail < count) {
            incomplete_input inc;
            inc.needed = static_cast<std::size_t>(count - avail) + 2;
            inc.literal =
                incomplete_input::literal_info{static_cast<std::uint32_t>(count), !nonsync, brace};
            return parse_result<std::size_t>(inc);
        }
        const std::size_t end = body + static_cast<std::size_t>(count);
        // a literal8 "~{n}" (BINARY, RFC 3516) may hold NUL; a literal may not
        const bool literal8 = brace > line_start && in[brace - 1] == '~' &&
                              opt.extensions.contains(extension::binary);
        if (const std::size_t z = literal8 ? end : find_byte(in, body, end, '\0'); z < end)
            return fail(z, error::nul_byte, "CHAR8");
        line_start = end;
    }
}

} // namespace imapwire::detail
