// imapwire grammar: the one iterator and context type every rule is instantiated for, so that
// the grammar can be compiled in several units (BOOST_SPIRIT_DECLARE in an area's header,
// BOOST_SPIRIT_INSTANTIATE in its src/ unit; DESIGN §6).
#pragma once

#include <imapwire/detail/x3.hpp>

namespace imapwire::grammar {

using iterator_type = detail::iterator;
/// What x3::with<state_tag>(state)[rule] gives the rules (impl/parse_common.hpp).
using context_type = boost::spirit::x3::context<detail::state_tag, detail::parse_state,
                                                boost::spirit::x3::unused_type>;

} // namespace imapwire::grammar
