// imapwire AST, NAMESPACE (RFC 2342): the NAMESPACE command and the NAMESPACE response.
#pragma once

#include <imapwire/ast/allocator.hpp>
#include <imapwire/ast/core.hpp>

#include <optional>

namespace imapwire::ast {

/// RFC 2342 §5 `command-auth =/ "NAMESPACE"`: asks for the server's namespaces.
struct namespace_command {
    friend bool operator==(const namespace_command&, const namespace_command&) = default;
};

/// `namespace-response-extension = SP string SP "(" string *(SP string) ")"`: a named list of
/// values a server adds to a namespace (RFC 2342 §6, RFC 9051 §9).
struct namespace_extension {
    istring name;
    vector<istring> values; ///< at least one
    friend bool operator==(const namespace_extension&, const namespace_extension&) = default;
};

/// `namespace-descr = "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil)
/// [namespace-response-extensions] ")"`: one namespace, its prefix and hierarchy delimiter.
struct namespace_descr {
    istring prefix;                  ///< "" for the personal namespace of most servers
    std::optional<char> delimiter{}; ///< NIL when empty
    vector<namespace_extension> extensions{};
    friend bool operator==(const namespace_descr&, const namespace_descr&) = default;
};

/// `namespace-response = "NAMESPACE" SP namespace SP namespace SP namespace`, each
/// `namespace = nil / "(" 1*namespace-descr ")"`: an empty vector is NIL (a namespace list is
/// never empty otherwise).
struct namespace_data {
    vector<namespace_descr> personal{};
    vector<namespace_descr> other_users{};
    vector<namespace_descr> shared{};
    friend bool operator==(const namespace_data&, const namespace_data&) = default;
};

} // namespace imapwire::ast
