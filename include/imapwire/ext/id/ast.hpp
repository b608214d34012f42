// imapwire AST, ID (RFC 2971): the ID command and the ID response.
#pragma once

#include <imapwire/ast/allocator.hpp>
#include <imapwire/ast/core.hpp>

namespace imapwire::ast {

/// One field-value pair of RFC 2971's id_params_list: `string SP nstring`.
struct id_param {
    istring field; ///< "name", "version", "vendor"... (RFC 2971 §3.3)
    nstring value;
    friend bool operator==(const id_param&, const id_param&) = default;
};

/// RFC 2971 §4 `id_params_list ::= "(" #(string SPACE nstring) ")" / nil`: NIL (`nil`), or the
/// pairs in parentheses (perhaps none).
struct id_params {
    bool nil = true;
    vector<id_param> params{}; ///< when not nil
    friend bool operator==(const id_params&, const id_params&) = default;
};

/// RFC 2971 §3.1 `id ::= "ID" SPACE id_params_list`: the client's implementation.
struct id_command {
    id_params list{};
    friend bool operator==(const id_command&, const id_command&) = default;
};

/// RFC 2971 §3.2 `id_response ::= "ID" SPACE id_params_list`: the server's implementation.
struct id_data {
    id_params list{};
    friend bool operator==(const id_data&, const id_data&) = default;
};

} // namespace imapwire::ast
