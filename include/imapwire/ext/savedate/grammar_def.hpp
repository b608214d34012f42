// imapwire grammar, SAVEDATE (RFC 8514 §5): rule definitions. Included by the FETCH grammar at
// its extension point (msg-att-static); the fetch-att and the search keys are keyword table
// entries of the core grammar.
#pragma once

#include <imapwire/ext/savedate/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 8514 §5
// msg-att-static =/ "SAVEDATE" SP (date-time / nil)
// (what follows the keyword: the FETCH item dispatch has read it)
inline const auto msg_att_savedate__def = SP_ >
                                          (date_time[set<&ast::msg_att_savedate::date>] | nil);

IMAPWIRE_DEFINE(msg_att_savedate_)

} // namespace imapwire::grammar
