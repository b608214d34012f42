// Round trips over randomly generated values (tests/generate.hpp):
//   parse(serialize(x)) == x     for every generated command and AUTHENTICATE line, and
//   serialize(parse(b)) == b     for the bytes b the serializer wrote (the parse remembers forms).
// A failure names the seed; `generator(seed).command()` rebuilds the value.
#include "check_gathered.hpp"
#include "generate.hpp"

#include <imapwire/detail/charset.hpp>
#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace {

using imapwire::test::describe;
using imapwire::test::generator;
using imapwire::test::printable;
namespace ast = imapwire::ast;

constexpr std::uint64_t seed_count = 3000;
/// Failing seeds shown in full per test case; the rest are only counted.
constexpr int max_reported = 8;

/// The bytes around `offset`, with a marker at it.
std::string near(std::string_view bytes, std::size_t offset) {
    offset = std::min(offset, bytes.size());
    const std::size_t from = offset > 60 ? offset - 60 : 0;
    return printable(bytes.substr(from, offset - from)) + " <HERE> " +
           printable(bytes.substr(offset, 60));
}

struct outcome {
    std::string problem; ///< empty when the value round-tripped
    std::string bytes;   ///< serialize(x)
    std::string details; ///< the parsed value, the re-serialized bytes...
};

/// The options of one run: the defaults (every extension, LITERAL+ included), or no
/// non-synchronizing literals on either side.
struct run_options {
    imapwire::parse_options parse;
    imapwire::serialize_options serialize;
};

run_options chosen_forms_options() {
    run_options o;
    o.serialize.preserve_forms = false;
    return o;
}

run_options synchronizing_options() {
    run_options o;
    o.parse.extensions.remove(imapwire::extension::literal_plus)
        .remove(imapwire::extension::literal_minus);
    o.serialize.extensions = o.parse.extensions;
    return o;
}

imapwire::parse_result<ast::command> parse_one(std::string_view b, const ast::command*,
                                               const imapwire::parse_options& o) {
    return imapwire::parse_command(b, o);
}
imapwire::parse_result<ast::authenticate_data>
parse_one(std::string_view b, const ast::authenticate_data*, const imapwire::parse_options& o) {
    return imapwire::parse_authenticate_data(b, o);
}

/// serialize(x), parse it back, compare with x; when `reserialize`, also serialize the parse
/// and compare with the first bytes.
template <class T>
outcome round_trip(const T& x, bool compare_value, bool reserialize, const run_options& opt = {}) {
    outcome o;
    if (auto ec = imapwire::serialize(o.bytes, x, opt.serialize)) {
        o.problem = "serialize() refused the value: " + ec.message();
        return o;
    }
    const auto r = parse_one(o.bytes, static_cast<const T*>(nullptr), opt.parse);
    if (r.incomplete()) {
        o.problem = "the parser reports incomplete input (" + std::to_string(r.need().needed) +
                    " more octets needed)";
        return o;
    }
    if (r.failed()) {
        o.problem = "parse failed: " + r.error().message();
        o.details = "near: " + near(o.bytes, r.error().offset);
        return o;
    }
    if (r.consumed() != o.bytes.size()) {
        o.problem += "parse consumed " + std::to_string(r.consumed()) + " of " +
                     std::to_string(o.bytes.size()) + " octets; ";
    }
    if (compare_value && !(*r == x)) {
        o.problem += "the parsed value differs from the generated one; ";
        o.details += "parsed:    " + describe(*r) + "\n";
    }
    if (reserialize) {
        std::string again;
        if (auto ec = imapwire::serialize(again, *r, opt.serialize)) {
            o.problem += "serializing the parsed value failed: " + ec.message() + "; ";
        } else if (again != o.bytes) {
            o.problem += "serialize(parse(b)) != b; ";
            o.details += "again:     " + printable(again) + "\n";
        }
        o.problem += test::check_gathered(*r, o.bytes, opt.serialize);
    }
    return o;
}

/// The first message of `b + b` is `b`, with x's value; every cut of `b` is incomplete input,
/// not an error. Returns what went wrong, or "".
template <class T>
std::string check_framing(const T& x, const std::string& b, generator& gen) {
    const std::string twice = b + b;
    const auto r = parse_one(twice, static_cast<const T*>(nullptr), {});
    if (!r.ok())
        return "parsing b + b failed";
    if (r.consumed() != b.size())
        return "parsing b + b consumed " + std::to_string(r.consumed()) + " octets, not " +
               std::to_string(b.size());
    if (!(*r == x))
        return "parsing b + b gave another value";
    auto check_cut = [&](std::size_t cut) -> std::string {
        const auto p =
            parse_one(std::string_view(b).substr(0, cut), static_cast<const T*>(nullptr), {});
        if (p.incomplete())
            return {};
        return "the first " + std::to_string(cut) + " octets parse as " +
               (p.ok() ? std::string("a whole message") : "an error: " + p.error().message());
    };
    if (b.size() <= 300) {
        for (std::size_t cut = 0; cut < b.size(); ++cut)
            if (auto e = check_cut(cut); !e.empty())
                return e;
        return {};
    }
    for (int i = 0; i < 64; ++i)
        if (auto e = check_cut(static_cast<std::size_t>(gen.below(b.size()))); !e.empty())
            return e;
    for (std::size_t i = b.find('\r'); i != std::string::npos; i = b.find('\r', i + 1))
        for (std::size_t cut : {i - 1, i, i + 1, i + 2, i + 3})
            if (cut < b.size())
                if (auto e = check_cut(cut); !e.empty())
                    return e;
    return {};
}

/// Runs round_trip over seeds 1..seed_count of `make`, reporting the first failures in full.
template <class Make>
void run_seeds(Make make, bool compare_value, bool reserialize, const run_options& opt = {}) {
    int failures = 0;
    std::uint64_t first_failure = 0;
    for (std::uint64_t seed = 1; seed <= seed_count; ++seed) {
        generator gen(seed);
        const auto x = make(gen);
        const outcome o = round_trip(x, compare_value, reserialize, opt);
        if (o.problem.empty())
            continue;
        if (failures++ == 0)
            first_failure = seed;
        if (failures > max_reported)
            continue;
        INFO("seed:      ", seed);
        INFO("generated: ", describe(x));
        INFO("bytes:     ", printable(o.bytes));
        INFO(o.details);
        FAIL_CHECK(o.problem);
    }
    INFO("first failing seed: ", first_failure);
    CHECK_MESSAGE(failures == 0, failures, " of ", seed_count, " seeds failed");
}

} // namespace

TEST_CASE("round trip: parse(serialize(command)) == command") {
    run_seeds([](generator& g) { return g.command(); }, true, false);
}

TEST_CASE("round trip: serialize(parse(b)) == b for serialized commands") {
    run_seeds([](generator& g) { return g.command(); }, false, true);
}

TEST_CASE("round trip: with preserve_forms off the serializer chooses every form") {
    const run_options opt = chosen_forms_options();
    run_seeds([](generator& g) { return g.command(); }, true, true, opt);
}

TEST_CASE("round trip: without LITERAL+ on either side every literal is {n}") {
    const run_options opt = synchronizing_options();
    run_seeds([](generator& g) { return g.command(); }, true, true, opt);
}

TEST_CASE("round trip: every command alternative on demand") {
    // A few of each alternative whatever the weights, with the whole check.
    for (std::size_t alt = 0; alt < generator::command_alternatives; ++alt) {
        CAPTURE(alt);
        int failures = 0;
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            generator gen(seed * 1000003u + alt);
            const ast::command x = gen.command(alt);
            REQUIRE(x.body.index() == alt);
            const outcome o = round_trip(x, true, true);
            if (o.problem.empty() || ++failures > 2)
                continue;
            INFO("seed:      ", seed * 1000003u + alt, " (command(", alt, "))");
            INFO("generated: ", describe(x));
            INFO("bytes:     ", printable(o.bytes));
            INFO(o.details);
            FAIL_CHECK(o.problem);
        }
    }
}

TEST_CASE("round trip: AUTHENTICATE data lines") {
    run_seeds([](generator& g) { return g.authenticate_data(); }, true, true);
}

TEST_CASE("framing: a serialized command ends where the parser stops; a cut one is incomplete") {
    int failures = 0;
    for (std::uint64_t seed = 1; seed <= seed_count; ++seed) {
        generator gen(seed);
        const ast::command x = gen.command();
        std::string b;
        if (imapwire::serialize(b, x))
            continue; // reported by the round-trip cases
        const std::string problem = check_framing(x, b, gen);
        if (problem.empty() || ++failures > max_reported)
            continue;
        INFO("seed:      ", seed);
        INFO("bytes:     ", printable(b));
        FAIL_CHECK(problem);
    }
    CHECK_MESSAGE(failures == 0, failures, " of ", seed_count, " seeds failed");
}

TEST_CASE("generator: a seed always gives the same command") {
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        generator a(seed);
        generator b(seed);
        const ast::command x = a.command();
        const ast::command y = b.command();
        CAPTURE(seed);
        CHECK(describe(x) == describe(y));
    }
}

// ---------------------------------------------------------------------------------------------
// Coverage of the generator itself: across the seeds every alternative the AST can hold shows up.

namespace {

/// Collects labels for what a generated value exercises, and checks the generator's invariants.
struct coverage {
    std::set<std::string> seen;
    std::vector<std::string> invalid; ///< generated values that break the grammar

    void mark(std::string label) { seen.insert(std::move(label)); }
    template <class E>
    void mark(const char* what, E e) {
        mark(std::string(what) + ":" + std::to_string(static_cast<int>(e)));
    }

    static const char* form_name(ast::string_form f) {
        static constexpr const char* names[] = {"value",    "atom",     "quoted",   "literal",
                                                "literal+", "literal8", "literal8+"};
        return names[static_cast<int>(f)];
    }

    /// `ctx`: astring, list or message.
    void string(const ast::istring& s, const std::string& ctx) {
        using imapwire::detail::all_of;
        using imapwire::detail::is;
        mark("form:" + ctx + ":" + form_name(s.form));
        const std::string v = s.value();
        auto has = [&](auto pred) { return std::any_of(v.begin(), v.end(), pred); };
        if (v.empty())
            mark("value:" + ctx + ":empty");
        if (imapwire::detail::iequals(v, "NIL"))
            mark("value:" + ctx + ":NIL");
        if (!v.empty() && all_of(imapwire::detail::cc_atom, v))
            mark("value:" + ctx + ":atom");
        if (has([](char c) { return c == ' '; }))
            mark("value:" + ctx + ":space");
        if (has([](char c) { return c == '"'; }))
            mark("value:" + ctx + ":dquote");
        if (has([](char c) { return c == '\\'; }))
            mark("value:" + ctx + ":backslash");
        if (has([](char c) { return c == ']'; }))
            mark("value:" + ctx + ":bracket");
        if (has([](char c) { return c == '%' || c == '*'; }))
            mark("value:" + ctx + ":wildcard");
        if (has([](char c) { return c == '\r' || c == '\n'; }))
            mark("value:" + ctx + ":crlf");
        if (has([](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            mark("value:" + ctx + ":8bit");
        if (has([](char c) { return is(imapwire::detail::cc_ctl, c) && c != '\r' && c != '\n'; }))
            mark("value:" + ctx + ":ctl");
        if (v.size() >= 1000)
            mark("value:" + ctx + ":long");
        if (v.find('\0') != std::string::npos) {
            // only a literal8 (BINARY, RFC 3516) holds NUL, and only APPEND's message does
            if (ctx == "message" && s.form == ast::string_form::literal8)
                mark("value:message:nul");
            else
                invalid.push_back("NUL in a string");
        }
        if (ctx != "message" &&
            (s.form == ast::string_form::literal8 || s.form == ast::string_form::literal8_nonsync))
            invalid.push_back("literal8 where the grammar takes none");
        if (s.form == ast::string_form::atom) {
            const auto cls =
                ctx == "list" ? imapwire::detail::cc_list : imapwire::detail::cc_astring;
            if (v.empty())
                invalid.push_back("empty atom");
            else if (ctx == "message" || !all_of(cls, v))
                mark("misplaced:atom:" + ctx);
        }
        if (s.form == ast::string_form::quoted) {
            if (!all_of(imapwire::detail::cc_text, v))
                invalid.push_back("quoted form holding CR, LF or 8-bit");
            if (ctx == "message")
                mark("misplaced:quoted:" + ctx);
        }
    }
    void mailbox(const ast::mailbox& m) {
        string(m.name, "astring");
        if (m.is_inbox())
            mark(m.name.value() == "INBOX" ? "mailbox:INBOX" : "mailbox:inbox_other_case");
    }
    void flags(const ast::flag_list& fl) {
        for (const auto& f : fl) {
            mark("flag_kind", f.kind());
            if (f.kind() == ast::flag_kind::wildcard)
                invalid.push_back("\\* in a command");
        }
    }
    void seq(const ast::sequence_set& s) {
        if (s.items.empty())
            invalid.push_back("empty sequence-set");
        for (const auto& i : s.items) {
            if (i.first.is_star())
                mark("seq:star");
            if (i.first.value == 4294967295u)
                mark("seq:max");
            if (i.last) {
                mark("seq:range");
                if (i.last->is_star() || i.first.is_star())
                    mark("seq:range_with_star");
            }
        }
    }
    void date(const ast::date& d) {
        mark(d.quoted ? "date:quoted" : "date:unquoted");
        if (d.day < 10)
            mark(d.leading_zero ? "date:zero_padded_day" : "date:one_digit_day");
        if (d.day < 1 || d.day > 31 || d.month < 1 || d.month > 12 || d.year < 1000 ||
            d.year > 9999)
            invalid.push_back("date out of range");
    }
    void date_time(const ast::date_time& t) {
        if (t.day < 10)
            mark(t.leading_zero ? "date_time:zero_padded_day" : "date_time:space_padded_day");
        mark(t.zone_negative ? "date_time:zone-" : "date_time:zone+");
        if (t.day < 1 || t.day > 31 || t.month < 1 || t.month > 12 || t.year < 1000 ||
            t.year > 9999 || t.hour > 23 || t.minute > 59 || t.second > 59 ||
            t.zone_hhmm / 100 > 23 || t.zone_hhmm % 100 > 59)
            invalid.push_back("date-time out of range");
    }
    void fetch_att(const ast::fetch_att& a) {
        mark("fetch_att", a.kind);
        if (ast::has_section_binary(a.kind)) { // section-binary: a section-part only
            mark(a.section.part.empty() ? "section_binary:empty" : "section_binary:part");
            if (a.section.text || (a.partial && !ast::has_partial(a.kind)))
                invalid.push_back("section-binary with a section-text or misplaced partial");
            return;
        }
        const bool with_section = a.kind == ast::fetch_att_kind::body_section ||
                                  a.kind == ast::fetch_att_kind::body_peek_section;
        if (!with_section) {
            if (a.partial || !a.section.part.empty() || a.section.text)
                invalid.push_back("section on a fetch-att without one");
            return;
        }
        const auto& s = a.section;
        if (s.part.empty() && !s.text)
            mark("section:empty");
        if (!s.part.empty())
            mark(s.text ? "section:part_and_text" : "section:part_only");
        if (s.text) {
            mark("section_text", s.text->kind);
            if (s.text->kind == ast::section_text_kind::mime && s.part.empty())
                invalid.push_back("MIME without a part");
            const bool fields = s.text->kind == ast::section_text_kind::header_fields ||
                                s.text->kind == ast::section_text_kind::header_fields_not;
            if (fields != !s.text->headers.empty())
                invalid.push_back("header-list present iff HEADER.FIELDS[.NOT]");
            for (const auto& h : s.text->headers)
                string(h, "astring");
        }
        for (auto p : s.part)
            if (p == 0)
                invalid.push_back("section-part 0");
        if (a.partial) {
            mark("partial");
            if (a.partial->offset == 0)
                mark("partial:offset_0");
            if (a.partial->offset == 4294967295u)
                mark("partial:offset_max");
            if (a.partial->length == 4294967295u)
                mark("partial:length_max");
            if (a.partial->length == 0)
                invalid.push_back("partial length 0");
        }
    }
    int key(const ast::search_key& k) { // returns the depth of the tree
        mark("search_key", k.v.index());
        return std::visit(
            [&](const auto& x) -> int {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, ast::search_simple>) {
                    mark("search_flag", x.which);
                } else if constexpr (std::is_same_v<T, ast::search_string>) {
                    mark("search_string", x.which);
                    string(x.value, "astring");
                } else if constexpr (std::is_same_v<T, ast::search_date>) {
                    mark("search_date", x.which);
                    date(x.date);
                } else if constexpr (std::is_same_v<T, ast::search_keyword>) {
                    mark("search_keyword", x.which);
                } else if constexpr (std::is_same_v<T, ast::search_size>) {
                    mark("search_size", x.which);
                } else if constexpr (std::is_same_v<T, ast::search_header>) {
                    string(x.field, "astring");
                    string(x.value, "astring");
                } else if constexpr (std::is_same_v<T, ast::search_uid> ||
                                     std::is_same_v<T, ast::search_set>) {
                    seq(x.set);
                } else if constexpr (std::is_same_v<T, ast::search_modseq>) {
                    mark("search_modseq_entry", x.entry ? 1 + static_cast<int>(x.entry->type) : 0);
                } else if constexpr (std::is_same_v<T, ast::search_objectid>) {
                    mark("search_objectid", x.which);
                    if (!ast::is_objectid(x.id))
                        invalid.push_back("search key objectid that is none");
                } else if constexpr (std::is_same_v<T, ast::search_not>) {
                    return 1 + key(*x.key);
                } else if constexpr (std::is_same_v<T, ast::search_or>) {
                    return 1 + std::max(key(*x.left), key(*x.right));
                } else if constexpr (std::is_same_v<T, ast::search_group>) {
                    if (x.keys.empty())
                        invalid.push_back("empty search group");
                    int d = 0;
                    for (const auto& sub : x.keys)
                        d = std::max(d, key(sub));
                    return 1 + d;
                } else {
                    static_assert(ast::unhandled<T>, "an alternative is not handled");
                }
                return 1;
            },
            k.v);
    }
    void store(const ast::store_att_flags& s) {
        mark("store:op" + std::to_string(static_cast<int>(s.op)) + ":silent" +
             std::to_string(s.silent) + ":paren" + std::to_string(s.parenthesized));
        if (s.flags.empty())
            mark("store:empty_flags");
        if (s.flags.empty() && !s.parenthesized)
            invalid.push_back("store without flags and without parentheses");
        flags(s.flags);
    }
    void sub(const ast::copy_command& c) {
        seq(c.set);
        mailbox(c.mailbox);
    }
    void sub(const ast::move_command& c) {
        seq(c.set);
        mailbox(c.mailbox);
    }
    void sub(const ast::uid_expunge_command& c) { seq(c.set); }
    void sub(const ast::fetch_command& c) {
        seq(c.set);
        mark("fetch_items", c.items.index());
        if (const auto* m = std::get_if<ast::fetch_macro>(&c.items))
            mark("fetch_macro", *m);
        else if (const auto* a = std::get_if<ast::fetch_att>(&c.items))
            fetch_att(*a);
        else {
            const auto& v = std::get<ast::vector<ast::fetch_att>>(c.items);
            if (v.empty())
                invalid.push_back("empty fetch-att list");
            for (const auto& a2 : v)
                fetch_att(a2);
        }
    }
    void sub(const ast::store_command& c) {
        seq(c.set);
        store(c.action);
    }
    void sub(const ast::search_command& c) {
        mark(c.charset ? "search:charset" : "search:no_charset");
        if (c.charset)
            string(*c.charset, "astring");
        if (c.keys.empty())
            invalid.push_back("SEARCH without keys");
        for (const auto& k : c.keys)
            mark("search_depth:" + std::to_string(key(k)));
    }

    void command(const ast::command& c) {
        if (c.tag.empty() || !imapwire::detail::all_of(imapwire::detail::cc_tag, c.tag))
            invalid.push_back("bad tag");
        mark("body", c.body.index());
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, ast::x_command>) {
                    mark(x.has_arguments ? "x:arguments" : "x:no_arguments");
                    if (!x.name.empty() && x.name.front() == 'x')
                        mark("x:lower_case_x");
                } else if constexpr (std::is_same_v<T, ast::append_command>) {
                    mailbox(x.mailbox);
                    if (!x.flags)
                        mark("append:no_flags");
                    else if (x.flags->empty())
                        mark("append:empty_flags");
                    else
                        mark("append:flags");
                    if (x.flags)
                        flags(*x.flags);
                    mark(x.internal_date ? "append:date" : "append:no_date");
                    if (x.internal_date)
                        date_time(*x.internal_date);
                    string(x.message, "message");
                    if (!x.more.empty())
                        mark("append:more"); // MULTIAPPEND (RFC 3502)
                    for (const auto& m : x.more)
                        string(m.message, "message");
                } else if constexpr (std::is_same_v<T, ast::create_command>) {
                    mailbox(x.mailbox);
                    for (const auto& p : x.params)
                        for (const auto& f : std::get<ast::create_param_use>(p).attributes) {
                            mark("create:use");
                            if (f.text.size() < 2 || f.text.front() != '\\')
                                invalid.push_back("use-attr that is not a \\ atom");
                        }
                } else if constexpr (std::is_same_v<T, ast::delete_command> ||
                                     std::is_same_v<T, ast::examine_command> ||
                                     std::is_same_v<T, ast::select_command> ||
                                     std::is_same_v<T, ast::subscribe_command> ||
                                     std::is_same_v<T, ast::unsubscribe_command>) {
                    mailbox(x.mailbox);
                } else if constexpr (std::is_same_v<T, ast::list_command>) {
                    mailbox(x.reference);
                    if (x.patterns.empty())
                        string(x.pattern, "list");
                    else if (!x.pattern.data.empty())
                        invalid.push_back("a pattern besides the patterns");
                    for (const auto& p : x.patterns)
                        string(p, "list");
                    if (!x.patterns.empty())
                        mark(x.patterns.size() > 1 ? "list:patterns" : "list:one_pattern_list");
                    if (x.select_options) {
                        mark(x.select_options->empty() ? "list:select:empty" : "list:select");
                        for (const auto& o : *x.select_options)
                            mark("list:select_opt", o.index());
                    }
                    if (x.return_options) {
                        mark(x.return_options->empty() ? "list:return:empty" : "list:return");
                        for (const auto& o : *x.return_options)
                            mark("list:return_opt", o.index());
                    }
                } else if constexpr (std::is_same_v<T, ast::lsub_command>) {
                    mailbox(x.reference);
                    string(x.pattern, "list");
                } else if constexpr (std::is_same_v<T, ast::rename_command>) {
                    mailbox(x.from);
                    mailbox(x.to);
                } else if constexpr (std::is_same_v<T, ast::status_command>) {
                    mailbox(x.mailbox);
                    if (x.items.empty())
                        invalid.push_back("STATUS without items");
                    for (auto a : x.items)
                        mark("status_att", a);
                } else if constexpr (std::is_same_v<T, ast::login_command>) {
                    string(x.userid, "astring");
                    string(x.password, "astring");
                } else if constexpr (std::is_same_v<T, ast::copy_command> ||
                                     std::is_same_v<T, ast::move_command> ||
                                     std::is_same_v<T, ast::fetch_command> ||
                                     std::is_same_v<T, ast::store_command> ||
                                     std::is_same_v<T, ast::search_command>) {
                    sub(x);
                } else if constexpr (std::is_same_v<T, ast::uid_command>) {
                    mark("uid", x.command.index());
                    std::visit([&](const auto& inner) { sub(inner); }, x.command);
                }
            },
            c.body);
    }

    void auth(const ast::authenticate_data& a) {
        if (a.cancel) {
            mark("auth:cancel");
            return;
        }
        const std::string_view b = a.base64;
        if (b.empty())
            mark("auth:empty");
        if (b.size() % 4 != 0)
            invalid.push_back("base64 length not a multiple of 4");
        if (b.size() >= 2 && b.substr(b.size() - 2) == "==")
            mark("auth:terminal==");
        else if (!b.empty() && b.back() == '=')
            mark("auth:terminal=");
        if (b.size() >= 1000)
            mark("auth:long");
    }
};

std::vector<std::string> expected_labels() {
    std::vector<std::string> e;
    auto n = [&](const char* what, int count) {
        for (int i = 0; i < count; ++i)
            e.push_back(std::string(what) + ":" + std::to_string(i));
    };
    n("body", static_cast<int>(generator::command_alternatives));
    n("uid", static_cast<int>(std::variant_size_v<decltype(ast::uid_command::command)>));
    n("fetch_items", 3);
    n("fetch_macro", 3);
    n("fetch_att", static_cast<int>(std::size(ast::keywords<ast::fetch_att_kind>::table)));
    n("section_text", 5);
    n("search_key", static_cast<int>(std::variant_size_v<ast::search_key::variant_type>));
    n("search_modseq_entry", 4); // none, priv, shared, all
    n("search_objectid", 2);     // EMAILID, THREADID
    n("search_flag", 14);
    n("search_string", 7);
    n("search_date", 6);
    n("search_keyword", 2);
    n("search_size", 2);
    n("status_att", static_cast<int>(std::size(ast::keywords<ast::status_att>::table)));
    for (int k : {0, 1, 2, 3, 4, 5, 7, 8}) // every flag kind but \* (flag-perm only)
        e.push_back("flag_kind:" + std::to_string(k));
    for (int op = 0; op < 3; ++op)
        for (int silent = 0; silent < 2; ++silent)
            for (int paren = 0; paren < 2; ++paren)
                e.push_back("store:op" + std::to_string(op) + ":silent" + std::to_string(silent) +
                            ":paren" + std::to_string(paren));
    for (int d = 1; d <= 6; ++d)
        e.push_back("search_depth:" + std::to_string(d));
    for (const char* ctx : {"astring", "list", "message"}) {
        const bool message = std::string_view(ctx) == "message";
        for (const char* f : {"value", "atom", "quoted", "literal", "literal+"})
            if (!message || (std::string_view(f) != "atom" && std::string_view(f) != "quoted"))
                e.push_back(std::string("form:") + ctx + ":" + f);
        if (message) { // APPEND's literal8 (BINARY, RFC 3516)
            e.push_back("form:message:literal8");
            e.push_back("value:message:nul");
        }
        for (const char* v : {"empty", "NIL", "atom", "space", "dquote", "backslash", "bracket",
                              "wildcard", "crlf", "8bit", "ctl", "long"})
            e.push_back(std::string("value:") + ctx + ":" + v);
    }
    n("list:select_opt", static_cast<int>(std::variant_size_v<ast::list_select_option>));
    n("list:return_opt", static_cast<int>(std::variant_size_v<ast::list_return_option>));
    for (const char* l : {"store:empty_flags",
                          "create:use",
                          "list:patterns",
                          "list:one_pattern_list",
                          "list:select",
                          "list:select:empty",
                          "list:return",
                          "list:return:empty",
                          "section_binary:empty",
                          "section_binary:part",
                          "section:empty",
                          "section:part_only",
                          "section:part_and_text",
                          "partial",
                          "partial:offset_0",
                          "partial:offset_max",
                          "partial:length_max",
                          "seq:star",
                          "seq:max",
                          "seq:range",
                          "seq:range_with_star",
                          "search:charset",
                          "search:no_charset",
                          "date:quoted",
                          "date:unquoted",
                          "date:zero_padded_day",
                          "date:one_digit_day",
                          "date_time:space_padded_day",
                          "date_time:zero_padded_day",
                          "date_time:zone-",
                          "date_time:zone+",
                          "append:no_flags",
                          "append:empty_flags",
                          "append:flags",
                          "append:date",
                          "append:no_date",
                          "append:more",
                          "x:arguments",
                          "x:no_arguments",
                          "x:lower_case_x",
                          "mailbox:INBOX",
                          "mailbox:inbox_other_case",
                          "misplaced:atom:astring",
                          "misplaced:quoted:message",
                          "auth:cancel",
                          "auth:empty",
                          "auth:terminal==",
                          "auth:terminal=",
                          "auth:long"})
        e.push_back(l);
    return e;
}

} // namespace

TEST_CASE("generator: covers every alternative and keeps to the grammar") {
    coverage cov;
    for (std::uint64_t seed = 1; seed <= seed_count; ++seed) {
        generator gen(seed);
        const ast::command c = gen.command();
        cov.command(c);
        cov.auth(gen.authenticate_data());
        if (!cov.invalid.empty()) {
            INFO("seed: ", seed, ": ", describe(c));
            FAIL_CHECK(cov.invalid.front());
            cov.invalid.clear();
        }
    }
    for (const std::string& label : expected_labels()) {
        CAPTURE(label);
        CHECK(cov.seen.count(label) == 1);
    }
}
