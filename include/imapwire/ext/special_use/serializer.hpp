// imapwire serializer, CREATE-SPECIAL-USE and SPECIAL-USE (RFC 6154): CREATE's USE parameter
// and the USEATTR code. (The SPECIAL-USE option is written by ext/list_extended/serializer.hpp.)
#pragma once

#include <imapwire/ext/special_use/ast.hpp>
#include <imapwire/serializer/core.hpp>

namespace imapwire::serializer {

/// "USE" SP "(" [use-attr *(SP use-attr)] ")": after the keyword. use-attr is "\" atom.
inline void write_modifier(writer& w, const ast::create_param_use& p) {
    w.raw(" (");
    write_separated(w, p.attributes, [&](const ast::flag& f) {
        w.require(f.text.size() > 1 && f.text.front() == '\\');
        write_flag(w, f);
    });
    w.put(')');
}

} // namespace imapwire::serializer
