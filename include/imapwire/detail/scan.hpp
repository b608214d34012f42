// imapwire: find the end of one IMAP message (a line plus the literals it announces).
#pragma once

#include <imapwire/error.hpp>
#include <imapwire/options.hpp>

#include <cstddef>
#include <cstdint>
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

/// Scans `in` for the first complete message. On success the value is the message length
/// (final CRLF included). Checks NUL, bare CR/LF, line length and literal size limits.
inline parse_result<std::size_t> scan_message(std::string_view in, const parse_options& opt) {
    std::size_t line_start = 0;
    std::size_t i = 0;
    const std::size_t n = in.size();
    auto fail = [&](std::size_t at, error e, std::string expected) {
        return parse_result<std::size_t>(
            parse_error{at, "command", std::move(expected), make_error_code(e)});
    };
    while (i < n) {
        const char c = in[i];
        if (c != '\r' && c != '\n' && c != '\0') {
            ++i;
            if (i - line_start > opt.max_line_length)
                return fail(line_start, error::line_too_long, "CRLF");
            continue;
        }
        if (c == '\0')
            return fail(i, error::nul_byte, "CHAR8");
        if (c == '\n')
            return fail(i, error::bare_cr_lf, "CRLF");
        // CR
        if (i + 1 == n)
            return parse_result<std::size_t>(incomplete_input{1, std::nullopt});
        if (in[i + 1] != '\n')
            return fail(i, error::bare_cr_lf, "CRLF");
        bool nonsync = false;
        const std::size_t brace = literal_announcement(in, line_start, i, nonsync);
        if (brace == std::string_view::npos)
            return parse_result<std::size_t>(i + 2, i + 2);
        // literal: the count drives how many octets belong to the message
        std::uint64_t count = 0;
        for (std::size_t d = brace + 1; in[d] >= '0' && in[d] <= '9'; ++d) {
            count = count * 10 + static_cast<std::uint64_t>(in[d] - '0');
            if (count > 0xffffffffull)
                return fail(brace + 1, error::number_range, "number");
        }
        if (count > opt.max_literal_size)
            return fail(brace, error::literal_too_large, "literal");
        const std::size_t body = i + 2;
        const std::size_t avail = n - body;
        if (avail < count) {
            incomplete_input inc;
            inc.needed = static_cast<std::size_t>(count - avail) + 2;
            inc.literal =
                incomplete_input::literal_info{static_cast<std::uint32_t>(count), !nonsync, brace};
            return parse_result<std::size_t>(inc);
        }
        for (std::size_t k = body; k < body + count; ++k)
            if (in[k] == '\0')
                return fail(k, error::nul_byte, "CHAR8");
        i = body + static_cast<std::size_t>(count);
        line_start = i;
    }
    return parse_result<std::size_t>(incomplete_input{1, std::nullopt});
}

} // namespace imapwire::detail
