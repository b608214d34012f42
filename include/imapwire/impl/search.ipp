// imapwire: the search-key grammar (SEARCH, UID SEARCH), instantiated once for separate
// compilation (src/search.cpp); header-only builds include it through parse.hpp.
#pragma once

#include <imapwire/grammar/config.hpp>
#include <imapwire/grammar/search_def.hpp>

#if defined(IMAPWIRE_SEPARATE_COMPILATION)
namespace imapwire::grammar {
BOOST_SPIRIT_INSTANTIATE(search_key_type, iterator_type, context_type)
} // namespace imapwire::grammar
#endif
