// imapwire grammar: rule declarations for RFC 3501 §9 server responses.
#pragma once

#include <imapwire/ast/response.hpp>
#include <imapwire/grammar/body.hpp>
#include <imapwire/grammar/core.hpp>
#include <imapwire/grammar/fetch.hpp>

#include <vector>

namespace imapwire::grammar {

// Capabilities and response codes
IMAPWIRE_RULE(capability_data, "capability-data", ast::capability_data)
IMAPWIRE_RULE(resp_text_code, "resp-text-code", ast::resp_text_code)
IMAPWIRE_RULE(badcharset_, "resp-text-code", ast::code_badcharset)
IMAPWIRE_RULE(permanentflags_, "resp-text-code", ast::code_permanentflags)
IMAPWIRE_RULE(code_capability_, "resp-text-code", ast::code_capability)
IMAPWIRE_RULE(code_uidnext_, "resp-text-code", ast::code_uidnext)
IMAPWIRE_RULE(code_uidvalidity_, "resp-text-code", ast::code_uidvalidity)
IMAPWIRE_RULE(code_unseen_, "resp-text-code", ast::code_unseen)
IMAPWIRE_RULE(code_other_, "resp-text-code", ast::code_other)
IMAPWIRE_RULE(resp_text, "resp-text", ast::resp_text)
IMAPWIRE_RULE(resp_cond_auth, "resp-cond-auth", ast::resp_cond)
IMAPWIRE_RULE(resp_cond_bye, "resp-cond-bye", ast::resp_cond)
IMAPWIRE_RULE(resp_cond_state, "resp-cond-state", ast::resp_cond)

// Mailbox and message data
IMAPWIRE_RULE(mailbox_data, "mailbox-data", ast::response_data)
IMAPWIRE_RULE(flags_data_, "mailbox-data", ast::flags_data)
IMAPWIRE_RULE(list_data_, "mailbox-data", ast::list_data)
IMAPWIRE_RULE(lsub_data_, "mailbox-data", ast::lsub_data)
IMAPWIRE_RULE(search_data_, "mailbox-data", ast::search_data)
IMAPWIRE_RULE(status_data_, "mailbox-data", ast::status_data)
IMAPWIRE_RULE(exists_data_, "mailbox-data", ast::exists_data)
IMAPWIRE_RULE(recent_data_, "mailbox-data", ast::recent_data)
IMAPWIRE_RULE(resp_cond_data_, "resp-cond-state / resp-cond-bye", ast::resp_cond)
IMAPWIRE_RULE(mailbox_list, "mailbox-list", ast::mailbox_list)
IMAPWIRE_RULE(mbx_list_flags, "mbx-list-flags", ast::vector<ast::flag>)
IMAPWIRE_RULE(mbx_list_oflag, "mbx-list-oflag", ast::flag)
IMAPWIRE_RULE(mbx_list_sflag, "mbx-list-sflag", ast::flag)
IMAPWIRE_RULE(status_att_list, "status-att-list", ast::vector<ast::status_item>)
IMAPWIRE_RULE(status_item_, "status-att SP number", ast::status_item)
IMAPWIRE_RULE(message_data, "message-data", ast::response_data)
IMAPWIRE_RULE(fetch_data_, "message-data", ast::fetch_data)
IMAPWIRE_RULE(expunge_data_, "message-data", ast::expunge_data)

// Responses
IMAPWIRE_RULE(greeting, "greeting", ast::greeting)
IMAPWIRE_RULE(greeting_body_, "resp-cond-auth / resp-cond-bye", ast::resp_cond)
IMAPWIRE_RULE(continue_req, "continue-req", ast::continue_req)
IMAPWIRE_RULE(response_data, "response-data", ast::response_data)
IMAPWIRE_RULE(response_data_body_,
              "resp-cond-state / resp-cond-bye / mailbox-data / message-data / capability-data",
              ast::response_data)
IMAPWIRE_RULE(response_tagged, "response-tagged", ast::response_tagged)
IMAPWIRE_RULE(response_fatal, "response-fatal", ast::resp_cond)
IMAPWIRE_RULE(response_done, "response-done", ast::response)
IMAPWIRE_RULE(response, "response", ast::vector<ast::response>)
IMAPWIRE_RULE(response_message_, "continue-req / response-data / response-tagged", ast::response)
IMAPWIRE_RULE(response_part_, "continue-req / response-data", ast::response)

} // namespace imapwire::grammar
