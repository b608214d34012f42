// imapwire serializer, CONDSTORE (RFC 7162): the MODSEQ FETCH item and the response codes.
#pragma once

#include <imapwire/ext/condstore/ast.hpp>
#include <imapwire/serializer/core.hpp>

#include <string>
#include <string_view>

namespace imapwire::serializer {

/// mod-sequence-value (AllowZero false, 1 to 2^63-1) or mod-sequence-valzer (true).
template <bool AllowZero = false>
void write_mod_sequence(writer& w, std::uint64_t v) {
    w.require((AllowZero || v != 0) && v <= ast::max_mod_sequence);
    w.number(v);
}

/// fetch-mod-resp = "MODSEQ" SP "(" permsg-modsequence ")"
inline void write_msg_att(writer& w, const ast::msg_att_modseq& a) {
    w.raw("MODSEQ (");
    write_mod_sequence(w, a.value);
    w.put(')');
}

/// What follows the keywords HIGHESTMODSEQ, NOMODSEQ and MODIFIED in a resp-text-code.
inline void write_code_arguments(writer& w, const ast::code_highestmodseq& c) {
    w.sp();
    write_mod_sequence(w, c.value);
}
inline void write_code_arguments(writer& w, const ast::code_modified& c) {
    w.sp();
    write_sequence_set(w, c.set);
}

/// search-modsequence = "MODSEQ" [SP entry-name SP entry-type-req] SP mod-sequence-valzer
inline void write_search_key_modseq(writer& w, const ast::search_modseq& k) {
    w.raw("MODSEQ ");
    if (k.entry) {
        // entry-flag-name = DQUOTE "/flags/" attr-flag DQUOTE: always quoted
        const std::string value = k.entry->name.value();
        w.require(ast::is_entry_flag_name(value));
        if (w.options.preserve_forms && k.entry->name.form == ast::string_form::quoted &&
            valid_quoted_data(k.entry->name.data, utf8_quoted_allowed(w.options.extensions))) {
            w.put('"');
            w.raw(k.entry->name.data);
            w.put('"');
        } else {
            write_quoted_value(w, value);
        }
        static constexpr std::string_view types[] = {" priv ", " shared ", " all "};
        w.raw(types[static_cast<int>(k.entry->type)]);
    }
    write_mod_sequence<true>(w, k.modseq);
}

/// What follows the keyword of CONDSTORE's modifiers and parameters (RFC 4466 lists).
inline void write_modifier(writer& w, const ast::fetch_mod_changedsince& m) {
    w.sp();
    write_mod_sequence(w, m.modseq);
}
inline void write_modifier(writer& w, const ast::store_mod_unchangedsince& m) {
    w.sp();
    write_mod_sequence<true>(w, m.modseq);
}
inline void write_modifier(writer&, const ast::select_param_condstore&) {}

} // namespace imapwire::serializer
