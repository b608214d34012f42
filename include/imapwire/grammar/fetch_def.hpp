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
// RFC 9051 §9 (IMAP4rev2): "BODY" section ["<" number64 ">"] SP nstring
inline const auto msg_att_body_section__def =
    x3::eps > section[set<&ast::msg_att_body_section::section>] >
    -('<' > number_or_64[set<&ast::msg_att_body_section::origin>] > '>') > SP_
    > nstring[set<&ast::msg_att_body_section::data>];
// "ENVELOPE" SP envelope
inline const auto msg_att_envelope__def = SP_ > envelope[set<&ast::msg_att_envelope::envelope>];
// "INTERNALDATE" SP date-time
inline const auto msg_att_internaldate__def =
    SP_ > date_time[set<&ast::msg_att_internaldate::date>];
// "RFC822" [".HEADER" / ".TEXT"] SP nstring
inline const auto msg_att_rfc822__def = SP_ > nstring[set<&ast::msg_att_rfc822::data>];
// "RFC822.SIZE" SP number
// RFC 9051 §9 (IMAP4rev2): "RFC822.SIZE" SP number64
inline const auto msg_att_rfc822_size__def =
    SP_ > number_or_64[set<&ast::msg_att_rfc822_size::size>];
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
    /// T's names (the item's ATOM-CHARs before any "["; unused ones empty) and whether a "["
    /// follows them. Most items have one name, their traits keyword, and take no "["; BODY is
    /// three items (BODY and BODYSTRUCTURE without "[", BODY[ a section) and RFC822 three forms
    /// of one; BINARY[ and BINARY.SIZE[ take one.
    template <class T>
    static constexpr std::array<std::string_view, 3> names() noexcept {
        if constexpr (std::is_same_v<T, ast::msg_att_body>)
            return {"BODY", "BODYSTRUCTURE", {}};
        else if constexpr (std::is_same_v<T, ast::msg_att_rfc822>)
            return {"RFC822", "RFC822.HEADER", "RFC822.TEXT"};
        else
            return {ast::traits<T>::info.keyword, {}, {}};
    }
    template <class T>
    static constexpr bool bracket() noexcept {
        return std::is_same_v<T, ast::msg_att_body_section> ||
               std::is_same_v<T, ast::msg_att_binary> ||
               std::is_same_v<T, ast::msg_att_binary_size>;
    }
    /// Records in the item which of its names (names()) it had.
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
/// to a "[", since "[" is an ATOM-CHAR and BODY[ is not BODY), looks it up among the names of
/// msg_att_item's alternatives (masked by length and first letter, as keyword_dispatch_parser
/// does), then runs the rule of the one item it names on what follows. `Dynamic` and `Static`
/// select msg-att-dynamic's and msg-att-static's items.
template <bool Dynamic, bool Static>
struct msg_att_dispatch : x3::parser<msg_att_dispatch<Dynamic, Static>> {
    using attribute_type = ast::msg_att_item;
    static constexpr bool has_attribute = true;

    static constexpr std::size_t size = std::variant_size_v<ast::msg_att_item>;
    template <std::size_t I>
    using alternative = std::variant_alternative_t<I, ast::msg_att_item>;
    /// msg-att-dynamic: FLAGS and the items extensions add to it
    template <class T>
    static constexpr bool dynamic =
        std::is_same_v<T, ast::msg_att_flags> || std::is_same_v<T, ast::msg_att_modseq>;
    template <class T>
    static constexpr bool selected = dynamic<T> ? Dynamic : Static;
    /// Three names per alternative: name j of alternative i is entry 3 i + j.
    static constexpr auto words = []<std::size_t... I>(std::index_sequence<I...>) {
        std::array<std::string_view, 3 * size> w{};
        (
            [&] {
                if constexpr (selected<alternative<I>>) {
                    const auto n = msg_att_parsers::names<alternative<I>>();
                    for (std::size_t j = 0; j < 3; ++j)
                        w[3 * I + j] = n[j];
                }
            }(),
            ...);
        return w;
    }
    (std::make_index_sequence<size>{});
    static constexpr auto brackets = []<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<bool, size>{msg_att_parsers::bracket<alternative<I>>()...};
    }
    (std::make_index_sequence<size>{});
    static constexpr auto extensions = []<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<extension, size>{ast::traits<alternative<I>>::info.ext...};
    }
    (std::make_index_sequence<size>{});
    static constexpr keyword_masks<3 * size> masks{words};
    /// The names followed by "[" and those that are not.
    static constexpr std::uint64_t with_bracket = [] {
        std::uint64_t m = 0;
        for (std::size_t k = 0; k < 3 * size; ++k)
            if (brackets[k / 3])
                m |= std::uint64_t{1} << k;
        return m;
    }();
    static constexpr std::uint64_t without_bracket = ~with_bracket;

    /// Runs the rule of alternative `i` on what follows its name (`name`: which of them): a
    /// chain of comparisons that the compiler inlines through, not a table of pointers.
    template <class It, class Ctx, class RCtx>
    static bool parse_alternative(std::size_t i, It& first, const It& last, const Ctx& ctx,
                                  RCtx& rctx, ast::msg_att_item& attr, int name) {
        bool ok = false;
        const auto run = [&]<std::size_t I>(std::integral_constant<std::size_t, I>) {
            auto& item = attr.template emplace<I>();
            msg_att_parsers::name_into(item, name);
            ok = msg_att_parsers::get<alternative<I>>().parse(first, last, ctx, rctx, item);
            return true;
        };
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (void)((i == I && run(std::integral_constant<std::size_t, I>{})) || ...);
        }
        (std::make_index_sequence<size>{});
        return ok;
    }

    template <class It, class Ctx, class RCtx>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx& rctx,
               ast::msg_att_item& attr) const {
        const fetch_item_word item = read_fetch_item_word(first, last);
        if (item.word.empty())
            return false;
        const extension_set& enabled = state(ctx).options->extensions;
        for (auto m = masks.of(item.word) & (item.bracket ? with_bracket : without_bracket); m != 0;
             m &= m - 1) {
            const auto k = static_cast<std::size_t>(std::countr_zero(m));
            const std::size_t i = k / 3;
            if (!iequals(item.word, words[k]) || !enabled.contains(extensions[i]))
                continue;
            const It start = first;
            first += static_cast<std::ptrdiff_t>(item.word.size());
            if (parse_alternative(i, first, last, ctx, rctx, attr, static_cast<int>(k % 3)))
                return true;
            first = start;
            return false;
        }
        return false;
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
