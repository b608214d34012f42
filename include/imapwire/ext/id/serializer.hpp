// imapwire serializer, ID (RFC 2971): the command's arguments and the ID response.
#pragma once

#include <imapwire/ext/id/ast.hpp>
#include <imapwire/serializer/core.hpp>

namespace imapwire::serializer {

/// id_params_list ::= "(" #(string SPACE nstring) ")" / nil
inline void write_id_params(writer& w, const ast::id_params& p) {
    if (p.nil) {
        w.require(p.params.empty());
        w.raw("NIL");
        return;
    }
    w.put('(');
    write_separated(w, p.params, [&](const ast::id_param& kv) {
        write_string_only(w, kv.field);
        w.sp();
        write_nstring(w, kv.value);
    });
    w.put(')');
}

/// "ID" SP id_params_list: after the keyword
inline void write_arguments(writer& w, const ast::id_command& c) {
    w.sp();
    write_id_params(w, c.list);
}

/// id_response ::= "ID" SPACE id_params_list
inline void write_id_data(writer& w, const ast::id_data& d) {
    w.raw("ID ");
    write_id_params(w, d.list);
}

} // namespace imapwire::serializer
