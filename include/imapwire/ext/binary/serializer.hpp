// imapwire serializer, BINARY (RFC 3516): the BINARY[] and BINARY.SIZE[] FETCH items and the
// UNKNOWN-CTE code. (literal8 and section-binary are written by serializer/core.hpp:
// write_string_or_literal8, write_section_binary.)
#pragma once

#include <imapwire/ext/binary/ast.hpp>
#include <imapwire/serializer/core.hpp>

namespace imapwire::serializer {

/// "BINARY" section-binary ["<" number ">"] SP (nstring / literal8): after the keyword
inline void write_msg_att_arguments(writer& w, const ast::msg_att_binary& a) {
    write_section_binary(w, a.part);
    write_origin(w, a.origin);
    w.sp();
    if (a.data)
        write_string_or_literal8(w, *a.data, true);
    else
        w.raw("NIL");
}

/// "BINARY.SIZE" section-binary SP number: after the keyword
inline void write_msg_att_arguments(writer& w, const ast::msg_att_binary_size& a) {
    write_section_binary(w, a.part);
    w.sp();
    w.number(a.size);
}

} // namespace imapwire::serializer
