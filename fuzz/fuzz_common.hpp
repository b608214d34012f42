// Shared by the fuzz targets: the round-trip property every parsed or generated value must
// have, and how a violation is reported.
//
// For a value x that parsed (or that a generator made):
//   serialize(x) succeeds (a refusal of a parsed value is a bug),
//   parse(serialize(x)) reads all of those bytes back, as a value equal to x (==),
//   serialize(parse(serialize(x))) == serialize(x) (the parse remembers the forms it read).
// A violation prints what happened to stderr and aborts, which libFuzzer reports as a crash.
#pragma once

#include "describe.hpp"

#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace imapwire::fuzz {

namespace ast = imapwire::ast;

/// What to print when a check fails: labelled lines of context, those of a parent report first.
/// The text of a line is made only when the report is printed, so building one costs little;
/// whatever a line refers to must outlive the report (fail() aborts, so in practice it does).
/// Labels are string literals.
class report {
public:
    report() = default;
    /// A report that prints the lines of `parent` before its own.
    explicit report(const report* parent)
        : parent_(parent) {}
    report(const report&) = delete;
    report& operator=(const report&) = delete;

    report& add(const char* label, std::string text) {
        lines_.push_back({label, std::move(text), {}});
        return *this;
    }
    template <class F>
    report& lazy(const char* label, F make) {
        lines_.push_back({label, {}, std::function<std::string()>(std::move(make))});
        return *this;
    }
    /// `b` (viewed, not copied), escaped and quoted, with its length.
    report& bytes(const char* label, std::string_view b) {
        return lazy(label, [b] {
            std::string shown = printable(b);
            shown.insert(shown.begin(), '"');
            shown.append("\" (").append(std::to_string(b.size())).append(" octets)");
            return shown;
        });
    }

    /// Prints `what` and the context, then aborts.
    [[noreturn]] void fail(std::string_view what) const {
        std::fprintf(stderr, "\n==imapwire-fuzz== %.*s\n", static_cast<int>(what.size()),
                     what.data());
        print();
        std::fprintf(stderr, "==imapwire-fuzz== end of report\n");
        std::fflush(stderr);
        std::abort();
    }

private:
    struct line {
        const char* label;
        std::string text;
        std::function<std::string()> make;
    };

    void print() const {
        if (parent_)
            parent_->print();
        for (const auto& l : lines_) {
            const std::string text = l.make ? l.make() : l.text;
            std::fprintf(stderr, "%s: %s\n", l.label, text.c_str());
        }
    }

    const report* parent_ = nullptr;
    std::vector<line> lines_;
};

// ---------------------------------------------------------------------------------------------
// One entry point and its serializer, per value type.

template <class T>
struct entry;

template <>
struct entry<ast::command> {
    static constexpr const char* name = "parse_command";
    static parse_result<ast::command> parse(std::string_view b, const parse_options& o) {
        return parse_command(b, o);
    }
    static std::error_code write(std::string& out, const ast::command& x,
                                 const serialize_options& o) {
        return serialize(out, x, o);
    }
    static std::string describe(const ast::command& x) { return fuzz::describe(x); }
};

template <>
struct entry<ast::authenticate_data> {
    static constexpr const char* name = "parse_authenticate_data";
    static parse_result<ast::authenticate_data> parse(std::string_view b, const parse_options& o) {
        return parse_authenticate_data(b, o);
    }
    static std::error_code write(std::string& out, const ast::authenticate_data& x,
                                 const serialize_options& o) {
        return serialize(out, x, o);
    }
    static std::string describe(const ast::authenticate_data& x) { return fuzz::describe(x); }
};

template <>
struct entry<ast::greeting> {
    static constexpr const char* name = "parse_greeting";
    static parse_result<ast::greeting> parse(std::string_view b, const parse_options& o) {
        return parse_greeting(b, o);
    }
    static std::error_code write(std::string& out, const ast::greeting& x,
                                 const serialize_options& o) {
        return serialize(out, x, o);
    }
    static std::string describe(const ast::greeting& x) { return fuzz::describe(x); }
};

template <>
struct entry<ast::response> {
    static constexpr const char* name = "parse_response";
    static parse_result<ast::response> parse(std::string_view b, const parse_options& o) {
        return parse_response(b, o);
    }
    static std::error_code write(std::string& out, const ast::response& x,
                                 const serialize_options& o) {
        return serialize(out, x, o);
    }
    static std::string describe(const ast::response& x) { return fuzz::describe(x); }
};

/// A command's whole exchange: the messages written one after the other.
template <>
struct entry<ast::vector<ast::response>> {
    static constexpr const char* name = "parse_response_sequence";
    static parse_result<ast::vector<ast::response>> parse(std::string_view b,
                                                          const parse_options& o) {
        return parse_response_sequence(b, o);
    }
    static std::error_code write(std::string& out, const ast::vector<ast::response>& xs,
                                 const serialize_options& o) {
        std::string all;
        for (const auto& x : xs)
            if (auto ec = serialize(all, x, o))
                return ec;
        out += all;
        return {};
    }
    static std::string describe(const ast::vector<ast::response>& xs) {
        std::string d;
        for (std::size_t i = 0; i < xs.size(); ++i)
            d += "\n  [" + std::to_string(i) + "] " + fuzz::describe(xs[i]);
        return d;
    }
};

// ---------------------------------------------------------------------------------------------

inline std::string describe_options(const parse_options& p) {
    return "max_line_length=" + std::to_string(p.max_line_length) +
           " max_literal_size=" + std::to_string(p.max_literal_size) +
           " max_depth=" + std::to_string(p.max_depth) +
           " max_list_items=" + std::to_string(p.max_list_items) +
           " literal+=" + (p.extensions.contains(extension::literal_plus) ? "true" : "false") +
           " literal-=" + (p.extensions.contains(extension::literal_minus) ? "true" : "false");
}

inline std::string describe_options(const serialize_options& s) {
    return std::string("preserve_forms=") + (s.preserve_forms ? "true" : "false") +
           " literal+=" + (s.extensions.contains(extension::literal_plus) ? "true" : "false") +
           " literal-=" + (s.extensions.contains(extension::literal_minus) ? "true" : "false") +
           " max_quoted_length=" + std::to_string(s.max_quoted_length);
}

template <class T>
std::string outcome(const parse_result<T>& r) {
    if (r.ok())
        return "ok, " + std::to_string(r.consumed()) + " octets";
    if (r.incomplete())
        return "incomplete, " + std::to_string(r.need().needed) + " more octets needed";
    return "error: " + r.error().message();
}

/// The round trip of a value: serialize, parse back, compare, serialize again, compare.
/// `context` says where the value came from (printed on failure).
template <class T>
void round_trip(const T& x, const parse_options& po, const serialize_options& so,
                const report& parent) {
    using E = entry<T>;
    report context(&parent);
    context.lazy("parse options", [&po] { return describe_options(po); });
    context.lazy("serialize options", [&so] { return describe_options(so); });
    context.lazy("value", [&x] { return E::describe(x); });

    std::string b1;
    if (auto ec = E::write(b1, x, so))
        context.fail("serialize() refused the value: " + ec.message());
    context.bytes("serialize(value)", b1);

    // the gathered form, every literal left in place, is the same message
    if constexpr (requires(gathered_message & g) { serialize(g, x, so); }) {
        serialize_options gso = so;
        gso.gather_min_literal = 1;
        gathered_message g;
        if (auto ec = serialize(g, x, gso))
            context.fail("serialize() into a gathered_message refused the value: " + ec.message());
        if (g.joined() != b1) {
            context.bytes("gathered pieces joined", g.joined());
            context.fail("the gathered pieces differ from serialize(value)");
        }
    }

    const auto r = E::parse(b1, po);
    if (!r.ok())
        context.fail(std::string(E::name) + " of serialize(value): " + outcome(r));
    if (r.consumed() != b1.size())
        context.fail(std::string(E::name) + " of serialize(value) consumed " +
                     std::to_string(r.consumed()) + " of " + std::to_string(b1.size()) + " octets");
    if (!(*r == x)) {
        context.add("parse(serialize(value))", E::describe(*r));
        context.fail("parse(serialize(value)) != value");
    }

    std::string b2;
    if (auto ec = E::write(b2, *r, so)) {
        context.add("parse(serialize(value))", E::describe(*r));
        context.fail("serialize() refused parse(serialize(value)): " + ec.message());
    }
    if (b2 != b1) {
        context.bytes("serialize(parse(serialize(value)))", b2);
        context.fail("serialize(parse(serialize(value))) != serialize(value)");
    }
}

/// Sanity of any parse result over `in`: offsets inside the input, positive needs.
template <class T>
void check_result(const parse_result<T>& r, std::string_view in, const report& context) {
    if (r.ok() && (r.consumed() == 0 || r.consumed() > in.size()))
        context.fail("consumed() = " + std::to_string(r.consumed()) + " for " +
                     std::to_string(in.size()) + " octets of input");
    if (r.incomplete() && r.need().needed == 0)
        context.fail("incomplete input that needs 0 more octets");
    if (r.failed() && r.error().offset > in.size())
        context.fail("error offset " + std::to_string(r.error().offset) + " past the input (" +
                     std::to_string(in.size()) + " octets)");
    if (r.failed() && !r.error().code)
        context.fail("an error without an error code");
}

/// Small FNV-1a hash of the input, to derive settings from it without consuming bytes.
inline std::uint64_t hash_bytes(const std::uint8_t* data, std::size_t size) {
    std::uint64_t h = 14695981039346656037ull;
    for (std::size_t i = 0; i < size; ++i) {
        h ^= data[i];
        h *= 1099511628211ull;
    }
    return h;
}

/// The target for one entry point over raw bytes. For the first message of the input:
///  - the parse result is sane; a message that parses reads the same from exactly its own bytes,
///    and the same bytes less the last one are incomplete input, not an error;
///  - the round trip holds, with the forms kept and with the forms chosen by the serializer;
///  - LITERAL+ parsing accepts whatever strict parsing accepts, as the same value, and its
///    values round-trip with LITERAL+ serialization;
///  - under small limits (depth, list items, literal size, from a hash of the input) a message
///    that parses is one strict parsing accepts, as the same value, and round-trips.
template <class T>
int parse_target(const std::uint8_t* data, std::size_t size) {
    using E = entry<T>;
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    report ctx;
    ctx.lazy("entry point", [] { return std::string(E::name); });
    ctx.bytes("input", in);

    // without non-synchronizing literals (RFC 7888), then with the default extensions
    parse_options strict;
    strict.extensions.remove(extension::literal_plus).remove(extension::literal_minus);
    const auto r = E::parse(in, strict);
    check_result(r, in, ctx);
    if (r.ok()) {
        const std::size_t n = r.consumed();
        const std::string_view msg = in.substr(0, n);
        const auto own = E::parse(msg, strict);
        if (!own.ok() || own.consumed() != n || !(*own == *r)) {
            ctx.add("parse of the input", outcome(r));
            ctx.add("parse of its first message alone", outcome(own));
            ctx.fail("a message parses differently without the bytes that follow it");
        }
        const auto cut = E::parse(msg.substr(0, n - 1), strict);
        if (!cut.incomplete()) {
            ctx.add("parse of the message less its last octet", outcome(cut));
            ctx.fail("a message cut short is not incomplete input");
        }
        report rt(&ctx);
        rt.add("step", "round trip of the parsed input (strict parse options)");
        round_trip(*r, strict, serialize_options{}, rt);
        serialize_options chosen;
        chosen.preserve_forms = false;
        round_trip(*r, strict, chosen, rt);
    }

    const parse_options plus;
    const auto rp = E::parse(in, plus);
    check_result(rp, in, ctx);
    if (r.ok() && (!rp.ok() || rp.consumed() != r.consumed() || !(*rp == *r))) {
        ctx.add("strict parse", outcome(r));
        ctx.add("LITERAL+ parse", outcome(rp));
        if (rp.ok())
            ctx.add("LITERAL+ value", E::describe(*rp));
        ctx.fail("LITERAL+ parsing reads differently what strict parsing accepts");
    }
    if (rp.ok()) {
        report rt(&ctx);
        rt.add("step", "round trip of the input parsed with LITERAL+");
        round_trip(*rp, plus, serialize_options{}, rt);
    }

    const std::uint64_t h = hash_bytes(data, size);
    parse_options tight = strict; // the same extensions, smaller limits
    tight.max_depth = 1 + h % 8;
    tight.max_list_items = 1 + (h >> 8) % 8;
    tight.max_literal_size = static_cast<std::uint32_t>((h >> 16) % 64);
    const auto rt = E::parse(in, tight);
    check_result(rt, in, ctx);
    if (rt.ok()) {
        if (!r.ok() || r.consumed() != rt.consumed() || !(*r == *rt)) {
            ctx.add("tight parse options", describe_options(tight));
            ctx.add("strict parse", outcome(r));
            ctx.add("parse under tight limits", outcome(rt));
            ctx.fail("small limits accept what the default limits do not, or read it otherwise");
        }
        report c(&ctx);
        c.add("step", "round trip of the input parsed under tight limits");
        round_trip(*rt, tight, serialize_options{}, c);
    }
    return 0;
}

} // namespace imapwire::fuzz
