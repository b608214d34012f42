// imapwire AST, ENABLE (RFC 5161): the ENABLE command and the ENABLED response.
#pragma once

#include <imapwire/ast/allocator.hpp>

#include <string_view>

namespace imapwire::ast {

/// RFC 5161 §3.1 `"ENABLE" 1*(SP capability)`: the extensions the client turns on.
struct enable_command {
    vector<std::string_view> capabilities; ///< at least one
    friend bool operator==(const enable_command&, const enable_command&) = default;
};

/// RFC 5161 §3.2 `enable-data = "ENABLED" *(SP capability)`: those the server turned on.
struct enabled_data {
    vector<std::string_view> capabilities; ///< may be empty
    friend bool operator==(const enabled_data&, const enabled_data&) = default;
};

} // namespace imapwire::ast
