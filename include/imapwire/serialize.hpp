// imapwire: serialization of AST values to IMAP bytes.
#pragma once

#include <imapwire/ast/command.hpp>
#include <imapwire/ast/response.hpp>
#include <imapwire/config.hpp>
#include <imapwire/error.hpp>
#include <imapwire/options.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace imapwire {

namespace detail {
struct gather_access;
}

/// Appends the wire form of `cmd` (CRLF included) to `out`. Strings are written in the form
/// they were parsed with when that form is valid where they stand, otherwise (and for strings
/// built in code) as an atom, quoted string or literal, whichever is valid and shortest.
/// Values the grammar cannot express (an empty sequence-set, a tag with a space, NUL in a
/// literal, section MIME without a part...) are refused: the return value is
/// imapwire::error::unserializable and `out` is left as it was.
IMAPWIRE_DECL std::error_code serialize(std::string& out, const ast::command& cmd,
                                        const serialize_options& options = {});
IMAPWIRE_DECL std::error_code serialize(std::string& out, const ast::authenticate_data& line,
                                        const serialize_options& options = {});
/// The DONE line that ends IDLE (RFC 2177).
IMAPWIRE_DECL std::error_code serialize(std::string& out, const ast::idle_done& line,
                                        const serialize_options& options = {});

/// Server messages: a greeting, and a continuation request, untagged data or tagged completion.
IMAPWIRE_DECL std::error_code serialize(std::string& out, const ast::greeting& greeting,
                                        const serialize_options& options = {});
IMAPWIRE_DECL std::error_code serialize(std::string& out, const ast::response& response,
                                        const serialize_options& options = {});

/// A message serialized without copying its large literals, for writev() and the like.
///
/// `bytes()` holds everything the serializer wrote except the octets of literals of at least
/// serialize_options::gather_min_literal octets, which stay where they are: in the buffer the
/// AST was parsed from, or wherever a string built in code points. `pieces()` is the message in
/// order, as views into bytes() and into those octets; sending them one after the other sends
/// exactly what serialize() into a std::string would have appended. The views into the literal
/// octets are only as good as the memory the AST views.
///
/// Each serialize() into a gathered_message replaces what it held and reuses its memory, so a
/// reused gathered_message allocates nothing once it has grown to fit.
class gathered_message {
public:
    const std::string& bytes() const noexcept { return bytes_; }
    const std::vector<std::string_view>& pieces() const noexcept { return pieces_; }
    /// The message's length: the sum of the pieces' sizes.
    std::size_t size() const noexcept {
        std::size_t n = 0;
        for (std::string_view p : pieces_)
            n += p.size();
        return n;
    }
    /// The pieces joined, as serialize() into a std::string would have written them.
    std::string joined() const {
        std::string out;
        out.reserve(size());
        for (std::string_view p : pieces_)
            out.append(p);
        return out;
    }

private:
    friend struct detail::gather_access;
    std::string bytes_;
    std::vector<std::string_view> pieces_;
    std::vector<std::pair<std::size_t, std::string_view>> left_out_;
};

/// Serializes into `out` as serialize(std::string&, ...) does, leaving large literals in place.
/// On error::unserializable `out` is left empty.
IMAPWIRE_DECL std::error_code serialize(gathered_message& out, const ast::command& cmd,
                                        const serialize_options& options = {});
IMAPWIRE_DECL std::error_code serialize(gathered_message& out, const ast::response& response,
                                        const serialize_options& options = {});

/// The wire form of `x` as a string. Throws std::system_error for a value serialize() refuses.
template <class T>
std::string to_string(const T& x, const serialize_options& options = {}) {
    std::string out;
    if (auto ec = serialize(out, x, options))
        throw std::system_error(ec);
    return out;
}

} // namespace imapwire

#if !defined(IMAPWIRE_SEPARATE_COMPILATION)
#include <imapwire/impl/serialize.ipp>
#include <imapwire/impl/serialize_response.ipp>
#endif
