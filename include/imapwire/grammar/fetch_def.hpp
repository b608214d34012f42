// imapwire grammar: definitions of RFC 3501 §9 msg-att. Included by impl/fetch.ipp only.
#pragma once

#include <imapwire/grammar/core_def.hpp>
#include <imapwire/grammar/fetch.hpp>
// extensions that add FETCH items (one line each; ext/registry.hpp)
#include <imapwire/ext/binary/grammar_def.hpp>
#include <imapwire/ext/condstore/grammar_def.hpp>
#include <imapwire/ext/objectid/grammar_def.hpp>
#include <imapwire/ext/savedate/grammar_def.hpp>

namespace imapwire::grammar {

// The items of msg-att, each parsed straight into its alternative of msg_att_item. Each rule
// takes what follows the item's keyword: msg_att_dispatch has read the keyword and says which
// of an item's names it was (msg_att_parsers::name_into).

// "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"
inline const auto msg_att_flags__def = SP_ > '(' >
                                       -(flag_fetch[push<&ast::msg_att_flags::flags>] % SP_) > ')';
// "BODY" section ["<" number ">"] SP nstring
inline const auto
    msg_att_body_section__def = x3::eps > section[set<&ast::msg_att_body_section::section>] >
                                -('<' > number[set<&ast::msg_att_body_section::origin>] > '>') > SP_
                                > nstring[set<&ast::msg_att_body_section::data>];
// "ENVELOPE" SP envelope
inline const auto msg_att_envelope__def = SP_ > envelope[set<&ast::msg_att_envelope::envelope>];
// "INTERNALDATE" SP date-time
inline const auto msg_att_internaldate__def =
    SP_ > date_time[set<&ast::msg_att_internaldate::date>];
// "RFC822" [".HEADER" / ".TEXT"] SP nstring
inline const auto msg_att_rfc822__def = SP_ > nstring[set<&ast::msg_att_rfc822::data>];
// "RFC822.SIZE" SP number
inline const auto msg_att_rfc822_size__def = SP_ > number[set<&ast::msg_att_rfc822_size::size>];
// "BODY" ["STRUCTURE"] SP body
inline const auto msg_att_body__def = SP_ > body[set<&ast::msg_att_body::body>];
// "UID" SP uniqueid
inline const auto msg_att_uid__def = SP_ > uniqueid[set<&ast::msg_att_uid::uid>];

struct msg_att_parsers {
    /// The rule of item T, which parses what follows its keyword.
    template <class T>
    static constexpr auto get() {
        if constexpr (std::is_same_v<T, ast::msg_att_flags>)
            return msg_att_flags_;
        else if constexpr (std::is_same_v<T, ast::msg_att_envelope>)
            return msg_att_envelope_;
        else if constexpr (std::is_same_v<T, ast::msg_att_internaldate>)
            return msg_att_internaldate_;
        else if constexpr (std::is_same_v<T, ast::msg_att_rfc822>)
            return msg_att_rfc822_;
        else if constexpr (std::is_same_v<T, ast::msg_att_rfc822_size>)
            return msg_att_rfc822_size_;
        else if constexpr (std::is_same_v<T, ast::msg_att_body>)
            return msg_att_body_;
        else if constexpr (std::is_same_v<T, ast::msg_att_body_section>)
            return msg_att_body_section_;
        else if constexpr (std::is_same_v<T, ast::msg_att_uid>)
            return msg_att_uid_;
        // extensions
        else if constexpr (std::is_same_v<T, ast::msg_att_modseq>)
            return fetch_mod_resp;
        else if constexpr (std::is_same_v<T, ast::msg_att_savedate>)
            return msg_att_savedate_;
        else if constexpr (std::is_same_v<T, ast::msg_att_binary>)
            return msg_att_binary_;
        else if constexpr (std::is_same_v<T, ast::msg_att_binary_size>)
            return msg_att_binary_size_;
        else if constexpr (std::is_same_v<T, ast::msg_att_emailid>)
            return fetch_emailid_resp;
        else if constexpr (std::is_same_v<T, ast::msg_att_threadid>)
            return fetch_threadid_resp;
        else
            static_assert(ast::unhandled<T>, "FETCH item has no parser");
    }
    /// Which of T's names `word` is (the item's ATOM-CHARs before any "["; `bracket` says
    /// whether a "[" follows), or -1. Most items have one name, their traits keyword, and take
    /// no "["; BODY is three items and RFC822 three forms of one.
    template <class T>
    static int name_of(std::string_view word, bool bracket) noexcept {
        if constexpr (std::is_same_v<T, ast::msg_att_body>)
            return bracket                          ? -1
                   : iequals(word, "BODY")          ? 0
                   : iequals(word, "BODYSTRUCTURE") ? 1
                                                    : -1;
        else if constexpr (std::is_same_v<T, ast::msg_att_body_section> ||
                           std::is_same_v<T, ast::msg_att_binary> ||
                           std::is_same_v<T, ast::msg_att_binary_size>)
            return bracket && iequals(word, ast::traits<T>::info.keyword) ? 0 : -1;
        else if constexpr (std::is_same_v<T, ast::msg_att_rfc822>)
            return bracket                          ? -1
                   : iequals(word, "RFC822")        ? 0
                   : iequals(word, "RFC822.HEADER") ? 1
                   : iequals(word, "RFC822.TEXT")   ? 2
                                                    : -1;
        else
            return !bracket && word.size() == ast::traits<T>::info.keyword.size() &&
                           iequals(word, ast::traits<T>::info.keyword)
                       ? 0
                       : -1;
    }
    /// Records in the item which of its names (name_of) it had.
    template <class T>
    static void name_into(T& item, int name) noexcept {
        if constexpr (std::is_same_v<T, ast::msg_att_body>) {
            item.structure = name == 1;
        } else if constexpr (std::is_same_v<T, ast::msg_att_rfc822>) {
            using part = ast::msg_att_rfc822::part;
            item.which = name == 1 ? part::header : name == 2 ? part::text : part::whole;
        } else {
            (void)item;
            (void)name;
        }
    }
};

/// The keyword dispatch of FETCH items (DESIGN §3): reads the item's name (its ATOM-CHARs up
/// to a "[", since "[" is an ATOM-CHAR and BODY[ is not BODY), then runs the rule of the one
/// item it names on what follows. `Dynamic` and `Static` select msg-att-dynamic's and
/// msg-att-static's items.
template <bool Dynamic, bool Static>
struct msg_att_dispatch : x3::parser<msg_att_dispatch<Dynamic, Static>> {
    using attribute_type = ast::msg_att_item;
    static constexpr bool has_attribute = true;
    template <class It, class Ctx, class RCtx>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx& rctx,
               ast::msg_att_item& attr) const {
        const fetch_item_word item = read_fetch_item_word(first, last);
        const std::string_view word = item.word; // (named, not bound: lambdas capture them)
        const bool bracket = item.bracket;
        if (word.empty())
            return false;
        const It end = first + static_cast<std::ptrdiff_t>(word.size());
        const extension_set& enabled = state(ctx).options->extensions;
        const It start = first;
        bool found = false;
        bool ok = false;
        ast::for_each_alternative<ast::msg_att_item>([&]<class T>() {
            // msg-att-dynamic: FLAGS and the items extensions add to it
            constexpr bool dynamic =
                std::is_same_v<T, ast::msg_att_flags> || std::is_same_v<T, ast::msg_att_modseq>;
            if constexpr (dynamic ? Dynamic : Static) {
                if (found)
                    return;
                const int name = msg_att_parsers::name_of<T>(word, bracket);
                if (name < 0 || !enabled.contains(ast::traits<T>::info.ext))
                    return;
                found = true;
                T& item = attr.template emplace<T>();
                msg_att_parsers::name_into(item, name);
                first = end;
                ok = msg_att_parsers::get<T>().parse(first, last, ctx, rctx, item);
            }
        });
        if (!ok)
            first = start;
        return ok;
    }
};

// msg-att-dynamic = "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"
inline const auto msg_att_dynamic_def = msg_att_dispatch<true, false>{};
// msg-att-static  = "ENVELOPE" SP envelope / "INTERNALDATE" SP date-time /
//                   "RFC822" [".HEADER" / ".TEXT"] SP nstring /
//                   "RFC822.SIZE" SP number /
//                   "BODY" ["STRUCTURE"] SP body /
//                   "BODY" section ["<" number ">"] SP nstring /
//                   "UID" SP uniqueid
inline const auto msg_att_static_def = msg_att_dispatch<false, true>{};
// msg-att         = "(" (msg-att-dynamic / msg-att-static)
//                    *(SP (msg-att-dynamic / msg-att-static)) ")"
// (one dispatch over both kinds of item; room for eight items at once: a FETCH rarely has more)
inline const auto msg_att_def = (x3::eps[reserve<8>] >> '(') >
                                (msg_att_dispatch<true, true>{}[push_val] % SP_) > ')';

IMAPWIRE_DEFINE(msg_att, msg_att_dynamic, msg_att_flags_, msg_att_static, msg_att_body_section_,
                msg_att_envelope_, msg_att_internaldate_, msg_att_rfc822_, msg_att_rfc822_size_,
                msg_att_body_, msg_att_uid_)

} // namespace imapwire::grammar
