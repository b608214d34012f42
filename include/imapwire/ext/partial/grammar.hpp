// imapwire grammar, PARTIAL (RFC 9394): rule declarations.
#pragma once

#include <imapwire/ext/partial/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(partial_range, "partial-range", ast::result_range)
IMAPWIRE_RULE(search_return_partial_, "modifier-partial", ast::search_return_partial)
IMAPWIRE_RULE(ret_data_partial, "ret-data-partial", ast::esearch_partial)
IMAPWIRE_RULE(fetch_mod_partial_, "modifier-partial", ast::fetch_mod_partial)

} // namespace imapwire::grammar
