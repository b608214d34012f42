// imapwire grammar: rule declarations for the RFC 3501 §9 core data formats.
#pragma once

#include <imapwire/ast/core.hpp>
#include <imapwire/ast/datetime.hpp>
#include <imapwire/ast/fetch.hpp>
#include <imapwire/ast/flag.hpp>
#include <imapwire/ast/mailbox.hpp>
#include <imapwire/ast/sequence.hpp>
#include <imapwire/ast/status.hpp>
#include <imapwire/detail/x3.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace imapwire::grammar {

namespace x3 = boost::spirit::x3;

// Character classes (attribute: the character)
IMAPWIRE_RULE(ATOM_CHAR, "ATOM-CHAR", char)
IMAPWIRE_RULE(ASTRING_CHAR, "ASTRING-CHAR", char)
IMAPWIRE_RULE(TEXT_CHAR, "TEXT-CHAR", char)
IMAPWIRE_RULE(QUOTED_CHAR, "QUOTED-CHAR", char)
IMAPWIRE_RULE(CHAR8, "CHAR8", char)
IMAPWIRE_RULE(atom_specials, "atom-specials", char)
IMAPWIRE_RULE(quoted_specials, "quoted-specials", char)
IMAPWIRE_RULE(resp_specials, "resp-specials", char)
IMAPWIRE_RULE(list_wildcards, "list-wildcards", char)
IMAPWIRE_RULE(list_char, "list-char", char)
IMAPWIRE_RULE(digit_nz, "digit-nz", char)
IMAPWIRE_RULE(base64_char, "base64-char", char)

// Core ABNF helpers (RFC 5234), not §9 productions
IMAPWIRE_RULE(SP_, "SP", x3::unused_type)
IMAPWIRE_RULE(CRLF_, "CRLF", x3::unused_type)

// Tokens and strings
IMAPWIRE_RULE(atom, "atom", std::string_view)
IMAPWIRE_RULE(number, "number", std::uint32_t)
IMAPWIRE_RULE(nz_number, "nz-number", std::uint32_t)
IMAPWIRE_RULE(quoted, "quoted", ast::istring)
IMAPWIRE_RULE(literal, "literal", ast::istring)
IMAPWIRE_RULE(string, "string", ast::istring)
IMAPWIRE_RULE(astring, "astring", ast::istring)
IMAPWIRE_RULE(nstring, "nstring", ast::nstring)
IMAPWIRE_RULE(nil, "nil", x3::unused_type)
IMAPWIRE_RULE(tag, "tag", std::string_view)
IMAPWIRE_RULE(text, "text", std::string_view)
IMAPWIRE_RULE(base64, "base64", std::string_view)
IMAPWIRE_RULE(base64_terminal, "base64-terminal", std::string_view)

// Dates and times
IMAPWIRE_RULE(date_day, "date-day", std::string_view)
IMAPWIRE_RULE(date_day_fixed, "date-day-fixed", std::string_view)
IMAPWIRE_RULE(date_month, "date-month", std::uint8_t)
IMAPWIRE_RULE(date_year, "date-year", std::string_view)
IMAPWIRE_RULE(date_text, "date-text", ast::date)
IMAPWIRE_RULE(date, "date", ast::date)
IMAPWIRE_RULE(time, "time", ast::date_time)
IMAPWIRE_RULE(zone, "zone", ast::date_time)
IMAPWIRE_RULE(date_time, "date-time", ast::date_time)

// Flags
IMAPWIRE_RULE(flag, "flag", ast::flag)
IMAPWIRE_RULE(flag_extension, "flag-extension", ast::flag)
IMAPWIRE_RULE(flag_keyword, "flag-keyword", std::string_view)
IMAPWIRE_RULE(flag_list, "flag-list", ast::flag_list)
IMAPWIRE_RULE(flag_fetch, "flag-fetch", ast::flag)
IMAPWIRE_RULE(flag_perm, "flag-perm", ast::flag)

// Message sets
IMAPWIRE_RULE(seq_number, "seq-number", ast::seq_number)
IMAPWIRE_RULE(seq_range, "seq-range", ast::seq_item)
IMAPWIRE_RULE(sequence_set, "sequence-set", ast::sequence_set)
IMAPWIRE_RULE(uniqueid, "uniqueid", std::uint32_t)

// STATUS items (shared by the STATUS command and its response)
IMAPWIRE_RULE(status_att, "status-att", ast::status_att)

// Capabilities (shared by CAPABILITY responses and codes and by extension commands)
IMAPWIRE_RULE(capability, "capability", std::string_view)

// Mailboxes
IMAPWIRE_RULE(mailbox, "mailbox", ast::mailbox)
IMAPWIRE_RULE(list_mailbox, "list-mailbox", ast::istring)

// Body sections (shared by FETCH commands and responses)
IMAPWIRE_RULE(header_fld_name, "header-fld-name", ast::istring)
IMAPWIRE_RULE(header_list, "header-list", ast::vector<ast::istring>)
IMAPWIRE_RULE(section_msgtext, "section-msgtext", ast::section_text)
IMAPWIRE_RULE(section_text, "section-text", ast::section_text)
IMAPWIRE_RULE(section_part, "section-part", ast::vector<std::uint32_t>)
IMAPWIRE_RULE(section_spec, "section-spec", ast::section)
IMAPWIRE_RULE(section, "section", ast::section)

} // namespace imapwire::grammar
