// imapwire grammar, CONDSTORE (RFC 7162): rule declarations.
#pragma once

#include <imapwire/ext/condstore/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(fetch_mod_resp, "fetch-mod-resp", ast::msg_att_modseq)
IMAPWIRE_RULE(code_highestmodseq_, "resp-text-code", ast::code_highestmodseq)
IMAPWIRE_RULE(code_modified_, "resp-text-code", ast::code_modified)
IMAPWIRE_RULE(chgsince_fetch_mod, "chgsince-fetch-mod", ast::fetch_mod_changedsince)
IMAPWIRE_RULE(unchgsince_store_mod_, "store-modifier", ast::store_mod_unchangedsince)
IMAPWIRE_RULE(condstore_param, "condstore-param", ast::select_param_condstore)
IMAPWIRE_RULE(search_modsequence, "search-modsequence", ast::search_modseq)
IMAPWIRE_RULE(search_modseq_ext, "search-modseq-ext", ast::search_modseq_entry)

} // namespace imapwire::grammar
