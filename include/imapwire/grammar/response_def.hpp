// imapwire grammar: definitions of RFC 3501 §9 server responses. Included only by impl/*.ipp.
#pragma once

#include <imapwire/grammar/command_def.hpp>
#include <imapwire/grammar/response.hpp>
// extensions that add response data (one line each; ext/registry.hpp)
#include <imapwire/ext/enable/grammar_def.hpp>

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
inline const auto body_fld_lines_def = number;
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
inline const auto media_message_def =
    quoted[quoted_is_t<word_message>{}][set<&ast::body_type_msg::media_type>] >> SP_ >>
    quoted[quoted_is_t<word_rfc822>{}][set<&ast::body_type_msg::media_subtype>];
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
// (MESSAGE/RFC822 and TEXT first: PEG takes the first match and basic matches them too. Those
// two are tried only when their quoted media type is ahead: it has one spelling but for case.
// If the rest does not fit, basic still can.)
inline const auto body_type_1part_def =
    ((&kw(R"("MESSAGE" "RFC822")") >> body_type_msg[set<&ast::body_type_1part::part>]) |
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

// --- capabilities and response codes -----------------------------------------------------------

inline constexpr auto has_imap4rev1 = [](auto& ctx) {
    bool found = false;
    for (std::string_view c : x3::_val(ctx).capabilities)
        found = found || iequals(c, "IMAP4rev1");
    x3::_pass(ctx) = found;
};
// capability-data = "CAPABILITY" *(SP capability) SP "IMAP4rev1"
//                   *(SP capability)
inline const auto capability_data_def =
    kw("CAPABILITY") >>
    +(SP_ >> capability[push<&ast::capability_data::capabilities>]) >> x3::eps[has_imap4rev1];

inline const auto code_end = &x3::lit(']');
// a number too large for the named code leaves the code to the generic form
inline constexpr auto soft_nz_number = number_parser<true, true>{};
// "BADCHARSET" [SP "(" astring *(SP astring) ")" ]
inline const auto badcharset__def =
    kw("BADCHARSET") >>
    -(SP_ >> '(' >> (astring[push<&ast::code_badcharset::charsets>] % SP_) >> ')') >> code_end;
// "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")"
inline const auto permanentflags__def = kw("PERMANENTFLAGS") >> SP_ >> '(' >>
                                        -(flag_perm[push<&ast::code_permanentflags::flags>] %
                                          SP_) >>
                                        ')' >> code_end;
// resp-text-code  = "ALERT" /
//                   "BADCHARSET" [SP "(" astring *(SP astring) ")" ] /
//                   capability-data / "PARSE" /
//                   "PERMANENTFLAGS" SP "("
//                   [flag-perm *(SP flag-perm)] ")" /
//                   "READ-ONLY" / "READ-WRITE" / "TRYCREATE" /
//                   "UIDNEXT" SP nz-number / "UIDVALIDITY" SP nz-number /
//                   "UNSEEN" SP nz-number /
//                   atom [SP 1*<any TEXT-CHAR except "]">]
// (no expectation points: a code that does not fit a named form is still the atom form)
inline const auto resp_text_code_def =
    (kw("ALERT") >> code_end)[assign_type<ast::code_alert>] | badcharset_[assign] |
    (capability_data >> code_end)[([](auto& ctx) {
        x3::_val(ctx) = ast::code_capability{std::move(x3::_attr(ctx).capabilities)};
    })] |
    (kw("PARSE") >> code_end)[assign_type<ast::code_parse>] | permanentflags_[assign] |
    (kw("READ-ONLY") >> code_end)[assign_type<ast::code_read_only>] |
    (kw("READ-WRITE") >> code_end)[assign_type<ast::code_read_write>] |
    (kw("TRYCREATE") >> code_end)[assign_type<ast::code_trycreate>] |
    (kw("UIDNEXT") >> SP_ >> soft_nz_number >>
     code_end)[([](auto& ctx) { x3::_val(ctx) = ast::code_uidnext{x3::_attr(ctx)}; })] |
    (kw("UIDVALIDITY") >> SP_ >> soft_nz_number >>
     code_end)[([](auto& ctx) { x3::_val(ctx) = ast::code_uidvalidity{x3::_attr(ctx)}; })] |
    (kw("UNSEEN") >> SP_ >> soft_nz_number >>
     code_end)[([](auto& ctx) { x3::_val(ctx) = ast::code_unseen{x3::_attr(ctx)}; })] |
    (atom >> -(SP_ >> chars_parser<cc_text_nobr>{}))[([](auto& ctx) {
        auto& a = x3::_attr(ctx);
        const auto& text = boost::fusion::at_c<1>(a); // a boost::optional
        x3::_val(ctx) =
            ast::code_other{boost::fusion::at_c<0>(a),
                            text ? std::optional<std::string_view>(*text) : std::nullopt};
    })];
// resp-text       = ["[" resp-text-code "]" SP] text
// (a "[" that does not open a valid code followed by "] " and text is part of the text; while
// the code is tried, strings fail rather than report errors, so the text can take the line)
inline const auto resp_text_def =
    -soft['[' >> resp_text_code >> ']' >> SP_ >> &TEXT_CHAR][set<&ast::resp_text::code>] >>
    text[set<&ast::resp_text::text>];

template <ast::condition C>
inline constexpr auto cond_is = set_value<&ast::resp_cond::status, C>;
// resp-cond-auth  = ("OK" / "PREAUTH") SP resp-text
inline const auto resp_cond_auth_def =
    ((kw("OK")[cond_is<ast::condition::ok>] | kw("PREAUTH")[cond_is<ast::condition::preauth>]) >>
     SP_) > resp_text[set<&ast::resp_cond::text>];
// resp-cond-bye   = "BYE" SP resp-text
inline const auto resp_cond_bye_def =
    (kw("BYE")[cond_is<ast::condition::bye>] >> SP_) > resp_text[set<&ast::resp_cond::text>];
// resp-cond-state = ("OK" / "NO" / "BAD") SP resp-text
inline const auto resp_cond_state_def =
    ((kw("OK")[cond_is<ast::condition::ok>] | kw("NO")[cond_is<ast::condition::no>] |
      kw("BAD")[cond_is<ast::condition::bad>]) >>
     SP_) > resp_text[set<&ast::resp_cond::text>];

// --- mailbox-data ------------------------------------------------------------------------------

// mbx-list-sflag  = "\Noselect" / "\Marked" / "\Unmarked"
inline const auto mbx_list_sflag_def = flag_extension[([](auto& ctx) {
    const std::string_view t = x3::_attr(ctx).text;
    x3::_pass(ctx) = iequals(t, "\\Noselect") || iequals(t, "\\Marked") || iequals(t, "\\Unmarked");
    x3::_val(ctx) = x3::_attr(ctx);
})];
// mbx-list-oflag  = "\Noinferiors" / flag-extension
inline const auto mbx_list_oflag_def = flag_extension;
// mbx-list-flags  = *(mbx-list-oflag SP) mbx-list-sflag
//                   *(SP mbx-list-oflag) /
//                   mbx-list-oflag *(SP mbx-list-oflag)
// (at most one selectability flag: checked once the list is read)
inline const auto mbx_list_flags_def =
    ((mbx_list_sflag[push_val] | mbx_list_oflag[push_val]) % SP_) >> x3::eps[([](auto& ctx) {
        int selectability = 0;
        for (const auto& f : x3::_val(ctx)) {
            const std::string_view t = f.text;
            selectability +=
                iequals(t, "\\Noselect") || iequals(t, "\\Marked") || iequals(t, "\\Unmarked");
        }
        x3::_pass(ctx) = selectability <= 1;
    })];
// mailbox-list    = "(" [mbx-list-flags] ")" SP
//                   (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
inline const auto mailbox_list_def = '(' > -mbx_list_flags[set<&ast::mailbox_list::flags>] > ')' >
                                     SP_ > (quoted[([](auto& ctx) {
                                                const ast::istring& q = x3::_attr(ctx);
                                                const std::string v = q.value();
                                                x3::_pass(ctx) = v.size() == 1;
                                                if (v.size() == 1)
                                                    x3::_val(ctx).delimiter = v[0];
                                            })] |
                                            nil) > SP_
                                     > mailbox[set<&ast::mailbox_list::mailbox>];

// status-att-list =  status-att SP number *(SP status-att SP number)
inline const auto status_item__def =
    status_att[set<&ast::status_item::att>] > SP_ > number[set<&ast::status_item::value>];
inline const auto status_att_list_def = status_item_[push_val] % SP_;

// mailbox-data    =  "FLAGS" SP flag-list / "LIST" SP mailbox-list /
//                    "LSUB" SP mailbox-list / "SEARCH" *(SP nz-number) /
//                    "STATUS" SP mailbox SP "(" [status-att-list] ")" /
//                    number SP "EXISTS" / number SP "RECENT"
inline const auto mailbox_data_def =
    ((kw("FLAGS") >> SP_) >
     flag_list)[([](auto& ctx) { x3::_val(ctx) = ast::flags_data{std::move(x3::_attr(ctx))}; })] |
    ((kw("LIST") >> SP_) >
     mailbox_list)[([](auto& ctx) { x3::_val(ctx) = ast::list_data{std::move(x3::_attr(ctx))}; })] |
    ((kw("LSUB") >> SP_) >
     mailbox_list)[([](auto& ctx) { x3::_val(ctx) = ast::lsub_data{std::move(x3::_attr(ctx))}; })] |
    (kw("SEARCH")[assign_type<ast::search_data>] >>
     *(SP_ > nz_number[([](auto& ctx) {
           auto& numbers = std::get<ast::search_data>(x3::_val(ctx)).numbers;
           if (!check_items(ctx, numbers))
               return;
           numbers.push_back(x3::_attr(ctx));
       })])) |
    (kw("STATUS")[assign_type<ast::status_data>] > SP_ > mailbox[([](auto& ctx) {
         std::get<ast::status_data>(x3::_val(ctx)).mailbox = x3::_attr(ctx);
     })] > SP_ > '(' > -status_att_list[([](auto& ctx) {
         std::get<ast::status_data>(x3::_val(ctx)).items = std::move(x3::_attr(ctx));
     })] > ')') |
    (number >> SP_ >>
     kw("EXISTS"))[([](auto& ctx) { x3::_val(ctx) = ast::exists_data{x3::_attr(ctx)}; })] |
    (number >> SP_ >>
     kw("RECENT"))[([](auto& ctx) { x3::_val(ctx) = ast::recent_data{x3::_attr(ctx)}; })];

// --- message-data ------------------------------------------------------------------------------

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
// message-data    = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))
inline const auto fetch_data__def = (nz_number[set<&ast::fetch_data::number>] >> SP_ >>
                                     kw("FETCH") >> SP_) > msg_att[set<&ast::fetch_data::items>];
inline const auto expunge_data__def = nz_number[set<&ast::expunge_data::number>] >> SP_ >>
                                      kw("EXPUNGE");
inline const auto message_data_def = fetch_data_[assign] | expunge_data_[assign];

// --- responses ---------------------------------------------------------------------------------

// greeting        = "*" SP (resp-cond-auth / resp-cond-bye) CRLF
inline const auto greeting_body__def = resp_cond_auth | resp_cond_bye;
inline const auto greeting_def = '*' > SP_ > greeting_body_[set<&ast::greeting::cond>] > CRLF_;
// continue-req    = "+" SP (resp-text / base64) CRLF
// (the RFC gives resp-text priority: base64 is only reached by an empty line)
inline const auto continue_req_def = '+' > SP_ > (resp_text[set<&ast::continue_req::content>] |
                                                  base64[set<&ast::continue_req::content>]) > CRLF_;
// response-data   = "*" SP (resp-cond-state / resp-cond-bye /
//                   mailbox-data / message-data / capability-data) CRLF
// (and, with the extensions: enable-data, RFC 5161)
inline const auto response_data_body__def = resp_cond_state[assign] | resp_cond_bye[assign] |
                                            mailbox_data[assign] | message_data[assign] |
                                            capability_data[assign] |
                                            // extensions (ext/registry.hpp)
                                            (enabled(extension::enable) >> enable_data[assign]);
inline const auto response_data_def = '*' > SP_ > response_data_body_[assign] > CRLF_;
// response-tagged = tag SP resp-cond-state CRLF
inline const auto response_tagged_def = tag[set<&ast::response_tagged::tag>] > SP_ >
                                        resp_cond_state[set<&ast::response_tagged::cond>] > CRLF_;
// response-fatal  = "*" SP resp-cond-bye CRLF
inline const auto response_fatal_def = '*' > SP_ > resp_cond_bye[assign] > CRLF_;
// response-done   = response-tagged / response-fatal
inline const auto response_done_def =
    response_tagged[([](auto& ctx) { x3::_val(ctx).v = std::move(x3::_attr(ctx)); })] |
    response_fatal[([](auto& ctx) { x3::_val(ctx).v = ast::response_data{x3::_attr(ctx)}; })];
// response        = *(continue-req / response-data) response-done
// (a whole exchange; a BYE line is response-data unless it is the last line)
inline const auto response_def =
    *((continue_req[([](auto& ctx) { x3::_val(ctx).push_back(ast::response{x3::_attr(ctx)}); })] |
       (response_data >> &x3::char_)[([](auto& ctx) {
           x3::_val(ctx).push_back(ast::response{std::move(x3::_attr(ctx))});
       })])) >>
    response_done[push_val];

// One message before the end of an exchange: continue-req / response-data.
inline const auto response_part__def =
    continue_req[([](auto& ctx) { x3::_val(ctx).v = std::move(x3::_attr(ctx)); })] |
    response_data[([](auto& ctx) { x3::_val(ctx).v = std::move(x3::_attr(ctx)); })];

// One message of any kind (what parse_response reads).
inline const auto response_message__def =
    continue_req[([](auto& ctx) { x3::_val(ctx).v = std::move(x3::_attr(ctx)); })] |
    response_data[([](auto& ctx) { x3::_val(ctx).v = std::move(x3::_attr(ctx)); })] |
    response_tagged[([](auto& ctx) { x3::_val(ctx).v = std::move(x3::_attr(ctx)); })];

IMAPWIRE_DEFINE(addr_adl, addr_host, addr_mailbox, addr_name, address, env_bcc, env_cc, env_date,
                env_from, env_in_reply_to, env_message_id, env_reply_to, env_sender, env_subject,
                env_to, envelope, body_fld_desc, body_fld_id, body_fld_loc, body_fld_md5,
                body_fld_lines, body_fld_octets, body_fld_enc, body_param_, body_fld_param,
                body_fld_dsp, body_fld_lang, body_extension, body_ext_tail_, body_ext_1part,
                body_ext_mpart, body_fields, media_subtype, media_basic, media_message, media_text,
                body_type_basic, body_type_msg, body_type_text, body_type_1part, body_type_mpart,
                body)
IMAPWIRE_DEFINE(badcharset_, permanentflags_, msg_att_flags_, capability_data, resp_text_code,
                resp_text, resp_cond_auth, resp_cond_bye, resp_cond_state, mbx_list_sflag,
                mbx_list_oflag, mbx_list_flags, mailbox_list, status_item_, status_att_list,
                mailbox_data, msg_att_dynamic, msg_att_body_section_, msg_att_static,
                msg_att_envelope_, msg_att_internaldate_, msg_att_rfc822_, msg_att_rfc822_size_,
                msg_att_body_, msg_att_bodystructure_, msg_att_uid_, fetch_data_, expunge_data_,
                msg_att, message_data, greeting, greeting_body_, continue_req, response_data_body_,
                response_data, response_tagged, response_fatal, response_done, response,
                response_message_, response_part_)

} // namespace imapwire::grammar
