// imapwire grammar: rule declarations for RFC 3501 §9 search keys (SEARCH, UID SEARCH). The
// recursive search-key is compiled in a unit of its own (src/search.cpp).
#pragma once

#include <imapwire/ast/search.hpp>
#include <imapwire/grammar/config.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(search_key, "search-key", ast::search_key)
IMAPWIRE_RULE(search_simple_, "search-key", ast::search_simple)
IMAPWIRE_RULE(search_string_, "search-key", ast::search_string)
IMAPWIRE_RULE(search_date_, "search-key", ast::search_date)
IMAPWIRE_RULE(search_keyword_, "search-key", ast::search_keyword)
IMAPWIRE_RULE(search_size_, "search-key", ast::search_size)
IMAPWIRE_RULE(search_header_, "search-key", ast::search_header)
IMAPWIRE_RULE(search_uid_, "search-key", ast::search_uid)
IMAPWIRE_RULE(search_set_, "search-key", ast::search_set)
IMAPWIRE_RULE(search_not_, "search-key", ast::search_not)
IMAPWIRE_RULE(search_or_, "search-key", ast::search_or)
IMAPWIRE_RULE(search_group_, "search-key", ast::search_group)

BOOST_SPIRIT_DECLARE(search_key_type)

} // namespace imapwire::grammar
