// imapwire: the envelope and body-structure grammar, instantiated once for separate compilation
// (src/body.cpp); header-only builds include it through parse.hpp.
#pragma once

#include <imapwire/grammar/body_def.hpp>
#include <imapwire/grammar/config.hpp>

#if defined(IMAPWIRE_SEPARATE_COMPILATION)
namespace imapwire::grammar {
BOOST_SPIRIT_INSTANTIATE(envelope_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(body_type, iterator_type, context_type)
} // namespace imapwire::grammar
#endif
