// imapwire grammar: definitions of RFC 3501 §9 envelopes and body structures. Included by
// impl/body.ipp only.
#pragma once

#include <imapwire/grammar/body.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

/// _pass = the attribute (a quoted string) has the value `Word`, any case.
template <const std::string_view& Word>
struct quoted_is_t {
    template <class Ctx>
    void operator()(Ctx& ctx) const {
        const ast::istring& s = x3::_attr(ctx);
        x3::_pass(ctx) = s.form == ast::string_form::quoted && iequals(s.value(), Word);
    }
};
inline constexpr std::string_view word_message = "MESSAGE";
inline constexpr std::string_view word_rfc822 = "RFC822";
inline constexpr std::string_view word_text = "TEXT";
inline constexpr std::string_view word_global = "GLOBAL";

// --- addresses and envelopes ------------------------------------------------------------------

// addr-adl        = nstring
inline const auto addr_adl_def = nstring;
// addr-host       = nstring
inline const auto addr_host_def = nstring;
// addr-mailbox    = nstring
inline const auto addr_mailbox_def = nstring;
// addr-name       = nstring
inline const auto addr_name_def = nstring;
// address         = "(" addr-name SP addr-adl SP addr-mailbox SP
//                   addr-host ")"
inline const auto address_def =
    '(' > addr_name[set<&ast::address::name>] > SP_ > addr_adl[set<&ast::address::adl>] > SP_ >
    addr_mailbox[set<&ast::address::mailbox>] > SP_ > addr_host[set<&ast::address::host>] > ')';

// "(" 1*address ")" / nil  (no SP between the addresses)
inline const auto address_list_p = ('(' > +address[push_opt] > ')') | nil;
// env-bcc         = "(" 1*address ")" / nil
inline const auto env_bcc_def = address_list_p;
// env-cc          = "(" 1*address ")" / nil
inline const auto env_cc_def = address_list_p;
// env-date        = nstring
inline const auto env_date_def = nstring;
// env-from        = "(" 1*address ")" / nil
inline const auto env_from_def = address_list_p;
// env-in-reply-to = nstring
inline const auto env_in_reply_to_def = nstring;
// env-message-id  = nstring
inline const auto env_message_id_def = nstring;
// env-reply-to    = "(" 1*address ")" / nil
inline const auto env_reply_to_def = address_list_p;
// env-sender      = "(" 1*address ")" / nil
inline const auto env_sender_def = address_list_p;
// env-subject     = nstring
inline const auto env_subject_def = nstring;
// env-to          = "(" 1*address ")" / nil
inline const auto env_to_def = address_list_p;
// envelope        = "(" env-date SP env-subject SP env-from SP
//                   env-sender SP env-reply-to SP env-to SP env-cc SP
//                   env-bcc SP env-in-reply-to SP env-message-id ")"
inline const auto envelope_def =
    '(' > env_date[set<&ast::envelope::date>] > SP_ > env_subject[set<&ast::envelope::subject>] >
    SP_ > env_from[set<&ast::envelope::from>] > SP_ > env_sender[set<&ast::envelope::sender>] >
    SP_ > env_reply_to[set<&ast::envelope::reply_to>] > SP_ > env_to[set<&ast::envelope::to>] >
    SP_ > env_cc[set<&ast::envelope::cc>] > SP_ > env_bcc[set<&ast::envelope::bcc>] > SP_ >
    env_in_reply_to[set<&ast::envelope::in_reply_to>] > SP_ >
    env_message_id[set<&ast::envelope::message_id>] > ')';

// --- body structure ---------------------------------------------------------------------------

// body-fld-desc   = nstring
inline const auto body_fld_desc_def = nstring;
// body-fld-id     = nstring
inline const auto body_fld_id_def = nstring;
// body-fld-loc    = nstring
inline const auto body_fld_loc_def = nstring;
// body-fld-md5    = nstring
inline const auto body_fld_md5_def = nstring;
// body-fld-lines  = number
// RFC 9051 §9 (IMAP4rev2):
// body-fld-lines  = number64
inline const auto body_fld_lines_def = number_or_64;
// body-fld-octets = number
inline const auto body_fld_octets_def = number;
// body-fld-enc    = (DQUOTE ("7BIT" / "8BIT" / "BINARY" / "BASE64"/
//                   "QUOTED-PRINTABLE") DQUOTE) / string
// (the quoted keywords are strings too; the value tells them apart)
inline const auto body_fld_enc_def = string;

inline const auto body_param__def =
    string[set<&ast::body_param::attribute>] > SP_ > string[set<&ast::body_param::value>];
// body-fld-param  = "(" string SP string *(SP string SP string) ")" / nil
inline const auto body_fld_param_def = ('(' > (body_param_[push_opt] % SP_) > ')') | nil;
// body-fld-dsp    = "(" string SP body-fld-param ")" / nil
inline const auto body_fld_dsp_def =
    ('(' > string[([](auto& ctx) { x3::_val(ctx).emplace().type = x3::_attr(ctx); })] > SP_ >
     body_fld_param[([](auto& ctx) { x3::_val(ctx)->params = std::move(x3::_attr(ctx)); })] > ')') |
    nil;
// body-fld-lang   = nstring / "(" string *(SP string) ")"
inline const auto body_fld_lang_def =
    nstring[assign] | ('(' > (string[([](auto& ctx) {
                                  auto& v = x3::_val(ctx);
                                  if (!std::holds_alternative<ast::vector<ast::istring>>(v))
                                      v = ast::vector<ast::istring>{};
                                  auto& list = std::get<ast::vector<ast::istring>>(v);
                                  if (!check_items(ctx, list))
                                      return;
                                  list.push_back(x3::_attr(ctx));
                              })] %
                              SP_) > ')');
// body-extension  = nstring / number /
//                    "(" body-extension *(SP body-extension) ")"
// (recursive, bounded by parse_options::max_depth)
inline const auto body_extension_def =
    depth_guard[nstring[set<&ast::body_extension::v>] | number[set<&ast::body_extension::v>] |
                ('(' > (body_extension[([](auto& ctx) {
                            auto& v = x3::_val(ctx).v;
                            if (!std::holds_alternative<ast::vector<ast::body_extension>>(v))
                                v = ast::vector<ast::body_extension>{};
                            auto& list = std::get<ast::vector<ast::body_extension>>(v);
                            if (!check_items(ctx, list))
                                return;
                            list.push_back(std::move(x3::_attr(ctx)));
                        })] %
                        SP_) > ')')];

template <std::uint8_t N>
inline constexpr auto tail_fields = set_value<&ast::body_ext_tail::fields, N>;
// [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
inline const auto body_ext_tail__def =
    x3::eps[tail_fields<1>] >>
    -(SP_ >> body_fld_dsp[set<&ast::body_ext_tail::disposition>][tail_fields<2>] >>
      -(SP_ >> body_fld_lang[set<&ast::body_ext_tail::language>][tail_fields<3>] >>
        -(SP_ >> body_fld_loc[set<&ast::body_ext_tail::location>][tail_fields<4>] >>
          *(SP_ >> body_extension[push<&ast::body_ext_tail::extensions>]))));
// body-ext-1part  = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang
//                   [SP body-fld-loc *(SP body-extension)]]]
inline const auto body_ext_1part_def =
    body_fld_md5[set<&ast::body_ext_1part::md5>] >> body_ext_tail_[set<&ast::body_ext_1part::tail>];
// body-ext-mpart  = body-fld-param [SP body-fld-dsp [SP body-fld-lang
//                   [SP body-fld-loc *(SP body-extension)]]]
inline const auto body_ext_mpart_def = body_fld_param[set<&ast::body_ext_mpart::params>] >>
                                       body_ext_tail_[set<&ast::body_ext_mpart::tail>];

// body-fields     = body-fld-param SP body-fld-id SP body-fld-desc SP
//                   body-fld-enc SP body-fld-octets
inline const auto body_fields_def = body_fld_param[set<&ast::body_fields::params>] > SP_ >
                                    body_fld_id[set<&ast::body_fields::id>] > SP_ >
                                    body_fld_desc[set<&ast::body_fields::description>] > SP_ >
                                    body_fld_enc[set<&ast::body_fields::encoding>] > SP_ >
                                    body_fld_octets[set<&ast::body_fields::octets>];

// media-subtype   = string
inline const auto media_subtype_def = string;
// media-basic     = ((DQUOTE ("APPLICATION" / "AUDIO" / "IMAGE" /
//                   "MESSAGE" / "VIDEO") DQUOTE) / string) SP
//                   media-subtype
inline const auto media_basic_def = string[set<&ast::body_type_basic::media_type>] >> SP_ >>
                                    media_subtype[set<&ast::body_type_basic::media_subtype>];
// media-message   = DQUOTE "MESSAGE" DQUOTE SP DQUOTE "RFC822" DQUOTE
// RFC 9051 §9 (IMAP4rev2) and RFC 9755 §6 (UTF8=ACCEPT):
// media-message   = DQUOTE "MESSAGE" DQUOTE SP
//                   DQUOTE ("RFC822" / "GLOBAL") DQUOTE
inline const auto media_message_def =
    quoted[quoted_is_t<word_message>{}][set<&ast::body_type_msg::media_type>] >> SP_ >>
    (quoted[quoted_is_t<word_rfc822>{}] |
     (utf8_enabled >> quoted[quoted_is_t<word_global>{}]))[set<&ast::body_type_msg::media_subtype>];
// media-text      = DQUOTE "TEXT" DQUOTE SP media-subtype
inline const auto media_text_def =
    quoted[quoted_is_t<word_text>{}][set<&ast::body_type_text::media_type>] >> SP_ >>
    media_subtype[set<&ast::body_type_text::media_subtype>];

// body-type-basic = media-basic SP body-fields
inline const auto body_type_basic_def =
    media_basic[assign] >> SP_ >> body_fields[set<&ast::body_type_basic::fields>];
// body-type-msg   = media-message SP body-fields SP envelope
//                   SP body SP body-fld-lines
inline const auto body_type_msg_def =
    media_message[assign] >> SP_ >> body_fields[set<&ast::body_type_msg::fields>] >> SP_ >>
    envelope[set<&ast::body_type_msg::envelope>] >> SP_ >> body[set<&ast::body_type_msg::body>] >>
    SP_ >> body_fld_lines[set<&ast::body_type_msg::lines>];
// body-type-text  = media-text SP body-fields SP body-fld-lines
inline const auto body_type_text_def = media_text[assign] >> SP_ >>
                                       body_fields[set<&ast::body_type_text::fields>] >> SP_ >>
                                       body_fld_lines[set<&ast::body_type_text::lines>];
// body-type-1part = (body-type-basic / body-type-msg / body-type-text)
//                   [SP body-ext-1part]
// (MESSAGE/RFC822, MESSAGE/GLOBAL where allowed, and TEXT first: PEG takes the first match and
// basic matches them too. Those two are tried only when their quoted media type is ahead: it has
// one spelling but for case. If the rest does not fit, basic still can.)
inline const auto body_type_1part_def =
    ((&(kw(R"("MESSAGE" ")") >> (kw(R"(RFC822")") | (utf8_enabled >> kw(R"(GLOBAL")")))) >>
      body_type_msg[set<&ast::body_type_1part::part>]) |
     (&kw(R"("TEXT")") >> body_type_text[set<&ast::body_type_1part::part>]) |
     body_type_basic[set<&ast::body_type_1part::part>]) >>
    -(SP_ >> body_ext_1part[set<&ast::body_type_1part::extension>]);
// body-type-mpart = 1*body SP media-subtype
//                   [SP body-ext-mpart]
inline const auto body_type_mpart_def = (+body[push<&ast::body_type_mpart::parts>] >> SP_) >
                                        media_subtype[set<&ast::body_type_mpart::media_subtype>] >
                                        -(SP_ >>
                                          body_ext_mpart[set<&ast::body_type_mpart::extension>]);
// body            = "(" (body-type-1part / body-type-mpart) ")"
// (recursive, bounded by parse_options::max_depth)
// (a multipart body starts with its first part's "(")
inline const auto body_def =
    depth_guard[('(' >> ((&x3::lit('(') >> body_type_mpart[set<&ast::body::v>]) |
                         body_type_1part[set<&ast::body::v>])) > ')'];

IMAPWIRE_DEFINE(addr_adl, addr_host, addr_mailbox, addr_name, address, env_bcc, env_cc, env_date,
                env_from, env_in_reply_to, env_message_id, env_reply_to, env_sender, env_subject,
                env_to, envelope, body_fld_desc, body_fld_id, body_fld_loc, body_fld_md5,
                body_fld_lines, body_fld_octets, body_fld_enc, body_param_, body_fld_param,
                body_fld_dsp, body_fld_lang, body_extension, body_ext_tail_, body_ext_1part,
                body_ext_mpart, body_fields, media_subtype, media_basic, media_message, media_text,
                body_type_basic, body_type_msg, body_type_text, body_type_1part, body_type_mpart,
                body)

} // namespace imapwire::grammar
