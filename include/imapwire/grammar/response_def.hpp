// imapwire grammar: definitions of RFC 3501 §9 server responses. Included only by impl/*.ipp.
#pragma once

#include <imapwire/grammar/core_def.hpp>
#include <imapwire/grammar/response.hpp>
// extensions that add response data (one line each; ext/registry.hpp)
#include <imapwire/ext/binary/grammar_def.hpp>
#include <imapwire/ext/condstore/grammar_def.hpp>
#include <imapwire/ext/enable/grammar_def.hpp>
#include <imapwire/ext/esearch/grammar_def.hpp>
#include <imapwire/ext/id/grammar_def.hpp>
#include <imapwire/ext/list_extended/grammar_def.hpp>
#include <imapwire/ext/namespace/grammar_def.hpp>
#include <imapwire/ext/objectid/grammar_def.hpp>
#include <imapwire/ext/qresync/grammar_def.hpp>
#include <imapwire/ext/uidonly/grammar_def.hpp>
#include <imapwire/ext/uidplus/grammar_def.hpp>

namespace imapwire::grammar {

// --- capabilities and response codes -----------------------------------------------------------

inline constexpr auto has_imap4rev1 = [](auto& ctx) {
    const bool rev2 = state(ctx).options->extensions.contains(extension::imap4rev2);
    bool found = false;
    for (std::string_view c : x3::_val(ctx).capabilities)
        found = found || iequals(c, "IMAP4rev1") || (rev2 && iequals(c, "IMAP4rev2"));
    x3::_pass(ctx) = found;
};
// capability-data = "CAPABILITY" *(SP capability) SP "IMAP4rev1"
//                   *(SP capability)
// RFC 9051 §9 (IMAP4rev2):
// capability-data  = "CAPABILITY" *(SP capability) SP "IMAP4rev2"
//                    *(SP capability)
// (with IMAP4rev2 either names the protocol: a server may speak both)
inline const auto capability_data_def =
    kw("CAPABILITY") >>
    +(SP_ >> capability[push<&ast::capability_data::capabilities>]) >> x3::eps[has_imap4rev1];

inline const auto code_end = &x3::lit(']');
// "BADCHARSET" [SP "(" astring *(SP astring) ")" ]
inline const auto badcharset__def =
    kw("BADCHARSET") >>
    -(SP_ >> '(' >> (astring[push<&ast::code_badcharset::charsets>] % SP_) >> ')') >> code_end;
// "PERMANENTFLAGS" SP "(" [flag-perm *(SP flag-perm)] ")"
inline const auto permanentflags__def = kw("PERMANENTFLAGS") >> SP_ >> '(' >>
                                        -(flag_perm[push<&ast::code_permanentflags::flags>] %
                                          SP_) >>
                                        ')' >> code_end;
// The form of each named code, its keyword included; code_other_ is every other code and a
// named one whose form does not match. One entry per code and no generic one.
inline const auto code_capability__def = kw("CAPABILITY") >>
                                         +(SP_ >>
                                           capability[push<&ast::code_capability::capabilities>]) >>
                                         x3::eps[has_imap4rev1] >> code_end;
inline const auto code_uidnext__def =
    kw("UIDNEXT") >> SP_ >> soft_nz_number[set<&ast::code_uidnext::value>] >> code_end;
inline const auto code_uidvalidity__def =
    kw("UIDVALIDITY") >> SP_ >> soft_nz_number[set<&ast::code_uidvalidity::value>] >> code_end;
inline const auto code_unseen__def =
    kw("UNSEEN") >> SP_ >> soft_nz_number[set<&ast::code_unseen::value>] >> code_end;
inline const auto code_other__def = atom[set<&ast::code_other::atom>] >>
                                    -(SP_ >>
                                      chars_parser<cc_text_nobr>{}[set<&ast::code_other::text>]);
// A code that is its keyword alone: RFC 3501's ALERT, PARSE, READ-ONLY, READ-WRITE, TRYCREATE,
// the extensions' NOMODSEQ, UIDNOTSTICKY, CLOSED, UNKNOWN-CTE, USEATTR, and RFC 5530 §4:
//   resp-text-code =/ "UNAVAILABLE" / "AUTHENTICATIONFAILED" /
//                     "AUTHORIZATIONFAILED" / "EXPIRED" /
//                     "PRIVACYREQUIRED" / "CONTACTADMIN" / "NOPERM" /
//                     "INUSE" / "EXPUNGEISSUED" / "CORRUPTION" /
//                     "SERVERBUG" / "CLIENTBUG" / "CANNOT" /
//                     "LIMIT" / "OVERQUOTA" / "ALREADYEXISTS" /
//                     "NONEXISTENT"
template <class T>
inline constexpr auto bare_code =
    [] { return x3::omit[kw(ast::traits<T>::info.keyword) >> code_end]; };
struct code_parsers {
    template <class T>
    static constexpr auto get() {
        if constexpr (ast::is_bare_code<T>) // ALERT, ..., NOMODSEQ, the RFC 5530 codes
            return bare_code<T>();
        else if constexpr (std::is_same_v<T, ast::code_badcharset>)
            return badcharset_;
        else if constexpr (std::is_same_v<T, ast::code_capability>)
            return code_capability_;
        else if constexpr (std::is_same_v<T, ast::code_permanentflags>)
            return permanentflags_;
        else if constexpr (std::is_same_v<T, ast::code_uidnext>)
            return code_uidnext_;
        else if constexpr (std::is_same_v<T, ast::code_uidvalidity>)
            return code_uidvalidity_;
        else if constexpr (std::is_same_v<T, ast::code_unseen>)
            return code_unseen_;
        // extensions
        else if constexpr (std::is_same_v<T, ast::code_highestmodseq>)
            return code_highestmodseq_;
        else if constexpr (std::is_same_v<T, ast::code_mailboxid>)
            return code_mailboxid_;
        else if constexpr (std::is_same_v<T, ast::code_modified>)
            return code_modified_;
        else if constexpr (std::is_same_v<T, ast::code_appenduid>)
            return resp_code_apnd;
        else if constexpr (std::is_same_v<T, ast::code_copyuid>)
            return resp_code_copy;
        else if constexpr (std::is_same_v<T, ast::code_other>)
            return code_other_;
        else
            static_assert(ast::unhandled<T>, "a response code has no parser");
    }
};
// resp-text-code  = "ALERT" /
//                   "BADCHARSET" [SP "(" astring *(SP astring) ")" ] /
//                   capability-data / "PARSE" /
//                   "PERMANENTFLAGS" SP "("
//                   [flag-perm *(SP flag-perm)] ")" /
//                   "READ-ONLY" / "READ-WRITE" / "TRYCREATE" /
//                   "UIDNEXT" SP nz-number / "UIDVALIDITY" SP nz-number /
//                   "UNSEEN" SP nz-number /
//                   atom [SP 1*<any TEXT-CHAR except "]">]
// (keyword dispatch; no expectation points: a code that does not fit its named form is still
// the atom form)
inline const auto resp_text_code_def =
    keyword_dispatch_parser<ast::resp_text_code, code_parsers, 0, code_other_fallback>{};
// resp-text       = ["[" resp-text-code "]" SP] text
// RFC 9051 §9 (IMAP4rev2):
// resp-text       = ["[" resp-text-code "]" SP] [text]
// (a "[" that does not open a valid code followed by "] " and text is part of the text; while
// the code is tried, strings fail rather than report errors, so the text can take the line.
// With IMAP4rev2 the text may be empty: the line may end after the SP)
inline const auto empty_text_ = enabled(extension::imap4rev2) >> &CRLF_;
inline const auto resp_text_def = -soft['[' >> resp_text_code >> ']' >> SP_ >>
                                        (&text | empty_text_)][set<&ast::resp_text::code>] >>
                                  (text[set<&ast::resp_text::text>] | empty_text_);

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
// RFC 5258 §6: mbx-list-sflag =/  "\NonExistent"
inline const auto mbx_list_sflag_def = flag_extension[([](auto& ctx) {
    x3::_pass(ctx) = ast::is_mbx_list_sflag(x3::_attr(ctx).text, state(ctx).options->extensions);
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
        for (const auto& f : x3::_val(ctx))
            selectability += ast::is_mbx_list_sflag(f.text, state(ctx).options->extensions);
        x3::_pass(ctx) = selectability <= 1;
    })];
// mailbox-list    = "(" [mbx-list-flags] ")" SP
//                   (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
// RFC 5258 §6 (LIST-EXTENDED):
// mailbox-list =  "(" [mbx-list-flags] ")" SP
//             (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
//             [SP mbox-list-extended]
// (the mailbox in parentheses: `>>` binds tighter than `>`, and the expectation is the mailbox)
inline const auto mailbox_list_def = ('(' > -mbx_list_flags[set<&ast::mailbox_list::flags>] > ')' >
                                      SP_ > quoted_char_or_nil_<&ast::mailbox_list::delimiter> >
                                      SP_ > mailbox[set<&ast::mailbox_list::mailbox>]) >>
                                     -(enabled(extension::list_extended) >> SP_ >>
                                       mbox_list_extended[set<&ast::mailbox_list::extended>]);

// status-att-list =  status-att SP number *(SP status-att SP number)
// status-att SP number, and (RFC 7162 §7, CONDSTORE)
// status-att-val  =/ "HIGHESTMODSEQ" SP mod-sequence-valzer
// and (RFC 8438 §3, STATUS=SIZE)
// status-att-val  =/ "SIZE" SP number64
// and (RFC 8474 §7, OBJECTID)
// status-att-val =/ "MAILBOXID" SP "(" objectid ")"
// and (RFC 7889 §5, APPENDLIMIT)
// status-att-val =/ "APPENDLIMIT" SP (number / nil)
// and (RFC 9051 §9, IMAP4rev2)
// status-att-val  = ... / ("DELETED" SP number) / ...
template <ast::status_att A>
inline constexpr auto att_is = [](auto& ctx) { x3::_pass(ctx) = x3::_val(ctx).att == A; };
inline const auto status_item__def = status_att[set<&ast::status_item::att>] > SP_ >
                                     ((x3::eps[att_is<ast::status_att::highestmodseq>] >
                                       mod_sequence_valzer[set<&ast::status_item::value>]) |
                                      (x3::eps[att_is<ast::status_att::size>] >
                                       number64[set<&ast::status_item::value>]) |
                                      (x3::eps[att_is<ast::status_att::mailboxid>] > '(' >
                                       objectid[set<&ast::status_item::objectid>] > ')') |
                                      (x3::eps[att_is<ast::status_att::appendlimit>] >>
                                       nil[set_value<&ast::status_item::nil, true>]) |
                                      number[set<&ast::status_item::value>]);
inline const auto status_att_list_def = status_item_[push_val] % SP_;

// mailbox-data    =  "FLAGS" SP flag-list / "LIST" SP mailbox-list /
//                    "LSUB" SP mailbox-list / "SEARCH" *(SP nz-number) /
//                    "STATUS" SP mailbox SP "(" [status-att-list] ")" /
//                    number SP "EXISTS" / number SP "RECENT"
inline const auto flags_data__def = (kw("FLAGS") >> SP_) > flag_list[set<&ast::flags_data::flags>];
inline const auto list_data__def = (kw("LIST") >> SP_) > mailbox_list[set<&ast::list_data::list>];
inline const auto lsub_data__def = (kw("LSUB") >> SP_) > mailbox_list[set<&ast::lsub_data::list>];
// RFC 7162 §7 (CONDSTORE)
// mailbox-data        =/ "SEARCH" [1*(SP nz-number) SP search-sort-mod-seq]
// search-sort-mod-seq = "(" "MODSEQ" SP mod-sequence-value ")"
// (after at least one number, and last; without CONDSTORE a "(" is refused as before, where
// an nz-number was expected)
inline constexpr auto has_numbers = [](auto& ctx) {
    x3::_pass(ctx) = !x3::_val(ctx).numbers.empty();
};
inline const auto search_sort_mod_seq = (enabled(extension::condstore) >> x3::eps[has_numbers] >>
                                         '(') > kw("MODSEQ") > SP_
                                        > mod_sequence_value[set<&ast::search_data::modseq>] > ')' >
                                        &CRLF_;
inline const auto search_data__def =
    kw("SEARCH") >>
    *(SP_ >> (search_sort_mod_seq | (x3::eps > nz_number[push<&ast::search_data::numbers>])));
inline const auto status_data__def = kw("STATUS") > SP_ > mailbox[set<&ast::status_data::mailbox>] >
                                     SP_ > '(' > -status_att_list[set<&ast::status_data::items>] >
                                     ')';
inline const auto exists_data__def = number[set<&ast::exists_data::count>] >> SP_ >> kw("EXISTS");
inline const auto recent_data__def = number[set<&ast::recent_data::count>] >> SP_ >> kw("RECENT");
inline const auto mailbox_data_def = flags_data_[assign] | list_data_[assign] | lsub_data_[assign] |
                                     search_data_[assign] | status_data_[assign] |
                                     exists_data_[assign] | recent_data_[assign];

// --- message-data ------------------------------------------------------------------------------

// message-data    = nz-number SP ("EXPUNGE" / ("FETCH" SP msg-att))
inline const auto fetch_data__def = (nz_number[set<&ast::fetch_data::number>] >> SP_ >>
                                     kw("FETCH") >> SP_) > msg_att[set<&ast::fetch_data::items>];
inline const auto expunge_data__def = nz_number[set<&ast::expunge_data::number>] >> SP_ >>
                                      kw("EXPUNGE");
inline const auto message_data_def = fetch_data_[assign] | expunge_data_[assign];
// (and UIDONLY's message-data =/ uidfetch-resp: ext/uidonly/grammar_def.hpp)

// --- responses ---------------------------------------------------------------------------------

// greeting        = "*" SP (resp-cond-auth / resp-cond-bye) CRLF
inline const auto greeting_body__def = resp_cond_auth | resp_cond_bye;
inline const auto greeting_def = '*' > SP_ > greeting_body_[set<&ast::greeting::cond>] > CRLF_;
// continue-req    = "+" SP (resp-text / base64) CRLF
// (the RFC gives resp-text priority: base64 is only reached by an empty line, which is the
// empty base64 even where IMAP4rev2 allows an empty resp-text)
inline const auto continue_req_def = '+' > SP_ >
                                     ((&CRLF_ >> base64[set<&ast::continue_req::content>]) |
                                      resp_text[set<&ast::continue_req::content>] |
                                      base64[set<&ast::continue_req::content>]) > CRLF_;
// response-data   = "*" SP (resp-cond-state / resp-cond-bye /
//                   mailbox-data / message-data / capability-data) CRLF
// (and, with the extensions: enable-data, RFC 5161)
// (keyword dispatch: the first word, or the word after a number, names the alternative)
inline const auto resp_cond_data__def = resp_cond_state | resp_cond_bye;
struct response_data_parsers {
    template <class T>
    static constexpr auto get() {
        if constexpr (std::is_same_v<T, ast::resp_cond>)
            return resp_cond_data_;
        else if constexpr (std::is_same_v<T, ast::capability_data>)
            return capability_data;
        else if constexpr (std::is_same_v<T, ast::flags_data>)
            return flags_data_;
        else if constexpr (std::is_same_v<T, ast::list_data>)
            return list_data_;
        else if constexpr (std::is_same_v<T, ast::lsub_data>)
            return lsub_data_;
        else if constexpr (std::is_same_v<T, ast::search_data>)
            return search_data_;
        else if constexpr (std::is_same_v<T, ast::status_data>)
            return status_data_;
        else if constexpr (std::is_same_v<T, ast::exists_data>)
            return exists_data_;
        else if constexpr (std::is_same_v<T, ast::recent_data>)
            return recent_data_;
        else if constexpr (std::is_same_v<T, ast::expunge_data>)
            return expunge_data_;
        else if constexpr (std::is_same_v<T, ast::fetch_data>)
            return fetch_data_;
        // extensions (ext/registry.hpp)
        else if constexpr (std::is_same_v<T, ast::enabled_data>)
            return enable_data;
        else if constexpr (std::is_same_v<T, ast::id_data>)
            return id_response;
        else if constexpr (std::is_same_v<T, ast::namespace_data>)
            return namespace_response;
        else if constexpr (std::is_same_v<T, ast::vanished_data>)
            return expunged_resp;
        else if constexpr (std::is_same_v<T, ast::esearch_data>)
            return esearch_response;
        else if constexpr (std::is_same_v<T, ast::uidfetch_data>)
            return uidfetch_resp;
        else
            static_assert(ast::unhandled<T>, "response data has no parser");
    }
};
/// response-data's keyword dispatch: the status responses are named by their condition (OK,
/// NO, BAD, BYE), the others by their traits keyword, which follows a number for EXISTS,
/// RECENT, EXPUNGE and FETCH.
struct response_data_dispatch : x3::parser<response_data_dispatch> {
    using attribute_type = ast::response_data;
    static constexpr bool has_attribute = true;
    template <class It, class Ctx, class RCtx>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx& rctx,
               ast::response_data& attr) const {
        std::string_view word = atom_word(first, last);
        const bool numbered = !word.empty() && is(cc_digit, word[0]);
        if (numbered) { // number SP keyword
            const It after = first + static_cast<std::ptrdiff_t>(word.size());
            if (after == last || *after != ' ')
                return false;
            word = atom_word(after + 1, last);
        }
        if (word.empty())
            return false;
        const extension_set& enabled = state(ctx).options->extensions;
        bool found = false;
        bool ok = false;
        ast::for_each_alternative<ast::response_data>([&]<class T>() {
            constexpr auto& info = ast::traits<T>::info;
            bool match;
            if constexpr (std::is_same_v<T, ast::resp_cond>)
                match = !numbered && (iequals(word, "OK") || iequals(word, "NO") ||
                                      iequals(word, "BAD") || iequals(word, "BYE"));
            else
                match = info.after_number == numbered && word.size() == info.keyword.size() &&
                        iequals(word, info.keyword);
            if (!found && match && enabled.contains(info.ext)) {
                found = true;
                ok = response_data_parsers::get<T>().parse(first, last, ctx, rctx,
                                                           attr.template emplace<T>());
            }
        });
        return ok;
    }
};
inline const auto response_data_body__def = response_data_dispatch{};
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

IMAPWIRE_DEFINE(flags_data_, list_data_, lsub_data_, search_data_, status_data_, exists_data_,
                recent_data_, resp_cond_data_, badcharset_, permanentflags_, code_capability_,
                code_uidnext_, code_uidvalidity_, code_unseen_, code_other_, capability_data,
                resp_text_code, resp_text, resp_cond_auth, resp_cond_bye, resp_cond_state,
                mbx_list_sflag, mbx_list_oflag, mbx_list_flags, mailbox_list, status_item_,
                status_att_list, mailbox_data, fetch_data_, expunge_data_, message_data, greeting,
                greeting_body_, continue_req, response_data_body_, response_data, response_tagged,
                response_fatal, response_done, response, response_message_, response_part_)

} // namespace imapwire::grammar
