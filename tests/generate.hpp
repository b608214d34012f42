// Seeded random generator of valid RFC 3501 command ASTs, for round-trip tests, plus a plain
// text dump of the AST so that a failing case can be read and compared field by field.
//
// The AST holds string views, so the generator owns the text it makes: every string lives in
// `arena_` (a std::deque, whose elements never move). A generated value is valid as long as the
// generator that made it.
//
// The random numbers come from std::mt19937_64 alone (no std::*_distribution, whose output differs
// between standard libraries), so a seed gives the same command everywhere. set_source() replaces
// the engine by any other source of choices (the structure-aware fuzz targets use their input).
#pragma once

#include <imapwire/ast/command.hpp>
#include <imapwire/ast/traits.hpp>
#include <imapwire/detail/charset.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <initializer_list>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace imapwire::test {

/// Where a string stands in the grammar, which decides the forms it may be written in.
enum class string_context {
    astring,      ///< astring (mailbox, header-fld-name, search values, LOGIN...): atom of
                  ///< ASTRING-CHARs, quoted or literal
    list_mailbox, ///< list-mailbox: atom of list-chars (may hold % and *), quoted or literal
    literal,      ///< APPEND's message: a literal only
    string,       ///< string / nstring (envelopes, body fields, message data): quoted or literal
};

struct generator_options {
    /// Deepest nesting of NOT / OR / parenthesised groups in a search-key (1 = no nesting).
    int max_search_depth = 6;
    /// Most search-keys in one SEARCH command (nested ones included).
    int search_budget = 24;
    /// Most strings of a few KB in one command (keeps the line far below the 64 KB limit).
    int long_strings = 2;
    /// Also give strings the LITERAL+ form `{n+}` (RFC 7888), which the AST can hold.
    bool literal_plus = true;
    /// Now and then give a string a form that is well formed but not allowed where it stands
    /// (a list-mailbox atom holding `%` used as a mailbox; a quoted string as APPEND's message).
    /// serialize() documents that it then picks a valid form, so the value still round-trips.
    bool misplaced_forms = true;
};

/// Where a generator's choices come from, instead of its seeded engine: source(n) for n > 0
/// returns a number below n, source(0) any 64-bit number.
using random_source = std::function<std::uint64_t(std::uint64_t bound)>;

namespace detail_gen {

/// The characters of one class, in code order.
inline std::string chars_of(imapwire::detail::charclass cls) {
    std::string s;
    for (int c = 1; c < 256; ++c)
        if (imapwire::detail::is(cls, static_cast<char>(c)))
            s.push_back(static_cast<char>(c));
    return s;
}

struct char_tables {
    std::string atom = chars_of(imapwire::detail::cc_atom);
    std::string astring = chars_of(imapwire::detail::cc_astring);
    std::string list = chars_of(imapwire::detail::cc_list);
    std::string tag = chars_of(imapwire::detail::cc_tag);
    std::string text = chars_of(imapwire::detail::cc_text);
    std::string char8 = chars_of(imapwire::detail::cc_char8);
    std::string base64 = chars_of(imapwire::detail::cc_base64);
    std::string text_nobr = chars_of(imapwire::detail::cc_text_nobr);
    std::string alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
};

inline const char_tables& tables() {
    static const char_tables t;
    return t;
}

/// Escapes the quoted-specials of `value` (RFC 3501 quoted: `"\" quoted-specials`).
inline std::string escape_quoted(std::string_view value) {
    std::string out;
    out.reserve(value.size() + 2);
    for (char c : value) {
        if (c == '"' || c == '\\')
            out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

/// True when `s` ends with a literal announcement `{digits}` or `{digits+}`: text that ends a
/// line that way would announce a literal.
inline bool ends_like_literal(std::string_view s) {
    if (s.empty() || s.back() != '}')
        return false;
    std::size_t j = s.size() - 1;
    if (j > 0 && s[j - 1] == '+')
        --j;
    const std::size_t digits_end = j;
    while (j > 0 && s[j - 1] >= '0' && s[j - 1] <= '9')
        --j;
    return j != digits_end && j > 0 && s[j - 1] == '{';
}

} // namespace detail_gen

class generator {
public:
    /// Number of alternatives of ast::command_body.
    static constexpr std::size_t command_alternatives = std::variant_size_v<ast::command_body>;

    explicit generator(std::uint64_t seed, generator_options options = {})
        : rng_(seed)
        , opt_(options)
        , long_left_(options.long_strings) {}

    generator(const generator&) = delete;
    generator& operator=(const generator&) = delete;

    /// Takes every further choice from `source` rather than from the seeded engine.
    void set_source(random_source source) { source_ = std::move(source); }

    /// A random command.
    ast::command command() { return command(command_index()); }

    /// A random command whose body is alternative `alternative` of ast::command_body.
    ast::command command(std::size_t alternative) {
        long_left_ = opt_.long_strings;
        ast::command c;
        c.tag = tag();
        c.body = body(alternative);
        return c;
    }

    /// A random line of AUTHENTICATE data: "*" (cancel) or base64, possibly empty.
    ast::authenticate_data authenticate_data() {
        ast::authenticate_data d;
        if (percent(10)) {
            d.cancel = true;
            return d;
        }
        const auto& b64 = detail_gen::tables().base64;
        std::string s;
        std::size_t groups = 0;
        switch (below(6)) {
        case 0:
            groups = 0;
            break;
        case 1:
            groups = 1;
            break;
        case 5: // a few KB
            groups = static_cast<std::size_t>(between(100, 1200));
            break;
        default:
            groups = static_cast<std::size_t>(between(2, 20));
            break;
        }
        for (std::size_t i = 0; i < 4 * groups; ++i)
            s.push_back(from(b64));
        if (percent(35)) {
            if (percent(50)) {
                s.push_back(from(b64));
                s.push_back(from(b64));
                s += "==";
            } else {
                s.push_back(from(b64));
                s.push_back(from(b64));
                s.push_back(from(b64));
                s += "=";
            }
        }
        d.base64 = keep(std::move(s));
        return d;
    }

    // ----------------------------------------------------------------------------------------
    // Building blocks. Each returns a value valid where the name says.

    /// tag: 1*<any ASTRING-CHAR except "+">
    std::string_view tag() {
        switch (below(5)) {
        case 0:
        case 1:
        case 2: {
            std::string t(1, pick<char>({'A', 'a', 'T', 'x'}));
            const std::size_t n = static_cast<std::size_t>(between(1, 5));
            for (std::size_t i = 0; i < n; ++i)
                t.push_back(static_cast<char>('0' + below(10)));
            return keep(std::move(t));
        }
        case 3:
            return fixed_tag();
        default:
            return keep(random_chars(detail_gen::tables().tag, between(1, 12)));
        }
    }

    /// atom: 1*ATOM-CHAR, mostly letters and digits.
    std::string_view atom(std::size_t max_len = 12) { return keep(atom_text(max_len)); }

    /// A string value as it could appear anywhere (never NUL), covering the cases that decide
    /// the form: empty, NIL, atoms, `]`, spaces, quoted-specials, wildcards, CTLs, CR/LF, 8-bit
    /// octets, a few KB.
    std::string string_value() {
        switch (below(22)) {
        case 0:
            return "";
        case 1:
            return std::string(pick<std::string_view>({"NIL", "nil", "Nil", "nIL"}));
        case 2:
        case 3:
        case 4:
            return random_chars(detail_gen::tables().alnum, between(1, 12));
        case 5:
            return atom_text(16);
        case 6: // ASTRING-CHARs with "]"
            switch (below(4)) {
            case 0:
                return "]";
            case 1:
                return atom_text(6) + "]";
            case 2:
                return "[" + atom_text(6) + "]";
            default:
                return random_chars(detail_gen::tables().astring, between(1, 12));
            }
        case 7: // spaces
            return std::string(pick<std::string_view>(
                {" ", "  ", "hello world", " leading", "trailing ", "a b c", "Re: hi there"}));
        case 8: // quoted-specials
            return std::string(pick<std::string_view>({"\"", "\\", "a\"b", "C:\\dir\\", "\\\"",
                                                       "\"quoted\"", "x\\y\"z", "\"\"", "\\\\"}));
        case 9: // list-wildcards
            return std::string(
                pick<std::string_view>({"*", "%", "foo*", "a%b", "%]", "*.*", "INBOX*"}));
        case 10: // other atom-specials
            return std::string(pick<std::string_view>(
                {"(", ")", "()", "{5}", "a{0}", "x}", "{", "{3+}", "(a b)"}));
        case 11:
            return random_chars(detail_gen::tables().text, between(1, 30));
        case 12: // CR / LF: literal only
            return std::string(pick<std::string_view>(
                {"\r\n", "line1\r\nline2", "\n", "\r", "a\rb", "end\r\n", "x\n\ny"}));
        case 13: // 8-bit: literal only
            switch (below(3)) {
            case 0:
                return "caf\xc3\xa9";
            case 1:
                return "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e";
            default: {
                std::string s = atom_text(4);
                const std::size_t n = static_cast<std::size_t>(between(1, 6));
                for (std::size_t i = 0; i < n; ++i)
                    s.push_back(static_cast<char>(between(0x80, 0xff)));
                return s;
            }
            }
        case 14: { // CTLs other than CR and LF: quotable
            std::string s = atom_text(3);
            s.push_back(pick<char>({'\x01', '\x1f', '\t', '\x7f', '\x1b'}));
            s += atom_text(3);
            return s;
        }
        case 15:
            if (percent(40))
                return long_string();
            return random_chars(detail_gen::tables().alnum, between(20, 200));
        case 16:
            return std::string(
                pick<std::string_view>({"0", "1", "123", "4294967295", "4294967296", "1:*"}));
        case 17: // words the grammar knows
            return std::string(pick<std::string_view>({"INBOX", "ALL", "FLAGS", "BODY[]", "\\Seen",
                                                       "UID", "CHARSET", "NOT", "OR", "X", "*"}));
        case 18:
            return random_chars(detail_gen::tables().char8, between(1, 40));
        default:
            return random_chars(detail_gen::tables().alnum, between(1, 8));
        }
    }

    /// Gives `value` a form: mostly `value` (the serializer chooses), otherwise one of the forms
    /// valid in `ctx`; quoted data is escaped as on the wire. With misplaced_forms, now and then
    /// a form that is not valid in `ctx` (an atom where only a string may stand...).
    ast::istring shape(std::string value, string_context ctx) {
        using imapwire::detail::all_of;
        const bool astring_atom = !value.empty() && all_of(imapwire::detail::cc_astring, value);
        const bool list_atom = !value.empty() && all_of(imapwire::detail::cc_list, value);
        const bool quotable = all_of(imapwire::detail::cc_text, value);
        const bool atom_ok = ctx == string_context::astring        ? astring_atom
                             : ctx == string_context::list_mailbox ? list_atom
                                                                   : false;
        const bool quoted_ok = ctx != string_context::literal && quotable;

        if (percent(50))
            return {keep(std::move(value)), ast::string_form::value};

        ast::vector<ast::string_form> forms;
        if (atom_ok)
            forms.insert(forms.end(), 3, ast::string_form::atom);
        if (quoted_ok)
            forms.insert(forms.end(), 3, ast::string_form::quoted);
        forms.insert(forms.end(), 2, ast::string_form::literal);
        if (opt_.literal_plus)
            forms.push_back(ast::string_form::literal_nonsync);
        if (opt_.misplaced_forms && percent(10)) {
            if (ctx == string_context::astring && list_atom && !astring_atom)
                forms.assign(1, ast::string_form::atom);
            else if (ctx == string_context::literal && quotable)
                forms.assign(1, ast::string_form::quoted);
            else if (ctx == string_context::string && astring_atom)
                forms.assign(1, ast::string_form::atom);
        }
        const ast::string_form f = forms[below(forms.size())];
        if (f == ast::string_form::quoted)
            return {keep(detail_gen::escape_quoted(value)), f};
        return {keep(std::move(value)), f};
    }

    ast::astring astring() { return shape(string_value(), string_context::astring); }

    /// mailbox: INBOX in any case, usual names, or any astring.
    ast::mailbox mailbox() {
        std::string v;
        switch (below(10)) {
        case 0:
        case 1:
            v = percent(50) ? std::string(pick<std::string_view>({"INBOX", "inbox", "Inbox"}))
                            : random_case("INBOX");
            break;
        case 2:
        case 3:
        case 4:
            v = std::string(pick<std::string_view>(
                {"Sent", "Drafts", "INBOX.Sent", "INBOX/Archive", "Archive/2024", "INBOXES",
                 "&AOk-t&AOk-", "Trash", "Junk E-mail", "[Gmail]/All Mail",
                 "~peter/mail/&U,BTFw-/&ZeVnLIqe-", "foo]bar", "INBOX "}));
            break;
        default:
            v = string_value();
            break;
        }
        return ast::mailbox{shape(std::move(v), string_context::astring)};
    }

    /// list-mailbox: patterns with % and * or any string.
    ast::list_mailbox list_mailbox() {
        std::string v;
        if (percent(45))
            v = std::string(
                pick<std::string_view>({"*", "%", "", "INBOX*", "INBOX.%", "%/%", "~smith/Mail/*",
                                        "foo*bar%", "*]", "[Gmail]/%", "Archive/*", "% *"}));
        else
            v = string_value();
        return shape(std::move(v), string_context::list_mailbox);
    }

    /// flag as a command may carry it: a system flag (any case), \Recent, a keyword or a
    /// flag-extension; never \*.
    ast::flag flag() {
        switch (below(12)) {
        case 0:
        case 1:
        case 2:
        case 3:
        case 4:
            return {keep("\\" + random_case(pick<std::string_view>(
                                    {"Answered", "Flagged", "Deleted", "Seen", "Draft"})))};
        case 5:
            return {keep("\\" + random_case("Recent"))};
        case 6:
        case 7:
        case 8:
            return {keyword()};
        default:
            if (percent(40))
                return {keep("\\" + std::string(pick<std::string_view>(
                                        {"Important", "$Label", "X-Custom", "Seen2", "NIL"})))};
            return {keep("\\" + atom_text(10))};
        }
    }

    ast::flag_list flag_list(std::size_t max) {
        ast::flag_list fl;
        const std::size_t n = static_cast<std::size_t>(below(max + 1));
        for (std::size_t i = 0; i < n; ++i)
            fl.push_back(flag());
        return fl;
    }

    /// flag-keyword: an atom.
    std::string_view keyword() {
        if (percent(40))
            return keep(std::string(pick<std::string_view>(
                {"$Forwarded", "$MDNSent", "$Junk", "NonJunk", "Seen", "NIL", "$label1"})));
        return atom(12);
    }

    /// date for SEARCH: date-day 1*2DIGIT (1..31), month, 4-digit year, optionally quoted.
    ast::date date() {
        ast::date d;
        d.day = static_cast<std::uint8_t>(between(1, 31));
        d.month = static_cast<std::uint8_t>(between(1, 12));
        d.year = static_cast<std::uint16_t>(between(1000, 9999));
        d.leading_zero = percent(50); // only counts for a day below 10
        d.quoted = percent(30);
        return d;
    }

    /// date-time: "dd-Mon-yyyy hh:mm:ss +zzzz" with every field in range.
    ast::date_time date_time() {
        ast::date_time t;
        t.day = static_cast<std::uint8_t>(between(1, 31));
        t.month = static_cast<std::uint8_t>(between(1, 12));
        t.year = static_cast<std::uint16_t>(between(1000, 9999));
        t.hour = static_cast<std::uint8_t>(between(0, 23));
        t.minute = static_cast<std::uint8_t>(between(0, 59));
        t.second = static_cast<std::uint8_t>(between(0, 59));
        t.zone_negative = percent(50);
        t.zone_hhmm = static_cast<std::uint16_t>(between(0, 23) * 100 + between(0, 59));
        if (percent(15))
            t.zone_hhmm = 0;
        t.leading_zero = percent(50); // only counts for a day below 10
        return t;
    }

    /// number: any 32-bit value, biased to the small and the edges.
    std::uint32_t number() {
        switch (below(8)) {
        case 0:
            return 0;
        case 1:
            return 4294967295u;
        case 2:
            return static_cast<std::uint32_t>(draw(0));
        case 3:
            return static_cast<std::uint32_t>(below(100000));
        default:
            return static_cast<std::uint32_t>(below(1000));
        }
    }

    /// nz-number: 1..4294967295.
    std::uint32_t nz_number() {
        switch (below(8)) {
        case 0:
            return 1;
        case 1:
            return 4294967295u;
        case 2:
            return static_cast<std::uint32_t>(between(1, 4294967295u));
        case 3:
            return static_cast<std::uint32_t>(between(1, 100000));
        default:
            return static_cast<std::uint32_t>(between(1, 999));
        }
    }

    ast::seq_number seq_number() {
        ast::seq_number n;
        n.value = percent(15) ? ast::seq_number::star : nz_number();
        return n;
    }

    /// sequence-set: 1 or more numbers, `*` and ranges.
    ast::sequence_set sequence_set() {
        ast::sequence_set s;
        const std::size_t n = percent(85) ? static_cast<std::size_t>(between(1, 4))
                                          : static_cast<std::size_t>(between(5, 20));
        for (std::size_t i = 0; i < n; ++i) {
            if (percent(3)) { // SEARCHRES (RFC 5182): "$"
                s.items.push_back(ast::seq_item::saved());
                continue;
            }
            ast::seq_item item;
            item.first = seq_number();
            if (percent(40))
                item.last = seq_number();
            s.items.push_back(item);
        }
        return s;
    }

    /// PARTIAL (RFC 9394) partial-range: from the oldest or the newest, in either order.
    ast::result_range result_range() { return {percent(50), nz_number(), nz_number()}; }

    /// Any enumerator of a keyword table (ast::keywords<E>), those of extensions included.
    template <class E>
    E pick_keyword() {
        constexpr auto& table = ast::keywords<E>::table;
        return table[below(std::size(table))].first;
    }

    /// UIDPLUS uid-set: uniqueids and ranges, no "*".
    ast::uid_set uid_set() {
        ast::uid_set s;
        const std::size_t n = static_cast<std::size_t>(between(1, 4));
        for (std::size_t i = 0; i < n; ++i) {
            ast::uid_range item;
            item.first = percent(80) ? static_cast<std::uint32_t>(between(1, 5000)) : nz_number();
            if (percent(40))
                item.last =
                    percent(80) ? static_cast<std::uint32_t>(between(1, 5000)) : nz_number();
            s.items.push_back(item);
        }
        return s;
    }

    /// section: "[" [section-spec] "]"; MIME only after a non-empty part.
    ast::section section() {
        ast::section s;
        if (percent(50)) {
            const std::size_t n = static_cast<std::size_t>(between(1, 4));
            for (std::size_t i = 0; i < n; ++i)
                s.part.push_back(percent(85) ? static_cast<std::uint32_t>(between(1, 20))
                                             : nz_number());
        }
        if (percent(30))
            return s; // BODY[] or BODY[1.2]
        ast::section_text t;
        t.kind = static_cast<ast::section_text_kind>(below(s.part.empty() ? 4 : 5));
        if (t.kind == ast::section_text_kind::header_fields ||
            t.kind == ast::section_text_kind::header_fields_not) {
            const std::size_t n = static_cast<std::size_t>(between(1, 4));
            for (std::size_t i = 0; i < n; ++i)
                t.headers.push_back(header_name());
        }
        s.text = std::move(t);
        return s;
    }

    /// header-fld-name: an astring, mostly a usual header name.
    ast::astring header_name() {
        if (percent(65))
            return shape(std::string(pick<std::string_view>({"Subject", "From", "To", "Message-ID",
                                                             "X-Mailer", "In-Reply-To", "List-Id",
                                                             "DATE", "cc"})),
                         string_context::astring);
        return astring();
    }

    ast::fetch_att fetch_att() {
        ast::fetch_att a;
        constexpr auto& kinds = ast::keywords<ast::fetch_att_kind>::table;
        const auto k = below(std::size(kinds) + 4); // the sectioned kinds more often
        if (k < std::size(kinds))
            a.kind = kinds[k].first;
        else
            a.kind = k < std::size(kinds) + 2 ? ast::fetch_att_kind::body_section
                                              : ast::fetch_att_kind::body_peek_section;
        if (ast::has_section_binary(a.kind)) { // BINARY (RFC 3516): a section-part only
            const std::size_t n = percent(40) ? 0 : static_cast<std::size_t>(between(1, 3));
            for (std::size_t i = 0; i < n; ++i)
                a.section.part.push_back(nz_number());
            if (ast::has_partial(a.kind) && percent(35)) {
                ast::partial_range p;
                p.offset = number();
                p.length = nz_number();
                a.partial = p;
            }
        } else if (a.kind == ast::fetch_att_kind::body_section ||
                   a.kind == ast::fetch_att_kind::body_peek_section) {
            a.section = section();
            if (percent(35)) {
                ast::partial_range p;
                p.offset = number();
                p.length = nz_number();
                a.partial = p;
            }
        }
        return a;
    }

    /// A macro, one bare fetch-att, or a parenthesised list of 1 or more.
    ast::fetch_items fetch_items() {
        const auto k = below(20);
        if (k < 3)
            return static_cast<ast::fetch_macro>(below(3));
        if (k < 8)
            return fetch_att();
        ast::vector<ast::fetch_att> v;
        const std::size_t n = static_cast<std::size_t>(between(1, 7));
        for (std::size_t i = 0; i < n; ++i)
            v.push_back(fetch_att());
        return v;
    }

    ast::store_att_flags store_att_flags() {
        ast::store_att_flags s;
        s.op = static_cast<ast::store_att_flags::operation>(below(3));
        s.silent = percent(50);
        s.flags = flag_list(percent(85) ? 4 : 12);
        s.parenthesized = s.flags.empty() ? true : percent(50);
        return s;
    }

    /// A search-key tree with a fresh budget.
    ast::search_key search_key() {
        search_budget_ = opt_.search_budget;
        deep_ = percent(15);
        return search_key_at(1);
    }

    ast::search_command search() {
        ast::search_command s;
        if (percent(20)) { // ESEARCH (RFC 4731): RETURN (...), now and then empty
            constexpr auto& opts = ast::keywords<ast::search_return_option>::table;
            ast::vector<ast::search_return_opt> o;
            const std::size_t n = percent(15) ? 0 : between(1, 4);
            for (std::size_t i = 0; i < n; ++i)
                if (percent(15)) // PARTIAL (RFC 9394)
                    o.push_back(ast::search_return_partial{result_range()});
                else // SAVE among them (SEARCHRES, RFC 5182)
                    o.push_back(opts[below(std::size(opts))].first);
            s.return_options = std::move(o);
        }
        if (percent(30)) {
            if (percent(60))
                s.charset = shape(std::string(pick<std::string_view>(
                                      {"UTF-8", "US-ASCII", "utf-8", "ISO-8859-1"})),
                                  string_context::astring);
            else
                s.charset = astring();
        }
        search_budget_ = opt_.search_budget;
        deep_ = percent(15);
        const std::size_t n = static_cast<std::size_t>(between(1, 4));
        for (std::size_t i = 0; i < n && (i == 0 || search_budget_ > 0); ++i)
            s.keys.push_back(search_key_at(1));
        return s;
    }

    ast::copy_command copy() { return {sequence_set(), mailbox()}; }
    ast::fetch_command fetch() {
        ast::fetch_command f{sequence_set(), fetch_items()};
        if (percent(15)) // CONDSTORE (RFC 7162)
            f.modifiers.push_back(ast::fetch_mod_changedsince{mod_sequence()});
        if (percent(5)) // PARTIAL (RFC 9394)
            f.modifiers.push_back(ast::fetch_mod_partial{result_range()});
        return f;
    }
    ast::store_command store() {
        ast::store_command s{sequence_set(), store_att_flags()};
        if (percent(15)) // CONDSTORE (RFC 7162)
            s.modifiers.push_back(ast::store_mod_unchangedsince{percent(10) ? 0 : mod_sequence()});
        return s;
    }
    /// RFC 2971 id_params_list: NIL, or field-value pairs (the fields of §3.3 mostly).
    ast::id_params id_params() {
        ast::id_params p;
        if (percent(25))
            return p; // NIL
        p.nil = false;
        const std::size_t n = percent(10) ? 0 : between(1, 6);
        for (std::size_t i = 0; i < n; ++i) {
            ast::id_param kv;
            kv.field =
                percent(70)
                    ? shape(std::string(pick<std::string_view>(
                                {"name", "version", "os", "os-version", "vendor", "support-url",
                                 "address", "date", "command", "arguments", "environment"})),
                            string_context::string)
                    : astring();
            if (!percent(15))
                kv.value = astring();
            p.params.push_back(kv);
        }
        return p;
    }
    /// select-params: none mostly, CONDSTORE or QRESYNC (RFC 7162) sometimes.
    /// tagged-ext-comp / option-val-comp: astrings and groups, nested up to 3 deep.
    ast::vector<ast::ext_comp_item> ext_comp(int depth = 0) {
        ast::vector<ast::ext_comp_item> comp;
        const std::size_t n = static_cast<std::size_t>(between(1, 3));
        for (std::size_t i = 0; i < n; ++i) {
            ast::ext_comp_item item;
            if (depth < 3 && percent(25))
                item.v = ext_comp(depth + 1);
            else
                item.v = astring();
            comp.push_back(std::move(item));
        }
        return comp;
    }
    /// option-extension: a vendor or standard option, with a value sometimes.
    ast::list_opt_extension list_opt_extension() {
        ast::list_opt_extension o;
        o.name = keep(random_case(pick<std::string_view>(
            {"MYRIGHTS", "METADATA", "X-VENDOR-OPT", "VND.EXAMPLE-FOO", "STATUSX", "SUBSCRIBE"})));
        if (percent(40))
            o.value = ext_comp();
        return o;
    }
    /// list-select-opts (LIST-EXTENDED): RECURSIVEMATCH only with a base option.
    ast::vector<ast::list_select_option> list_select_options() {
        ast::vector<ast::list_select_option> v;
        const std::size_t n = static_cast<std::size_t>(below(4));
        bool mod = false;
        bool base = false;
        for (std::size_t i = 0; i < n; ++i) {
            switch (below(5)) {
            case 0:
                v.push_back(ast::list_opt_subscribed{});
                base = true;
                break;
            case 1:
                v.push_back(ast::list_opt_remote{});
                break;
            case 2:
                v.push_back(ast::list_opt_recursivematch{});
                mod = true;
                break;
            case 3:
                v.push_back(ast::list_opt_special_use{});
                break;
            default:
                v.push_back(list_opt_extension());
                base = true;
                break;
            }
        }
        if (mod && !base)
            v.push_back(ast::list_opt_subscribed{});
        return v;
    }
    /// list-return-opts (LIST-EXTENDED, SPECIAL-USE, LIST-STATUS).
    ast::vector<ast::list_return_option> list_return_options() {
        ast::vector<ast::list_return_option> v;
        const std::size_t n = static_cast<std::size_t>(below(4));
        for (std::size_t i = 0; i < n; ++i) {
            switch (below(5)) {
            case 0:
                v.push_back(ast::list_opt_subscribed{});
                break;
            case 1:
                v.push_back(ast::list_opt_children{});
                break;
            case 2:
                v.push_back(ast::list_opt_special_use{});
                break;
            case 3: {
                ast::list_opt_status st;
                constexpr auto& atts = ast::keywords<ast::status_att>::table;
                const std::size_t k = static_cast<std::size_t>(between(1, 3));
                for (std::size_t j = 0; j < k; ++j)
                    st.items.push_back(atts[below(std::size(atts))].first);
                v.push_back(std::move(st));
                break;
            }
            default:
                v.push_back(list_opt_extension());
                break;
            }
        }
        return v;
    }

    ast::vector<ast::select_param> select_params() {
        ast::vector<ast::select_param> p;
        if (percent(20))
            p.push_back(ast::select_param_condstore{});
        if (percent(15)) {
            ast::select_param_qresync q;
            q.uidvalidity = nz_number();
            q.modseq = mod_sequence();
            if (percent(60))
                q.known_uids = uid_set();
            if (percent(40))
                q.match = ast::seq_match_data{uid_set(), uid_set()};
            p.insert(p.begin() + static_cast<std::ptrdiff_t>(below(p.size() + 1)), q);
        }
        return p;
    }
    /// mod-sequence-value (RFC 7162): 1 to 2^63-1, often small, sometimes at the edges.
    std::uint64_t mod_sequence() {
        switch (below(4)) {
        case 0:
            return pick<std::uint64_t>({1, ast::max_mod_sequence, 0xffffffffull, 0x100000000ull});
        case 1:
            return between(1, ast::max_mod_sequence);
        default:
            return between(1, 100000);
        }
    }

    ast::x_command x_command() {
        ast::x_command x;
        x.name = keep(std::string(1, percent(85) ? 'X' : 'x') + atom_text(10));
        if (percent(50)) {
            x.has_arguments = true;
            std::string args = percent(50)
                                   ? std::string(pick<std::string_view>(
                                         {"a", "1 2 3", "(FOO BAR)", "\"quoted\" arg", "}", "{",
                                          "  spaced  ", "x{}", "{a}"}))
                                   : random_chars(detail_gen::tables().text, between(1, 40));
            if (detail_gen::ends_like_literal(args))
                args.back() = 'x';
            x.arguments = keep(std::move(args));
        }
        return x;
    }

    // ----------------------------------------------------------------------------------------
    // Random primitives.

    /// Uniform in [0, n) (0 when n is 0). The modulo bias is below 2^-32 for the n used here.
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : draw(n) % n; }
    /// Uniform in [lo, hi].
    std::uint64_t between(std::uint64_t lo, std::uint64_t hi) { return lo + below(hi - lo + 1); }
    bool percent(unsigned p) { return below(100) < p; }
    template <class T>
    T pick(std::initializer_list<T> xs) {
        return *(xs.begin() + below(xs.size()));
    }
    char from(const std::string& chars) { return chars[below(chars.size())]; }

    /// Stores `s` for as long as the generator lives and returns a view of it.
    std::string_view keep(std::string s) {
        arena_.push_back(std::move(s));
        return arena_.back();
    }

protected:
    // The helpers below are shared with the response generator (generate_response.hpp).

    std::size_t command_index() {
        // Weights: commands with arguments are drawn more often than bare keywords.
        static constexpr std::array<unsigned, command_alternatives> weights = {
            2,  2, 2,  5,     // capability logout noop x
            8,  3, 3,  3,     // append create delete examine
            5,  5, 4,  3,     // list lsub rename select
            5,  3, 3,  5,     // status subscribe unsubscribe login
            3,  2,            // authenticate starttls
            2,  2, 2,  5,     // check close expunge copy
            10, 8, 12, 14,    // fetch store search uid
            2,  2, 2,  2,  3, // extensions: enable idle unselect id move
            2,  1             // namespace compress
        };
        unsigned total = 0;
        for (unsigned w : weights)
            total += w;
        auto r = static_cast<unsigned>(below(total));
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (r < weights[i])
                return i;
            r -= weights[i];
        }
        return 0;
    }

    ast::command_body body(std::size_t alternative) {
        switch (alternative) {
        case 0:
            return ast::capability_command{};
        case 1:
            return ast::logout_command{};
        case 2:
            return ast::noop_command{};
        case 3:
            return x_command();
        case 4: {
            ast::append_command a;
            a.mailbox = mailbox();
            if (percent(50))
                a.flags = flag_list(percent(85) ? 4 : 10);
            if (percent(50))
                a.internal_date = date_time();
            a.message = shape(message_value(), string_context::literal);
            if (percent(10)) { // BINARY (RFC 3516): a literal8, which may hold NUL
                std::string v = message_value();
                if (percent(50))
                    v.insert(v.begin() + static_cast<std::ptrdiff_t>(below(v.size() + 1)), '\0');
                a.message = ast::istring{keep(std::move(v)), ast::string_form::literal8};
            }
            if (percent(10)) { // MULTIAPPEND (RFC 3502): more messages
                const std::size_t n = between(1, 3);
                for (std::size_t i = 0; i < n; ++i) {
                    ast::append_message m;
                    if (percent(50))
                        m.flags = flag_list(4);
                    if (percent(50))
                        m.internal_date = date_time();
                    m.message = shape(message_value(), string_context::literal);
                    a.more.push_back(std::move(m));
                }
            }
            return a;
        }
        case 5: {
            ast::create_command c{mailbox()};
            if (percent(15)) { // CREATE-SPECIAL-USE (RFC 6154)
                ast::create_param_use use;
                const std::size_t n = static_cast<std::size_t>(below(3));
                for (std::size_t i = 0; i < n; ++i)
                    use.attributes.push_back({keep(random_case(pick<std::string_view>(
                        {"\\Sent", "\\Drafts", "\\Trash", "\\Junk", "\\Archive", "\\All",
                         "\\Flagged", "\\Important"})))});
                c.params.push_back(std::move(use));
            }
            return c;
        }
        case 6:
            return ast::delete_command{mailbox()};
        case 7:
            return ast::examine_command{mailbox(), select_params()};
        case 8: {
            ast::list_command l;
            l.reference = reference();
            if (percent(20)) { // LIST-EXTENDED (RFC 5258): several patterns
                const std::size_t n = static_cast<std::size_t>(between(1, 3));
                for (std::size_t i = 0; i < n; ++i)
                    l.patterns.push_back(list_mailbox());
            } else {
                l.pattern = list_mailbox();
            }
            if (percent(20))
                l.select_options = list_select_options();
            if (percent(20))
                l.return_options = list_return_options();
            return l;
        }
        case 9: {
            ast::lsub_command l;
            l.reference = reference();
            l.pattern = list_mailbox();
            return l;
        }
        case 10: {
            ast::rename_command r;
            r.from = mailbox();
            r.to = mailbox();
            return r;
        }
        case 11:
            return ast::select_command{mailbox(), select_params()};
        case 12: {
            ast::status_command s;
            s.mailbox = mailbox();
            constexpr std::size_t atts = std::size(ast::keywords<ast::status_att>::table);
            const std::size_t n = static_cast<std::size_t>(between(1, atts));
            if (percent(80)) { // distinct items, in random order
                std::array<std::size_t, atts> all{};
                for (std::size_t i = 0; i < atts; ++i)
                    all[i] = i;
                for (std::size_t i = 0; i < n; ++i) {
                    std::swap(all[i], all[i + below(atts - i)]);
                    s.items.push_back(ast::keywords<ast::status_att>::table[all[i]].first);
                }
            } else {
                for (std::size_t i = 0; i < n; ++i)
                    s.items.push_back(ast::keywords<ast::status_att>::table[below(atts)].first);
            }
            return s;
        }
        case 13:
            return ast::subscribe_command{mailbox()};
        case 14:
            return ast::unsubscribe_command{mailbox()};
        case 15: {
            ast::login_command l;
            l.userid = astring();
            l.password = astring();
            return l;
        }
        case 16: {
            ast::authenticate_command a;
            a.mechanism = percent(60) ? keep(std::string(pick<std::string_view>(
                                            {"PLAIN", "LOGIN", "GSSAPI", "CRAM-MD5",
                                             "SCRAM-SHA-256", "XOAUTH2", "EXTERNAL", "plain"})))
                                      : atom(20);
            if (percent(30)) // SASL-IR (RFC 4959)
            {
                const std::string_view b = authenticate_data().base64;
                a.initial_response = b.empty() || percent(20) ? std::string_view("=") : b;
            }
            return a;
        }
        case 17:
            return ast::starttls_command{};
        case 18:
            return ast::check_command{};
        case 19:
            return ast::close_command{};
        case 20:
            return ast::expunge_command{};
        case 21:
            return copy();
        case 22:
            return fetch();
        case 23:
            return store();
        case 24:
            return search();
        case 26: {
            ast::enable_command e; // ENABLE 1*(SP capability)
            const std::size_t n = percent(70) ? 1 : between(2, 5);
            for (std::size_t i = 0; i < n; ++i)
                e.capabilities.push_back(
                    percent(60) ? keep(std::string(pick<std::string_view>(
                                      {"CONDSTORE", "QRESYNC", "UTF8=ACCEPT", "IMAP4rev2",
                                       "utf8=only", "METADATA", "X-GM-EXT-1"})))
                                : atom(12));
            return e;
        }
        case 27:
            return ast::idle_command{};
        case 28:
            return ast::unselect_command{};
        case 29:
            return ast::id_command{id_params()};
        case 30:
            return ast::move_command{sequence_set(), mailbox()};
        case 31:
            return ast::namespace_command{};
        case 32:
            return ast::compress_command{};
        default: {
            ast::uid_command u;
            switch (below(6)) {
            case 5:
                u.command = ast::uid_expunge_command{sequence_set()};
                break;
            case 0:
                u.command = copy();
                break;
            case 4:
                u.command = ast::move_command{sequence_set(), mailbox()};
                break;
            case 1: {
                ast::fetch_command f = fetch();
                if (percent(20)) // QRESYNC (RFC 7162 §3.2.6): only in UID FETCH
                    f.modifiers.push_back(ast::fetch_mod_vanished{});
                u.command = std::move(f);
                break;
            }
            case 2:
                u.command = search();
                break;
            default:
                u.command = store();
                break;
            }
            return u;
        }
        }
    }

    /// LIST / LSUB reference: often empty, as clients send it.
    ast::mailbox reference() {
        if (percent(30))
            return ast::mailbox{shape("", string_context::astring)};
        return mailbox();
    }

    /// APPEND's message: a small RFC 5322 message, or any string value.
    std::string message_value() {
        switch (below(4)) {
        case 0:
            return "From: a@example.org\r\nTo: b@example.org\r\nSubject: " + atom_text(8) +
                   "\r\n\r\nHello " + atom_text(8) + "\r\n";
        case 1:
            return long_string();
        default:
            return string_value();
        }
    }

    ast::search_key search_key_at(int depth) {
        --search_budget_;
        const bool may_nest = depth < opt_.max_search_depth && search_budget_ > 0;
        // Leaves: 0-9; NOT, OR, groups: 10-15 (more likely in a "deep" tree).
        std::uint64_t k = 0;
        if (may_nest && (deep_ ? percent(75) : percent(25)))
            k = between(10, 15);
        else
            k = below(10);
        switch (k) {
        case 0:
        case 1:
            return ast::search_simple{pick_keyword<ast::search_flag_key>()};
        case 2:
            return ast::search_string{static_cast<ast::search_string_kind>(below(7)), astring()};
        case 3:
            return ast::search_date{pick_keyword<ast::search_date_kind>(), date()};
        case 4:
            return ast::search_keyword{static_cast<ast::search_keyword_kind>(below(2)), keyword()};
        case 5:
            return ast::search_size{static_cast<ast::search_size_kind>(below(2)), number()};
        case 6:
            return ast::search_header{header_name(), astring()};
        case 7:
            return ast::search_uid{sequence_set()};
        case 8:
            return ast::search_set{sequence_set()};
        case 9:
            if (percent(30)) { // CONDSTORE (RFC 7162)
                ast::search_modseq m;
                m.modseq = percent(10) ? 0 : mod_sequence();
                if (percent(50)) {
                    const std::string_view flag = pick<std::string_view>(
                        {"\\\\draft", "\\\\Seen", "$MDNSent", "$label1", "\\\\x-ext"});
                    m.entry = ast::search_modseq_entry{
                        ast::istring{keep("/flags/" + std::string(flag)), ast::string_form::quoted},
                        static_cast<ast::entry_type>(below(3))};
                }
                return m;
            }
            if (percent(20)) { // OBJECTID (RFC 8474)
                ast::search_objectid k;
                k.which = percent(50) ? ast::search_objectid::kind::emailid
                                      : ast::search_objectid::kind::threadid;
                k.id = pick<std::string_view>({"M6d99ac3275bb4e", "T64b478a75b7ea9", "a_b-c", "Z"});
                return k;
            }
            return ast::search_simple{pick_keyword<ast::search_flag_key>()};
        case 10:
        case 11:
            return ast::search_not{ast::box<ast::search_key>(search_key_at(depth + 1))};
        case 12:
        case 13: {
            ast::search_key l = search_key_at(depth + 1);
            ast::search_key r = search_key_at(depth + 1);
            return ast::search_or{ast::box<ast::search_key>(std::move(l)),
                                  ast::box<ast::search_key>(std::move(r))};
        }
        default: {
            ast::search_group g;
            const std::size_t n = static_cast<std::size_t>(between(1, 4));
            for (std::size_t i = 0; i < n && (i == 0 || search_budget_ > 0); ++i)
                g.keys.push_back(search_key_at(depth + 1));
            return g;
        }
        }
    }

    std::string atom_text(std::size_t max_len) {
        const std::size_t n = static_cast<std::size_t>(between(1, max_len));
        return percent(70) ? random_chars(detail_gen::tables().alnum, n)
                           : random_chars(detail_gen::tables().atom, n);
    }

    std::string random_chars(const std::string& chars, std::uint64_t n) {
        std::string s;
        s.reserve(static_cast<std::size_t>(n));
        for (std::uint64_t i = 0; i < n; ++i)
            s.push_back(from(chars));
        return s;
    }

    std::string random_case(std::string_view s) {
        std::string out(s);
        for (char& c : out) {
            if (percent(30)) {
                if (c >= 'a' && c <= 'z')
                    c = static_cast<char>(c - 'a' + 'A');
                else if (c >= 'A' && c <= 'Z')
                    c = static_cast<char>(c - 'A' + 'a');
            }
        }
        return out;
    }

    /// 1000 to 4000 octets (at most opt_.long_strings per command, else a short atom).
    std::string long_string() {
        if (long_left_ <= 0)
            return atom_text(8);
        --long_left_;
        const std::size_t n = static_cast<std::size_t>(between(1000, 4000));
        switch (below(3)) {
        case 0:
            return random_chars(detail_gen::tables().alnum, n);
        case 1:
            return random_chars(detail_gen::tables().text, n); // quotable
        default: {                                             // lines of text: literal only
            std::string s;
            while (s.size() < n) {
                s += random_chars(detail_gen::tables().text, between(0, 76));
                s += "\r\n";
            }
            return s;
        }
        }
    }

    std::string_view fixed_tag() {
        return keep(std::string(pick<std::string_view>(
            {"1", "]", "tag]", "A.1", "~", "a-b_c", "NIL", "UID", "x[1]", "}"})));
    }

    /// The next raw choice: below `bound` from a plugged-in source, any number from the engine.
    std::uint64_t draw(std::uint64_t bound) { return source_ ? source_(bound) : rng_(); }

    std::mt19937_64 rng_;
    random_source source_;
    std::deque<std::string> arena_;
    generator_options opt_;
    int search_budget_ = 0;
    bool deep_ = false;
    int long_left_ = 0;
};

// --------------------------------------------------------------------------------------------
// A plain text dump of an AST, every field shown (forms and formatting flags included), so that
// a generated value and its parse can be compared by eye. Long strings are cut.

namespace detail_gen {

/// `s` with CR, LF, `"`, `\` and non-printable octets escaped, cut after `limit` octets.
inline std::string printable(std::string_view s, std::size_t limit = 200) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < s.size() && i < limit; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        switch (c) {
        case '\r':
            out += "\\r";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        default:
            if (c < 0x20 || c >= 0x7f) {
                out += "\\x";
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 15]);
            } else {
                out.push_back(static_cast<char>(c));
            }
        }
    }
    if (s.size() > limit)
        out += "...(" + std::to_string(s.size()) + " octets)";
    return out;
}

struct dumper {
    std::string out;

    void raw(std::string_view s) { out += s; }
    void num(std::uint64_t n) { out += std::to_string(n); }
    void text(std::string_view s) {
        out += '"';
        out += printable(s);
        out += '"';
    }
    void flag(const char* name, bool b) {
        if (b) {
            out += ' ';
            out += name;
        }
    }

    void put(const ast::istring& s) {
        static constexpr const char* forms[] = {"value",    "atom",     "quoted",   "literal",
                                                "literal+", "literal8", "literal8+"};
        out += forms[static_cast<int>(s.form)];
        out += ':';
        text(s.data);
    }
    void put(const ast::mailbox& m) {
        raw("mailbox(");
        put(m.name);
        raw(")");
    }
    void put(const ast::flag& f) { text(f.text); }
    void put(const ast::flag_list& fl) {
        raw("(");
        for (std::size_t i = 0; i < fl.size(); ++i) {
            if (i)
                raw(" ");
            put(fl[i]);
        }
        raw(")");
    }
    void put(const ast::date& d) {
        raw("date(");
        num(d.day);
        raw("-");
        num(d.month);
        raw("-");
        num(d.year);
        flag("leading_zero", d.leading_zero);
        flag("quoted", d.quoted);
        raw(")");
    }
    void put(const ast::date_time& t) {
        raw("date_time(");
        num(t.day);
        raw("-");
        num(t.month);
        raw("-");
        num(t.year);
        raw(" ");
        num(t.hour);
        raw(":");
        num(t.minute);
        raw(":");
        num(t.second);
        raw(t.zone_negative ? " -" : " +");
        num(t.zone_hhmm);
        flag("leading_zero", t.leading_zero);
        raw(")");
    }
    void put(const ast::seq_number& n) {
        if (n.is_star())
            raw("*");
        else
            num(n.value);
    }
    void put(const ast::sequence_set& s) {
        raw("set(");
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            if (i)
                raw(",");
            if (s.items[i].saved_result) {
                raw("$");
                continue;
            }
            put(s.items[i].first);
            if (s.items[i].last) {
                raw(":");
                put(*s.items[i].last);
            }
        }
        raw(")");
    }
    void put(const ast::result_range& r) {
        raw(r.from_end ? "partial(-" : "partial(");
        num(r.first);
        raw(r.from_end ? ":-" : ":");
        num(r.last);
        raw(")");
    }
    void put_part_numbers(const ast::vector<std::uint32_t>& part) {
        for (std::size_t i = 0; i < part.size(); ++i) {
            if (i)
                raw(".");
            num(part[i]);
        }
    }
    /// A section-binary: "[" section-part "]".
    void put_part(const ast::vector<std::uint32_t>& part) {
        raw("[");
        put_part_numbers(part);
        raw("]");
    }
    /// "<" number ">": the origin of a partial FETCH's data.
    void put_origin(const std::optional<std::uint32_t>& origin) {
        if (origin) {
            raw("<");
            num(*origin);
            raw(">");
        }
    }
    void put(const ast::section& s) {
        static constexpr const char* kinds[] = {"HEADER", "HEADER.FIELDS", "HEADER.FIELDS.NOT",
                                                "TEXT", "MIME"};
        raw("[");
        put_part_numbers(s.part);
        if (s.text) {
            raw(" ");
            raw(kinds[static_cast<int>(s.text->kind)]);
            for (const auto& h : s.text->headers) {
                raw(" ");
                put(h);
            }
        }
        raw("]");
    }
    void put(const ast::fetch_att& a) {
        raw(ast::keyword(a.kind));
        if (ast::has_section_binary(a.kind)) {
            put_part(a.section.part);
        } else {
            if (ast::has_section(a.kind))
                raw("[]");
            if (a.kind == ast::fetch_att_kind::body_section ||
                a.kind == ast::fetch_att_kind::body_peek_section || !a.section.part.empty() ||
                a.section.text) {
                put(a.section);
            }
        }
        if (a.partial) {
            raw("<");
            num(a.partial->offset);
            raw(".");
            num(a.partial->length);
            raw(">");
        }
    }
    void put(const ast::fetch_items& f) {
        static constexpr const char* macros[] = {"ALL", "FULL", "FAST"};
        if (const auto* m = std::get_if<ast::fetch_macro>(&f)) {
            raw("macro ");
            raw(macros[static_cast<int>(*m)]);
        } else if (const auto* a = std::get_if<ast::fetch_att>(&f)) {
            raw("att ");
            put(*a);
        } else {
            raw("list(");
            const auto& v = std::get<ast::vector<ast::fetch_att>>(f);
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (i)
                    raw(" ");
                put(v[i]);
            }
            raw(")");
        }
    }
    void put(const ast::store_att_flags& s) {
        static constexpr const char* ops[] = {"replace", "add", "remove"};
        raw(ops[static_cast<int>(s.op)]);
        flag("silent", s.silent);
        flag("parenthesized", s.parenthesized);
        raw(" ");
        put(s.flags);
    }
    void put(const ast::search_key& k) {
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, ast::search_simple>) {
                    raw(ast::keyword(x.which));
                } else if constexpr (std::is_same_v<T, ast::search_string>) {
                    raw(ast::keyword(x.which));
                    raw(" ");
                    put(x.value);
                } else if constexpr (std::is_same_v<T, ast::search_date>) {
                    raw(ast::keyword(x.which));
                    raw(" ");
                    put(x.date);
                } else if constexpr (std::is_same_v<T, ast::search_keyword>) {
                    raw(x.which == ast::search_keyword_kind::keyword ? "KEYWORD " : "UNKEYWORD ");
                    text(x.keyword);
                } else if constexpr (std::is_same_v<T, ast::search_size>) {
                    raw(x.which == ast::search_size_kind::larger ? "LARGER " : "SMALLER ");
                    num(x.octets);
                } else if constexpr (std::is_same_v<T, ast::search_header>) {
                    raw("HEADER ");
                    put(x.field);
                    raw(" ");
                    put(x.value);
                } else if constexpr (std::is_same_v<T, ast::search_uid>) {
                    raw("UID ");
                    put(x.set);
                } else if constexpr (std::is_same_v<T, ast::search_modseq>) {
                    raw("MODSEQ ");
                    if (x.entry) {
                        put(x.entry->name);
                        raw(" type");
                        num(static_cast<unsigned>(x.entry->type));
                        raw(" ");
                    }
                    num(x.modseq);
                } else if constexpr (std::is_same_v<T, ast::search_objectid>) {
                    raw(x.which == ast::search_objectid::kind::emailid ? "EMAILID " : "THREADID ");
                    text(x.id);
                } else if constexpr (std::is_same_v<T, ast::search_set>) {
                    put(x.set);
                } else if constexpr (std::is_same_v<T, ast::search_not>) {
                    raw("NOT ");
                    put(*x.key);
                } else if constexpr (std::is_same_v<T, ast::search_or>) {
                    raw("OR{");
                    put(*x.left);
                    raw("}{");
                    put(*x.right);
                    raw("}");
                } else if constexpr (std::is_same_v<T, ast::search_group>) {
                    raw("group(");
                    for (std::size_t i = 0; i < x.keys.size(); ++i) {
                        if (i)
                            raw(" ");
                        put(x.keys[i]);
                    }
                    raw(")");
                } else {
                    static_assert(ast::unhandled<T>, "an alternative is not handled");
                }
            },
            k.v);
    }
    void put(const ast::copy_command& c) {
        raw("COPY ");
        put(c.set);
        raw(" ");
        put(c.mailbox);
    }
    void put(const ast::uid_expunge_command& c) {
        raw("EXPUNGE ");
        put(c.set);
    }
    void put(const ast::uid_set& s) {
        raw("uids(");
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            if (i)
                raw(",");
            num(s.items[i].first);
            if (s.items[i].last) {
                raw(":");
                num(*s.items[i].last);
            }
        }
        raw(")");
    }
    void put(const ast::move_command& c) {
        raw("MOVE ");
        put(c.set);
        raw(" ");
        put(c.mailbox);
    }
    void put(const ast::fetch_command& c) {
        raw("FETCH ");
        put(c.set);
        raw(" ");
        put(c.items);
        put_modifiers(c.modifiers);
    }
    void put(const ast::store_command& c) {
        raw("STORE ");
        put(c.set);
        put_modifiers(c.modifiers);
        raw(" ");
        put(c.action);
    }
    void put(const ast::id_params& p) {
        if (p.nil) {
            raw("NIL");
            return;
        }
        raw("(");
        for (const auto& kv : p.params) {
            put(kv.field);
            raw("=");
            if (kv.value)
                put(*kv.value);
            else
                raw("NIL");
            raw(";");
        }
        raw(")");
    }
    void put(const ast::vector<ast::ext_comp_item>& comp) {
        raw("(");
        for (const auto& item : comp) {
            if (const auto* a = std::get_if<ast::astring>(&item.v))
                put(*a);
            else
                put(std::get<ast::vector<ast::ext_comp_item>>(item.v));
            raw(";");
        }
        raw(")");
    }
    /// LIST-EXTENDED options: "[name name=value ...]"
    template <class Variant>
    void put_list_options(const ast::vector<Variant>& options) {
        raw("[");
        for (const auto& o : options) {
            std::visit(
                [&](const auto& x) {
                    using T = std::decay_t<decltype(x)>;
                    raw(ast::traits<T>::info.name);
                    if constexpr (std::is_same_v<T, ast::list_opt_status>) {
                        for (auto a : x.items) {
                            raw(":");
                            raw(ast::keyword(a));
                        }
                    } else if constexpr (std::is_same_v<T, ast::list_opt_extension>) {
                        raw(":");
                        text(x.name);
                        if (x.value)
                            put(*x.value);
                    }
                },
                o);
            raw(" ");
        }
        raw("]");
    }
    /// One message of APPEND: " flags(...) date message".
    void put_append_message(const std::optional<ast::flag_list>& flags,
                            const std::optional<ast::date_time>& internal_date,
                            const ast::string& message) {
        if (flags) {
            raw(" flags");
            put(*flags);
        }
        if (internal_date) {
            raw(" ");
            put(*internal_date);
        }
        raw(" ");
        put(message);
    }
    /// RFC 4466 modifiers and parameters: " mods[...]" when there are any.
    template <class Variant>
    void put_modifiers(const ast::vector<Variant>& items) {
        if (items.empty())
            return;
        raw(" mods[");
        for (const auto& item : items) {
            std::visit(
                [&](const auto& m) {
                    using T = std::decay_t<decltype(m)>;
                    raw(ast::traits<T>::info.name);
                    if constexpr (std::is_same_v<T, ast::fetch_mod_changedsince> ||
                                  std::is_same_v<T, ast::store_mod_unchangedsince>) {
                        raw("=");
                        num(m.modseq);
                    } else if constexpr (std::is_same_v<T, ast::fetch_mod_partial>) {
                        put(m.range);
                    } else if constexpr (std::is_same_v<T, ast::select_param_condstore> ||
                                         std::is_same_v<T, ast::fetch_mod_vanished>) {
                    } else if constexpr (std::is_same_v<T, ast::select_param_qresync>) {
                        raw("=");
                        num(m.uidvalidity);
                        raw(",");
                        num(m.modseq);
                        if (m.known_uids) {
                            raw(",known ");
                            put(*m.known_uids);
                        }
                        if (m.match) {
                            raw(",match ");
                            put(m.match->known_sequence_set);
                            raw(" ");
                            put(m.match->known_uid_set);
                        }
                    } else if constexpr (std::is_same_v<T, ast::create_param_use>) {
                        for (const auto& f : m.attributes) {
                            raw(" ");
                            put(f);
                        }
                    } else {
                        static_assert(ast::unhandled<T>, "an alternative is not handled");
                    }
                    raw(";");
                },
                item);
        }
        raw("]");
    }
    void put(const ast::search_command& c) {
        raw("SEARCH");
        if (c.return_options) {
            raw(" return(");
            for (const auto& o : *c.return_options) {
                raw(" ");
                if (const auto* k = std::get_if<ast::search_return_option>(&o))
                    raw(ast::keyword(*k));
                else
                    put(std::get<ast::search_return_partial>(o).range);
            }
            raw(")");
        }
        if (c.charset) {
            raw(" CHARSET ");
            put(*c.charset);
        }
        for (const auto& k : c.keys) {
            raw(" ");
            put(k);
        }
    }
    void put(const ast::status_att a) { raw(ast::keyword(a)); }
    void put(const ast::command_body& b) {
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, ast::capability_command>) {
                    raw("CAPABILITY");
                } else if constexpr (std::is_same_v<T, ast::logout_command>) {
                    raw("LOGOUT");
                } else if constexpr (std::is_same_v<T, ast::noop_command>) {
                    raw("NOOP");
                } else if constexpr (std::is_same_v<T, ast::x_command>) {
                    raw("x-command ");
                    text(x.name);
                    flag("has_arguments", x.has_arguments);
                    raw(" ");
                    text(x.arguments);
                } else if constexpr (std::is_same_v<T, ast::append_command>) {
                    raw("APPEND ");
                    put(x.mailbox);
                    put_append_message(x.flags, x.internal_date, x.message);
                    for (const auto& m : x.more) {
                        raw(" more");
                        put_append_message(m.flags, m.internal_date, m.message);
                    }
                } else if constexpr (std::is_same_v<T, ast::create_command>) {
                    raw("CREATE ");
                    put(x.mailbox);
                    put_modifiers(x.params);
                } else if constexpr (std::is_same_v<T, ast::delete_command>) {
                    raw("DELETE ");
                    put(x.mailbox);
                } else if constexpr (std::is_same_v<T, ast::examine_command>) {
                    raw("EXAMINE ");
                    put(x.mailbox);
                    put_modifiers(x.params);
                } else if constexpr (std::is_same_v<T, ast::list_command>) {
                    raw("LIST ");
                    if (x.select_options) {
                        raw("select");
                        put_list_options(*x.select_options);
                        raw(" ");
                    }
                    put(x.reference);
                    raw(" ");
                    if (x.patterns.empty()) {
                        put(x.pattern);
                    } else {
                        raw("patterns(");
                        for (const auto& p : x.patterns) {
                            put(p);
                            raw(";");
                        }
                        raw(")");
                    }
                    if (x.return_options) {
                        raw(" return");
                        put_list_options(*x.return_options);
                    }
                } else if constexpr (std::is_same_v<T, ast::lsub_command>) {
                    raw("LSUB ");
                    put(x.reference);
                    raw(" ");
                    put(x.pattern);
                } else if constexpr (std::is_same_v<T, ast::rename_command>) {
                    raw("RENAME ");
                    put(x.from);
                    raw(" ");
                    put(x.to);
                } else if constexpr (std::is_same_v<T, ast::select_command>) {
                    raw("SELECT ");
                    put(x.mailbox);
                    put_modifiers(x.params);
                } else if constexpr (std::is_same_v<T, ast::status_command>) {
                    raw("STATUS ");
                    put(x.mailbox);
                    raw(" (");
                    for (std::size_t i = 0; i < x.items.size(); ++i) {
                        if (i)
                            raw(" ");
                        put(x.items[i]);
                    }
                    raw(")");
                } else if constexpr (std::is_same_v<T, ast::subscribe_command>) {
                    raw("SUBSCRIBE ");
                    put(x.mailbox);
                } else if constexpr (std::is_same_v<T, ast::unsubscribe_command>) {
                    raw("UNSUBSCRIBE ");
                    put(x.mailbox);
                } else if constexpr (std::is_same_v<T, ast::login_command>) {
                    raw("LOGIN ");
                    put(x.userid);
                    raw(" ");
                    put(x.password);
                } else if constexpr (std::is_same_v<T, ast::authenticate_command>) {
                    raw("AUTHENTICATE ");
                    text(x.mechanism);
                    if (x.initial_response) {
                        raw(" ir ");
                        text(*x.initial_response);
                    }
                } else if constexpr (std::is_same_v<T, ast::starttls_command>) {
                    raw("STARTTLS");
                } else if constexpr (std::is_same_v<T, ast::check_command>) {
                    raw("CHECK");
                } else if constexpr (std::is_same_v<T, ast::close_command>) {
                    raw("CLOSE");
                } else if constexpr (std::is_same_v<T, ast::expunge_command>) {
                    raw("EXPUNGE");
                } else if constexpr (std::is_same_v<T, ast::uid_command>) {
                    raw("UID ");
                    std::visit([&](const auto& inner) { put(inner); }, x.command);
                } else if constexpr (std::is_same_v<T, ast::copy_command> ||
                                     std::is_same_v<T, ast::move_command> ||
                                     std::is_same_v<T, ast::uid_expunge_command> ||
                                     std::is_same_v<T, ast::fetch_command> ||
                                     std::is_same_v<T, ast::store_command> ||
                                     std::is_same_v<T, ast::search_command>) {
                    put(x);
                } else if constexpr (std::is_same_v<T, ast::enable_command>) {
                    raw("ENABLE");
                    for (std::string_view c : x.capabilities) {
                        raw(" ");
                        text(c);
                    }
                } else if constexpr (std::is_same_v<T, ast::idle_command>) {
                    raw("IDLE");
                } else if constexpr (std::is_same_v<T, ast::unselect_command>) {
                    raw("UNSELECT");
                } else if constexpr (std::is_same_v<T, ast::compress_command>) {
                    raw("COMPRESS ");
                    raw(ast::keyword(x.algorithm));
                } else if constexpr (std::is_same_v<T, ast::namespace_command>) {
                    raw("NAMESPACE");
                } else if constexpr (std::is_same_v<T, ast::id_command>) {
                    raw("ID ");
                    put(x.list);
                } else {
                    static_assert(ast::unhandled<T>, "an alternative is not handled");
                }
            },
            b);
    }
};

} // namespace detail_gen

/// Every field of `c`, on one line.
inline std::string describe(const ast::command& c) {
    detail_gen::dumper d;
    d.raw("tag ");
    d.text(c.tag);
    d.raw(" ");
    d.put(c.body);
    return std::move(d.out);
}

inline std::string describe(const ast::authenticate_data& a) {
    detail_gen::dumper d;
    d.raw(a.cancel ? "cancel " : "data ");
    d.text(a.base64);
    return std::move(d.out);
}

/// `s` with CR, LF, quotes, backslashes and non-printable octets escaped, cut after `limit`.
inline std::string printable(std::string_view s, std::size_t limit = 4000) {
    return detail_gen::printable(s, limit);
}

} // namespace imapwire::test
