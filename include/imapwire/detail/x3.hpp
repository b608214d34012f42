// imapwire: X3 support shared by the grammar areas: parse state in the context, rule IDs that
// record the RFC production an expectation failed in, hot-token primitive parsers over the
// character tables, the depth guard, and small semantic actions.
#pragma once

#include <imapwire/ast/core.hpp>
#include <imapwire/detail/charset.hpp>
#include <imapwire/error.hpp>
#include <imapwire/options.hpp>

#include <boost/spirit/home/x3.hpp>

#include <cassert>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

namespace imapwire::detail {

namespace x3 = boost::spirit::x3;
using iterator = const char*;

/// Per-parse state, reached from the X3 context under state_tag.
struct parse_state {
    const parse_options* options = nullptr;
    std::size_t depth = 0;
    std::string_view production; ///< innermost RFC rule an expectation failed in
    /// Set while an optional part with a fallback is tried (resp-text's "[" code "]"): the
    /// string primitives then fail instead of reporting errors, so the fallback can match.
    bool soft = false;
};
struct state_tag;

template <class Context>
parse_state& state(const Context& ctx) {
    return x3::get<state_tag>(ctx);
}

/// Thrown for limit violations and errors that are not plain syntax errors.
struct limit_failure {
    iterator where;
    error code;
    std::string_view production;
    std::string expected;
};

/// Base of every rule ID: the first (innermost) rule an expectation failure passes through
/// records its RFC name, so errors quote the production that failed.
template <class Derived>
struct rule_base {
    template <class It, class Exception, class Context>
    x3::error_handler_result on_error(It&, const It&, const Exception&, const Context& ctx) const {
        parse_state& st = state(ctx);
        if (st.production.empty())
            st.production = Derived::rfc_name;
        return x3::error_handler_result::rethrow;
    }
};

// Declares a rule named after its RFC 3501 production. `id` is the C++ name, `rfc` the ABNF name.
#define IMAPWIRE_RULE(id, rfc, ...)                                                                \
    struct id##_rule : ::imapwire::detail::rule_base<id##_rule> {                                  \
        static constexpr std::string_view rfc_name = rfc;                                          \
    };                                                                                             \
    inline const ::boost::spirit::x3::rule<id##_rule, __VA_ARGS__> id = rfc;

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
    bool parse(It& first, const It& last, const Ctx&, RCtx&, Attr& attr) const {
        It i = first;
        if (i == last || *i < '0' || *i > '9' || (NonZero && *i == '0'))
            return false;
        std::uint64_t v = 0;
        while (i != last && *i >= '0' && *i <= '9') {
            v = v * 10 + static_cast<std::uint64_t>(*i - '0');
            if (v > 0xffffffffull) {
                if constexpr (Soft)
                    return false;
                else
                    throw limit_failure{first, error::number_range,
                                        NonZero ? "nz-number" : "number",
                                        "a number below 4294967296"};
            }
            ++i;
        }
        x3::traits::move_to(static_cast<std::uint32_t>(v), attr);
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
                if (soft)
                    return false;
                throw x3::expectation_failure<It>(i, "DQUOTE");
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
                    if (soft)
                        return false;
                    throw x3::expectation_failure<It>(i + 1, "quoted-specials");
                }
                i += 2;
                continue;
            }
            if (!is(cc_quoted, c)) {
                if (soft)
                    return false;
                throw x3::expectation_failure<It>(i, "QUOTED-CHAR");
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
/// consumed. `{n+}` (LITERAL+) is accepted when parse_options::literal_plus is set.
struct literal_parser : x3::parser<literal_parser> {
    using attribute_type = ast::istring;
    static constexpr bool has_attribute = true;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx&, Attr& attr) const {
        if (first == last || *first != '{')
            return false;
        const parse_state& st = state(ctx);
        It i = first + 1;
        std::uint64_t n = 0;
        const It digits = i;
        while (i != last && *i >= '0' && *i <= '9') {
            n = n * 10 + static_cast<std::uint64_t>(*i - '0');
            if (n > 0xffffffffull) {
                if (st.soft)
                    return false;
                throw limit_failure{digits, error::number_range, "literal",
                                    "a number below 4294967296"};
            }
            ++i;
        }
        if (i == digits) {
            if (st.soft)
                return false;
            throw x3::expectation_failure<It>(i, "number");
        }
        bool nonsync = false;
        if (i != last && *i == '+' && st.options->literal_plus) {
            nonsync = true;
            ++i;
        }
        if (i == last || *i != '}') {
            if (st.soft)
                return false;
            throw x3::expectation_failure<It>(i, "'}'");
        }
        ++i;
        if (last - i < 2 || i[0] != '\r' || i[1] != '\n') {
            if (st.soft)
                return false;
            throw x3::expectation_failure<It>(i, "CRLF");
        }
        i += 2;
        if (n > st.options->max_literal_size)
            throw limit_failure{first, error::literal_too_large, "literal", "a smaller literal"};
        if (static_cast<std::uint64_t>(last - i) < n)
            throw x3::expectation_failure<It>(last, "CHAR8");
        const It end = i + static_cast<std::ptrdiff_t>(n);
        if (const void* z = std::memchr(i, '\0', static_cast<std::size_t>(n)))
            throw limit_failure{static_cast<It>(z), error::nul_byte, "literal", "CHAR8"};
        x3::traits::move_to(
            ast::istring(std::string_view(i, static_cast<std::size_t>(n)),
                         nonsync ? ast::string_form::literal_nonsync : ast::string_form::literal),
            attr);
        first = end;
        return true;
    }
};

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
        if (st.depth >= st.options->max_depth)
            throw limit_failure{first, error::nesting_too_deep, st.production,
                                "less deeply nested data"};
        ++st.depth;
        const bool r = this->subject.parse(first, last, ctx, rctx, attr);
        --st.depth;
        return r;
    }
};
/// Parses its subject with parse_state::soft set (see there).
template <class Subject>
struct soft_parser : x3::unary_parser<Subject, soft_parser<Subject>> {
    using base_type = x3::unary_parser<Subject, soft_parser<Subject>>;
    static constexpr bool is_pass_through_unary = true;
    using base_type::base_type;
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx& rctx, Attr& attr) const {
        parse_state& st = state(ctx);
        const bool saved = st.soft;
        st.soft = true;
        const bool r = this->subject.parse(first, last, ctx, rctx, attr);
        st.soft = saved;
        return r;
    }
};
struct soft_gen {
    template <class Subject>
    constexpr soft_parser<typename x3::extension::as_parser<Subject>::value_type>
    operator[](const Subject& s) const {
        return {x3::as_parser(s)};
    }
};
inline constexpr soft_gen soft{};

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
template <class It>
void check_count(const parse_state& st, std::size_t size, It where) {
    if (size > st.options->max_list_items)
        throw limit_failure{where, error::too_many_items, st.production, "a shorter list"};
}

/// In an action, before adding an item to `c`.
template <class Ctx, class Container>
void check_items(Ctx& ctx, const Container& c) {
    check_count(state(ctx), c.size() + 1, x3::_where(ctx).begin());
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
                check_count(state(ctx), c.size(), start);
                return true;
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
