// imapwire grammar, ESEARCH (RFC 4731, on RFC 4466's syntax): rule declarations.
#pragma once

#include <imapwire/ext/esearch/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(search_return_opts, "search-return-opts", ast::vector<ast::search_return_opt>)
IMAPWIRE_RULE(esearch_response, "esearch-response", ast::esearch_data)
IMAPWIRE_RULE(search_correlator, "search-correlator", ast::istring)
IMAPWIRE_RULE(search_return_data, "search-return-data", ast::search_return_data)
IMAPWIRE_RULE(esearch_min_, "search-return-data", ast::esearch_min)
IMAPWIRE_RULE(esearch_max_, "search-return-data", ast::esearch_max)
IMAPWIRE_RULE(esearch_all_, "search-return-data", ast::esearch_all)
IMAPWIRE_RULE(esearch_count_, "search-return-data", ast::esearch_count)
IMAPWIRE_RULE(esearch_modseq_, "search-return-data", ast::esearch_modseq)

} // namespace imapwire::grammar
