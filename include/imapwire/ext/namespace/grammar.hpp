// imapwire grammar, NAMESPACE (RFC 2342): rule declarations, named as RFC 9051 §9 spells them.
#pragma once

#include <imapwire/ext/namespace/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(namespace_response, "namespace-response", ast::namespace_data)
IMAPWIRE_RULE(namespace_, "namespace", ast::vector<ast::namespace_descr>)
IMAPWIRE_RULE(namespace_descr, "namespace-descr", ast::namespace_descr)
IMAPWIRE_RULE(namespace_response_extension, "namespace-response-extension",
              ast::namespace_extension)

} // namespace imapwire::grammar
