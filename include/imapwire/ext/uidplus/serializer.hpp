// imapwire serializer, UIDPLUS (RFC 4315): UID EXPUNGE's arguments and the codes' arguments.
#pragma once

#include <imapwire/ext/uidplus/ast.hpp>
#include <imapwire/serializer/core.hpp>

namespace imapwire::serializer {

/// "EXPUNGE" SP sequence-set (after "UID" SP): after the keyword
inline void write_arguments(writer& w, const ast::uid_expunge_command& c) {
    w.sp();
    write_sequence_set(w, c.set);
}

/// What follows the keywords APPENDUID, COPYUID and UIDNOTSTICKY in a resp-text-code.
inline void write_code_arguments(writer& w, const ast::code_appenduid& c) {
    w.sp();
    w.nz_number(c.uidvalidity);
    w.sp();
    write_uid_set(w, c.uids);
}
inline void write_code_arguments(writer& w, const ast::code_copyuid& c) {
    w.sp();
    w.nz_number(c.uidvalidity);
    w.sp();
    write_uid_set(w, c.source);
    w.sp();
    write_uid_set(w, c.destination);
}

} // namespace imapwire::serializer
