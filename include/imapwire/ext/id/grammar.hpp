// imapwire grammar, ID (RFC 2971): rule declarations.
#pragma once

#include <imapwire/ext/id/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(id, "id", ast::id_command)
IMAPWIRE_RULE(id_response, "id_response", ast::id_data)
IMAPWIRE_RULE(id_params_list, "id_params_list", ast::id_params)
IMAPWIRE_RULE(id_param_, "id_params_list", ast::id_param)

} // namespace imapwire::grammar
