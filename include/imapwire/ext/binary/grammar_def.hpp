// imapwire grammar, BINARY (RFC 3516 §7): rule definitions. Included by the command grammar
// (fetch-att, APPEND's literal8), the FETCH grammar at its extension point (msg-att-static) and
// the response grammar (resp-text-code); the fetch-atts are keyword table entries of the core
// grammar.
#pragma once

#include <imapwire/ext/binary/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 3516 §7 (RFC 4466 §4 adds the "+" of LITERAL+; RFC 9051 §9 takes a number64)
// literal8       =   "~{" number "}" CRLF *OCTET
//                    ; <number> represents the number of OCTETs
//                    ; in the response string.
// (only when BINARY is enabled; "~{n+}" in a client's message as "{n+}" is)
inline const auto literal8_def = literal8_parser{};

// section-binary =   "[" [section-part] "]"
inline const auto section_binary_def = '[' > -section_part[set<&ast::section::part>] > ']';
/// Moves a section-binary's part into the item being parsed.
inline const auto section_binary_part = [](auto& ctx) {
    x3::_val(ctx).part = std::move(x3::_attr(ctx).part);
};

// msg-att-static =/  "BINARY" section-binary SP (nstring / literal8)
// (what follows the keyword: the FETCH item dispatch has read it. §4.3 writes the item
// BINARY<section-binary>[<<number>>]: the offset a partial FETCH started at, as BODY's
// ["<" number ">"], which the ABNF leaves out; it is read here)
inline const auto msg_att_binary__def = x3::eps > section_binary[section_binary_part] >
                                        -('<' > number[set<&ast::msg_att_binary::origin>] >
                                          '>') > SP_
                                        > (literal8[set<&ast::msg_att_binary::data>] |
                                           nstring[set<&ast::msg_att_binary::data>]);
//                    / "BINARY.SIZE" section-binary SP number
inline const auto msg_att_binary_size__def = x3::eps > section_binary[section_binary_part] > SP_ >
                                             number[set<&ast::msg_att_binary_size::size>];

IMAPWIRE_DEFINE(literal8, section_binary, msg_att_binary_, msg_att_binary_size_)

} // namespace imapwire::grammar
