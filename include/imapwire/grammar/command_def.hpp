// imapwire grammar: definitions of RFC 3501 §9 client commands. Included only by impl/*.ipp.
#pragma once

#include <imapwire/grammar/command.hpp>
#include <imapwire/grammar/core_def.hpp>
// extensions that add commands (one line each; ext/registry.hpp)
#include <imapwire/ext/binary/grammar_def.hpp>
#include <imapwire/ext/compress/grammar_def.hpp>
#include <imapwire/ext/condstore/grammar_def.hpp>
#include <imapwire/ext/enable/grammar_def.hpp>
#include <imapwire/ext/esearch/grammar_def.hpp>
#include <imapwire/ext/id/grammar_def.hpp>
#include <imapwire/ext/idle/grammar_def.hpp>
#include <imapwire/ext/list_extended/grammar_def.hpp>
#include <imapwire/ext/move/grammar_def.hpp>
#include <imapwire/ext/partial/grammar_def.hpp>
#include <imapwire/ext/qresync/grammar_def.hpp>
#include <imapwire/ext/uidplus/grammar_def.hpp>

namespace imapwire::grammar {

// auth-type       = atom
inline const auto auth_type_def = atom;
// userid          = astring
inline const auto userid_def = astring;
// password        = astring
inline const auto password_def = astring;

// "<" number "." nz-number ">" (fetch-att partial range)
// RFC 9051 §9 (IMAP4rev2):
// partial         = "<" number64 "." nz-number64 ">"
inline const auto partial__def = '<' > number_or_64[set<&ast::partial_range::offset>] > '.' >
                                 nz_number_or_64[set<&ast::partial_range::length>] > '>';

// fetch-att       = "ENVELOPE" / "FLAGS" / "INTERNALDATE" /
//                   "RFC822" [".HEADER" / ".SIZE" / ".TEXT"] /
//                   "BODY" ["STRUCTURE"] / "UID" /
//                   "BODY" section ["<" number "." nz-number ">"] /
//                   "BODY.PEEK" section ["<" number "." nz-number ">"]
// The keyword decides (keyword dispatch, DESIGN §3): fetch_att_parser reads the name up to a
// "[" (an ATOM-CHAR, but BODY[ is not BODY) and looks it up in ast::keywords<fetch_att_kind>.
// The kinds without a section must not be followed by "["; BODY[ and BODY.PEEK go on with this
// tail, which expects the section.
inline const auto fetch_att_section_ =
    x3::eps > section[set<&ast::fetch_att::section>] > -partial_[set<&ast::fetch_att::partial>];
// RFC 3516 §7
// fetch-att      =/  "BINARY" [".PEEK"] section-binary [partial]
//                    / "BINARY.SIZE" section-binary
// (the tails after BINARY / BINARY.PEEK and after BINARY.SIZE; a section-binary is a section
// of a section-part only)
inline const auto fetch_att_binary_ = x3::eps > section_binary[set<&ast::fetch_att::section>] >
                                      -partial_[set<&ast::fetch_att::partial>];
inline const auto fetch_att_binary_size_ = x3::eps > section_binary[set<&ast::fetch_att::section>];

struct fetch_att_parser : x3::parser<fetch_att_parser> {
    using attribute_type = ast::fetch_att;
    static constexpr bool has_attribute = true;
    static constexpr bool has_own_expectation = true; // the section after BODY.PEEK
    template <class It, class Ctx, class RCtx>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx& rctx, ast::fetch_att& attr) const {
        const fetch_item_word item = read_fetch_item_word(first, last);
        const std::string_view word = item.word; // (named, not bound: lambdas capture them)
        const bool bracket = item.bracket;
        if (word.empty())
            return false;
        const It end = first + static_cast<std::ptrdiff_t>(word.size());
        // the table lists BODY before BODY[section]: a "[" decides between them
        using candidates = keyword_candidates<ast::fetch_att_kind>;
        for (auto m = candidates::of(word); m != 0; m &= m - 1) {
            const auto& [kind, keyword] = candidates::table[std::countr_zero(m)];
            if ((bracket && !ast::has_section(kind)) || !iequals(word, keyword) ||
                !state(ctx).options->extensions.contains(ast::extension_of(kind)))
                continue;
            attr.kind = kind;
            if (!ast::has_section(kind)) {
                first = end;
                return true;
            }
            It i = end;
            const bool parsed = kind == ast::fetch_att_kind::binary_size
                                    ? fetch_att_binary_size_.parse(i, last, ctx, rctx, attr)
                                : ast::has_section_binary(kind)
                                    ? fetch_att_binary_.parse(i, last, ctx, rctx, attr)
                                    : fetch_att_section_.parse(i, last, ctx, rctx, attr);
            if (!parsed)
                return false;
            first = i;
            return true;
        }
        return false;
    }
};

inline const auto fetch_att_def = fetch_att_parser{};

inline const auto fetch_att_list__def = '(' > (fetch_att[push_val] % SP_) > ')';

inline const keyword_symbols<ast::fetch_macro> fetch_macros;

template <auto Op>
inline constexpr auto store_op = set_value<&ast::store_att_flags::op, Op>;
inline const auto store_flags__def =
    flag_list[set<&ast::store_att_flags::flags>] |
    (x3::eps[set_value<&ast::store_att_flags::parenthesized, false>] >>
     (flag[push<&ast::store_att_flags::flags>] % SP_));
// store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP
//                   (flag-list / (flag *(SP flag)))
inline const auto store_op_ = x3::lit('+')[store_op<ast::store_att_flags::operation::add>] |
                              x3::lit('-')[store_op<ast::store_att_flags::operation::remove>];
inline const auto
    store_att_flags_def = (-store_op_ >> kw("FLAGS")) >
                          -kw(".SILENT")[set_value<&ast::store_att_flags::silent, true>] > SP_
                          > store_flags_[([](auto& ctx) {
                                x3::_val(ctx).flags = std::move(x3::_attr(ctx).flags);
                                x3::_val(ctx).parenthesized = x3::_attr(ctx).parenthesized;
                            })];

// RFC 3502 (MULTIAPPEND)
// append-message  = [SP flag-list] [SP date-time] SP literal
// (and literal8 with BINARY, as in the first message)
inline const auto append_message__def = -(SP_ >> flag_list[set<&ast::append_message::flags>]) >
                                        -(SP_ >>
                                          date_time[set<&ast::append_message::internal_date>]) > SP_
                                        > (literal8[set<&ast::append_message::message>] |
                                           literal[set<&ast::append_message::message>]);
// append          = "APPEND" SP mailbox [SP flag-list] [SP date-time] SP literal
// RFC 3516 §7: append =/ "APPEND" SP mailbox [SP flag-list] [SP date-time] SP literal8
// (literal8 only with BINARY)
// RFC 3502 (MULTIAPPEND)
// append          = "APPEND" SP mailbox 1*append-message
// (the first message in the command's own members, the others in `more`: an SP and what can
// start a flag-list, date-time or literal after a message starts the next one; anything else
// there is the command's end that is missing)
inline const auto append_def =
    kw("APPEND") > SP_ > mailbox[set<&ast::append_command::mailbox>] >
    -(SP_ >> flag_list[set<&ast::append_command::flags>]) >
    -(SP_ >> date_time[set<&ast::append_command::internal_date>]) > SP_ >
    (literal8[set<&ast::append_command::message>] | literal[set<&ast::append_command::message>]) >
    *((enabled(extension::multiappend) >> &(x3::lit(' ') >> x3::char_("(\"{~"))) >
      append_message_[push<&ast::append_command::more>]);

// delete          = "DELETE" SP mailbox
inline const auto delete__def = kw("DELETE") > SP_ > mailbox[set<&ast::delete_command::mailbox>];
// RFC 4466 §2.1, §2.2, §2.4: the modifiers and parameters extensions add, by keyword.
struct modifier_parsers {
    template <class T>
    static constexpr auto get() {
        if constexpr (std::is_same_v<T, ast::fetch_mod_changedsince>)
            return chgsince_fetch_mod;
        else if constexpr (std::is_same_v<T, ast::store_mod_unchangedsince>)
            return unchgsince_store_mod_;
        else if constexpr (std::is_same_v<T, ast::select_param_condstore>)
            return condstore_param;
        else if constexpr (std::is_same_v<T, ast::fetch_mod_vanished>)
            return rexpunges_fetch_mod;
        else if constexpr (std::is_same_v<T, ast::fetch_mod_partial>)
            return fetch_mod_partial_;
        else if constexpr (std::is_same_v<T, ast::select_param_qresync>)
            return select_param_qresync_;
        else if constexpr (std::is_same_v<T, ast::create_param_use>)
            return create_param_use_;
        else
            static_assert(ast::unhandled<T>, "a modifier or parameter has no parser");
    }
};
/// One modifier or parameter of RFC 4466, found by its keyword.
template <class Variant>
inline constexpr auto modifier_dispatch =
    keyword_dispatch_parser<Variant, modifier_parsers, 0, no_fallback>{};
inline const auto select_param__def = modifier_dispatch<ast::select_param>;
inline const auto fetch_modifier__def = modifier_dispatch<ast::fetch_modifier>;
inline const auto store_modifier__def = modifier_dispatch<ast::store_modifier>;
inline const auto create_param__def = modifier_dispatch<ast::create_param>;
/// "(" item *(SP item) ")" of RFC 4466's lists, only when an extension that defines one of its
/// items is enabled (otherwise the list is not there, as in RFC 3501).
template <class Variant, class Item>
constexpr auto modifier_list(const Item& item) {
    return (any_enabled<Variant>() >> SP_ >> '(') > (item[push_val] % SP_) > ')';
}
// select-params   = SP "(" select-param *(SP select-param) ")"
// select-param    = select-param-name [SP select-param-value]
inline const auto select_params__def = modifier_list<ast::select_param>(select_param_);
// fetch-modifiers = SP "(" fetch-modifier *(SP fetch-modifier) ")"
// fetch-modifier  = fetch-modifier-name [ SP fetch-modif-params ]
inline const auto fetch_modifiers__def = modifier_list<ast::fetch_modifier>(fetch_modifier_);
// store-modifiers = SP "(" store-modifier *(SP store-modifier) ")"
// store-modifier  = store-modifier-name [SP store-modif-params]
inline const auto store_modifiers__def = modifier_list<ast::store_modifier>(store_modifier_);
// create-params   = SP "(" create-param *( SP create-param) ")"
// create-param    = create-param-name [SP create-param-value]
inline const auto create_params__def = modifier_list<ast::create_param>(create_param_);

// create          = "CREATE" SP mailbox
// RFC 4466 §2.2: create =/ "CREATE" SP mailbox [create-params]
inline const auto create_def = kw("CREATE") > SP_ > mailbox[set<&ast::create_command::mailbox>] >>
                               -create_params_[set<&ast::create_command::params>];

// examine         = "EXAMINE" SP mailbox
// RFC 4466 §2.4: examine =/ "EXAMINE" SP mailbox [select-params]
inline const auto examine_def = kw("EXAMINE") > SP_ >
                                mailbox[set<&ast::examine_command::mailbox>] >>
                                -select_params_[set<&ast::examine_command::params>];
// list            = "LIST" SP mailbox SP list-mailbox
// RFC 5258 §6 (LIST-EXTENDED):
// list =      "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat
//             [SP list-return-opts]
// mbox-or-pat =  list-mailbox / patterns
inline const auto list_def = kw("LIST") > SP_ >
                             -((enabled(extension::list_extended) >>
                                list_select_opts[set<&ast::list_command::select_options>]) >
                               SP_) > mailbox[set<&ast::list_command::reference>] > SP_
                             > ((enabled(extension::list_extended) >>
                                 patterns[set<&ast::list_command::patterns>]) |
                                list_mailbox[set<&ast::list_command::pattern>]) >
                             -(enabled(extension::list_extended) >> SP_ >>
                               list_return_opts[set<&ast::list_command::return_options>]);
// lsub            = "LSUB" SP mailbox SP list-mailbox
inline const auto lsub_def = kw("LSUB") > SP_ > mailbox[set<&ast::lsub_command::reference>] > SP_ >
                             list_mailbox[set<&ast::lsub_command::pattern>];
// rename          = "RENAME" SP mailbox SP mailbox
inline const auto rename_def = kw("RENAME") > SP_ > mailbox[set<&ast::rename_command::from>] > SP_ >
                               mailbox[set<&ast::rename_command::to>];
// select          = "SELECT" SP mailbox
// RFC 4466 §2.4: select =/ "SELECT" SP mailbox [select-params]
inline const auto select_def = kw("SELECT") > SP_ > mailbox[set<&ast::select_command::mailbox>] >>
                               -select_params_[set<&ast::select_command::params>];
// status          = "STATUS" SP mailbox SP
//                   "(" status-att *(SP status-att) ")"
inline const auto status_def = kw("STATUS") > SP_ > mailbox[set<&ast::status_command::mailbox>] >
                               SP_ > '(' > (status_att[push<&ast::status_command::items>] % SP_) >
                               ')';
// subscribe       = "SUBSCRIBE" SP mailbox
inline const auto subscribe_def =
    kw("SUBSCRIBE") > SP_ > mailbox[set<&ast::subscribe_command::mailbox>];
// unsubscribe     = "UNSUBSCRIBE" SP mailbox
inline const auto unsubscribe_def =
    kw("UNSUBSCRIBE") > SP_ > mailbox[set<&ast::unsubscribe_command::mailbox>];
// login           = "LOGIN" SP userid SP password
inline const auto login_def = kw("LOGIN") > SP_ > userid[set<&ast::login_command::userid>] > SP_ >
                              password[set<&ast::login_command::password>];
// authenticate    = "AUTHENTICATE" SP auth-type *(CRLF base64)
// RFC 4959 §7 (SASL-IR)
// authenticate    = "AUTHENTICATE" SP auth-type [SP (base64 / "=")]
//                   *(CRLF base64)
// (the base64 lines are separate messages in the exchange: parse_authenticate_data; the
// initial response only with SASL-IR, and "=" is no base64: it is an empty response. The ABNF's
// base64 may be empty, but §3 says a zero-length response MUST be sent as "=": an SP followed
// by nothing is refused, so that every initial response has one spelling.)
inline constexpr auto empty_initial_response = [](auto& ctx) {
    x3::_val(ctx).initial_response = std::string_view("=");
};
inline const auto initial_response_ = (enabled(extension::sasl_ir) >> SP_) >
                                      ((x3::lit('=') >> &CRLF_)[empty_initial_response] |
                                       (&base64_char >>
                                        base64[set<&ast::authenticate_command::initial_response>]));
inline const auto authenticate_def = kw("AUTHENTICATE") > SP_ >
                                     auth_type[set<&ast::authenticate_command::mechanism>] >>
                                     -initial_response_;
// copy            = "COPY" SP sequence-set SP mailbox
inline const auto copy_def = kw("COPY") > SP_ > sequence_set[set<&ast::copy_command::set>] > SP_ >
                             mailbox[set<&ast::copy_command::mailbox>];
// fetch           = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" /
//                   fetch-att / "(" fetch-att *(SP fetch-att) ")")
inline const auto fetch_items__def =
    (x3::no_case[fetch_macros] >> kw_end)[assign] | fetch_att[assign] | fetch_att_list_[assign];
// RFC 4466 §2.2: fetch =/ "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att /
//                     "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]
inline const auto fetch_def = kw("FETCH") > SP_ > sequence_set[set<&ast::fetch_command::set>] >
                              SP_ > fetch_items_[set<&ast::fetch_command::items>] >>
                              -fetch_modifiers_[set<&ast::fetch_command::modifiers>];
// store           = "STORE" SP sequence-set SP store-att-flags
// RFC 4466 §2.5: store = "STORE" SP sequence-set [store-modifiers] SP store-att-flags
inline const auto store_def = kw("STORE") > SP_ > sequence_set[set<&ast::store_command::set>] >>
                              -store_modifiers_[set<&ast::store_command::modifiers>] > SP_ >
                              store_att_flags[set<&ast::store_command::action>];
// search          = "SEARCH" [SP "CHARSET" SP astring] 1*(SP search-key)
// RFC 4466 §2.6.1 (ESEARCH, RFC 4731): search = "SEARCH" [search-return-opts] SP search-program
inline const auto search_charset_ =
    (SP_ >> kw("CHARSET")) > SP_ > astring[set<&ast::search_command::charset>];
inline const auto search_def = (kw("SEARCH") >>
                                -search_return_opts[set<&ast::search_command::return_options>] >>
                                -search_charset_) > SP_ >
                               search_key[push<&ast::search_command::keys>] >
                               *(SP_ > search_key[push<&ast::search_command::keys>]);
// uid             = "UID" SP (copy / fetch / search / store)
// (defined after the keyword dispatch below, which it uses)
inline const auto uid_def =
    kw("UID") > SP_ > in_uid_scope[uid_body_[set<&ast::uid_command::command>]];
// x-command       = "X" atom <experimental command arguments>
// (the arguments are kept raw: everything after the name and SP up to the final CRLF)
inline const auto x_command_def = x3::raw[x3::no_case[x3::lit('x')] >> atom][([](auto& ctx) {
                                      const auto& r = x3::_attr(ctx);
                                      x3::_val(ctx).name = std::string_view(r.begin(), r.size());
                                  })] >>
                                  -(SP_[set_value<&ast::x_command::has_arguments, true>] >>
                                    rest_of_message_parser{}[set<&ast::x_command::arguments>]);

// --- keyword dispatch ---------------------------------------------------------------------
//
// Which parser reads each command, keyword included: one entry per command, and no generic one,
// so a command added to ast::command_body without its parser does not compile. The command
// groups and command-body read the keyword and run the entry it names (keyword_dispatch_parser):
// the keyword spellings and the extension each command belongs to are its ast::traits entry.
template <class T>
inline constexpr auto keyword_only = [] { return kw(ast::traits<T>::info.keyword); };
struct command_parsers {
    template <class T>
    static constexpr auto get() {
        if constexpr (std::is_same_v<T, ast::capability_command> ||
                      std::is_same_v<T, ast::logout_command> ||
                      std::is_same_v<T, ast::noop_command> ||
                      std::is_same_v<T, ast::starttls_command> ||
                      std::is_same_v<T, ast::check_command> ||
                      std::is_same_v<T, ast::close_command> ||
                      std::is_same_v<T, ast::expunge_command>)
            return keyword_only<T>();
        else if constexpr (std::is_same_v<T, ast::x_command>)
            return x_command;
        else if constexpr (std::is_same_v<T, ast::append_command>)
            return append;
        else if constexpr (std::is_same_v<T, ast::create_command>)
            return create;
        else if constexpr (std::is_same_v<T, ast::delete_command>)
            return delete_;
        else if constexpr (std::is_same_v<T, ast::examine_command>)
            return examine;
        else if constexpr (std::is_same_v<T, ast::list_command>)
            return list;
        else if constexpr (std::is_same_v<T, ast::lsub_command>)
            return lsub;
        else if constexpr (std::is_same_v<T, ast::rename_command>)
            return rename;
        else if constexpr (std::is_same_v<T, ast::select_command>)
            return select;
        else if constexpr (std::is_same_v<T, ast::status_command>)
            return status;
        else if constexpr (std::is_same_v<T, ast::subscribe_command>)
            return subscribe;
        else if constexpr (std::is_same_v<T, ast::unsubscribe_command>)
            return unsubscribe;
        else if constexpr (std::is_same_v<T, ast::login_command>)
            return login;
        else if constexpr (std::is_same_v<T, ast::authenticate_command>)
            return authenticate;
        else if constexpr (std::is_same_v<T, ast::copy_command>)
            return copy;
        else if constexpr (std::is_same_v<T, ast::fetch_command>)
            return fetch;
        else if constexpr (std::is_same_v<T, ast::store_command>)
            return store;
        else if constexpr (std::is_same_v<T, ast::search_command>)
            return search;
        else if constexpr (std::is_same_v<T, ast::uid_command>)
            return uid;
        // extensions (ext/registry.hpp)
        else if constexpr (std::is_same_v<T, ast::enable_command>)
            return enable;
        else if constexpr (std::is_same_v<T, ast::idle_command>)
            return idle;
        // RFC 3691 §4: command-select /= "UNSELECT"
        else if constexpr (std::is_same_v<T, ast::unselect_command>)
            return keyword_only<T>();
        else if constexpr (std::is_same_v<T, ast::id_command>)
            return id;
        else if constexpr (std::is_same_v<T, ast::move_command>)
            return move;
        // RFC 2342 §5: command-auth =/ "NAMESPACE"
        else if constexpr (std::is_same_v<T, ast::namespace_command>)
            return keyword_only<T>();
        // RFC 4978 §5: command-auth =/ compress
        else if constexpr (std::is_same_v<T, ast::compress_command>)
            return compress;
        // RFC 4315 §4: UID's commands =/ "EXPUNGE" SP sequence-set
        else if constexpr (std::is_same_v<T, ast::uid_expunge_command>)
            return uid_expunge;
        else
            static_assert(ast::unhandled<T>, "a command has no parser");
    }
};

template <unsigned... G>
inline constexpr unsigned groups = ((1u << G) | ...);
using ast::command_group;

// command-any     = "CAPABILITY" / "LOGOUT" / "NOOP" / x-command
// (and, with the extensions, ENABLE: RFC 5161)
inline const auto command_any_def =
    keyword_dispatch_parser<ast::command_body, command_parsers,
                            groups<static_cast<unsigned>(command_group::any)>>{};
// command-auth    = append / create / delete / examine / list / lsub /
//                   rename / select / status / subscribe / unsubscribe
// (and, with the extensions, IDLE: RFC 2177)
inline const auto command_auth_def =
    keyword_dispatch_parser<ast::command_body, command_parsers,
                            groups<static_cast<unsigned>(command_group::auth)>>{};
// command-nonauth = login / authenticate / "STARTTLS"
inline const auto command_nonauth_def =
    keyword_dispatch_parser<ast::command_body, command_parsers,
                            groups<static_cast<unsigned>(command_group::nonauth)>>{};
// command-select  = "CHECK" / "CLOSE" / "EXPUNGE" / copy / fetch / store /
//                   uid / search
inline const auto command_select_def =
    keyword_dispatch_parser<ast::command_body, command_parsers,
                            groups<static_cast<unsigned>(command_group::select)>>{};
// command         = tag SP (command-any / command-auth / command-nonauth /
//                   command-select) CRLF
// (one look-up of the keyword among all four groups)
inline const auto command_body__def = keyword_dispatch_parser<ast::command_body, command_parsers>{};
// uid             = "UID" SP (copy / fetch / search / store)
inline const auto uid_body__def =
    keyword_dispatch_parser<decltype(ast::uid_command::command), command_parsers>{};

inline const auto command_def =
    tag[set<&ast::command::tag>] > SP_ > command_body_[set<&ast::command::body>] > CRLF_;

// base64 CRLF / "*" CRLF (RFC 3501 §6.2.2)
inline const auto authenticate_data__def =
    (x3::lit('*')[set_value<&ast::authenticate_data::cancel, true>] |
     base64[set<&ast::authenticate_data::base64>]) > CRLF_;

IMAPWIRE_DEFINE(auth_type, userid, password, partial_, fetch_att, fetch_att_list_, fetch_items_,
                store_flags_, uid_body_, command_body_, store_att_flags, append, append_message_,
                create, delete_, examine, list, lsub, rename, select, status, subscribe,
                unsubscribe, login, authenticate, copy, fetch, store, search, uid, x_command,
                command_any, command_auth, command_nonauth, command_select, command,
                authenticate_data_, fetch_modifiers_, store_modifiers_, select_params_,
                fetch_modifier_, store_modifier_, select_param_, create_params_, create_param_)

} // namespace imapwire::grammar
