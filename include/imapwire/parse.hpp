// imapwire: the parsing entry points. None of them throws.
#pragma once

#include <imapwire/ast/command.hpp>
#include <imapwire/ast/response.hpp>
#include <imapwire/config.hpp>
#include <imapwire/error.hpp>
#include <imapwire/options.hpp>

#include <string_view>
#include <variant>
#include <vector>

namespace imapwire {

/// One message of either side, parsed: a command, an AUTHENTICATE line, IDLE's DONE, a greeting
/// or a server response; monostate when it did not parse.
using parsed_message = std::variant<std::monostate, ast::command, ast::authenticate_data,
                                    ast::idle_done, ast::greeting, ast::response>;

/// Parses the first client command in `input` (RFC 3501 `command`: tag, command, CRLF, with
/// any literals it announces). On success, consumed() is the length of that message; bytes
/// after it are left alone. Input that ends before the message does is reported as
/// incomplete (with the octets still owed when a literal was announced), not as an error.
IMAPWIRE_DECL parse_result<ast::command> parse_command(std::string_view input,
                                                       const parse_options& options = {});

/// Parses one line the client sends during AUTHENTICATE (RFC 3501 §6.2.2): `base64 CRLF`, or
/// `"*" CRLF` to cancel the exchange.
IMAPWIRE_DECL parse_result<ast::authenticate_data>
parse_authenticate_data(std::string_view input, const parse_options& options = {});

/// Parses the line that ends IDLE (RFC 2177): `"DONE" CRLF`, in any case. Fails when the IDLE
/// extension is not in options.extensions.
IMAPWIRE_DECL parse_result<ast::idle_done> parse_idle_done(std::string_view input,
                                                           const parse_options& options = {});

/// Parses a server greeting (RFC 3501 `greeting`): `* OK`, `* PREAUTH` or `* BYE`.
IMAPWIRE_DECL parse_result<ast::greeting> parse_greeting(std::string_view input,
                                                         const parse_options& options = {});

/// Parses the first server message in `input`: a continuation request (`+ ...`), untagged data
/// (`* ...`: RFC 3501 `response-data`, a BYE included) or a tagged completion
/// (`response-tagged`). Incomplete input and errors are reported as for parse_command.
IMAPWIRE_DECL parse_result<ast::response> parse_response(std::string_view input,
                                                         const parse_options& options = {});

/// Parses everything a server sends for one command (RFC 3501 `response`): any continuation
/// requests and untagged data, up to and including the tagged completion or a BYE
/// (`response-done`). consumed() is the length of the whole exchange.
IMAPWIRE_DECL parse_result<ast::vector<ast::response>>
parse_response_sequence(std::string_view input, const parse_options& options = {});

/// Finds the first complete message in `input` (a line plus the literals it announces) without
/// parsing it. On success value() and consumed() are the message length, final CRLF included.
IMAPWIRE_DECL parse_result<std::size_t> find_message(std::string_view input,
                                                     const parse_options& options = {});

#if defined(IMAPWIRE_SEPARATE_COMPILATION)
// Compiled once in the library (impl/command.ipp, impl/response.ipp): the destruction of a
// parse result is the largest piece of code a unit that parses would otherwise compile.
extern template class parse_result<ast::command>;
extern template class parse_result<ast::authenticate_data>;
extern template class parse_result<ast::idle_done>;
extern template class parse_result<ast::greeting>;
extern template class parse_result<ast::response>;
extern template class parse_result<ast::vector<ast::response>>;
#endif

} // namespace imapwire

#if !defined(IMAPWIRE_SEPARATE_COMPILATION)
#include <imapwire/impl/body.ipp>
#include <imapwire/impl/command.ipp>
#include <imapwire/impl/fetch.ipp>
#include <imapwire/impl/response.ipp>
#include <imapwire/impl/search.ipp>
#endif
