// imapwire: serialization of AST values to IMAP bytes.
#pragma once

#include <imapwire/ast/command.hpp>
#include <imapwire/ast/response.hpp>
#include <imapwire/config.hpp>
#include <imapwire/error.hpp>
#include <imapwire/options.hpp>

#include <string>
#include <system_error>

namespace imapwire {

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

/// Server messages: a greeting, and a continuation request, untagged data or tagged completion.
IMAPWIRE_DECL std::error_code serialize(std::string& out, const ast::greeting& greeting,
                                        const serialize_options& options = {});
IMAPWIRE_DECL std::error_code serialize(std::string& out, const ast::response& response,
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
