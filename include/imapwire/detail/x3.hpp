// imapwire: X3 support shared by the grammar areas: parse state in the context, rule IDs that
// record the RFC production an expectation failed in, the expectation operator that fails
// without throwing, hot-token primitive parsers over the character tables, the depth guard, and
// small semantic actions.
#pragma once

#include <imapwire/ast/core.hpp>
#include <imapwire/ast/traits.hpp>
#include <imapwire/detail/charset.hpp>
#include <imapwire/detail/quoted.hpp>
#include <imapwire/error.hpp>
#include <imapwire/options.hpp>

#include <boost/spirit/home/x3.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

namespace imapwire::detail {

namespace x3 = boost::spirit::x3;
using iterator = const char*;

/// A rule's RFC name (one static object per rule, see IMAPWIRE_RULE).
struct rule_name {
    std::string_view rfc;
};

/// The first failure of a parse that rejects the message whatever else might still match: an
/// expectation point that did not match, or a limit. Parsing never throws; the parser that
/// fails records it here and returns false, and the driver reports it (impl/parse_common.hpp).
struct failure {
    iterator where = nullptr;
    error code = error::syntax;
    /// The RFC production it happened in: for syntax errors the innermost rule being parsed,
    /// for limits the name given where it was detected (empty: the entry point's production).
    std::string_view production;
    /// What was expected: a fixed text, or (for expectation points) the parser that did not
    /// match, described only when the error is reported so that failing allocates nothing.
    std::string_view expected;
    bool quote_expected = false; ///< `expected` is a keyword: shown in double quotes
    const void* subject = nullptr;
    std::string (*describe)(const void*) = nullptr;
};

/// Per-parse state, reached from the X3 context under state_tag.
struct parse_state {
    const parse_options* options = nullptr;
    std::size_t depth = 0;
    /// Set while an optional part with a fallback is tried (resp-text's "[" code "]"): the
    /// string primitives then fail instead of reporting errors, so the fallback can match.
    bool soft = false;
    /// Set while the command after "UID" SP is parsed: QRESYNC's VANISHED FETCH modifier is
    /// only allowed in UID FETCH (RFC 7162 §3.2.6).
    bool in_uid = false;
    /// Set when a client's message is parsed: only those may hold `{n+}` (RFC 7888).
    bool from_client = false;
    /// Set by the first hard failure. From then on every rule fails at once, so nothing after
    /// it is parsed (the message is rejected with `first_failure` whatever the rest does).
    bool failed = false;
    failure first_failure;
    /// The innermost rule being parsed (IMAPWIRE_DEFINE keeps it). A pointer to a struct, not
    /// a string_view: a store of this type cannot alias the iterators, which the compiler
    /// would otherwise reload after every rule entry and exit.
    const rule_name* rule = nullptr;
};
struct state_tag;

template <class Context>
parse_state& state(const Context& ctx) {
    return x3::get<state_tag>(ctx);
}

/// Records a limit (or another failure with a fixed description) unless one is recorded.
inline void fail_with(parse_state& st, iterator where, error code, std::string_view production,
                      std::string_view expected) noexcept {
    if (st.failed)
        return;
    st.failed = true;
    st.first_failure.where = where;
    st.first_failure.code = code;
    st.first_failure.production = production;
    st.first_failure.expected = expected;
}

struct keyword_parser;
template <class Subject, class Action>
constexpr bool is_x3_action(const x3::action<Subject, Action>*) {
    return true;
}
constexpr bool is_x3_action(const void*) {
    return false;
}

/// What `subject` expected, as X3's what() and readable_expectation() would put it, without
/// building a string where a static text says it: a rule's RFC name, a keyword (quoted when
/// reported). Other parsers are described when the error is reported.
template <class Subject>
void describe_expected(failure& f, const Subject& subject) noexcept {
    if constexpr (is_x3_action(static_cast<const Subject*>(nullptr))) {
        describe_expected(f, subject.subject); // what(p[action]) is what(p)
    } else if constexpr (requires {
                             typename Subject::id;
                             subject.name;
                         }) {
        f.expected = subject.name; // an x3::rule: its RFC name
    } else if constexpr (std::is_same_v<Subject, keyword_parser>) {
        f.expected = subject.word;
        f.quote_expected = true;
    } else {
        f.subject = std::addressof(subject); // X3 parsers overload unary &
        f.describe = [](const void* p) { return x3::what(*static_cast<const Subject*>(p)); };
    }
}

/// Records that an expectation point did not match: `subject` was expected at `where`.
template <class Subject>
void fail_expected(parse_state& st, iterator where, const Subject& subject) noexcept {
    if (st.failed)
        return;
    st.failed = true;
    st.first_failure.where = where;
    st.first_failure.code = error::syntax;
    st.first_failure.production = st.rule ? st.rule->rfc : std::string_view();
    describe_expected(st.first_failure, subject);
}

/// Records a syntax error at a primitive's own decisive point: `production` is the rule the
/// primitive is the whole of (quoted, literal), `expected` a fixed text.
inline void fail_syntax(parse_state& st, iterator where, std::string_view production,
                        std::string_view expected) noexcept {
    fail_with(st, where, error::syntax, production, expected);
}

/// Base of every rule ID: its RFC name, which a syntax error inside the rule (and in no rule
/// nested in it) reports as its production (IMAPWIRE_DEFINE).
template <class Derived>
struct rule_base {};

// Declares a rule named after its RFC 3501 production. `id` is the C++ name, `rfc` the ABNF name.
#define IMAPWIRE_RULE(id, rfc, ...)                                                                \
    struct id##_rule : ::imapwire::detail::rule_base<id##_rule> {                                  \
        static constexpr std::string_view rfc_name = rfc;                                          \
        static constexpr ::imapwire::detail::rule_name name{rfc};                                  \
    };                                                                                             \
    using id##_type = ::boost::spirit::x3::rule<id##_rule, __VA_ARGS__>;                           \
    inline const id##_type id = rfc;

template <class Subject>
struct expect_parser;
template <class P>
struct is_expect_parser : std::false_type {};
template <class S>
struct is_expect_parser<expect_parser<S>> : std::true_type {};

/// True when parser type P has an expectation point of its own, outside the rules it refers
/// to (a hand-written parser with one says `static constexpr bool has_own_expectation = true`):
/// only such a rule's name can be the production of a failed expectation, so only such
/// rules keep parse_state::rule up to date (which costs a little on every entry).
template <class P>
constexpr bool has_own_expectation() {
    if constexpr (requires { P::has_own_expectation; })
        return P::has_own_expectation; // a parser of its own that says so
    else if constexpr (
        requires {
            typename P::id;
            typename P::attribute_type;
        } &&
        std::is_base_of_v<x3::parser<P>, P> && requires { P::force_attribute; })
        return false; // a rule: it keeps its own name
    else if constexpr (requires {
                           typename P::left_type;
                           typename P::right_type;
                       })
        return has_own_expectation<typename P::left_type>() ||
               has_own_expectation<typename P::right_type>();
    else if constexpr (requires { typename P::subject_type; })
        return is_expect_parser<P>::value || has_own_expectation<typename P::subject_type>();
    else
        return false;
}

/// A rule's definition runs through here (IMAPWIRE_DEFINE): once a hard failure is recorded,
/// a rule fails at once; while it runs, parse_state::rule names it.
template <class Rule, class Def, class It, class Ctx, class Attr>
bool parse_rule_definition(const Rule& rule, const Def& def, It& first, const It& last,
                           const Ctx& ctx, Attr& attr) {
    using rule_t = Rule;
    using parser =
        x3::detail::rule_parser<typename rule_t::attribute_type, typename rule_t::id, true>;
    if constexpr (has_own_expectation<Def>()) {
        parse_state& st = state(ctx);
        if (st.failed)
            return false;
        const rule_name* const outer = st.rule;
        st.rule = &rule_t::id::name;
        const bool ok = parser::call_rule_definition(def, rule.name, first, last, ctx, attr,
                                                     boost::mpl::bool_<rule_t::force_attribute>());
        st.rule = outer;
        return ok;
    } else {
        return parser::call_rule_definition(def, rule.name, first, last, ctx, attr,
                                            boost::mpl::bool_<rule_t::force_attribute>());
    }
}

// BOOST_SPIRIT_DEFINE for imapwire's rules: the definition runs through parse_rule_definition.
#define IMAPWIRE_DEFINE_ONE_(r, data, rule_name)                                                   \
    template <typename Iterator, typename Context>                                                 \
    inline bool parse_rule(::boost::spirit::x3::detail::rule_id<decltype(rule_name)::id>,          \
                           Iterator& first, Iterator const& last, Context const& context,          \
                           decltype(rule_name)::attribute_type& attr) {                            \
        return ::imapwire::detail::parse_rule_definition(rule_name, BOOST_JOIN(rule_name, _def),   \
                                                         first, last, context, attr);              \
    }
#define IMAPWIRE_DEFINE(...)                                                                       \
    BOOST_PP_SEQ_FOR_EACH(IMAPWIRE_DEFINE_ONE_, _, BOOST_PP_VARIADIC_TO_SEQ(__VA_ARGS__))

// ---------------------------------------------------------------------------------------------
// The expectation operator
//
// `a > b` in the grammar is X3's expectation operator, but it does not throw: when b does not
// match, the failure is recorded in the parse state (fail_expected) and the sequence fails.
// Every rule fails at once after that, so the parse ends quickly, and the driver reports the
// recorded failure. X3's own operator> throws x3::expectation_failure; the one below is found
// for imapwire's grammar (it is declared in imapwire::detail, which the grammar namespaces use,
// and found by ADL for imapwire's parsers) and, being constrained, is chosen over X3's.

/// b in `a > b`: b, and a recorded failure when it does not match.
template <class Subject>
struct expect_parser : x3::unary_parser<Subject, expect_parser<Subject>> {
    using base_type = x3::unary_parser<Subject, expect_parser<Subject>>;
    static constexpr bool is_pass_through_unary = true;
    constexpr explicit expect_parser(const Subject& s)
        : base_type(s) {}
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx& rctx, Attr& attr) const {
        if (this->subject.parse(first, last, ctx, rctx, attr))
            return true;
        fail_expected(state(ctx), first, this->subject);
        return false;
    }
};

template <class T>
concept x3_parser = std::is_base_of_v<x3::parser_base, T>;
template <class T>
concept x3_operand = x3_parser<T> || requires(const T& t) {
    x3::as_parser(t);
};

template <class Left, class Right>
requires(x3_parser<Left> || x3_parser<Right>) && x3_operand<Left>&& x3_operand<Right> constexpr auto
                                                 operator>(const Left& left, const Right& right) {
    using R = typename x3::extension::as_parser<Right>::value_type;
    return left >> expect_parser<R>(x3::as_parser(right));
}

// ---------------------------------------------------------------------------------------------
// Primitives

/// One or more characters of a class; the attribute views them.
template <std::uint16_t Class>
struct chars_parser : x3::parser<chars_parser<Class>> {
    using attribute_type = std::string_view;
    static constexpr bool has_attribute = true;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx&, RCtx&, Attr& attr) const {
        It i = first;
        while (i != last && (charclass_table[static_cast<unsigned char>(*i)] & Class))
            ++i;
        if (i == first)
            return false;
        x3::traits::move_to(std::string_view(first, static_cast<std::size_t>(i - first)), attr);
        first = i;
        return true;
    }
};

/// Exactly one character of a class.
template <std::uint16_t Class>
struct char_parser : x3::parser<char_parser<Class>> {
    using attribute_type = char;
    static constexpr bool has_attribute = true;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx&, RCtx&, Attr& attr) const {
        if (first == last || !(charclass_table[static_cast<unsigned char>(*first)] & Class))
            return false;
        x3::traits::move_to(*first, attr);
        ++first;
        return true;
    }
};

/// Between Min and Max ASCII digits; the attribute views them.
template <std::size_t Min, std::size_t Max>
struct digits_parser : x3::parser<digits_parser<Min, Max>> {
    using attribute_type = std::string_view;
    static constexpr bool has_attribute = true;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx&, RCtx&, Attr& attr) const {
        It i = first;
        while (i != last && static_cast<std::size_t>(i - first) < Max && *i >= '0' && *i <= '9')
            ++i;
        if (static_cast<std::size_t>(i - first) < Min)
            return false;
        x3::traits::move_to(std::string_view(first, static_cast<std::size_t>(i - first)), attr);
        first = i;
        return true;
    }
};

constexpr unsigned digits_value(std::string_view d) noexcept {
    unsigned v = 0;
    for (char c : d)
        v = v * 10 + static_cast<unsigned>(c - '0');
    return v;
}

/// RFC 3501 `number` (NonZero = false) and `nz-number` (true): 32-bit unsigned. Digits that
/// overflow 32 bits are an error (number_range), not a shorter match; with Soft, they are simply
/// no match (for places where another alternative can take the digits).
template <bool NonZero, bool Soft = false>
struct number_parser : x3::parser<number_parser<NonZero, Soft>> {
    using attribute_type = std::uint32_t;
    static constexpr bool has_attribute = true;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, [[maybe_unused]] const Ctx& ctx, RCtx&,
               Attr& attr) const {
        It i = first;
        if (i == last || *i < '0' || *i > '9' || (NonZero && *i == '0'))
            return false;
        std::uint64_t v = 0;
        while (i != last && *i >= '0' && *i <= '9') {
            v = v * 10 + static_cast<std::uint64_t>(*i - '0');
            if (v > 0xffffffffull) {
                if constexpr (!Soft)
                    fail_with(state(ctx), first, error::number_range,
                              NonZero ? "nz-number" : "number", "a number below 4294967296");
                return false;
            }
            ++i;
        }
        x3::traits::move_to(static_cast<std::uint32_t>(v), attr);
        first = i;
        return true;
    }
};

/// RFC 3501's `number` (or with NonZero `nz-number`) where IMAP4rev2 has `number64` (or
/// `nz-number64`): sizes, offsets and line counts (RFC 9051 Appendix E item 1). Without
/// extension::imap4rev2 a value above 2^32-1 is the same number_range error as number_parser's;
/// with it the bound is 2^63-1.
template <bool NonZero>
struct wide_number_parser : x3::parser<wide_number_parser<NonZero>> {
    using attribute_type = std::uint64_t;
    static constexpr bool has_attribute = true;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx&, Attr& attr) const {
        It i = first;
        if (i == last || *i < '0' || *i > '9' || (NonZero && *i == '0'))
            return false;
        constexpr std::uint64_t max64 = 0x7fffffffffffffffull;
        std::uint64_t v = 0;
        bool over = false;
        // (eighteen digits always fit in 63 bits: only a longer number is checked digit by digit)
        for (int n = 0; i != last && *i >= '0' && *i <= '9'; ++n) {
            const auto digit = static_cast<std::uint64_t>(*i - '0');
            if (n >= 18 && v > (max64 - digit) / 10) {
                over = true;
                break;
            }
            v = v * 10 + digit;
            ++i;
        }
        // (the extension set is looked at only past 32 bits: RFC 3501 traffic never pays for it)
        if (over || v > 0xffffffffull) {
            if (!state(ctx).options->extensions.contains(extension::imap4rev2)) {
                fail_with(state(ctx), first, error::number_range, NonZero ? "nz-number" : "number",
                          "a number below 4294967296");
                return false;
            }
            if (over) {
                fail_with(state(ctx), first, error::number_range,
                          NonZero ? "nz-number64" : "number64",
                          "a number below 9223372036854775808");
                return false;
            }
        }
        x3::traits::move_to(v, attr);
        first = i;
        return true;
    }
};

/// Case-insensitive keyword (RFC 3501 §9 note 1).
struct keyword_parser : x3::parser<keyword_parser> {
    using attribute_type = x3::unused_type;
    static constexpr bool has_attribute = false;
    std::string_view word;
    constexpr explicit keyword_parser(std::string_view w)
        : word(w) {}
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx&, RCtx&, Attr&) const {
        if (static_cast<std::size_t>(last - first) < word.size())
            return false;
        for (std::size_t k = 0; k < word.size(); ++k)
            if (ascii_upper(first[k]) != word[k])
                return false;
        first += static_cast<std::ptrdiff_t>(word.size());
        return true;
    }
};
constexpr keyword_parser kw(std::string_view w) {
    return keyword_parser(w);
}

/// RFC 3501 `text` (1*TEXT-CHAR), and with IMAP4rev2 RFC 9051's
/// text = 1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4). It stops before the first octet that is
/// neither (a sequence that is not well-formed UTF-8 included), where what follows must fit.
struct text_parser : x3::parser<text_parser> {
    using attribute_type = std::string_view;
    static constexpr bool has_attribute = true;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx&, Attr& attr) const {
        It i = skip_text(first, last, false);
        // (the extension set is looked at only where an octet above 0x7F stops the text)
        if (i != last && static_cast<unsigned char>(*i) >= 0x80 &&
            state(ctx).options->extensions.contains(extension::imap4rev2))
            i = skip_text(i, last, true);
        if (i == first)
            return false;
        x3::traits::move_to(std::string_view(first, static_cast<std::size_t>(i - first)), attr);
        first = i;
        return true;
    }
};

/// RFC 3501 `quoted`. Once the opening DQUOTE is seen nothing else can match, so a bad octet
/// inside is reported exactly where it is. The attribute views the escaped contents.
struct quoted_parser : x3::parser<quoted_parser> {
    using attribute_type = ast::istring;
    static constexpr bool has_attribute = true;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx&, Attr& attr) const {
        if (first == last || *first != '"')
            return false;
        const bool soft = state(ctx).soft;
        It i = first + 1;
        for (;;) {
            if (i == last) {
                if (!soft)
                    fail_syntax(state(ctx), i, "quoted", "DQUOTE");
                return false;
            }
            if constexpr (std::is_same_v<It, const char*>) {
                i = skip_quoted_chars(i, last);
                if (i == last)
                    continue;
            }
            const char c = *i;
            if (c == '"')
                break;
            if (c == '\\') {
                if (i + 1 == last || !is(cc_quoted_sp, i[1])) {
                    if (!soft)
                        fail_syntax(state(ctx), i + 1, "quoted", "quoted-specials");
                    return false;
                }
                i += 2;
                continue;
            }
            if (!is(cc_quoted, c)) {
                // RFC 9755 §3 (UTF8=ACCEPT) and RFC 9051 §9 (IMAP4rev2):
                // uQUOTED-CHAR  = QUOTED-CHAR / UTF8-2 / UTF8-3 / UTF8-4
                if (static_cast<unsigned char>(c) >= 0x80 &&
                    utf8_quoted_allowed(state(ctx).options->extensions)) {
                    if (const std::size_t n = utf8_sequence_length(i, last)) {
                        i += static_cast<std::ptrdiff_t>(n);
                        continue;
                    }
                    if (!soft)
                        fail_syntax(state(ctx), i, "quoted", "well-formed UTF-8 (RFC 3629)");
                    return false;
                }
                if (!soft)
                    fail_syntax(state(ctx), i, "quoted", "QUOTED-CHAR");
                return false;
            }
            ++i;
        }
        x3::traits::move_to(
            ast::istring(std::string_view(first + 1, static_cast<std::size_t>(i - first - 1)),
                         ast::string_form::quoted),
            attr);
        first = i + 1;
        return true;
    }
};

/// RFC 3501 `literal`: "{" number "}" CRLF *CHAR8, the count driving how many octets are
/// consumed. `{n+}` is accepted in a client's message when the extensions allow it: LITERAL+, or
/// LITERAL- for at most 4096 octets (RFC 7888). With `Eight`, RFC 4466's `literal8`:
/// "~{" number ["+"] "}" CRLF *OCTET, NUL allowed, only when BINARY (RFC 3516) is enabled.
template <bool Eight>
struct basic_literal_parser : x3::parser<basic_literal_parser<Eight>> {
    using attribute_type = ast::istring;
    static constexpr bool has_attribute = true;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx&, Attr& attr) const {
        constexpr std::string_view production = Eight ? "literal8" : "literal";
        parse_state& st = state(ctx);
        It i = first;
        if constexpr (Eight) {
            if (last - first < 2 || first[0] != '~' || first[1] != '{' ||
                !st.options->extensions.contains(extension::binary))
                return false;
            ++i;
        }
        if (i == last || *i != '{')
            return false;
        ++i;
        std::uint64_t n = 0;
        const It digits = i;
        while (i != last && *i >= '0' && *i <= '9') {
            n = n * 10 + static_cast<std::uint64_t>(*i - '0');
            if (n > 0xffffffffull) {
                if (!st.soft)
                    fail_with(st, digits, error::number_range, production,
                              "a number below 4294967296");
                return false;
            }
            ++i;
        }
        if (i == digits) {
            if (!st.soft)
                fail_syntax(st, i, production, "number");
            return false;
        }
        bool nonsync = false;
        // a `{n+}` of no octets is allowed whenever one is at all
        if (i != last && *i == '+' && st.from_client &&
            nonsync_literal_allowed(st.options->extensions, 0)) {
            if (!nonsync_literal_allowed(st.options->extensions, static_cast<std::size_t>(n))) {
                fail_with(st, first, error::literal_too_large, production,
                          "a synchronizing literal: LITERAL- allows {n+} up to 4096 octets");
                return false;
            }
            nonsync = true;
            ++i;
        }
        if (i == last || *i != '}') {
            if (!st.soft)
                fail_syntax(st, i, production, "'}'");
            return false;
        }
        ++i;
        if (last - i < 2 || i[0] != '\r' || i[1] != '\n') {
            if (!st.soft)
                fail_syntax(st, i, production, "CRLF");
            return false;
        }
        i += 2;
        if (n > st.options->max_literal_size) {
            fail_with(st, first, error::literal_too_large, production, "a smaller literal");
            return false;
        }
        if (static_cast<std::uint64_t>(last - i) < n) {
            fail_syntax(st, last, production, Eight ? "OCTET" : "CHAR8");
            return false;
        }
        const It end = i + static_cast<std::ptrdiff_t>(n);
        if (!Eight) {
            if (const void* z = std::memchr(i, '\0', static_cast<std::size_t>(n))) {
                fail_with(st, static_cast<It>(z), error::nul_byte, production, "CHAR8");
                return false;
            }
        }
        using ast::string_form;
        const string_form form =
            Eight ? (nonsync ? string_form::literal8_nonsync : string_form::literal8)
                  : (nonsync ? string_form::literal_nonsync : string_form::literal);
        x3::traits::move_to(ast::istring(std::string_view(i, static_cast<std::size_t>(n)), form),
                            attr);
        first = end;
        return true;
    }
};
using literal_parser = basic_literal_parser<false>;
using literal8_parser = basic_literal_parser<true>;

/// Everything up to (not including) the CRLF that ends the message being parsed.
struct rest_of_message_parser : x3::parser<rest_of_message_parser> {
    using attribute_type = std::string_view;
    static constexpr bool has_attribute = true;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx&, RCtx&, Attr& attr) const {
        if (last - first < 2)
            return false;
        const It end = last - 2;
        x3::traits::move_to(std::string_view(first, static_cast<std::size_t>(end - first)), attr);
        first = end;
        return true;
    }
};

/// An x3::symbols table of an enumeration's keywords (ast::keywords<E>): match them with
/// x3::no_case and a word-end check.
template <class E>
struct keyword_symbols : x3::symbols<E> {
    keyword_symbols() {
        for (const auto& [value, word] : ast::keywords<E>::table)
            this->add(word, value);
    }
};

/// Called only where a keyword table is built at compile time, so that a keyword that cannot
/// be looked up by its first letter stops the build.
inline void keyword_must_start_with_a_letter() noexcept {}

/// Bit masks over a table of up to 64 keywords (upper case; an empty entry is never looked
/// up): `of(word)` has a bit set for each entry with the word's length and first letter (any
/// case). A keyword lookup then compares whole words only with these few candidates, however
/// long the table grows with extensions.
template <std::size_t N>
struct keyword_masks {
    static_assert(N <= 64, "one bit per keyword");
    using mask = std::uint64_t;
    std::array<mask, 26> by_letter{};
    std::array<mask, 32> by_length{};
    constexpr explicit keyword_masks(const std::array<std::string_view, N>& words) {
        for (std::size_t i = 0; i < N; ++i) {
            if (words[i].empty())
                continue;
            const char c = words[i][0];
            if (c < 'A' || c > 'Z')
                keyword_must_start_with_a_letter();
            by_letter[static_cast<std::size_t>(c - 'A')] |= mask{1} << i;
            by_length[std::min<std::size_t>(words[i].size(), 31)] |= mask{1} << i;
        }
    }
    constexpr mask of(std::string_view word) const noexcept {
        const char c = ascii_upper(word.empty() ? '\0' : word[0]);
        if (c < 'A' || c > 'Z' || word.size() >= 31)
            return 0;
        return by_letter[static_cast<std::size_t>(c - 'A')] & by_length[word.size()];
    }
};

/// The entries of ast::keywords<E>::table that can spell `word` (keyword_masks).
template <class E>
struct keyword_candidates {
    static constexpr auto& table = ast::keywords<E>::table;
    static constexpr std::size_t size = std::size(table);
    using mask = std::uint64_t;
    static constexpr keyword_masks<size> masks{[] {
        std::array<std::string_view, size> words{};
        for (std::size_t i = 0; i < size; ++i)
            words[i] = table[i].second;
        return words;
    }()};
    static mask of(std::string_view word) noexcept { return masks.of(word); }
};

/// Matches the empty string when extension `e` is enabled for this parse
/// (parse_options::extensions), and fails otherwise: the guard in front of an extension's rule
/// at an extension point of the core grammar.
struct enabled_parser : x3::parser<enabled_parser> {
    using attribute_type = x3::unused_type;
    static constexpr bool has_attribute = false;
    extension ext;
    constexpr explicit enabled_parser(extension e)
        : ext(e) {}
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It&, const It&, const Ctx& ctx, RCtx&, Attr&) const {
        return state(ctx).options->extensions.contains(ext);
    }
};
constexpr enabled_parser enabled(extension e) {
    return enabled_parser(e);
}

/// Matches the empty string when UTF8=ACCEPT or IMAP4rev2 is enabled (utf8_quoted_allowed).
struct utf8_enabled_parser : x3::parser<utf8_enabled_parser> {
    using attribute_type = x3::unused_type;
    static constexpr bool has_attribute = false;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It&, const It&, const Ctx& ctx, RCtx&, Attr&) const {
        return utf8_quoted_allowed(state(ctx).options->extensions);
    }
};
inline constexpr utf8_enabled_parser utf8_enabled{};

/// Matches the empty string when an extension that adds an alternative to Variant is enabled
/// (the guard of an extension point whose every alternative comes from an extension).
template <class Variant>
struct any_enabled_parser : x3::parser<any_enabled_parser<Variant>> {
    using attribute_type = x3::unused_type;
    static constexpr bool has_attribute = false;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It&, const It&, const Ctx& ctx, RCtx&, Attr&) const {
        const extension_set& enabled = state(ctx).options->extensions;
        bool any = false;
        ast::for_each_alternative<Variant>(
            [&]<class T>() { any = any || enabled.contains(ast::traits<T>::info.ext); });
        return any;
    }
};
template <class Variant>
constexpr any_enabled_parser<Variant> any_enabled() {
    return {};
}

template <class A, class T>
struct holds_type;

/// The keyword at `first`: its ATOM-CHARs (what a keyword dispatch looks up).
template <class It>
std::string_view atom_word(It first, const It& last) noexcept {
    It end = first;
    while (end != last && is(cc_atom, *end))
        ++end;
    return std::string_view(first, static_cast<std::size_t>(end - first));
}

/// The keyword of an enumeration (ast::keywords<E>): reads the whole word (1*ATOM-CHAR) and
/// looks it up, case-insensitively; an enumerator of an extension that is not enabled
/// (ast::extension_of) is no match.
template <class E>
struct keyword_enum_parser : x3::parser<keyword_enum_parser<E>> {
    using attribute_type = E;
    static constexpr bool has_attribute = true;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx&, Attr& attr) const {
        const std::string_view word = atom_word(first, last);
        using candidates = keyword_candidates<E>;
        for (auto m = candidates::of(word); m != 0; m &= m - 1) {
            const auto& [value, keyword] = candidates::table[std::countr_zero(m)];
            if (iequals(word, keyword) &&
                state(ctx).options->extensions.contains(ast::extension_of(value))) {
                x3::traits::move_to(value, attr);
                first += static_cast<std::ptrdiff_t>(word.size());
                return true;
            }
        }
        return false;
    }
};

/// The name of a FETCH item at `first` (fetch-att and msg-att): its ATOM-CHARs up to a "[",
/// which is an ATOM-CHAR but starts a section (BODY[ is not BODY); `bracket` says whether one
/// follows.
struct fetch_item_word {
    std::string_view word;
    bool bracket = false;
};
template <class It>
fetch_item_word read_fetch_item_word(It first, const It& last) noexcept {
    It end = first;
    while (end != last && *end != '[' && is(cc_atom, *end))
        ++end;
    return {std::string_view(first, static_cast<std::size_t>(end - first)),
            end != last && *end == '['};
}

/// What a keyword dispatch does with a word that is no keyword of its table: commands take a
/// word starting with "X" as an x-command (RFC 3501 §6.5.1).
struct x_command_fallback {
    using type = ast::x_command;
    static constexpr bool after_mismatch = false; ///< a keyword whose rule fails stays failed
    static constexpr bool applies(std::string_view word) noexcept {
        return word[0] == 'X' || word[0] == 'x';
    }
};
/// A keyword dispatch with no fallback: a word that is no keyword of its table is no match.
struct no_fallback {
    using type = void;
    static constexpr bool after_mismatch = false;
    static constexpr bool applies(std::string_view) noexcept { return false; }
};
/// Response codes take any other atom as the generic `atom [SP text]` form, and so is a named
/// code whose own form does not match ([UIDNEXT x], [ALERT extra]).
struct code_other_fallback {
    using type = ast::code_other;
    static constexpr bool after_mismatch = true;
    static constexpr bool applies(std::string_view) noexcept { return true; }
};

/// Keyword dispatch (DESIGN §3): reads the whole keyword (1*ATOM-CHAR) and looks it up among
/// the ast::traits keywords of Variant's alternatives, then runs that alternative's parser
/// (`Parsers::template get<T>()`, which reads the keyword again and the arguments) into the
/// variant. The word decides, not the order of alternatives, so LISTRIGHTS is not LIST followed
/// by junk and IDLE is not ID. An alternative of an extension that is not enabled is not
/// there. `Groups` (a bit per ast::command_group, 0 for all) narrows the commands looked up.
/// `Fallback` says what a word that is no keyword is (x_command_fallback, code_other_fallback).
template <class Variant, class Parsers, unsigned Groups = 0, class Fallback = x_command_fallback>
struct keyword_dispatch_parser
    : x3::parser<keyword_dispatch_parser<Variant, Parsers, Groups, Fallback>> {
    using attribute_type = Variant;
    static constexpr bool has_attribute = true;
    using fallback_type = typename Fallback::type;

    template <class T>
    static constexpr bool in_groups() {
        if constexpr (Groups == 0)
            return true;
        else
            return (Groups >> static_cast<unsigned>(ast::traits<T>::info.group)) & 1u;
    }

    static constexpr std::size_t size = std::variant_size_v<Variant>;
    template <std::size_t I>
    using alternative = std::variant_alternative_t<I, Variant>;
    /// Whether the I-th alternative is looked up by its keyword here.
    template <std::size_t I>
    static constexpr bool dispatched() {
        return in_groups<alternative<I>>() && !std::is_same_v<alternative<I>, fallback_type>;
    }
    /// The alternatives' keywords (empty for those not looked up) and their extensions.
    static constexpr auto keywords = []<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<std::string_view, size>{
            (dispatched<I>() ? ast::traits<alternative<I>>::info.keyword : std::string_view{})...};
    }
    (std::make_index_sequence<size>{});
    static constexpr auto extensions = []<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<extension, size>{ast::traits<alternative<I>>::info.ext...};
    }
    (std::make_index_sequence<size>{});
    static constexpr keyword_masks<size> masks{keywords};

    /// Runs the I-th alternative's parser into the variant.
    template <std::size_t I, class It, class Ctx, class RCtx>
    static bool parse_alternative(It& first, const It& last, const Ctx& ctx, RCtx& rctx,
                                  Variant& attr) {
        return Parsers::template get<alternative<I>>().parse(first, last, ctx, rctx,
                                                             attr.template emplace<I>());
    }
    template <class It, class Ctx, class RCtx>
    using parse_fn = bool (*)(It&, const It&, const Ctx&, RCtx&, Variant&);
    /// parse_alternative by index, null for the alternatives not looked up here.
    template <class It, class Ctx, class RCtx>
    static constexpr auto alternatives = []<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<parse_fn<It, Ctx, RCtx>, size>{[] {
            if constexpr (dispatched<I>())
                return &parse_alternative<I, It, Ctx, RCtx>;
            else
                return parse_fn<It, Ctx, RCtx>{nullptr};
        }()...};
    }
    (std::make_index_sequence<size>{});

    template <class It, class Ctx, class RCtx>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx& rctx, Variant& attr) const {
        const std::string_view word = atom_word(first, last);
        if (word.empty())
            return false;
        const parse_state& st = state(ctx);
        const extension_set& enabled = st.options->extensions;
        const It start = first;
        bool found = false;
        bool ok = false;
        for (auto m = masks.of(word); m != 0; m &= m - 1) {
            const auto i = static_cast<std::size_t>(std::countr_zero(m));
            if (iequals(word, keywords[i]) && enabled.contains(extensions[i])) {
                found = true;
                ok = alternatives<It, Ctx, RCtx>[i](first, last, ctx, rctx, attr);
                break;
            }
        }
        if constexpr (holds_type<fallback_type, Variant>::value && in_groups<fallback_type>()) {
            const bool fall_back = !found || (Fallback::after_mismatch && !ok && !st.failed);
            if (fall_back && Fallback::applies(word)) {
                first = start;
                return Parsers::template get<fallback_type>().parse(
                    first, last, ctx, rctx, attr.template emplace<fallback_type>());
            }
        }
        return ok;
    }
};

/// Counts nesting through recursive rules and stops at parse_options::max_depth, so that
/// hostile input cannot exhaust the stack.
template <class Subject>
struct depth_guard_parser : x3::unary_parser<Subject, depth_guard_parser<Subject>> {
    using base_type = x3::unary_parser<Subject, depth_guard_parser<Subject>>;
    static constexpr bool is_pass_through_unary = true;
    using base_type::base_type;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx& rctx, Attr& attr) const {
        parse_state& st = state(ctx);
        if (st.depth >= st.options->max_depth) {
            fail_with(st, first, error::nesting_too_deep, {}, "less deeply nested data");
            return false;
        }
        ++st.depth;
        const bool r = this->subject.parse(first, last, ctx, rctx, attr);
        --st.depth;
        return r;
    }
};
/// Parses its subject with a flag of parse_state set (soft, in_uid: see there), restoring it
/// afterwards.
template <bool parse_state::*Flag, class Subject>
struct flag_scope_parser : x3::unary_parser<Subject, flag_scope_parser<Flag, Subject>> {
    using base_type = x3::unary_parser<Subject, flag_scope_parser<Flag, Subject>>;
    static constexpr bool is_pass_through_unary = true;
    using base_type::base_type;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx& rctx, Attr& attr) const {
        parse_state& st = state(ctx);
        const bool saved = st.*Flag;
        st.*Flag = true;
        const bool r = this->subject.parse(first, last, ctx, rctx, attr);
        st.*Flag = saved;
        return r;
    }
};
template <bool parse_state::*Flag>
struct flag_scope_gen {
    template <class Subject>
    constexpr flag_scope_parser<Flag, typename x3::extension::as_parser<Subject>::value_type>
    operator[](const Subject& s) const {
        return {x3::as_parser(s)};
    }
};
inline constexpr flag_scope_gen<&parse_state::soft> soft{};
inline constexpr flag_scope_gen<&parse_state::in_uid> in_uid_scope{};
/// Matches the empty string inside in_uid_scope only.
inline constexpr auto in_uid = [](auto& ctx) { x3::_pass(ctx) = state(ctx).in_uid; };

struct depth_guard_gen {
    template <class Subject>
    constexpr depth_guard_parser<typename x3::extension::as_parser<Subject>::value_type>
    operator[](const Subject& s) const {
        return {x3::as_parser(s)};
    }
};
inline constexpr depth_guard_gen depth_guard{};

// ---------------------------------------------------------------------------------------------
// Semantic actions

// The storing actions: p[assign], p[set<M>], p[push<M>], p[push_val], p[push_opt]. They are
// tags that say where p's attribute goes; the x3::action specialization at the end of this file
// parses p straight into that place (see in_place_parser below).
enum class store { value, member, push, push_member, push_optional };

/// _val = _attr
struct assign_t {
    static constexpr store how = store::value;
    static constexpr auto member = nullptr;
};
inline constexpr assign_t assign{};

/// _val.*M = _attr
template <auto M>
struct set_t {
    static constexpr store how = store::member;
    static constexpr auto member = M;
};
template <auto M>
inline constexpr set_t<M> set{};

/// _val.*M = V
template <auto M, auto V>
struct set_value_t {
    template <class Ctx>
    void operator()(Ctx& ctx) const {
        x3::_val(ctx).*M = V;
    }
};
template <auto M, auto V>
inline constexpr set_value_t<M, V> set_value{};

/// _val = V
template <auto V>
struct assign_value_t {
    template <class Ctx>
    void operator()(Ctx& ctx) const {
        x3::_val(ctx) = V;
    }
};
template <auto V>
inline constexpr assign_value_t<V> assign_value{};

/// _val.reserve(N): room for the usual number of items, so the list does not grow step by step.
template <std::size_t N>
struct reserve_t {
    template <class Ctx>
    void operator()(Ctx& ctx) const {
        x3::_val(ctx).reserve(N);
    }
};
template <std::size_t N>
inline constexpr reserve_t<N> reserve{};

/// A list may hold parse_options::max_list_items items: `size` is how many it would hold.
/// False (and the limit recorded) when it may not.
inline bool check_count(parse_state& st, std::size_t size, iterator where) noexcept {
    if (size <= st.options->max_list_items)
        return true;
    fail_with(st, where, error::too_many_items, {}, "a shorter list");
    return false;
}

/// In an action, before adding an item to `c`: false (and the action's match failed) when the
/// list is full.
template <class Ctx, class Container>
bool check_items(Ctx& ctx, const Container& c) {
    if (check_count(state(ctx), c.size() + 1, x3::_where(ctx).begin()))
        return true;
    x3::_pass(ctx) = false;
    return false;
}

/// _val = T{}
template <class T>
struct assign_type_t {
    template <class Ctx>
    void operator()(Ctx& ctx) const {
        x3::_val(ctx) = T{};
    }
};
template <class T>
inline constexpr assign_type_t<T> assign_type{};

/// (_val.*M).push_back(_attr), within parse_options::max_list_items.
template <auto M>
struct push_t {
    static constexpr store how = store::push_member;
    static constexpr auto member = M;
};
template <auto M>
inline constexpr push_t<M> push{};

/// _val.push_back(_attr), within parse_options::max_list_items.
struct push_val_t {
    static constexpr store how = store::push;
    static constexpr auto member = nullptr;
};
inline constexpr push_val_t push_val{};

/// _val (an optional list: NIL until the first item) .push_back(_attr), within the limit.
struct push_opt_t {
    static constexpr store how = store::push_optional;
    static constexpr auto member = nullptr;
};
inline constexpr push_opt_t push_opt{};

/// One of the storing actions above.
template <class A>
concept storing_action = requires {
    { A::how } -> std::convertible_to<store>;
    A::member;
};

// ---------------------------------------------------------------------------------------------
// In-place parsing for the actions above
//
// X3 runs an action by parsing its subject into a temporary attribute and handing that to the
// action, which moves it into the rule's value. For the actions that only store (set, assign,
// push, push_val, push_opt) the subject can parse straight into its destination instead: the
// member, the rule's value itself, or a new last element of a list. That saves a construction,
// a move and a destruction per stored value, nested as deep as the AST (an ENVELOPE inside a
// BODYSTRUCTURE inside a FETCH), and is what the x3::action specialization at the end of this
// file do. When the destination is a std::variant or std::optional holding the subject's
// attribute type, that alternative is emplaced and parsed into.
//
// The behaviour is the same as storing a temporary provided a destination is untouched until
// its subject succeeds. So on failure it is put back: a new element is popped, a trivially
// copyable destination (a number, a view) gets its saved value back, and any other is reset to
// its default, which is what it held before because each one is written at most once per rule
// (alternatives that fail are reset before the next is tried). Debug builds check that such a
// destination is at its default before it is parsed into.

template <class A, class T>
struct holds_type : std::false_type {};
template <class A, class... Ts>
struct holds_type<A, std::variant<Ts...>>
    : std::bool_constant<(static_cast<int>(std::is_same_v<A, Ts>) + ...) == 1> {};

template <class T>
struct is_std_optional : std::false_type {};
template <class T>
struct is_std_optional<std::optional<T>> : std::true_type {};

/// The object a subject with attribute type A parses into when storing into `dest`.
template <class A, class T>
decltype(auto) in_place_target(T& dest) {
    if constexpr (holds_type<A, T>::value)
        return (dest.template emplace<A>());
    else if constexpr (is_std_optional<T>::value) {
        if constexpr (std::is_same_v<typename T::value_type, A>)
            return (dest.emplace());
        else
            return (dest);
    } else
        return (dest);
}

template <class T>
void expect_untouched([[maybe_unused]] const T& dest) {
#ifndef NDEBUG
    if constexpr (requires { static_cast<bool>(dest == T{}); })
        assert(dest == T{} && "a destination is written at most once per rule");
#endif
}

template <class Subject, class Derived, store How, auto M>
struct in_place_parser : x3::unary_parser<Subject, Derived> {
    using base_type = x3::unary_parser<Subject, Derived>;
    using attribute_type = x3::unused_type;
    static constexpr bool has_attribute = false;
    static constexpr bool has_action = true;
    constexpr explicit in_place_parser(const Subject& s)
        : base_type(s) {}

    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx& val, Attr&) const {
        using A = typename x3::traits::attribute_of<Subject, Ctx>::type;
        if constexpr (How == store::value || How == store::member) {
            auto& dest = [&]() -> auto& {
                if constexpr (How == store::value)
                    return val;
                else
                    return val.*M;
            }
            ();
            using D = std::remove_reference_t<decltype(dest)>;
            if constexpr (std::is_trivially_copyable_v<D>) {
                // numbers, views, optional views: put back whatever was there
                const D saved = dest;
                if (this->subject.parse(first, last, ctx, val, in_place_target<A>(dest)))
                    return true;
                dest = saved;
            } else {
                expect_untouched(dest);
                if (this->subject.parse(first, last, ctx, val, in_place_target<A>(dest)))
                    return true;
                dest = D{};
            }
            return false;
        } else {
            auto& list = [&]() -> auto& {
                if constexpr (How == store::push_member)
                    return val.*M;
                else
                    return val;
            }
            ();
            const bool was_nil = [&] {
                if constexpr (How == store::push_optional)
                    return !list.has_value();
                else
                    return false;
            }();
            auto& c = [&]() -> auto& {
                if constexpr (How == store::push_optional) {
                    if (!list)
                        list.emplace();
                    return *list;
                } else
                    return list;
            }
            ();
            const It start = first;
            bool ok;
            if (c.size() < c.capacity()) {
                c.emplace_back();
                ok = this->subject.parse(first, last, ctx, val, in_place_target<A>(c.back()));
                if (!ok)
                    c.pop_back();
            } else {
                // a failed last attempt (every repetition ends with one) must not grow the list
                typename std::remove_reference_t<decltype(c)>::value_type item{};
                ok = this->subject.parse(first, last, ctx, val, in_place_target<A>(item));
                if (ok)
                    c.push_back(std::move(item));
            }
            if (ok) {
                if (check_count(state(ctx), c.size(), start))
                    return true;
                c.pop_back();
            }
            if constexpr (How == store::push_optional)
                if (was_nil)
                    list.reset();
            return false;
        }
    }
};

} // namespace imapwire::detail

namespace boost::spirit::x3 {
// An expectation on `p[action]` expects whatever `p` is.
template <class Subject, class Action>
struct get_info<action<Subject, Action>> {
    using result_type = std::string;
    std::string operator()(const action<Subject, Action>& p) const { return what(p.subject); }
};

// The storing actions parse in place (see in_place_parser).
template <class Subject, imapwire::detail::storing_action Action>
struct action<Subject, Action> : imapwire::detail::in_place_parser<Subject, action<Subject, Action>,
                                                                   Action::how, Action::member> {
    constexpr action(const Subject& s, Action)
        : action::in_place_parser(s) {}
};

template <>
struct get_info<imapwire::detail::keyword_parser> {
    using result_type = std::string;
    std::string operator()(const imapwire::detail::keyword_parser& p) const {
        return '"' + std::string(p.word) + '"';
    }
};
} // namespace boost::spirit::x3
