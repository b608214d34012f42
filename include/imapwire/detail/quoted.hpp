// imapwire: the scan for the end of a quoted string's plain characters, with SSE2 where there is
// one (apart from charset.hpp, so that the AST's headers do not pull in the intrinsics).
#pragma once

#include <imapwire/detail/charset.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace imapwire::detail {

/// The first octet in [i, last) that is not a plain QUOTED-CHAR: DQUOTE, "\\", NUL, CR, LF or
/// an octet above 0x7F (or last). Sixteen octets at a time where SSE2 is available.
inline const char* skip_quoted_chars(const char* i, const char* last) noexcept {
#if defined(__SSE2__)
    const __m128i dquote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i zero = _mm_setzero_si128();
    while (last - i >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(i));
        const __m128i stop =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dquote), _mm_cmpeq_epi8(v, backslash)),
                         _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)),
                                      _mm_cmpeq_epi8(v, zero)));
        // the sign bit of v marks the octets above 0x7F
        const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(stop, v)));
        if (mask != 0)
            return i + __builtin_ctz(mask);
        i += 16;
    }
#endif
    while (i != last && is(cc_quoted, *i))
        ++i;
    return i;
}

} // namespace imapwire::detail
