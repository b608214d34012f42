// Round trips over randomly generated server messages (tests/generate_response.hpp):
//   to_string(x) succeeds, parse(to_string(x)) reads all of it back as x, and
//   serialize(parse(b)) == b for the bytes b the serializer wrote (the parse remembers forms);
// the same with preserve_forms off (the serializer then chooses every form itself).
// A failure names the seed; `response_generator(seed).response()` (or .greeting()) rebuilds the
// value.
#include "check_gathered.hpp"
#include "generate_response.hpp"

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
#include <system_error>
#include <type_traits>
#include <variant>
#include <vector>

namespace {

using imapwire::test::describe;
using imapwire::test::printable;
using imapwire::test::response_generator;
using imapwire::test::response_generator_options;
namespace ast = imapwire::ast;

constexpr std::uint64_t response_seeds = 3000;
constexpr std::uint64_t greeting_seeds = 500;
/// Seeds checked for framing (every cut of a message is incomplete input).
constexpr std::uint64_t framing_seeds = 1000;
/// Failing seeds shown in full per test case; the rest are only counted.
constexpr int max_reported = 8;

/// The bytes around `offset`, with a marker at it.
std::string near(std::string_view bytes, std::size_t offset) {
    offset = std::min(offset, bytes.size());
    const std::size_t from = offset > 60 ? offset - 60 : 0;
    return printable(bytes.substr(from, offset - from)) + " <HERE> " +
           printable(bytes.substr(offset, 60));
}

imapwire::parse_result<ast::response> parse_one(std::string_view b, const ast::response*) {
    return imapwire::parse_response(b);
}
imapwire::parse_result<ast::greeting> parse_one(std::string_view b, const ast::greeting*) {
    return imapwire::parse_greeting(b);
}

struct outcome {
    std::string problem; ///< empty when the value round-tripped
    std::string bytes;   ///< to_string(x)
    std::string details; ///< the parsed value, the re-serialized bytes...
};

imapwire::serialize_options chosen_forms() {
    imapwire::serialize_options o;
    o.preserve_forms = false;
    return o;
}

/// to_string(x), parse it back (default parse options), compare with x; serialize the parse and
/// compare with the first bytes.
template <class T>
outcome round_trip(const T& x, const imapwire::serialize_options& so = {}) {
    outcome o;
    try {
        o.bytes = imapwire::to_string(x, so);
    } catch (const std::system_error& e) {
        o.problem = std::string("to_string() refused the value: ") + e.what();
        return o;
    }
    const auto r = parse_one(o.bytes, static_cast<const T*>(nullptr));
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
    if (!(*r == x)) {
        o.problem += "the parsed value differs from the generated one; ";
        o.details += "parsed:    " + describe(*r) + "\n";
    }
    std::string again;
    if (auto ec = imapwire::serialize(again, *r, so)) {
        o.problem += "serializing the parsed value failed: " + ec.message() + "; ";
        o.details += "parsed:    " + describe(*r) + "\n";
    } else if (again != o.bytes) {
        o.problem += "serialize(parse(b)) != b; ";
        o.details += "again:     " + printable(again) + "\n";
    }
    o.problem += test::check_gathered(*r, o.bytes, so);
    return o;
}

/// Runs round_trip over seeds 1..count of `make`, reporting the first failures in full.
template <class Make>
void run_seeds(std::uint64_t count, Make make, const imapwire::serialize_options& so = {},
               response_generator_options ropt = {}) {
    int failures = 0;
    std::uint64_t first_failure = 0;
    for (std::uint64_t seed = 1; seed <= count; ++seed) {
        response_generator gen(seed, ropt);
        const auto x = make(gen);
        const outcome o = round_trip(x, so);
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
    CHECK_MESSAGE(failures == 0, failures, " of ", count, " seeds failed");
}

/// The first message of `b + b` is `b`, with x's value; every cut of `b` is incomplete input,
/// not an error nor a whole message. Returns what went wrong, or "".
template <class T>
std::string check_framing(const T& x, const std::string& b, response_generator& gen) {
    const std::string twice = b + b;
    const auto r = parse_one(twice, static_cast<const T*>(nullptr));
    if (!r.ok())
        return "parsing b + b failed";
    if (r.consumed() != b.size())
        return "parsing b + b consumed " + std::to_string(r.consumed()) + " octets, not " +
               std::to_string(b.size());
    if (!(*r == x))
        return "parsing b + b gave another value";
    auto check_cut = [&](std::size_t cut) -> std::string {
        const auto p =
            parse_one(std::string_view(b).substr(0, cut), static_cast<const T*>(nullptr));
        if (p.incomplete())
            return {};
        return "the first " + std::to_string(cut) + " octets parse as " +
               (p.ok() ? std::string("a whole message") : "an error: " + p.error().message());
    };
    if (b.size() <= 200) {
        for (std::size_t cut = 0; cut < b.size(); ++cut)
            if (auto e = check_cut(cut); !e.empty())
                return e;
        return {};
    }
    for (int i = 0; i < 32; ++i)
        if (auto e = check_cut(static_cast<std::size_t>(gen.below(b.size()))); !e.empty())
            return e;
    for (std::size_t i = b.find('\r'); i != std::string::npos; i = b.find('\r', i + 1))
        for (std::size_t cut : {i - 1, i, i + 1, i + 2, i + 3})
            if (cut < b.size())
                if (auto e = check_cut(cut); !e.empty())
                    return e;
    return {};
}

} // namespace

TEST_CASE("response round trip: parse(serialize(x)) == x and serialize(parse(b)) == b") {
    run_seeds(response_seeds, [](response_generator& g) { return g.response(); });
}

TEST_CASE("response round trip: with preserve_forms off the serializer chooses every form") {
    run_seeds(
        response_seeds, [](response_generator& g) { return g.response(); }, chosen_forms());
}

TEST_CASE("response round trip: greetings") {
    run_seeds(greeting_seeds, [](response_generator& g) { return g.greeting(); });
    run_seeds(
        greeting_seeds, [](response_generator& g) { return g.greeting(); }, chosen_forms());
}

TEST_CASE("response round trip: every alternative on demand") {
    // A few of each alternative whatever the weights, with the whole check, both option sets.
    int failures = 0;
    auto check = [&](const ast::response& x, std::uint64_t seed, const char* what,
                     std::size_t alt) {
        for (const auto& so : {imapwire::serialize_options{}, chosen_forms()}) {
            const outcome o = round_trip(x, so);
            if (o.problem.empty() || ++failures > max_reported)
                continue;
            INFO("seed:      ", seed, " (", what, "(", alt, "))");
            INFO("preserve_forms: ", so.preserve_forms);
            INFO("generated: ", describe(x));
            INFO("bytes:     ", printable(o.bytes));
            INFO(o.details);
            FAIL_CHECK(o.problem);
        }
    };
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        for (std::size_t alt = 0; alt < response_generator::response_alternatives; ++alt) {
            response_generator gen(seed * 1000003u + alt);
            const ast::response x = gen.response(alt);
            REQUIRE(x.v.index() == alt);
            check(x, seed * 1000003u + alt, "response", alt);
        }
        for (std::size_t alt = 0; alt < response_generator::data_alternatives; ++alt) {
            response_generator gen(seed * 2000003u + alt);
            const ast::response x = gen.data(alt);
            REQUIRE(std::get<ast::response_data>(x.v).index() == alt);
            check(x, seed * 2000003u + alt, "data", alt);
        }
        for (std::size_t alt = 0; alt < response_generator::code_alternatives; ++alt) {
            response_generator gen(seed * 3000017u + alt);
            const ast::response x = gen.with_code(alt);
            check(x, seed * 3000017u + alt, "with_code", alt);
        }
        for (std::size_t alt = 0; alt < response_generator::msg_att_alternatives; ++alt) {
            response_generator gen(seed * 4000037u + alt);
            const ast::response x = gen.fetch_with(alt);
            check(x, seed * 4000037u + alt, "fetch_with", alt);
        }
    }
    CHECK_MESSAGE(failures == 0, failures, " messages failed");
}

TEST_CASE("response round trip: every bracket text and every named code word in the atom form") {
    // The generator draws these from small tables; here each one is tried in every place a
    // resp-text stands, so none depends on the seeds.
    namespace gen = imapwire::test::detail_gen;
    int failures = 0;
    std::set<std::string> seen;
    std::string report; // one line per distinct failure (both option sets often fail alike)
    auto check = [&](const auto& x) {
        for (const auto& so : {imapwire::serialize_options{}, chosen_forms()}) {
            const outcome o = round_trip(x, so);
            if (o.problem.empty())
                continue;
            ++failures;
            const std::string line = printable(o.bytes) + "  ->  " + o.problem;
            if (seen.insert(line).second)
                report += "\n  " + line;
        }
    };
    auto in_every_place = [&](const ast::resp_text& t) {
        ast::greeting g;
        g.cond = {ast::condition::preauth, t};
        check(g);
        ast::response r;
        r.v = ast::continue_req{t};
        check(r);
        r.v = ast::response_data{ast::resp_cond{ast::condition::bye, t}};
        check(r);
        r.v = ast::response_tagged{"A1", {ast::condition::no, t}};
        check(r);
    };
    for (std::string_view text : gen::bracket_texts) {
        if (!gen::may_read_as_code(text))
            in_every_place({std::nullopt, text});
        in_every_place({ast::code_alert{}, text});
    }
    for (const auto& s : gen::code_spellings()) {
        std::vector<std::optional<std::string_view>> texts(s.texts.begin(), s.texts.end());
        if (s.texts.empty())
            texts = {"x", "1", "(a)"};
        if (s.bare)
            texts.push_back(std::nullopt);
        for (const auto& t : texts) {
            ast::response r;
            r.v = ast::response_data{
                ast::resp_cond{ast::condition::ok, {ast::code_other{s.atom, t}, "done"}}};
            check(r);
        }
    }
    INFO("failing messages:", report);
    CHECK_MESSAGE(failures == 0, failures, " round trips failed");
}

TEST_CASE("response round trip: basic bodies whose media type reads TEXT or MESSAGE/RFC822") {
    // A basic body may have the media type TEXT (or MESSAGE with subtype RFC822) when it is not
    // written as the quoted words: the value form, which the serializer writes quoted, or a
    // literal. After the fields, TEXT needs a line count and MESSAGE/RFC822 an envelope, which a
    // basic body never has, so the parser reads such a body back as basic.
    response_generator_options ropt;
    ropt.ambiguous_media_types = true;
    auto make = [](response_generator& g) { return g.fetch_body(); };
    run_seeds(300, make, {}, ropt);
    run_seeds(300, make, chosen_forms(), ropt);
}

TEST_CASE("response framing: a serialized response ends where the parser stops; a cut one is "
          "incomplete") {
    int failures = 0;
    for (std::uint64_t seed = 1; seed <= framing_seeds; ++seed) {
        response_generator gen(seed);
        const ast::response x = gen.response();
        std::string b;
        if (imapwire::serialize(b, x))
            continue; // reported by the round-trip cases
        if (!imapwire::parse_response(b).ok())
            continue; // likewise
        const std::string problem = check_framing(x, b, gen);
        if (problem.empty() || ++failures > max_reported)
            continue;
        INFO("seed:      ", seed);
        INFO("bytes:     ", printable(b));
        FAIL_CHECK(problem);
    }
    CHECK_MESSAGE(failures == 0, failures, " of ", framing_seeds, " seeds failed");
}

TEST_CASE("response generator: a seed always gives the same response") {
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        response_generator a(seed);
        response_generator b(seed);
        CAPTURE(seed);
        CHECK(describe(a.response()) == describe(b.response()));
        CHECK(describe(a.greeting()) == describe(b.greeting()));
    }
}

// ---------------------------------------------------------------------------------------------
// Coverage of the generator itself: across the seeds every alternative shows up, and what it
// makes keeps to the rules the serializer enforces.

namespace {

struct response_coverage {
    std::set<std::string> seen;
    std::vector<std::string> invalid; ///< generated values the serializer would refuse

    void mark(std::string label) { seen.insert(std::move(label)); }
    template <class E>
    void mark(const std::string& what, E e) {
        mark(what + ":" + std::to_string(static_cast<int>(e)));
    }

    static const char* form_name(ast::string_form f) {
        static constexpr const char* names[] = {"value",    "atom",     "quoted",   "literal",
                                                "literal+", "literal8", "literal8+"};
        return names[static_cast<int>(f)];
    }

    /// A string of `ctx` (envelope, body, message, astring).
    void string(const ast::istring& s, const std::string& ctx) {
        mark("form:" + ctx + ":" + form_name(s.form));
        const std::string v = s.value();
        auto has = [&](auto pred) { return std::any_of(v.begin(), v.end(), pred); };
        if (v.empty())
            mark("value:" + ctx + ":empty");
        if (imapwire::detail::iequals(v, "NIL"))
            mark("value:" + ctx + ":NIL");
        if (has([](char c) { return c == '"' || c == '\\'; }))
            mark("value:" + ctx + ":quoted-special");
        if (has([](char c) { return c == '\r' || c == '\n'; }))
            mark("value:" + ctx + ":crlf");
        if (has([](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            mark("value:" + ctx + ":8bit");
        if (v.find('\0') != std::string::npos) {
            // only BINARY[] data (RFC 3516) holds NUL: a literal8, or a value that becomes one
            if (ctx == "binary")
                mark("binary:nul");
            else
                invalid.push_back("NUL in a string");
        }
        if (ctx != "binary" &&
            (s.form == ast::string_form::literal8 || s.form == ast::string_form::literal8_nonsync))
            invalid.push_back("literal8 where the grammar takes none");
        if (s.form == ast::string_form::quoted &&
            !imapwire::detail::all_of(imapwire::detail::cc_text, v))
            invalid.push_back("quoted form holding CR, LF or 8-bit");
        if (s.form == ast::string_form::atom && ctx != "astring")
            mark("misplaced:atom:" + ctx);
    }
    void nstring(const ast::nstring& s, const std::string& ctx) {
        if (!s)
            mark("nstring:" + ctx + ":NIL");
        else
            string(*s, ctx);
    }

    void caps(const ast::vector<std::string_view>& caps, const std::string& where) {
        bool rev1 = false;
        for (std::string_view c : caps) {
            if (c.empty() || !imapwire::detail::all_of(imapwire::detail::cc_atom, c))
                invalid.push_back("capability not an atom");
            if (imapwire::detail::iequals(c, "IMAP4rev1")) {
                rev1 = true;
                if (c != "IMAP4rev1")
                    mark(where + ":imap4rev1_other_case");
            }
        }
        if (!rev1)
            invalid.push_back("capability list without IMAP4rev1");
        if (!caps.empty() && !imapwire::detail::iequals(caps.front(), "IMAP4rev1"))
            mark(where + ":imap4rev1_not_first");
        if (caps.size() == 1)
            mark(where + ":imap4rev1_only");
    }

    void flags(const ast::vector<ast::flag>& fl, const std::string& where) {
        if (fl.empty())
            mark(where + ":empty");
        for (const auto& f : fl) {
            mark(where + ":kind", f.kind());
            if (f.kind() == ast::flag_kind::wildcard && where != "permanentflags")
                invalid.push_back("\\* outside PERMANENTFLAGS");
        }
    }

    void code(const ast::resp_text_code& code) {
        mark("code", code.index());
        std::visit(
            [&](const auto& c) {
                using T = std::decay_t<decltype(c)>;
                if constexpr (std::is_same_v<T, ast::code_badcharset>) {
                    mark(c.charsets.empty() ? "badcharset:none" : "badcharset:list");
                    for (const auto& s : c.charsets)
                        string(s, "astring");
                } else if constexpr (std::is_same_v<T, ast::code_capability>) {
                    caps(c.capabilities, "code_capability");
                } else if constexpr (std::is_same_v<T, ast::code_permanentflags>) {
                    flags(c.flags, "permanentflags");
                } else if constexpr (std::is_same_v<T, ast::code_uidnext> ||
                                     std::is_same_v<T, ast::code_uidvalidity> ||
                                     std::is_same_v<T, ast::code_unseen>) {
                    if (c.value == 0)
                        invalid.push_back("nz-number 0 in a code");
                } else if constexpr (std::is_same_v<T, ast::code_other>) {
                    mark(c.text ? "code_other:text" : "code_other:no_text");
                    if (imapwire::test::detail_gen::is_named_code(c.atom))
                        mark(c.text ? "code_other:named_word" : "code_other:named_word_alone");
                    if (c.atom.empty() ||
                        !imapwire::detail::all_of(imapwire::detail::cc_atom, c.atom))
                        invalid.push_back("code_other atom not an atom");
                    if (c.text && (c.text->empty() || !imapwire::detail::all_of(
                                                          imapwire::detail::cc_text_nobr, *c.text)))
                        invalid.push_back("code_other text not 1*<TEXT-CHAR except ]>");
                }
            },
            code);
    }

    void text(const ast::resp_text& t) {
        if (t.code)
            code(*t.code);
        else
            mark("code:none");
        const std::string_view s = t.text;
        // IMAP4rev2 (RFC 9051 §9): [text], with UTF-8; RFC 3501's 1*TEXT-CHAR otherwise
        const char* const end = s.data() + s.size();
        if ((s.empty() && !t.code) || imapwire::detail::skip_text(s.data(), end, true) != end)
            invalid.push_back("text not [1*(TEXT-CHAR / UTF8-2 / UTF8-3 / UTF8-4)]");
        if (s.empty())
            mark("text:empty_after_code");
        else if (!imapwire::detail::all_of(imapwire::detail::cc_text, s))
            mark("text:utf8");
        if (imapwire::test::detail_gen::ends_like_literal(s))
            invalid.push_back("text ending like a literal");
        if (!t.code && imapwire::test::detail_gen::may_read_as_code(s))
            invalid.push_back("text without a code that reads as one");
        if (!s.empty() && s.front() == '[')
            mark(t.code ? "text:bracket_after_code" : "text:bracket_without_code");
        if (s.size() >= 1000)
            mark("text:long");
    }

    void cond(const ast::resp_cond& c, const std::string& where) {
        mark("cond:" + where, c.status);
        text(c.text);
    }

    void mailbox_list(const ast::mailbox_list& l) {
        int selectability = 0;
        for (const auto& f : l.flags) {
            const std::string_view t = f.text;
            if (t.size() < 2 || t.front() != '\\')
                invalid.push_back("LIST flag that is not a \\ atom");
            selectability += ast::is_mbx_list_sflag(t, imapwire::extension_set::all());
        }
        if (l.extended) {
            mark(l.extended->empty() ? "list:extended:empty" : "list:extended");
            for (const auto& item : *l.extended) {
                mark("list:extended_value", item.value.index());
                string(item.tag, "astring");
                if (const auto* n = std::get_if<std::uint32_t>(&item.value); n && *n != 0)
                    invalid.push_back("a tagged-ext-val number that is a sequence-set");
            }
        }
        if (selectability > 1)
            invalid.push_back("two selectability flags");
        mark(selectability ? "list:selectability_flag" : "list:no_selectability_flag");
        if (l.flags.empty())
            mark("list:no_flags");
        if (!l.delimiter)
            mark("list:delimiter:NIL");
        else if (*l.delimiter == '"' || *l.delimiter == '\\' || *l.delimiter == '/' ||
                 *l.delimiter == '.')
            mark(std::string("list:delimiter:") + *l.delimiter);
        else
            mark("list:delimiter:other");
        string(l.mailbox.name, "astring");
    }

    void addresses(const ast::address_list& l, const char* field) {
        mark(std::string("address_list:") + field + (l ? ":list" : ":NIL"));
        if (!l) {
            mark("address_list:NIL");
            return;
        }
        if (l->empty() || l->size() > 4)
            invalid.push_back("address list of " + std::to_string(l->size()));
        mark("address_list:size:" + std::to_string(l->size()));
        for (const auto& a : *l) {
            if (a.is_group_start())
                mark("address:group_start");
            else if (a.is_group_end())
                mark("address:group_end");
            else
                mark("address:mailbox");
            if (a.adl)
                mark("address:adl");
            nstring(a.name, "envelope");
            nstring(a.adl, "envelope");
            nstring(a.mailbox, "envelope");
            nstring(a.host, "envelope");
        }
    }

    void envelope(const ast::envelope& e) {
        nstring(e.date, "envelope");
        nstring(e.subject, "envelope");
        addresses(e.from, "from");
        addresses(e.sender, "sender");
        addresses(e.reply_to, "reply-to");
        addresses(e.to, "to");
        addresses(e.cc, "cc");
        addresses(e.bcc, "bcc");
        nstring(e.in_reply_to, "envelope");
        nstring(e.message_id, "envelope");
    }

    void params(const ast::body_fld_param& p, const std::string& where) {
        if (!p) {
            mark(where + ":NIL");
            return;
        }
        if (p->empty())
            invalid.push_back("empty parameter list");
        mark(where + ":list");
        for (const auto& x : *p) {
            string(x.attribute, "body");
            string(x.value, "body");
        }
    }

    void body_fields(const ast::body_fields& f) {
        params(f.params, "body_params");
        nstring(f.id, "body");
        nstring(f.description, "body");
        string(f.encoding, "body");
    }

    int extension(const ast::body_extension& e) { // returns the nesting depth
        mark("body_extension", e.v.index());
        if (const auto* s = std::get_if<ast::nstring>(&e.v)) {
            nstring(*s, "body");
            return 1;
        }
        if (const auto* list = std::get_if<ast::vector<ast::body_extension>>(&e.v)) {
            if (list->empty())
                invalid.push_back("empty body-extension list");
            int d = 0;
            for (const auto& x : *list)
                d = std::max(d, extension(x));
            return 1 + d;
        }
        return 1;
    }

    void tail(const ast::body_ext_tail& t) {
        mark("ext:fields:" + std::to_string(t.fields));
        if (t.fields < 1 || t.fields > 4)
            invalid.push_back("body_ext_tail fields out of range");
        if ((t.fields < 2 && t.disposition) ||
            (t.fields < 3 && !(t.language == ast::body_fld_lang{})) ||
            (t.fields < 4 && (t.location || !t.extensions.empty())))
            invalid.push_back("extension field past body_ext_tail::fields");
        if (t.fields >= 2) {
            if (t.disposition) {
                mark("ext:dsp");
                string(t.disposition->type, "body");
                params(t.disposition->params, "dsp_params");
            } else {
                mark("ext:dsp:NIL");
            }
        }
        if (t.fields >= 3) {
            if (const auto* s = std::get_if<ast::nstring>(&t.language)) {
                mark(*s ? "ext:lang:string" : "ext:lang:NIL");
                nstring(*s, "body");
            } else {
                const auto& list = std::get<ast::vector<ast::string>>(t.language);
                if (list.empty())
                    invalid.push_back("empty language list");
                mark(list.size() > 1 ? "ext:lang:list" : "ext:lang:list_of_one");
            }
        }
        if (t.fields >= 4) {
            mark(t.location ? "ext:loc:string" : "ext:loc:NIL");
            nstring(t.location, "body");
            if (!t.extensions.empty())
                mark("ext:extensions");
            for (const auto& e : t.extensions)
                mark("ext:extension_depth:" + std::to_string(std::min(extension(e), 3)));
        }
    }

    /// Returns the depth of the body tree.
    int body(const ast::body& b, bool extensible) {
        if (const auto* one = std::get_if<ast::body_type_1part>(&b.v)) {
            int depth = 1;
            std::visit(
                [&](const auto& p) {
                    using T = std::decay_t<decltype(p)>;
                    body_fields(p.fields);
                    if constexpr (std::is_same_v<T, ast::body_type_basic>) {
                        mark("body:basic");
                        const std::string type = p.media_type.value();
                        if (imapwire::detail::iequals(type, "TEXT") &&
                            p.media_type.form == ast::string_form::quoted)
                            invalid.push_back("basic body with quoted TEXT");
                        if (imapwire::detail::iequals(type, "MESSAGE") &&
                            imapwire::detail::iequals(p.media_subtype.value(), "RFC822") &&
                            p.media_type.form == ast::string_form::quoted &&
                            p.media_subtype.form == ast::string_form::quoted)
                            invalid.push_back("basic body with quoted MESSAGE/RFC822");
                        string(p.media_type, "body");
                        string(p.media_subtype, "body");
                    } else if constexpr (std::is_same_v<T, ast::body_type_msg>) {
                        mark("body:message");
                        envelope(*p.envelope);
                        depth = 1 + body(*p.body, extensible);
                    } else if constexpr (std::is_same_v<T, ast::body_type_text>) {
                        mark("body:text");
                    } else {
                        static_assert(ast::unhandled<T>, "an alternative is not handled");
                    }
                },
                one->part);
            if (one->extension) {
                if (!extensible)
                    invalid.push_back("extension data in BODY");
                mark("body:ext_1part");
                mark(one->extension->md5 ? "ext:md5:string" : "ext:md5:NIL");
                nstring(one->extension->md5, "body");
                tail(one->extension->tail);
            } else {
                mark("body:no_ext_1part");
            }
            return depth;
        }
        const auto& m = std::get<ast::body_type_mpart>(b.v);
        mark("body:multipart");
        if (m.parts.empty())
            invalid.push_back("multipart without parts");
        if (m.parts.size() >= 8)
            mark("body:wide");
        string(m.media_subtype, "body");
        int d = 0;
        for (const auto& p : m.parts)
            d = std::max(d, body(p, extensible));
        if (m.extension) {
            if (!extensible)
                invalid.push_back("extension data in BODY");
            mark("body:ext_mpart");
            params(m.extension->params, "mpart_params");
            tail(m.extension->tail);
        } else {
            mark("body:no_ext_mpart");
        }
        return 1 + d;
    }

    void msg_att(const ast::msg_att_item& item) {
        mark("msg_att", item.index());
        std::visit(
            [&](const auto& a) {
                using T = std::decay_t<decltype(a)>;
                if constexpr (std::is_same_v<T, ast::msg_att_flags>) {
                    flags(a.flags, "fetch_flags");
                } else if constexpr (std::is_same_v<T, ast::msg_att_envelope>) {
                    envelope(a.envelope);
                } else if constexpr (std::is_same_v<T, ast::msg_att_savedate>) {
                    mark(a.date ? "savedate:date" : "savedate:nil");
                } else if constexpr (std::is_same_v<T, ast::msg_att_internaldate>) {
                    if (a.date.day < 10)
                        mark(a.date.leading_zero ? "internaldate:zero_padded"
                                                 : "internaldate:space_padded");
                } else if constexpr (std::is_same_v<T, ast::msg_att_rfc822>) {
                    mark("rfc822", a.which);
                    nstring(a.data, "message");
                } else if constexpr (std::is_same_v<T, ast::msg_att_body>) {
                    const int d = body(a.body, a.structure);
                    mark(a.structure ? "body:structure" : "body:non_extensible");
                    mark("body:depth:" + std::to_string(d));
                    if (d > 8)
                        invalid.push_back("body deeper than 8");
                } else if constexpr (std::is_same_v<T, ast::msg_att_body_section>) {
                    mark(a.origin ? "body_section:origin" : "body_section:no_origin");
                    if (a.section.text)
                        mark("body_section:text", a.section.text->kind);
                    else
                        mark(a.section.part.empty() ? "body_section:empty"
                                                    : "body_section:part_only");
                    nstring(a.data, "message");
                } else if constexpr (std::is_same_v<T, ast::msg_att_uid>) {
                    if (a.uid == 0)
                        invalid.push_back("UID 0");
                } else if constexpr (std::is_same_v<T, ast::msg_att_binary>) {
                    mark(a.part.empty() ? "binary:whole" : "binary:part");
                    mark(a.origin ? "binary:origin" : "binary:no_origin");
                    if (a.data && (a.data->form == ast::string_form::literal8))
                        mark("binary:literal8");
                    nstring(a.data, "binary");
                } else if constexpr (std::is_same_v<T, ast::msg_att_binary_size>) {
                    mark(a.part.empty() ? "binary_size:whole" : "binary_size:part");
                }
            },
            item);
    }

    void data(const ast::response_data& d) {
        mark("data", d.index());
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, ast::resp_cond>) {
                    cond(x, "data");
                } else if constexpr (std::is_same_v<T, ast::capability_data>) {
                    caps(x.capabilities, "capability");
                } else if constexpr (std::is_same_v<T, ast::flags_data>) {
                    flags(x.flags, "flags");
                } else if constexpr (std::is_same_v<T, ast::list_data> ||
                                     std::is_same_v<T, ast::lsub_data>) {
                    mailbox_list(x.list);
                } else if constexpr (std::is_same_v<T, ast::search_data>) {
                    mark(x.numbers.empty() ? "search:empty" : "search:numbers");
                    if (std::find(x.numbers.begin(), x.numbers.end(), 0u) != x.numbers.end())
                        invalid.push_back("SEARCH 0");
                } else if constexpr (std::is_same_v<T, ast::status_data>) {
                    mark(x.items.empty() ? "status:empty" : "status:items");
                    for (const auto& i : x.items)
                        mark("status_att", i.att);
                    string(x.mailbox.name, "astring");
                } else if constexpr (std::is_same_v<T, ast::exists_data>) {
                    if (x.count == 0)
                        mark("exists:0");
                } else if constexpr (std::is_same_v<T, ast::recent_data>) {
                    if (x.count == 0)
                        mark("recent:0");
                } else if constexpr (std::is_same_v<T, ast::expunge_data>) {
                    if (x.number == 0)
                        invalid.push_back("EXPUNGE 0");
                } else if constexpr (std::is_same_v<T, ast::fetch_data>) {
                    if (x.items.empty())
                        invalid.push_back("FETCH without items");
                    if (x.items.size() >= 8)
                        mark("fetch:many_items");
                    for (const auto& i : x.items)
                        msg_att(i);
                } else if constexpr (std::is_same_v<T, ast::uidfetch_data>) {
                    if (x.items.empty())
                        invalid.push_back("UIDFETCH without items");
                    for (const auto& i : x.items)
                        msg_att(i);
                } else if constexpr (std::is_same_v<T, ast::enabled_data>) {
                    mark(x.capabilities.empty() ? "enabled:none" : "enabled:some");
                } else if constexpr (std::is_same_v<T, ast::id_data>) {
                    mark(x.list.nil ? "id:nil" : x.list.params.empty() ? "id:empty" : "id:pairs");
                } else if constexpr (std::is_same_v<T, ast::vanished_data>) {
                    mark(x.earlier ? "vanished:earlier" : "vanished:now");
                } else if constexpr (std::is_same_v<T, ast::esearch_data>) {
                    mark(x.tag ? "esearch:tag" : "esearch:no_tag");
                    if (x.uid)
                        mark("esearch:uid");
                    for (const auto& item : x.items)
                        mark("esearch:item", item.index());
                } else if constexpr (std::is_same_v<T, ast::namespace_data>) {
                    for (const auto* ns : {&x.personal, &x.other_users, &x.shared}) {
                        mark(ns->empty() ? "namespace:nil" : "namespace:list");
                        for (const auto& d : *ns)
                            if (!d.extensions.empty())
                                mark("namespace:extension");
                    }
                } else {
                    static_assert(ast::unhandled<T>, "an alternative is not handled");
                }
            },
            d);
    }

    void response(const ast::response& r) {
        mark("response", r.v.index());
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, ast::continue_req>) {
                    if (const auto* t = std::get_if<ast::resp_text>(&x.content)) {
                        mark("continue:text");
                        text(*t);
                    } else {
                        mark("continue:base64");
                        if (!std::get<std::string_view>(x.content).empty())
                            invalid.push_back("continue-req base64 not empty");
                    }
                } else if constexpr (std::is_same_v<T, ast::response_data>) {
                    data(x);
                } else if constexpr (std::is_same_v<T, ast::response_tagged>) {
                    if (x.tag.empty() || !imapwire::detail::all_of(imapwire::detail::cc_tag, x.tag))
                        invalid.push_back("bad tag");
                    cond(x.cond, "tagged");
                } else {
                    static_assert(ast::unhandled<T>, "an alternative is not handled");
                }
            },
            r.v);
    }

    void greeting(const ast::greeting& g) { cond(g.cond, "greeting"); }
};

std::vector<std::string> expected_labels() {
    std::vector<std::string> e;
    auto n = [&](const std::string& what, std::initializer_list<int> values) {
        for (int i : values)
            e.push_back(what + ":" + std::to_string(i));
    };
    n("response", {0, 1, 2});
    n("data", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    n("code", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    n("msg_att", {0, 1, 2, 3, 4, 5, 6, 7});
    // condition: ok no bad preauth bye
    n("cond:greeting", {0, 3, 4});
    n("cond:data", {0, 1, 2, 4});
    n("cond:tagged", {0, 1, 2});
    n("status_att", {0, 1, 2, 3, 4});
    n("rfc822", {0, 1, 2});
    n("body_section:text", {0, 1, 2, 3, 4});
    n("body_extension", {0, 1, 2});
    // flag kinds: answered flagged deleted seen draft recent wildcard keyword extension
    n("fetch_flags:kind", {0, 1, 2, 3, 4, 5, 7, 8});
    n("flags:kind", {0, 1, 2, 3, 4, 7, 8});
    n("permanentflags:kind", {0, 1, 2, 3, 4, 6, 7, 8});
    for (int d = 1; d <= 8; ++d)
        e.push_back("body:depth:" + std::to_string(d));
    for (int f = 1; f <= 4; ++f)
        e.push_back("ext:fields:" + std::to_string(f));
    for (int s = 1; s <= 4; ++s)
        e.push_back("address_list:size:" + std::to_string(s));
    for (int d = 1; d <= 3; ++d)
        e.push_back("ext:extension_depth:" + std::to_string(d));
    for (const char* f : {"from", "sender", "reply-to", "to", "cc", "bcc"})
        for (const char* v : {":NIL", ":list"})
            e.push_back(std::string("address_list:") + f + v);
    for (const char* ctx : {"envelope", "body", "message"}) {
        for (const char* f : {"value", "quoted", "literal"})
            e.push_back(std::string("form:") + ctx + ":" + f);
        for (const char* v : {"empty", "NIL", "quoted-special", "crlf", "8bit"})
            e.push_back(std::string("value:") + ctx + ":" + v);
        e.push_back(std::string("nstring:") + ctx + ":NIL");
    }
    for (const char* f : {"value", "atom", "quoted", "literal"})
        e.push_back(std::string("form:astring:") + f);
    for (const char* l : {"continue:text",
                          "continue:base64",
                          "code:none",
                          "code_other:text",
                          "code_other:no_text",
                          "code_other:named_word",
                          "code_other:named_word_alone",
                          "badcharset:none",
                          "badcharset:list",
                          "text:bracket_after_code",
                          "text:bracket_without_code",
                          "text:long",
                          "text:empty_after_code",
                          "text:utf8",
                          "capability:imap4rev1_other_case",
                          "capability:imap4rev1_not_first",
                          "capability:imap4rev1_only",
                          "code_capability:imap4rev1_other_case",
                          "code_capability:imap4rev1_not_first",
                          "permanentflags:empty",
                          "flags:empty",
                          "fetch_flags:empty",
                          "list:selectability_flag",
                          "list:no_selectability_flag",
                          "list:no_flags",
                          "list:extended",
                          "list:extended:empty",
                          "list:extended_value:0",
                          "list:extended_value:1",
                          "list:extended_value:2",
                          "list:delimiter:NIL",
                          "list:delimiter:\"",
                          "list:delimiter:\\",
                          "list:delimiter:/",
                          "list:delimiter:.",
                          "list:delimiter:other",
                          "search:empty",
                          "search:numbers",
                          "status:empty",
                          "status:items",
                          "exists:0",
                          "recent:0",
                          "fetch:many_items",
                          "enabled:none",
                          "enabled:some",
                          "id:nil",
                          "id:empty",
                          "id:pairs",
                          "savedate:date",
                          "savedate:nil",
                          "binary:whole",
                          "binary:part",
                          "binary:origin",
                          "binary:no_origin",
                          "binary:literal8",
                          "binary:nul",
                          "binary_size:whole",
                          "binary_size:part",
                          "vanished:earlier",
                          "vanished:now",
                          "esearch:tag",
                          "esearch:no_tag",
                          "esearch:uid",
                          "namespace:nil",
                          "namespace:list",
                          "namespace:extension",
                          "internaldate:zero_padded",
                          "internaldate:space_padded",
                          "address_list:NIL",
                          "address:group_start",
                          "address:group_end",
                          "address:mailbox",
                          "address:adl",
                          "body:basic",
                          "body:message",
                          "body:text",
                          "body:multipart",
                          "body:wide",
                          "body:structure",
                          "body:non_extensible",
                          "body:ext_1part",
                          "body:no_ext_1part",
                          "body:ext_mpart",
                          "body:no_ext_mpart",
                          "body_params:NIL",
                          "body_params:list",
                          "mpart_params:NIL",
                          "mpart_params:list",
                          "dsp_params:NIL",
                          "dsp_params:list",
                          "ext:md5:NIL",
                          "ext:md5:string",
                          "ext:dsp",
                          "ext:dsp:NIL",
                          "ext:lang:NIL",
                          "ext:lang:string",
                          "ext:lang:list",
                          "ext:lang:list_of_one",
                          "ext:loc:NIL",
                          "ext:loc:string",
                          "ext:extensions",
                          "body_section:origin",
                          "body_section:no_origin",
                          "body_section:empty",
                          "body_section:part_only",
                          "misplaced:atom:envelope",
                          "misplaced:atom:body"})
        e.push_back(l);
    return e;
}

} // namespace

TEST_CASE("response generator: covers every alternative and keeps to the serializer's rules") {
    response_coverage cov;
    auto report = [&](std::uint64_t seed, const std::string& what) {
        if (cov.invalid.empty())
            return;
        INFO("seed: ", seed, ": ", what);
        FAIL_CHECK(cov.invalid.front());
        cov.invalid.clear();
    };
    for (std::uint64_t seed = 1; seed <= response_seeds; ++seed) {
        response_generator gen(seed);
        const ast::response r = gen.response();
        cov.response(r);
        report(seed, describe(r));
    }
    for (std::uint64_t seed = 1; seed <= greeting_seeds; ++seed) {
        response_generator gen(seed);
        const ast::greeting g = gen.greeting();
        cov.greeting(g);
        report(seed, describe(g));
    }
    for (const std::string& label : expected_labels()) {
        CAPTURE(label);
        CHECK(cov.seen.count(label) == 1);
    }
}
