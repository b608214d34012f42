// imapwire AST, SAVEDATE (RFC 8514): the SAVEDATE FETCH item. Its fetch-att and search keys
// are enumerators of the core's keyword tables (fetch_att_kind::savedate, search_date_kind's
// saved*, search_flag_key::savedatesupported).
#pragma once

#include <imapwire/ast/datetime.hpp>

#include <optional>

namespace imapwire::ast {

/// RFC 8514 §5 `msg-att-static =/ "SAVEDATE" SP (date-time / nil)`: when the message was saved
/// into the mailbox; NIL where the mailbox does not keep it.
struct msg_att_savedate {
    std::optional<date_time> date{};
    friend bool operator==(const msg_att_savedate&, const msg_att_savedate&) = default;
};

} // namespace imapwire::ast
