// imapwire grammar, CONDSTORE (RFC 7162 §7): rule definitions. Included by the FETCH and
// response grammars at their extension points (msg-att-dynamic, resp-text-code).
#pragma once

#include <imapwire/ext/condstore/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 7162 §7
// mod-sequence-value  = 1*DIGIT
//                        ;; Positive unsigned 63-bit integer
//                        ;; (1 <= n <= 9,223,372,036,854,775,807).
// mod-sequence-valzer = "0" / mod-sequence-value
// (number63_parser: a value above 2^63-1 is an error, not a shorter match)
inline constexpr number63_parser<false> mod_sequence_value{
    "mod-sequence-value", "a mod-sequence below 9223372036854775808"};
inline constexpr number63_parser<true> mod_sequence_valzer{
    "mod-sequence-valzer", "a mod-sequence below 9223372036854775808"};

// RFC 7162 §7
// fetch-mod-resp      = "MODSEQ" SP "(" permsg-modsequence ")"
// permsg-modsequence  = mod-sequence-value
// msg-att-dynamic     =/ fetch-mod-resp
// (what follows the keyword: the FETCH item dispatch has read it)
inline const auto fetch_mod_resp_def =
    SP_ > '(' > mod_sequence_value[set<&ast::msg_att_modseq::value>] > ')';

// RFC 7162 §7
// resp-text-code      =/ "HIGHESTMODSEQ" SP mod-sequence-value /
//                        "NOMODSEQ" /
//                        "MODIFIED" SP sequence-set
// (NOMODSEQ is a bare code of the response grammar; like the RFC 3501 codes, a HIGHESTMODSEQ
// whose value does not fit is left to the generic atom form)
inline const auto code_highestmodseq__def = kw("HIGHESTMODSEQ") >> SP_ >>
                                            number63_parser<false, true>{
                                                "mod-sequence-value",
                                                ""}[set<&ast::code_highestmodseq::value>] >>
                                            &x3::lit(']');
inline const auto code_modified__def = kw("MODIFIED") >> SP_ >>
                                       sequence_set[set<&ast::code_modified::set>] >> &x3::lit(']');

// RFC 7162 §7
// fetch-modifier      =/ chgsince-fetch-mod
// chgsince-fetch-mod  = "CHANGEDSINCE" SP mod-sequence-value
inline const auto chgsince_fetch_mod_def =
    kw("CHANGEDSINCE") > SP_ > mod_sequence_value[set<&ast::fetch_mod_changedsince::modseq>];
// RFC 7162 §7
// store-modifier      =/ "UNCHANGEDSINCE" SP mod-sequence-valzer
inline const auto unchgsince_store_mod__def =
    kw("UNCHANGEDSINCE") > SP_ > mod_sequence_valzer[set<&ast::store_mod_unchangedsince::modseq>];
// RFC 7162 §7
// select-param        =/ condstore-param
// condstore-param     = "CONDSTORE"
inline const auto condstore_param_def = x3::omit[kw("CONDSTORE")];

/// entry-flag-name = DQUOTE "/flags/" attr-flag DQUOTE (RFC 7162 §7): a quoted string whose
/// value is "/flags/" (any case) and an attr-flag, "\\" atom or atom.
struct entry_flag_name_parser : x3::parser<entry_flag_name_parser> {
    using attribute_type = ast::istring;
    static constexpr bool has_attribute = true;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx& rctx, Attr& attr) const {
        const It start = first;
        ast::istring name;
        if (!quoted.parse(first, last, ctx, rctx, name))
            return false;
        if (!ast::is_entry_flag_name(name.value())) {
            first = start;
            fail_syntax(state(ctx), start, "entry-flag-name", "\"/flags/\" attr-flag in quotes");
            return false;
        }
        x3::traits::move_to(name, attr);
        return true;
    }
};

template <ast::entry_type E>
inline constexpr auto entry_is = set_value<&ast::search_modseq_entry::type, E>;
// RFC 7162 §7
// search-modseq-ext   = SP entry-name SP entry-type-req
// entry-name          = entry-flag-name
// entry-type-resp     = "priv" / "shared"
// entry-type-req      = entry-type-resp / "all"
// (the rule takes what follows the SP)
inline const auto
    search_modseq_ext_def = entry_flag_name_parser{}[set<&ast::search_modseq_entry::name>] > SP_ >
                            ((kw("PRIV") >> kw_end)[entry_is<ast::entry_type::priv>] |
                             (kw("SHARED") >> kw_end)[entry_is<ast::entry_type::shared>] |
                             (kw("ALL") >> kw_end)[entry_is<ast::entry_type::all>]);
// RFC 7162 §7
// search-key          =/ search-modsequence
// search-modsequence  = "MODSEQ" [search-modseq-ext] SP mod-sequence-valzer
inline const auto
    search_modsequence_def = (kw("MODSEQ") >> SP_) >
                             -(&x3::lit('"') > search_modseq_ext[set<&ast::search_modseq::entry>] >
                               SP_) > mod_sequence_valzer[set<&ast::search_modseq::modseq>];

IMAPWIRE_DEFINE(search_modsequence, search_modseq_ext, fetch_mod_resp, code_highestmodseq_,
                code_modified_, chgsince_fetch_mod, unchgsince_store_mod_, condstore_param)

} // namespace imapwire::grammar
