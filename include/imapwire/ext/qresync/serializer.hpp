// imapwire serializer, QRESYNC (RFC 7162 §3.2): its select-param, its FETCH modifier, the
// VANISHED response.
#pragma once

#include <imapwire/ext/condstore/serializer.hpp>
#include <imapwire/ext/qresync/ast.hpp>
#include <imapwire/serializer/core.hpp>

namespace imapwire::serializer {

/// "QRESYNC" SP "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")":
/// after the keyword
inline void write_modifier(writer& w, const ast::select_param_qresync& p) {
    w.raw(" (");
    w.nz_number(p.uidvalidity);
    w.sp();
    write_mod_sequence(w, p.modseq);
    if (p.known_uids) {
        w.sp();
        write_uid_set(w, *p.known_uids);
    }
    if (p.match) {
        w.raw(" (");
        write_uid_set(w, p.match->known_sequence_set);
        w.sp();
        write_uid_set(w, p.match->known_uid_set);
        w.put(')');
    }
    w.put(')');
}

/// "VANISHED": nothing after the keyword, and only in UID FETCH
inline void write_modifier(writer& w, const ast::fetch_mod_vanished&) {
    w.require(w.in_uid);
}

/// expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids
inline void write_vanished_data(writer& w, const ast::vanished_data& d) {
    w.raw(d.earlier ? "VANISHED (EARLIER) " : "VANISHED ");
    write_uid_set(w, d.uids);
}

} // namespace imapwire::serializer
