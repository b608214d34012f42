// imapwire: the shared driver behind every serialize entry point.
#pragma once

#include <imapwire/detail/scan.hpp>
#include <imapwire/error.hpp>
#include <imapwire/options.hpp>
#include <imapwire/serializer/core.hpp>

#include <limits>
#include <string>

namespace imapwire {

namespace detail {
/// Runs `write` into `out`; on a refused value, or output that does not frame as exactly one
/// message, restores `out` and reports error::unserializable.
template <class Write>
std::error_code serialize_message(std::string& out, const serialize_options& options,
                                  Write&& write) {
    const std::size_t start = out.size();
    serializer::writer w{out, options};
    write(w);
    if (w.ok) {
        parse_options unlimited;
        unlimited.max_line_length = std::numeric_limits<std::size_t>::max();
        unlimited.max_literal_size = std::numeric_limits<std::uint32_t>::max();
        const auto framed = scan_message(std::string_view(out).substr(start), unlimited);
        if (framed.ok() && framed.value() == out.size() - start)
            return {};
    }
    out.resize(start);
    return make_error_code(error::unserializable);
}
} // namespace detail

} // namespace imapwire
