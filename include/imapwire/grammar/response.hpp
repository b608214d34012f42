// imapwire grammar: rule declarations for RFC 3501 §9 server responses.
#pragma once

#include <imapwire/ast/response.hpp>
#include <imapwire/grammar/core.hpp>

#include <vector>

namespace imapwire::grammar {

// Addresses and envelopes
IMAPWIRE_RULE(addr_adl, "addr-adl", ast::nstring)
IMAPWIRE_RULE(addr_host, "addr-host", ast::nstring)
IMAPWIRE_RULE(addr_mailbox, "addr-mailbox", ast::nstring)
IMAPWIRE_RULE(addr_name, "addr-name", ast::nstring)
IMAPWIRE_RULE(address, "address", ast::address)
IMAPWIRE_RULE(env_bcc, "env-bcc", ast::address_list)
IMAPWIRE_RULE(env_cc, "env-cc", ast::address_list)
IMAPWIRE_RULE(env_date, "env-date", ast::nstring)
IMAPWIRE_RULE(env_from, "env-from", ast::address_list)
IMAPWIRE_RULE(env_in_reply_to, "env-in-reply-to", ast::nstring)
IMAPWIRE_RULE(env_message_id, "env-message-id", ast::nstring)
IMAPWIRE_RULE(env_reply_to, "env-reply-to", ast::address_list)
IMAPWIRE_RULE(env_sender, "env-sender", ast::address_list)
IMAPWIRE_RULE(env_subject, "env-subject", ast::nstring)
IMAPWIRE_RULE(env_to, "env-to", ast::address_list)
IMAPWIRE_RULE(envelope, "envelope", ast::envelope)

// Body structure
IMAPWIRE_RULE(body, "body", ast::body)
IMAPWIRE_RULE(body_extension, "body-extension", ast::body_extension)
IMAPWIRE_RULE(body_ext_1part, "body-ext-1part", ast::body_ext_1part)
IMAPWIRE_RULE(body_ext_mpart, "body-ext-mpart", ast::body_ext_mpart)
IMAPWIRE_RULE(body_ext_tail_, "body-fld-dsp", ast::body_ext_tail)
IMAPWIRE_RULE(body_fields, "body-fields", ast::body_fields)
IMAPWIRE_RULE(body_fld_desc, "body-fld-desc", ast::nstring)
IMAPWIRE_RULE(body_fld_dsp, "body-fld-dsp", std::optional<ast::body_fld_dsp>)
IMAPWIRE_RULE(body_fld_enc, "body-fld-enc", ast::istring)
IMAPWIRE_RULE(body_fld_id, "body-fld-id", ast::nstring)
IMAPWIRE_RULE(body_fld_lang, "body-fld-lang", ast::body_fld_lang)
IMAPWIRE_RULE(body_fld_lines, "body-fld-lines", std::uint32_t)
IMAPWIRE_RULE(body_fld_loc, "body-fld-loc", ast::nstring)
IMAPWIRE_RULE(body_fld_md5, "body-fld-md5", ast::nstring)
IMAPWIRE_RULE(body_fld_octets, "body-fld-octets", std::uint32_t)
IMAPWIRE_RULE(body_fld_param, "body-fld-param", ast::body_fld_param)
IMAPWIRE_RULE(body_param_, "string SP string", ast::body_param)
IMAPWIRE_RULE(body_type_1part, "body-type-1part", ast::body_type_1part)
IMAPWIRE_RULE(body_type_basic, "body-type-basic", ast::body_type_basic)
IMAPWIRE_RULE(body_type_mpart, "body-type-mpart", ast::body_type_mpart)
IMAPWIRE_RULE(body_type_msg, "body-type-msg", ast::body_type_msg)
IMAPWIRE_RULE(body_type_text, "body-type-text", ast::body_type_text)
IMAPWIRE_RULE(media_basic, "media-basic", ast::body_type_basic)
IMAPWIRE_RULE(media_message, "media-message", ast::body_type_msg)
IMAPWIRE_RULE(media_subtype, "media-subtype", ast::istring)
IMAPWIRE_RULE(media_text, "media-text", ast::body_type_text)

// Capabilities and response codes
IMAPWIRE_RULE(capability_data, "capability-data", ast::capability_data)
IMAPWIRE_RULE(resp_text_code, "resp-text-code", ast::resp_text_code)
IMAPWIRE_RULE(badcharset_, "resp-text-code", ast::code_badcharset)
IMAPWIRE_RULE(permanentflags_, "resp-text-code", ast::code_permanentflags)
IMAPWIRE_RULE(resp_text, "resp-text", ast::resp_text)
IMAPWIRE_RULE(resp_cond_auth, "resp-cond-auth", ast::resp_cond)
IMAPWIRE_RULE(resp_cond_bye, "resp-cond-bye", ast::resp_cond)
IMAPWIRE_RULE(resp_cond_state, "resp-cond-state", ast::resp_cond)

// Mailbox and message data
IMAPWIRE_RULE(mailbox_data, "mailbox-data", ast::response_data)
IMAPWIRE_RULE(mailbox_list, "mailbox-list", ast::mailbox_list)
IMAPWIRE_RULE(mbx_list_flags, "mbx-list-flags", ast::vector<ast::flag>)
IMAPWIRE_RULE(mbx_list_oflag, "mbx-list-oflag", ast::flag)
IMAPWIRE_RULE(mbx_list_sflag, "mbx-list-sflag", ast::flag)
IMAPWIRE_RULE(status_att_list, "status-att-list", ast::vector<ast::status_item>)
IMAPWIRE_RULE(status_item_, "status-att SP number", ast::status_item)
IMAPWIRE_RULE(message_data, "message-data", ast::response_data)
IMAPWIRE_RULE(msg_att, "msg-att", ast::vector<ast::msg_att_item>)
IMAPWIRE_RULE(msg_att_dynamic, "msg-att-dynamic", ast::msg_att_item)
IMAPWIRE_RULE(msg_att_flags_, "msg-att-dynamic", ast::msg_att_flags)
IMAPWIRE_RULE(msg_att_static, "msg-att-static", ast::msg_att_item)
IMAPWIRE_RULE(msg_att_body_section_, "msg-att-static", ast::msg_att_body_section)
IMAPWIRE_RULE(msg_att_envelope_, "msg-att-static", ast::msg_att_envelope)
IMAPWIRE_RULE(msg_att_internaldate_, "msg-att-static", ast::msg_att_internaldate)
IMAPWIRE_RULE(msg_att_rfc822_, "msg-att-static", ast::msg_att_rfc822)
IMAPWIRE_RULE(msg_att_rfc822_size_, "msg-att-static", ast::msg_att_rfc822_size)
IMAPWIRE_RULE(msg_att_body_, "msg-att-static", ast::msg_att_body)
IMAPWIRE_RULE(msg_att_bodystructure_, "msg-att-static", ast::msg_att_body)
IMAPWIRE_RULE(msg_att_uid_, "msg-att-static", ast::msg_att_uid)
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
