// imapwire serializer, NAMESPACE (RFC 2342): the command and the NAMESPACE response.
#pragma once

#include <imapwire/ext/namespace/ast.hpp>
#include <imapwire/serializer/core.hpp>

namespace imapwire::serializer {

/// "NAMESPACE": nothing after the keyword
inline void write_arguments(writer&, const ast::namespace_command&) {}

/// namespace = nil / "(" 1*namespace-descr ")": NIL for an empty list
inline void write_namespace(writer& w, const ast::vector<ast::namespace_descr>& list) {
    if (list.empty()) {
        w.raw("NIL");
        return;
    }
    w.put('(');
    for (const ast::namespace_descr& d : list) {
        // "(" string SP (DQUOTE QUOTED-CHAR DQUOTE / nil) *namespace-response-extension ")"
        w.put('(');
        write_string_only(w, d.prefix);
        w.sp();
        write_delimiter(w, d.delimiter);
        for (const ast::namespace_extension& e : d.extensions) {
            // SP string SP "(" string *(SP string) ")"
            w.sp();
            write_string_only(w, e.name);
            w.raw(" (");
            w.require(!e.values.empty());
            write_separated(w, e.values, [&](const ast::istring& v) { write_string_only(w, v); });
            w.put(')');
        }
        w.put(')');
    }
    w.put(')');
}

/// namespace-response = "NAMESPACE" SP namespace SP namespace SP namespace
inline void write_namespace_data(writer& w, const ast::namespace_data& d) {
    w.raw("NAMESPACE ");
    write_namespace(w, d.personal);
    w.sp();
    write_namespace(w, d.other_users);
    w.sp();
    write_namespace(w, d.shared);
}

} // namespace imapwire::serializer
