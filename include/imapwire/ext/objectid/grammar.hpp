// imapwire grammar, OBJECTID (RFC 8474): rule declarations.
#pragma once

#include <imapwire/ext/objectid/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(objectid, "objectid", std::string_view)
IMAPWIRE_RULE(fetch_emailid_resp, "fetch-emailid-resp", ast::msg_att_emailid)
IMAPWIRE_RULE(fetch_threadid_resp, "fetch-threadid-resp", ast::msg_att_threadid)
IMAPWIRE_RULE(code_mailboxid_, "resp-text-code", ast::code_mailboxid)
IMAPWIRE_RULE(search_objectid_, "search-key", ast::search_objectid)

} // namespace imapwire::grammar
