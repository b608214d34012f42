// imapwire grammar: definitions of the RFC 3501 §9 core data formats. Included only by the
// implementation units (impl/*.ipp): the rules are instantiated there, once.
#pragma once

#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

using namespace detail; // primitives, actions

// ATOM-CHAR       = <any CHAR except atom-specials>
inline const auto ATOM_CHAR_def = char_parser<cc_atom>{};
// ASTRING-CHAR   = ATOM-CHAR / resp-specials
inline const auto ASTRING_CHAR_def = char_parser<cc_astring>{};
// TEXT-CHAR       = <any CHAR except CR and LF>
inline const auto TEXT_CHAR_def = char_parser<cc_text>{};
// QUOTED-CHAR     = <any TEXT-CHAR except quoted-specials> / "\" quoted-specials
inline const auto QUOTED_CHAR_def = char_parser<cc_quoted>{} | ('\\' >> quoted_specials);
// CHAR8           = %x01-ff
inline const auto CHAR8_def = char_parser<cc_char8>{};
// atom-specials   = "(" / ")" / "{" / SP / CTL / list-wildcards / quoted-specials / resp-specials
inline const auto atom_specials_def = char_parser<cc_atom_sp>{};
// quoted-specials = DQUOTE / "\"
inline const auto quoted_specials_def = char_parser<cc_quoted_sp>{};
// resp-specials   = "]"
inline const auto resp_specials_def = x3::char_(']');
// list-wildcards  = "%" / "*"
inline const auto list_wildcards_def = x3::char_('%') | x3::char_('*');
// list-char       = ATOM-CHAR / list-wildcards / resp-specials
inline const auto list_char_def = char_parser<cc_list>{};
// digit-nz        = %x31-39
inline const auto digit_nz_def = x3::char_('1', '9');
// base64-char     = ALPHA / DIGIT / "+" / "/"
inline const auto base64_char_def = char_parser<cc_base64>{};

inline const auto SP__def = x3::lit(' ');
inline const auto CRLF__def = x3::lit("\r\n");

// atom            = 1*ATOM-CHAR
inline const auto atom_def = chars_parser<cc_atom>{};
// number          = 1*DIGIT  ; unsigned 32-bit
inline const auto number_def = number_parser<false>{};
// nz-number       = digit-nz *DIGIT  ; non-zero unsigned 32-bit
inline const auto nz_number_def = number_parser<true>{};
/// nz-number read softly: a number too large is no match rather than an error, so that a named
/// response code whose number does not fit is left to the generic atom form.
inline constexpr auto soft_nz_number = number_parser<true, true>{};
/// A 63-bit number: RFC 9051's number64 (`1*DIGIT`, unsigned 63-bit; AllowZero) and RFC 7162's
/// mod-sequence-value (1 to 2^63-1) and mod-sequence-valzer ("0" too). A value above 2^63-1 is
/// an error (number_range) naming `production`, not a shorter match; with Soft it is just no
/// match (inside a response code, which then reads as the generic form).
template <bool AllowZero, bool Soft = false>
struct number63_parser : x3::parser<number63_parser<AllowZero, Soft>> {
    using attribute_type = std::uint64_t;
    static constexpr bool has_attribute = true;
    static constexpr std::uint64_t max = ast::max_number64;
    std::string_view production;
    std::string_view expected;
    constexpr number63_parser(std::string_view p, std::string_view e)
        : production(p)
        , expected(e) {}
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, [[maybe_unused]] const Ctx& ctx, RCtx&,
               Attr& attr) const {
        It i = first;
        std::uint64_t v = 0;
        while (i != last && *i >= '0' && *i <= '9') {
            const auto digit = static_cast<std::uint64_t>(*i - '0');
            if (v > (max - digit) / 10) {
                if constexpr (!Soft)
                    fail_with(state(ctx), first, error::number_range, production, expected);
                return false;
            }
            v = v * 10 + digit;
            ++i;
        }
        if (i == first || (!AllowZero && v == 0))
            return false;
        x3::traits::move_to(v, attr);
        first = i;
        return true;
    }
};
/// number, and with IMAP4rev2 number64 (wide_number_parser)
inline constexpr wide_number_parser<false> number_or_64{};
/// nz-number, and with IMAP4rev2 nz-number64
inline constexpr wide_number_parser<true> nz_number_or_64{};
// RFC 9051 §9
// number64        = 1*DIGIT
//                     ; Unsigned 63-bit integer
//                     ; (0 <= n <= 9,223,372,036,854,775,807)
inline constexpr number63_parser<true> number64{"number64", "a number below 9223372036854775808"};

// quoted          = DQUOTE *QUOTED-CHAR DQUOTE
inline const auto quoted_def = quoted_parser{};
// literal         = "{" number "}" CRLF *CHAR8
inline const auto literal_def = literal_parser{};
// string          = quoted / literal
inline const auto string_def = quoted | literal;

inline constexpr auto as_atom = [](auto& ctx) {
    x3::_val(ctx) = ast::istring(x3::_attr(ctx), ast::string_form::atom);
};
// astring         = 1*ASTRING-CHAR / string
inline const auto astring_def = chars_parser<cc_astring>{}[as_atom] | string[assign];
// nil             = "NIL"
inline const auto nil_def = kw("NIL");
// nstring         = string / nil
inline const auto nstring_def = string[assign] | nil;
// (DQUOTE QUOTED-CHAR DQUOTE / nil), the hierarchy delimiter of mailbox-list and of NAMESPACE's
// namespace-descr, into the std::optional<char> member M of the rule's value (NIL leaves it
// empty): a quoted string of exactly one character, an escaped one included
template <auto M>
inline constexpr auto quoted_char_into = [](auto& ctx) {
    const std::string v = x3::_attr(ctx).value();
    x3::_pass(ctx) = v.size() == 1;
    if (v.size() == 1)
        x3::_val(ctx).*M = v[0];
};
template <auto M>
inline const auto quoted_char_or_nil_ = quoted[quoted_char_into<M>] | nil;
// tag             = 1*<any ASTRING-CHAR except "+">
inline const auto tag_def = chars_parser<cc_tag>{};
// text            = 1*TEXT-CHAR
// RFC 9051 §9 (IMAP4rev2):
// text            = 1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4)
//                     ; Non-ASCII text can only be returned
//                     ; after ENABLE IMAP4rev2 command
inline const auto text_def = text_parser{};

/// _val = the matched input of a raw[] directive, as a view
inline constexpr auto raw_view = [](auto& ctx) {
    const auto& r = x3::_attr(ctx);
    x3::_val(ctx) = std::string_view(r.begin(), r.size());
};
// base64-terminal = (2base64-char "==") / (3base64-char "=")
// (3 chars first: PEG would otherwise take two and fail at the third)
inline const auto base64_terminal_def =
    x3::raw[(x3::repeat(3)[base64_char] >> '=') | (x3::repeat(2)[base64_char] >> "==")][raw_view];
// base64          = *(4base64-char) [base64-terminal]
inline const auto base64_def = x3::raw[*(x3::repeat(4)[base64_char]) >> -base64_terminal][raw_view];

// date-day        = 1*2DIGIT
inline const auto date_day_def = digits_parser<1, 2>{};
// date-day-fixed  = (SP DIGIT) / 2DIGIT
inline const auto date_day_fixed_def =
    x3::raw[(' ' >> x3::digit) | x3::repeat(2)[x3::digit]][raw_view];
// date-month      = "Jan" / "Feb" / "Mar" / "Apr" / "May" / "Jun" /
//                   "Jul" / "Aug" / "Sep" / "Oct" / "Nov" / "Dec"
struct month_symbols : x3::symbols<std::uint8_t> {
    month_symbols() {
        add("jan", 1)("feb", 2)("mar", 3)("apr", 4)("may", 5)("jun", 6)("jul", 7)("aug", 8)(
            "sep", 9)("oct", 10)("nov", 11)("dec", 12);
    }
};
inline const month_symbols month_names;
inline const auto date_month_def = x3::no_case[month_names];
// date-year       = 4DIGIT
inline const auto date_year_def = digits_parser<4, 4>{};

inline constexpr auto set_date_day = [](auto& ctx) {
    const std::string_view d = x3::_attr(ctx);
    x3::_val(ctx).day = static_cast<std::uint8_t>(digits_value(d));
    x3::_val(ctx).leading_zero = d.size() == 2 && d[0] == '0';
};
inline constexpr auto set_year = [](auto& ctx) {
    x3::_val(ctx).year = static_cast<std::uint16_t>(digits_value(x3::_attr(ctx)));
};
// date-text       = date-day "-" date-month "-" date-year
inline const auto date_text_def = (date_day[set_date_day] >> '-' >>
                                   date_month[set<&ast::date::month>]) > '-' > date_year[set_year];
// date            = date-text / DQUOTE date-text DQUOTE
inline const auto date_def =
    date_text[assign] |
    (x3::lit('"')[set_value<&ast::date::quoted, true>] > date_text[([](auto& ctx) {
         x3::_val(ctx) = x3::_attr(ctx);
         x3::_val(ctx).quoted = true;
     })] > '"');

inline constexpr auto two_digits = digits_parser<2, 2>{};
// time            = 2DIGIT ":" 2DIGIT ":" 2DIGIT
inline const auto time_def =
    two_digits[([](auto& ctx) {
        x3::_val(ctx).hour = static_cast<std::uint8_t>(digits_value(x3::_attr(ctx)));
    })] > ':' > two_digits[([](auto& ctx) {
        x3::_val(ctx).minute = static_cast<std::uint8_t>(digits_value(x3::_attr(ctx)));
    })] > ':' > two_digits[([](auto& ctx) {
        x3::_val(ctx).second = static_cast<std::uint8_t>(digits_value(x3::_attr(ctx)));
    })];
// zone            = ("+" / "-") 4DIGIT
inline const auto zone_def =
    (x3::lit('+') | x3::lit('-')[set_value<&ast::date_time::zone_negative, true>]) >
    digits_parser<4, 4>{}[([](auto& ctx) {
        x3::_val(ctx).zone_hhmm = static_cast<std::uint16_t>(digits_value(x3::_attr(ctx)));
    })];
// date-time       = DQUOTE date-day-fixed "-" date-month "-" date-year
//                   SP time SP zone DQUOTE
inline const auto date_time_def =
    '"' > date_day_fixed[([](auto& ctx) {
        const std::string_view d = x3::_attr(ctx);
        x3::_val(ctx).day = static_cast<std::uint8_t>(digits_value(d.substr(d[0] == ' ')));
        x3::_val(ctx).leading_zero = d[0] == '0';
    })] > '-' > date_month[set<&ast::date_time::month>] > '-' > date_year[set_year] > SP_ >
    time[([](auto& ctx) {
        auto& v = x3::_val(ctx);
        const auto& t = x3::_attr(ctx);
        v.hour = t.hour;
        v.minute = t.minute;
        v.second = t.second;
    })] > SP_ > zone[([](auto& ctx) {
        x3::_val(ctx).zone_negative = x3::_attr(ctx).zone_negative;
        x3::_val(ctx).zone_hhmm = x3::_attr(ctx).zone_hhmm;
    })] > '"';

inline constexpr auto as_flag = [](auto& ctx) { x3::_val(ctx) = ast::flag{x3::_attr(ctx)}; };
// flag-keyword    = atom
inline const auto flag_keyword_def = atom;
// flag-extension  = "\" atom
inline const auto flag_extension_def = x3::raw['\\' >> atom][([](auto& ctx) {
    const auto& r = x3::_attr(ctx);
    x3::_val(ctx) = ast::flag{std::string_view(r.begin(), r.size())};
})];
// flag            = "\Answered" / "\Flagged" / "\Deleted" /
//                   "\Seen" / "\Draft" / flag-keyword / flag-extension
// (the system flags are flag-extensions by syntax; ast::flag::kind() tells them apart)
inline const auto flag_def = flag_extension[assign] | flag_keyword[as_flag];
// flag-fetch      = flag / "\Recent"
inline const auto flag_fetch_def = flag[assign];
// flag-perm       = flag / "\*"
inline const auto flag_perm_def =
    flag[assign] | x3::raw[x3::lit("\\*")][([](auto& ctx) { x3::_val(ctx) = ast::flag{"\\*"}; })];
// flag-list       = "(" [flag *(SP flag)] ")"
inline const auto flag_list_def = '(' > -(flag[push_val] % SP_) > ')';

// seq-number      = nz-number / "*"
inline const auto seq_number_def =
    nz_number[set<&ast::seq_number::value>] | x3::lit('*')[set_value<&ast::seq_number::value, 0u>];
// seq-range       = seq-number ":" seq-number
inline const auto seq_range_def =
    (seq_number[set<&ast::seq_item::first>] >> ':') > seq_number[set<&ast::seq_item::last>];
// sequence-set    = (seq-number / seq-range) *("," sequence-set)
// (seq-range first: PEG takes the first match, and a seq-range starts with a seq-number)
// RFC 5182 §3 (SEARCHRES)
// sequence-set       =/ seq-last-command
//                      ;; extends sequence-set to allow for
//                      ;; "result of the last command" indicator.
// seq-last-command   = "$"
// (an item of its own, so "$" stands wherever a sequence-set may continue, as the recursive
// rule allows)
inline const auto seq_last_command = enabled(extension::searchres) >> x3::lit('$');
inline const auto sequence_set_def =
    (seq_range[push<&ast::sequence_set::items>] | seq_number[([](auto& ctx) {
         if (!check_items(ctx, x3::_val(ctx).items))
             return;
         x3::_val(ctx).items.push_back(ast::seq_item{x3::_attr(ctx), std::nullopt});
     })] |
     seq_last_command[([](auto& ctx) {
         if (!check_items(ctx, x3::_val(ctx).items))
             return;
         x3::_val(ctx).items.push_back(ast::seq_item::saved());
     })]) %
    ',';
// uniqueid        = nz-number
inline const auto uniqueid_def = nz_number;

// mailbox         = "INBOX" / astring
// (INBOX is an astring too; ast::mailbox::is_inbox() applies the case rule)
inline const auto mailbox_def = astring[set<&ast::mailbox::name>];
// list-mailbox    = 1*list-char / string
inline const auto list_mailbox_def = chars_parser<cc_list>{}[as_atom] | string[assign];

// header-fld-name = astring
inline const auto header_fld_name_def = astring;
// header-list     = "(" header-fld-name *(SP header-fld-name) ")"
inline const auto header_list_def = '(' > (header_fld_name[push_val] % SP_) > ')';
// section-msgtext = "HEADER" / "HEADER.FIELDS" [".NOT"] SP header-list / "TEXT"
// (longest keyword first: PEG would otherwise stop at "HEADER")
inline const auto section_msgtext_def =
    (kw("HEADER.FIELDS.NOT")[set_value<&ast::section_text::kind,
                                       ast::section_text_kind::header_fields_not>] > SP_ >
     header_list[set<&ast::section_text::headers>]) |
    (kw("HEADER.FIELDS")[set_value<&ast::section_text::kind,
                                   ast::section_text_kind::header_fields>] > SP_ >
     header_list[set<&ast::section_text::headers>]) |
    kw("HEADER")[set_value<&ast::section_text::kind, ast::section_text_kind::header>] |
    kw("TEXT")[set_value<&ast::section_text::kind, ast::section_text_kind::text>];
// section-text    = section-msgtext / "MIME"
inline const auto section_text_def =
    section_msgtext[assign] |
    kw("MIME")[set_value<&ast::section_text::kind, ast::section_text_kind::mime>];
// section-part    = nz-number *("." nz-number)
inline const auto section_part_def = nz_number[push_val] % ('.' >> &digit_nz);
// section-spec    = section-msgtext / (section-part ["." section-text])
inline const auto section_spec_def =
    section_msgtext[set<&ast::section::text>] |
    (section_part[set<&ast::section::part>] > -('.' > section_text[set<&ast::section::text>]));
// section         = "[" [section-spec] "]"
inline const auto section_def = '[' > -section_spec[assign] > ']';

// status-att      = "MESSAGES" / "RECENT" / "UIDNEXT" / "UIDVALIDITY" / "UNSEEN"
// RFC 7162 §7 (CONDSTORE)
// status-att      =/ "HIGHESTMODSEQ"
// RFC 9051 §9 (IMAP4rev2)
// status-att      = "MESSAGES" / "UIDNEXT" / "UIDVALIDITY" /
//                   "UNSEEN" / "DELETED" / "SIZE"
// (the other extensions' items: ast::extension_of says which extension each needs)
inline const auto status_att_def = keyword_enum_parser<ast::status_att>{};

// A keyword ends where the atom ends: "ALLX" is not ALL followed by junk.
inline const auto kw_end = !char_parser<cc_atom>{};

// capability      = ("AUTH=" auth-type) / atom
// ("AUTH=" auth-type is itself an atom)
inline const auto capability_def = atom;

IMAPWIRE_DEFINE(ATOM_CHAR, ASTRING_CHAR, TEXT_CHAR, QUOTED_CHAR, CHAR8, atom_specials,
                quoted_specials, resp_specials, list_wildcards, list_char, digit_nz, base64_char,
                SP_, CRLF_, atom, number, nz_number, quoted, literal, string, astring, nil, nstring,
                tag, text, base64_terminal, base64, date_day, date_day_fixed, date_month, date_year,
                date_text, date, time, zone, date_time, flag_keyword, flag_extension, flag,
                flag_fetch, flag_perm, flag_list, seq_number, seq_range, sequence_set, uniqueid,
                status_att, capability, mailbox, list_mailbox, header_fld_name, header_list,
                section_msgtext, section_text, section_part, section_spec, section)

} // namespace imapwire::grammar
