// imapwire grammar, QRESYNC (RFC 7162 §7): rule declarations.
#pragma once

#include <imapwire/ext/qresync/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(select_param_qresync_, "select-param", ast::select_param_qresync)
IMAPWIRE_RULE(seq_match_data, "seq-match-data", ast::seq_match_data)
IMAPWIRE_RULE(known_uids, "known-uids", ast::uid_set)
IMAPWIRE_RULE(rexpunges_fetch_mod, "rexpunges-fetch-mod", ast::fetch_mod_vanished)
IMAPWIRE_RULE(expunged_resp, "expunged-resp", ast::vanished_data)

} // namespace imapwire::grammar
