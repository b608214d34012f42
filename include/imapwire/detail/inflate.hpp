// imapwire: raw DEFLATE (RFC 1951) decompression for a connection after COMPRESS=DEFLATE
// (RFC 4978), on zlib. Present when IMAPWIRE_WITH_ZLIB is defined (the CMake targets define it
// and link zlib when zlib is found); without it, raw_inflater::available is false.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#if defined(IMAPWIRE_WITH_ZLIB)
#include <zlib.h>
#endif

namespace imapwire::detail {

/// Inflates one direction of a compressed connection, a bounded piece at a time: push() takes
/// compressed bytes, step() writes at most `piece` inflated bytes, so a small input that
/// inflates to a lot never has to be held at once.
class raw_inflater {
public:
    enum class status { produced, need_input, failed };

#if defined(IMAPWIRE_WITH_ZLIB)
    static constexpr bool available = true;

    raw_inflater() {
        // a negative window size: raw DEFLATE, no zlib header or trailer (RFC 4978 §4)
        ok_ = inflateInit2(&z_, -MAX_WBITS) == Z_OK;
    }
    ~raw_inflater() {
        if (ok_)
            inflateEnd(&z_);
    }
#else
    static constexpr bool available = false;
    raw_inflater() = default;
#endif
    raw_inflater(const raw_inflater&) = delete;
    raw_inflater& operator=(const raw_inflater&) = delete;

    /// Compressed bytes of the stream, in order.
    void push(std::string_view compressed) {
        if (used_ > 0 && used_ >= in_.size() / 2) {
            in_.erase(0, used_);
            used_ = 0;
        }
        in_.append(compressed.data(), compressed.size());
    }
    /// Compressed bytes pushed and not inflated yet.
    std::size_t pending() const noexcept {
        return in_.size() - used_;
    }

    /// Inflates what it can, up to `piece` bytes, into `out` (replacing its contents).
    status step(std::string& out, std::size_t piece = 16384) {
        out.clear();
#if defined(IMAPWIRE_WITH_ZLIB)
        if (!ok_)
            return status::failed;
        if (ended_)
            return pending() > 0 ? status::failed : status::need_input; // bytes after the end
        if (pending() == 0)
            return status::need_input;
        out.resize(piece);
        while (true) {
            const std::size_t before = used_;
            z_.next_in = reinterpret_cast<Bytef*>(in_.data() + used_);
            z_.avail_in = static_cast<uInt>(pending());
            z_.next_out = reinterpret_cast<Bytef*>(out.data());
            z_.avail_out = static_cast<uInt>(piece);
            const int rc = inflate(&z_, Z_SYNC_FLUSH);
            used_ = in_.size() - z_.avail_in;
            const std::size_t made = piece - z_.avail_out;
            if (rc == Z_STREAM_END)
                ended_ = true;
            else if (rc != Z_OK && rc != Z_BUF_ERROR)
                return status::failed;
            if (made > 0) {
                out.resize(made);
                return status::produced;
            }
            if (ended_ || pending() == 0 || used_ == before) { // nothing more to make now
                out.clear();
                return ended_ && pending() > 0 ? status::failed : status::need_input;
            }
        }
#else
        (void)piece;
        return status::failed;
#endif
    }

private:
    std::string in_;
    std::size_t used_ = 0;
#if defined(IMAPWIRE_WITH_ZLIB)
    z_stream z_{};
    bool ok_ = false;
    bool ended_ = false;
#endif
};

} // namespace imapwire::detail
