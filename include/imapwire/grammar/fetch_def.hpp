// imapwire grammar: definitions of RFC 3501 §9 msg-att. Included by impl/fetch.ipp only.
#pragma once

#include <imapwire/grammar/core_def.hpp>
#include <imapwire/grammar/fetch.hpp>

namespace imapwire::grammar {

// "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"
inline const auto msg_att_flags__def = (kw("FLAGS") >> SP_) > '(' >
                                       -(flag_fetch[push<&ast::msg_att_flags::flags>] % SP_) > ')';
// msg-att-dynamic = "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"
inline const auto msg_att_dynamic_def = msg_att_flags_[assign];

// "BODY" section ["<" number ">"] SP nstring
inline const auto
    msg_att_body_section__def = (kw("BODY") >> &x3::lit('[')) >
                                section[set<&ast::msg_att_body_section::section>] >
                                -('<' > number[set<&ast::msg_att_body_section::origin>] > '>') > SP_
                                > nstring[set<&ast::msg_att_body_section::data>];

// The items of msg-att-static, each parsed straight into its alternative of msg_att_item once
// its keyword has matched (the rules below take what follows the keyword and SP).
inline const auto msg_att_envelope__def = envelope[set<&ast::msg_att_envelope::envelope>];
inline const auto msg_att_internaldate__def = date_time[set<&ast::msg_att_internaldate::date>];
template <ast::msg_att_rfc822::part P>
inline constexpr auto rfc822_part = set_value<&ast::msg_att_rfc822::which, P>;
// what follows "RFC822": [".HEADER" / ".TEXT"] SP nstring
inline const auto msg_att_rfc822__def =
    ((kw(".HEADER")[rfc822_part<ast::msg_att_rfc822::part::header>] |
      kw(".TEXT")[rfc822_part<ast::msg_att_rfc822::part::text>] | x3::eps) >>
     SP_) > nstring[set<&ast::msg_att_rfc822::data>];
inline const auto msg_att_rfc822_size__def = number[set<&ast::msg_att_rfc822_size::size>];
inline const auto msg_att_body__def = body[set<&ast::msg_att_body::body>];
inline const auto msg_att_bodystructure__def =
    x3::eps[set_value<&ast::msg_att_body::structure, true>] >> body[set<&ast::msg_att_body::body>];
inline const auto msg_att_uid__def = uniqueid[set<&ast::msg_att_uid::uid>];

// msg-att-static  = "ENVELOPE" SP envelope / "INTERNALDATE" SP date-time /
//                   "RFC822" [".HEADER" / ".TEXT"] SP nstring /
//                   "RFC822.SIZE" SP number /
//                   "BODY" ["STRUCTURE"] SP body /
//                   "BODY" section ["<" number ">"] SP nstring /
//                   "UID" SP uniqueid
// (longest keywords first: PEG takes the first match)
inline const auto msg_att_static_def =
    ((kw("ENVELOPE") >> SP_) > msg_att_envelope_[assign]) |
    ((kw("INTERNALDATE") >> SP_) > msg_att_internaldate_[assign]) |
    ((kw("RFC822.SIZE") >> SP_) > msg_att_rfc822_size_[assign]) |
    (kw("RFC822") >> msg_att_rfc822_[assign]) |
    ((kw("BODYSTRUCTURE") >> SP_) > msg_att_bodystructure_[assign]) |
    (&kw("BODY[") >> msg_att_body_section_[assign]) |
    ((kw("BODY") >> SP_) > msg_att_body_[assign]) | ((kw("UID") >> SP_) > msg_att_uid_[assign]);
// msg-att         = "(" (msg-att-dynamic / msg-att-static)
//                    *(SP (msg-att-dynamic / msg-att-static)) ")"
// (room for eight items at once: a FETCH rarely has more)
inline const auto
    msg_att_def = (x3::eps[reserve<8>] >> '(') >
                  (((&kw("FLAGS") >> msg_att_dynamic[push_val]) | msg_att_static[push_val]) % SP_) >
                  ')';

IMAPWIRE_DEFINE(msg_att, msg_att_dynamic, msg_att_flags_, msg_att_static, msg_att_body_section_,
                msg_att_envelope_, msg_att_internaldate_, msg_att_rfc822_, msg_att_rfc822_size_,
                msg_att_body_, msg_att_bodystructure_, msg_att_uid_)

} // namespace imapwire::grammar
