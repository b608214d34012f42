// imapwire serializer, PARTIAL (RFC 9394): the partial-range of its return option, ESEARCH data
// and fetch modifier.
#pragma once

#include <imapwire/ext/partial/ast.hpp>
#include <imapwire/serializer/core.hpp>

namespace imapwire::serializer {

/// partial-range = partial-range-first / partial-range-last
inline void write_partial_range(writer& w, const ast::result_range& r) {
    if (r.from_end)
        w.put('-');
    w.nz_number(r.first);
    w.put(':');
    if (r.from_end)
        w.put('-');
    w.nz_number(r.last);
}
/// modifier-partial = "PARTIAL" SP partial-range: what follows the keyword
inline void write_modifier(writer& w, const ast::fetch_mod_partial& m) {
    w.sp();
    write_partial_range(w, m.range);
}

} // namespace imapwire::serializer
