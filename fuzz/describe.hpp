// Plain text dumps of AST values and escaped bytes for the failure reports of the fuzz targets:
// the dumps of tests/generate.hpp and tests/generate_response.hpp, compiled once (describe.cpp)
// so that the targets that only parse need not compile the generators.
#pragma once

#include <imapwire/ast/command.hpp>
#include <imapwire/ast/response.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace imapwire::fuzz {

/// Every field of the value, on one line.
std::string describe(const ast::command& x);
std::string describe(const ast::authenticate_data& x);
std::string describe(const ast::greeting& x);
std::string describe(const ast::response& x);

/// `s` with CR, LF, quotes, backslashes and non-printable octets escaped, cut after `limit`.
std::string printable(std::string_view s, std::size_t limit = 4000);

} // namespace imapwire::fuzz
