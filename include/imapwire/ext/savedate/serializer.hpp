// imapwire serializer, SAVEDATE (RFC 8514): the SAVEDATE FETCH item.
#pragma once

#include <imapwire/ext/savedate/ast.hpp>
#include <imapwire/serializer/core.hpp>

namespace imapwire::serializer {

/// "SAVEDATE" SP (date-time / nil): after the keyword
inline void write_msg_att_arguments(writer& w, const ast::msg_att_savedate& a) {
    w.sp();
    if (a.date)
        write_date_time(w, *a.date);
    else
        w.raw("NIL");
}

} // namespace imapwire::serializer
