// imapwire: the shared driver behind every serialize entry point.
#pragma once

#include <imapwire/detail/scan.hpp>
#include <imapwire/error.hpp>
#include <imapwire/options.hpp>
#include <imapwire/serialize.hpp>
#include <imapwire/serializer/core.hpp>

#include <limits>
#include <string>

namespace imapwire {

namespace detail {
/// The framing check of serializer output: no limits, only the message's structure.
inline parse_options frame_check_options() {
    parse_options unlimited;
    unlimited.max_line_length = std::numeric_limits<std::size_t>::max();
    unlimited.max_literal_size = std::numeric_limits<std::uint32_t>::max();
    return unlimited;
}

/// Runs `write` into `out`; on a refused value, or output that does not frame as exactly one
/// message, restores `out` and reports error::unserializable.
template <class Write>
std::error_code serialize_message(std::string& out, const serialize_options& options,
                                  Write&& write) {
    const std::size_t start = out.size();
    serializer::writer w{out, options};
    write(w);
    if (w.ok) {
        const auto framed =
            scan_message(std::string_view(out).substr(start), frame_check_options());
        if (framed.ok() && framed.value() == out.size() - start)
            return {};
    }
    out.resize(start);
    return make_error_code(error::unserializable);
}

/// serialize_message for a gathered_message: the writer leaves large literals out of the
/// buffer, and the framing check runs over the buffer's segments between them. A segment that
/// ends where a literal's octets belong must scan as a message waiting for exactly that
/// literal (scan_message reports its count); the next segment continues after the octets as
/// the scan itself would; the last must be the rest of the message, ending with CRLF.
struct gather_access {
    template <class Write>
    static std::error_code serialize(gathered_message& g, const serialize_options& options,
                                     Write&& write) {
        g.bytes_.clear();
        g.pieces_.clear();
        g.left_out_.clear();
        serializer::writer w{g.bytes_, options};
        w.left_out = &g.left_out_;
        write(w);
        if (w.ok && frames_with_holes(g)) {
            std::size_t from = 0;
            const std::string_view bytes = g.bytes_;
            for (const auto& [at, octets] : g.left_out_) {
                if (at > from)
                    g.pieces_.push_back(bytes.substr(from, at - from));
                g.pieces_.push_back(octets); // never empty: write_literal leaves none out
                from = at;
            }
            if (bytes.size() > from)
                g.pieces_.push_back(bytes.substr(from));
            return {};
        }
        g.bytes_.clear();
        g.left_out_.clear();
        return make_error_code(error::unserializable);
    }

private:
    static bool frames_with_holes(const gathered_message& g) {
        const parse_options unlimited = frame_check_options();
        const std::string_view bytes = g.bytes_;
        std::size_t from = 0;
        for (const auto& [at, octets] : g.left_out_) {
            const auto framed = scan_message(bytes.substr(from, at - from), unlimited);
            if (!framed.incomplete() || !framed.need().literal ||
                framed.need().literal->size != octets.size() ||
                framed.need().needed != octets.size() + 2)
                return false;
            from = at;
        }
        const auto framed = scan_message(bytes.substr(from), unlimited);
        return framed.ok() && framed.value() == bytes.size() - from;
    }
};
} // namespace detail

} // namespace imapwire
