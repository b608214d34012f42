// imapwire grammar, UIDONLY (RFC 9586): rule declarations.
#pragma once

#include <imapwire/ast/response.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(uidfetch_resp, "uidfetch-resp", ast::uidfetch_data)

} // namespace imapwire::grammar
