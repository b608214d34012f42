// imapwire grammar: rule declarations for RFC 3501 §9 msg-att, the items of a FETCH response,
// compiled in a unit of their own (src/fetch.cpp).
#pragma once

#include <imapwire/ast/response.hpp>
#include <imapwire/grammar/body.hpp>
#include <imapwire/grammar/config.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

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
IMAPWIRE_RULE(msg_att_uid_, "msg-att-static", ast::msg_att_uid)

// what the response grammar calls
BOOST_SPIRIT_DECLARE(msg_att_type)

} // namespace imapwire::grammar
