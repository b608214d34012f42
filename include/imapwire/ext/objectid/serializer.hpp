// imapwire serializer, OBJECTID (RFC 8474): the EMAILID and THREADID FETCH items, the MAILBOXID
// code and the EMAILID and THREADID search keys.
#pragma once

#include <imapwire/ext/objectid/ast.hpp>
#include <imapwire/serializer/core.hpp>

namespace imapwire::serializer {

/// "(" objectid ")"
inline void write_objectid_group(writer& w, std::string_view id) {
    w.require(ast::is_objectid(id));
    w.put('(');
    w.raw(id);
    w.put(')');
}

/// "EMAILID" SP "(" objectid ")": after the keyword
inline void write_msg_att_arguments(writer& w, const ast::msg_att_emailid& a) {
    w.sp();
    write_objectid_group(w, a.id);
}
/// "THREADID" SP ( "(" objectid ")" / nil ): after the keyword
inline void write_msg_att_arguments(writer& w, const ast::msg_att_threadid& a) {
    w.sp();
    if (a.id)
        write_objectid_group(w, *a.id);
    else
        w.raw("NIL");
}
/// "MAILBOXID" SP "(" objectid ")": after the keyword
inline void write_code_arguments(writer& w, const ast::code_mailboxid& c) {
    w.sp();
    write_objectid_group(w, c.id);
}
/// "EMAILID" SP objectid / "THREADID" SP objectid
inline void write_search_key_objectid(writer& w, const ast::search_objectid& k) {
    w.require_extension(extension::objectid);
    w.raw(k.which == ast::search_objectid::kind::emailid ? "EMAILID " : "THREADID ");
    w.require(ast::is_objectid(k.id));
    w.raw(k.id);
}

} // namespace imapwire::serializer
