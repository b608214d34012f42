// imapwire grammar: rule declarations for RFC 3501 §9 envelopes and body structures (FETCH
// ENVELOPE, BODY, BODYSTRUCTURE), compiled in a unit of their own (src/body.cpp).
#pragma once

#include <imapwire/ast/body.hpp>
#include <imapwire/ast/envelope.hpp>
#include <imapwire/grammar/config.hpp>
#include <imapwire/grammar/core.hpp>

#include <optional>

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
IMAPWIRE_RULE(body_fld_lines, "body-fld-lines", std::uint64_t)
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

// what the response grammar calls
BOOST_SPIRIT_DECLARE(envelope_type, body_type)

} // namespace imapwire::grammar
