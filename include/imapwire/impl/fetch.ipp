// imapwire: the msg-att grammar (the items of a FETCH response), instantiated once for separate
// compilation (src/fetch.cpp); header-only builds include it through parse.hpp.
#pragma once

#include <imapwire/grammar/config.hpp>
#include <imapwire/grammar/fetch_def.hpp>

#if defined(IMAPWIRE_SEPARATE_COMPILATION)
namespace imapwire::grammar {
BOOST_SPIRIT_INSTANTIATE(msg_att_type, iterator_type, context_type)
} // namespace imapwire::grammar
#endif
