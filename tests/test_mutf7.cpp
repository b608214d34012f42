#include <imapwire/mutf7.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace mutf7 = imapwire::mutf7;

namespace {

std::string from_u8(std::u8string_view s) {
    return std::string(s.begin(), s.end());
}

// Independent UTF-8 writer so that the tests do not rely on the header's own helper.
std::string utf8_of(const std::vector<std::uint32_t>& cps) {
    std::string out;
    for (std::uint32_t cp : cps) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

bool all_printable(std::string_view s) {
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7e) {
            return false;
        }
    }
    return true;
}

void check_pair(const std::string& utf8, const std::string& encoded) {
    CAPTURE(encoded);
    CHECK(mutf7::encode(utf8) == encoded);
    CHECK(mutf7::decode(encoded) == utf8);
    CHECK(mutf7::is_valid(encoded));
}

void check_decode_error(std::string_view input, std::size_t offset, std::string_view reason_part) {
    const std::string in(input);
    CAPTURE(in);
    mutf7::decode_error err{9999, nullptr};
    CHECK_FALSE(mutf7::decode(input, &err).has_value());
    CHECK_FALSE(mutf7::decode(input).has_value());
    CHECK_FALSE(mutf7::is_valid(input));
    CHECK(err.offset == offset);
    REQUIRE(err.reason != nullptr);
    const std::string reason(err.reason);
    CAPTURE(reason);
    CHECK(reason.find(reason_part) != std::string::npos);
}

void check_encode_error(std::string_view input, std::size_t offset, std::string_view reason_part) {
    std::string hex;
    for (char c : input) {
        static constexpr char digits[] = "0123456789abcdef";
        const auto u = static_cast<unsigned char>(c);
        hex += digits[u >> 4];
        hex += digits[u & 0xF];
        hex += ' ';
    }
    CAPTURE(hex);
    mutf7::decode_error err{9999, nullptr};
    CHECK_FALSE(mutf7::encode(input, &err).has_value());
    CHECK_FALSE(mutf7::encode(input).has_value());
    CHECK(err.offset == offset);
    REQUIRE(err.reason != nullptr);
    const std::string reason(err.reason);
    CAPTURE(reason);
    CHECK(reason.find(reason_part) != std::string::npos);
}

} // namespace

TEST_SUITE("mutf7") {

    TEST_CASE("RFC 3501 section 5.1.3 example") {
        check_pair(from_u8(u8"~peter/mail/台北/日本語"), "~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    }

    TEST_CASE("known vectors") {
        check_pair(from_u8(u8"Entwürfe"), "Entw&APw-rfe");
        check_pair(from_u8(u8"日本語"), "&ZeVnLIqe-");
        check_pair(from_u8(u8"xé"), "x&AOk-");
        check_pair(utf8_of({0x80}), "&AIA-");
        check_pair(utf8_of({0xFFFF}), "&,,8-");
        // Three units in one run fill exactly eight digits, so there are no padding bits.
        check_pair(from_u8(u8"ééé"), "&AOkA6QDp-");
    }

    TEST_CASE("ampersand") {
        check_pair("&", "&-");
        check_pair("&&", "&-&-");
        check_pair("a&b", "a&-b");
        check_pair("&-", "&--");
        check_pair(from_u8(u8"é&"), "&AOk-&-");
        check_pair(from_u8(u8"&é"), "&-&AOk-");
        check_pair(from_u8(u8"é&é"), "&AOk-&-&AOk-");
    }

    TEST_CASE("printable US-ASCII passes through unchanged") {
        std::string all;
        for (int c = 0x20; c <= 0x7e; ++c) {
            if (c != '&') {
                all += static_cast<char>(c);
            }
        }
        check_pair(all, all);
        check_pair("", "");
        check_pair("INBOX", "INBOX");
        check_pair("~user/Sent Items-+,", "~user/Sent Items-+,");
        check_pair("-", "-");
    }

    TEST_CASE("characters beyond the BMP use surrogate pairs") {
        check_pair(utf8_of({0x1F600}), "&2D3eAA-");
        check_pair(utf8_of({0x10000}), "&2ADcAA-");
        check_pair(utf8_of({0x10FFFF}), "&2,,f,w-");
        check_pair(utf8_of({0xC4, 0x1F600, 'z'}), "&AMTYPd4A-z");
    }

    TEST_CASE("control characters and DEL are encoded") {
        check_pair("\t", "&AAk-");
        check_pair(std::string("a\0b", 3), "a&AAA-b");
        check_pair("\x7f", "&AH8-");
        check_pair("\r\n", "&AA0ACg-");
    }

    TEST_CASE("consecutive non-printable characters share one shift") {
        const auto enc = mutf7::encode(from_u8(u8"éé"));
        REQUIRE(enc.has_value());
        CHECK(*enc == "&AOkA6Q-");
        // Separated by a printable character they need two shifts.
        CHECK(mutf7::encode(from_u8(u8"éaé")) == "&AOk-a&AOk-");
    }

    TEST_CASE("every single code point round trips") {
        std::size_t failures = 0;
        std::uint32_t first_failure = 0;
        for (std::uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            const std::string utf8 = utf8_of({cp});
            const auto enc = mutf7::encode(utf8);
            bool ok = enc.has_value();
            if (ok) {
                if (cp == '&') {
                    ok = *enc == "&-";
                } else if (cp >= 0x20 && cp <= 0x7e) {
                    ok = *enc == utf8;
                } else {
                    // 16 bits need three digits, 32 bits need six.
                    const std::size_t digits = cp < 0x10000 ? 3 : 6;
                    ok = enc->size() == digits + 2 && enc->front() == '&' && enc->back() == '-' &&
                         all_printable(*enc);
                }
                ok = ok && mutf7::decode(*enc) == utf8 && mutf7::is_valid(*enc);
            }
            if (!ok && failures++ == 0) {
                first_failure = cp;
            }
        }
        CAPTURE(first_failure);
        CHECK(failures == 0);
    }

    TEST_CASE("seeded random round trip") {
        std::mt19937 rng(20030301u);
        std::uniform_int_distribution<int> kind(0, 99);
        std::uniform_int_distribution<int> length(0, 24);
        std::uniform_int_distribution<std::uint32_t> printable(0x20, 0x7e);
        std::uniform_int_distribution<std::uint32_t> control(0x00, 0x1f);
        std::uniform_int_distribution<std::uint32_t> bmp(0x80, 0xFFFF - 0x800);
        std::uniform_int_distribution<std::uint32_t> astral(0x10000, 0x10FFFF);

        constexpr int cases = 5000;
        int failures = 0;
        std::string first_failure;
        for (int n = 0; n < cases; ++n) {
            std::vector<std::uint32_t> cps;
            const int len = length(rng);
            for (int k = 0; k < len; ++k) {
                const int which = kind(rng);
                std::uint32_t cp = 0;
                if (which < 40) {
                    cp = printable(rng);
                } else if (which < 47) {
                    cp = '&';
                } else if (which < 52) {
                    cp = which == 51 ? 0x7f : control(rng);
                } else if (which < 82) {
                    cp = bmp(rng);
                    if (cp >= 0xD800) {
                        cp += 0x800; // skip the surrogate range
                    }
                } else {
                    cp = astral(rng);
                }
                cps.push_back(cp);
            }
            const std::string utf8 = utf8_of(cps);
            const auto enc = mutf7::encode(utf8);
            bool ok = enc.has_value() && all_printable(*enc) && mutf7::is_valid(*enc);
            if (ok) {
                const auto dec = mutf7::decode(*enc);
                ok = dec.has_value() && *dec == utf8 && mutf7::encode(*dec) == enc;
            }
            if (!ok && failures++ == 0) {
                first_failure = utf8;
            }
        }
        CAPTURE(first_failure);
        CHECK(failures == 0);
    }

    TEST_CASE("decoding accepts only the canonical form") {
        // Random strings over the characters that matter to the syntax: whenever one decodes,
        // encoding the result must give back exactly the same bytes, and a failure must point
        // inside the input.
        static constexpr char alphabet[] = "&&&---AAAOkDd0A6Q2D3eYP+,ab /";
        std::mt19937 rng(3501u);
        std::uniform_int_distribution<std::size_t> pick(0, sizeof(alphabet) - 2);
        std::uniform_int_distribution<int> length(1, 14);

        int accepted = 0;
        int bad = 0;
        std::string first_bad;
        for (int n = 0; n < 200000; ++n) {
            std::string s;
            const int len = length(rng);
            for (int k = 0; k < len; ++k) {
                s += alphabet[pick(rng)];
            }
            mutf7::decode_error err{};
            const auto dec = mutf7::decode(s, &err);
            bool ok = dec.has_value() == mutf7::is_valid(s);
            if (dec) {
                ++accepted;
                ok = ok && mutf7::encode(*dec) == s;
            } else {
                ok = ok && err.offset < s.size() && err.reason != nullptr;
            }
            if (!ok && bad++ == 0) {
                first_bad = s;
            }
        }
        CAPTURE(first_bad);
        CHECK(bad == 0);
        CHECK(accepted > 1000);
    }

    TEST_CASE("decode rejects bytes outside 0x20-0x7e") {
        check_decode_error("\t", 0, "outside printable");
        check_decode_error("ab\x7f", 2, "outside printable");
        check_decode_error(from_u8(u8"aé"), 1, "outside printable");
        check_decode_error(std::string_view("a\0b", 3), 1, "outside printable");
        check_decode_error("&AO\x80k-", 3, "outside printable");
    }

    TEST_CASE("decode rejects an unterminated shift") {
        check_decode_error("&", 0, "not terminated");
        check_decode_error("ab&", 2, "not terminated");
        check_decode_error("a&AOk", 1, "not terminated");
        check_decode_error("~peter/&U,BTFw", 7, "not terminated");
    }

    TEST_CASE("decode rejects characters outside the modified BASE64 alphabet") {
        check_decode_error("&AO/k-", 3, "alphabet");  // '/' is plain BASE64 only
        check_decode_error("&AOk=-", 4, "alphabet");  // no '=' padding
        check_decode_error("&A&Ok-", 2, "alphabet");  // '&' inside a shift
        check_decode_error("&AO k-", 3, "alphabet");  // space inside a shift
        check_decode_error("x&AO.k-", 4, "alphabet"); // any other printable character
    }

    TEST_CASE("decode rejects runs that are not whole UTF-16 units") {
        check_decode_error("&A-", 1, "inside a UTF-16 unit");         // 6 bits
        check_decode_error("&AA-", 2, "inside a UTF-16 unit");        // 12 bits
        check_decode_error("&AOkA-", 4, "inside a UTF-16 unit");      // 16 + 8 bits
        check_decode_error("x&AOkA6QD-", 8, "inside a UTF-16 unit");  // 32 + 10 bits
        check_decode_error("&AOkA6QDpA-", 9, "inside a UTF-16 unit"); // 48 + 6 bits
    }

    TEST_CASE("decode rejects non-zero padding bits") {
        check_decode_error("&AOl-", 3, "padding");    // 16 + 2 bits, last two are 01
        check_decode_error("&AOkA6R-", 6, "padding"); // 32 + 4 bits, last four are 0001
        check_decode_error("&AOn-", 3, "padding");
    }

    TEST_CASE("decode rejects unpaired and reversed surrogates") {
        check_decode_error("&3AA-", 1, "low surrogate without");            // lone low
        check_decode_error("&3gDYPQ-", 1, "low surrogate without");         // low, high
        check_decode_error("&AOncAA-", 3, "low surrogate without");         // U+00E9, low
        check_decode_error("&2D0-", 1, "high surrogate not followed");      // lone high at end
        check_decode_error("&AOnYPQ-", 3, "high surrogate not followed");   // U+00E9, high at end
        check_decode_error("&2D0A6Q-", 1, "high surrogate not followed");   // high, U+00E9
        check_decode_error("&2D3YPQ-", 1, "high surrogate not followed");   // high, high
        check_decode_error("&2D0-&3gA-", 1, "high surrogate not followed"); // pair split by shifts
    }

    TEST_CASE("decode rejects printable US-ASCII in modified BASE64") {
        check_decode_error("&AEE-", 1, "printable US-ASCII character"); // "A"
        check_decode_error("&ACY-", 1, "printable US-ASCII character"); // "&" must be "&-"
        check_decode_error("&AC0-", 1, "printable US-ASCII character"); // "-"
        check_decode_error("&ACA-", 1, "printable US-ASCII character"); // " "
        check_decode_error("&AH4-", 1, "printable US-ASCII character"); // "~"
        check_decode_error("x&AGEAYg-", 2, "printable US-ASCII character");
        // Mixed runs are rejected too: the printable character must be written as itself.
        check_decode_error("&AOkAYQ-", 3, "printable US-ASCII character");   // U+00E9 "a"
        check_decode_error("&AGEA6Q-", 1, "printable US-ASCII character");   // "a" U+00E9
        check_decode_error("&AOkA6QBh-", 6, "printable US-ASCII character"); // third unit
        // The neighbours of the printable range are fine.
        check_pair(std::string("\x1f"), "&AB8-");
        check_pair(std::string("\x7f"), "&AH8-");
    }

    TEST_CASE("decode rejects a shift that directly follows another shift") {
        check_decode_error("&AOk-&AOk-", 5, "immediately follows");
        check_decode_error("a&AOk-&2D3eAA-b", 6, "immediately follows");
        check_decode_error("&AOk-&", 5, "immediately follows");
        // Each of these runs encodes "a", which is reported first.
        check_decode_error("&AGE-&AGE-", 1, "printable US-ASCII character");
        // "&-" after a shift is the literal '&', not a new shift.
        CHECK(mutf7::decode("&AOk-&-") == from_u8(u8"é&"));
        CHECK(mutf7::decode("&AOk-&-&AOk-") == from_u8(u8"é&é"));
        CHECK(mutf7::decode("&AOk-a&AOk-") == from_u8(u8"éaé"));
    }

    TEST_CASE("decode handles a lone '-' and '&-' sequences") {
        CHECK(mutf7::decode("-") == "-");
        CHECK(mutf7::decode("--") == "--");
        CHECK(mutf7::decode("&--") == "&-");
        CHECK(mutf7::decode("&-&-") == "&&");
        CHECK(mutf7::decode("a-&-b") == "a-&b");
    }

    TEST_CASE("decode_error is optional and untouched on success") {
        mutf7::decode_error err{42, "unchanged"};
        CHECK(mutf7::decode("INBOX", &err) == "INBOX");
        CHECK(err.offset == 42);
        CHECK(std::string_view(err.reason) == "unchanged");
        CHECK(mutf7::encode("INBOX", &err) == "INBOX");
        CHECK(err.offset == 42);
        CHECK_FALSE(mutf7::decode("&").has_value());
        CHECK_FALSE(mutf7::encode("\xff").has_value());
    }

    TEST_CASE("encode rejects stray continuation bytes") {
        check_encode_error("\x80", 0, "continuation");
        check_encode_error("a\xbf", 1, "continuation");
        check_encode_error("\xc3\xa9\xa9", 2, "continuation");
    }

    TEST_CASE("encode rejects truncated sequences") {
        check_encode_error("\xc3", 0, "truncated");
        check_encode_error("ab\xe6\x97", 2, "truncated");
        check_encode_error("\xe6\x97"
                           "a",
                           0, "truncated");
        check_encode_error("\xf0\x9f\x98", 0, "truncated");
        check_encode_error("\xf0\x9f\x98"
                           "a",
                           0, "truncated");
        check_encode_error("\xc3"
                           "A",
                           0, "truncated");
        check_encode_error("x\xe6\xc3\xa9", 1, "truncated");
    }

    TEST_CASE("encode rejects overlong forms") {
        check_encode_error("\xc0\xaf", 0, "overlong");
        check_encode_error("x\xc0\x80", 1, "overlong");
        check_encode_error("\xc1\xbf", 0, "overlong");
        check_encode_error("\xe0\x80\xaf", 0, "overlong");
        check_encode_error("\xe0\x9f\xbf", 0, "overlong");
        check_encode_error("\xf0\x80\x80\xaf", 0, "overlong");
        check_encode_error("\xf0\x8f\xbf\xbf", 0, "overlong");
        // The shortest forms at each boundary are accepted.
        CHECK(mutf7::encode("\xc2\x80") == "&AIA-");
        CHECK(mutf7::encode("\xe0\xa0\x80") == "&CAA-");
        CHECK(mutf7::encode("\xf0\x90\x80\x80") == "&2ADcAA-");
    }

    TEST_CASE("encode rejects UTF-8 encoded surrogates") {
        check_encode_error("\xed\xa0\x80", 0, "surrogate");
        check_encode_error("ab\xed\xbf\xbf", 2, "surrogate");
        check_encode_error("\xed\xa0\xbd\xed\xb8\x80", 0, "surrogate"); // CESU-8 style pair
        CHECK(mutf7::encode("\xed\x9f\xbf") == "&1,8-");                // U+D7FF
        CHECK(mutf7::encode("\xee\x80\x80") == "&4AA-");                // U+E000
    }

    TEST_CASE("encode rejects code points above U+10FFFF") {
        check_encode_error("\xf4\x90\x80\x80", 0, "beyond U+10FFFF");
        check_encode_error("a\xf5\x80\x80\x80", 1, "beyond U+10FFFF");
        check_encode_error("\xf7\xbf\xbf\xbf", 0, "beyond U+10FFFF");
        check_encode_error("\xf8\x88\x80\x80\x80", 0, "lead byte");
        check_encode_error("\xfe", 0, "lead byte");
        check_encode_error("\xff", 0, "lead byte");
        CHECK(mutf7::encode("\xf4\x8f\xbf\xbf") == "&2,,f,w-");
    }

} // TEST_SUITE
