// The structure-aware targets' source of choices: the fuzzer's input bytes.
//
// Every choice the generators of tests/generate.hpp and tests/generate_response.hpp make goes
// through generator::below(n); plugged in with generator::set_source, this source answers it
// from the next bytes of the input: one byte for n <= 256, two for n <= 65536, four for
// n <= 2^32, eight otherwise, big-endian, reduced modulo n. A mutation of a byte thus changes
// one decision, so libFuzzer's byte-level mutations become structural ones. When the bytes run
// out, the remaining choices come from a std::mt19937_64 with a fixed seed: a short input still
// gives a complete value, and cutting an input short changes only the decisions past the cut
// (which keeps -minimize_crash effective).
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>

namespace imapwire::fuzz {

class byte_source {
public:
    byte_source(const std::uint8_t* data, std::size_t size)
        : data_(data)
        , left_(size)
        , fallback_(3501) {}

    /// A number below `bound`, or any 64-bit number when `bound` is 0.
    std::uint64_t operator()(std::uint64_t bound) {
        const std::size_t width = bound == 0 || bound > 0x100000000ull ? 8
                                  : bound > 0x10000u                   ? 4
                                  : bound > 0x100u                     ? 2
                                                                       : 1;
        std::uint64_t v = 0;
        if (left_ >= width) {
            for (std::size_t i = 0; i < width; ++i)
                v = (v << 8) | data_[i];
            data_ += width;
            left_ -= width;
        } else {
            left_ = 0;
            v = fallback_();
        }
        return bound == 0 ? v : v % bound;
    }

    /// Uniform-ish in [lo, hi].
    std::uint64_t between(std::uint64_t lo, std::uint64_t hi) { return lo + (*this)(hi - lo + 1); }
    bool percent(unsigned p) { return (*this)(100) < p; }

    /// Input bytes not used yet.
    std::size_t left() const noexcept { return left_; }

private:
    const std::uint8_t* data_;
    std::size_t left_;
    std::mt19937_64 fallback_;
};

} // namespace imapwire::fuzz
