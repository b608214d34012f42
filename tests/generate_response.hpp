// Seeded random generator of valid RFC 3501 server messages (greetings and responses), for
// round-trip tests, plus a plain text dump of the response AST.
//
// It extends the command generator of generate.hpp: the same random primitives, string values
// and forms, flags, dates, sections, and the same arena, so a generated value is valid as long as
// the generator that made it.
//
// "Valid" means what the serializer (include/imapwire/serializer/response.hpp) accepts and the
// grammar reads back as the same value: capability lists hold IMAP4rev1; a resp-text without a
// code never reads as "[code] text"; a code_other is never spelled like a named code; text never
// ends like a literal announcement; address and parameter lists, when present, are not empty;
// LIST flags are "\" atoms with at most one of \Noselect \Marked \Unmarked; extension fields
// past body_ext_tail::fields keep their defaults; a basic body is never spelled TEXT or
// MESSAGE/RFC822 (unless ambiguous_media_types asks for it).
#pragma once

#include "generate.hpp"

#include <imapwire/ast/response.hpp>
#include <imapwire/ast/traits.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace imapwire::test {

struct response_generator_options {
    /// Deepest nesting of bodies (1 = one part). The parser's default max_depth is 100.
    int max_body_depth = 8;
    /// Most body parts in one response, nested ones and those of MESSAGE/RFC822 included.
    int body_budget = 40;
    /// Most parts of one multipart.
    int max_parts = 10;
    /// Deepest nesting of body-extension lists.
    int max_extension_depth = 4;
    /// Most addresses in one response, every envelope included.
    int address_budget = 48;
    /// Also make basic bodies whose media type is TEXT, or MESSAGE with subtype RFC822, in forms
    /// the serializer accepts (not both quoted): the value form or a literal. The serializer then
    /// writes the value form quoted, which reads back as a basic body with quoted strings.
    bool ambiguous_media_types = false;
};

namespace detail_gen {

/// Whether `atom` names one of the resp-text-codes with a syntax of their own (RFC 3501's and
/// the extensions'): the traits keywords of ast::resp_text_code's named alternatives.
inline bool is_named_code(std::string_view atom) {
    bool named = false;
    imapwire::ast::for_each_alternative<imapwire::ast::resp_text_code>([&]<class T>() {
        if constexpr (!std::is_same_v<T, imapwire::ast::code_other>)
            named =
                named || imapwire::detail::iequals(atom, imapwire::ast::traits<T>::info.keyword);
    });
    return named;
}

/// A cautious test: true when text written with no code in front might read as
/// "[" resp-text-code "]" SP text. Every code starts with an atom followed by "]" or SP; after
/// SP some text other than "]" (the BADCHARSET list may hold "]" in its strings, so anything
/// up to a later "] " counts).
inline bool may_read_as_code(std::string_view text) {
    if (text.empty() || text.front() != '[')
        return false;
    std::size_t i = 1;
    while (i < text.size() && imapwire::detail::is(imapwire::detail::cc_atom, text[i]))
        ++i;
    if (i == 1 || i == text.size())
        return false;
    // (IMAP4rev2, in the default set, lets the text after "] " be empty)
    if (text[i] == ']')
        return i + 2 <= text.size() && text[i + 1] == ' ';
    if (text[i] != ' ' || i + 1 == text.size() || text[i + 1] == ']')
        return false;
    const std::size_t at = text.find("] ", i + 1);
    return at != std::string_view::npos;
}

/// Texts that open with "[" (or hold "]") without being a code, and texts that are a code
/// with nothing after "] ". Without a code in front, those that may_read_as_code() are not used.
inline constexpr std::array<std::string_view, 17> bracket_texts = {
    "[",       "[]",         "[ALERT]",   "[ALERT]x",     "[x",        "[] x",
    "[X ] y",  "a ] b",      "[ALERT] ",  "[UIDNEXT 5] ", "[ALERT]  ", "] x",
    "[(a)] x", "[ ALERT] x", "[\"q\"] x", "[ALERT x",     "[X y] "};

/// A named code's word, with texts after it that do not make it that code: the generic form
/// `atom SP text` then holds them (code_other).
struct code_spelling {
    std::string_view atom;
    bool bare;                           ///< the word alone is not the named code either
    std::vector<std::string_view> texts; ///< empty: any text
};

inline const std::vector<code_spelling>& code_spellings() {
    static const std::vector<code_spelling> table = {
        {"ALERT", false, {}},
        {"PARSE", false, {}},
        {"READ-ONLY", false, {}},
        {"READ-WRITE", false, {}},
        {"TRYCREATE", false, {}},
        {"UIDNEXT",
         true,
         {"0", "00", "01", "abc", "1 2", "-1", "+1", "1x", " 5", "4294967296", "99999999999"}},
        {"UIDVALIDITY", true, {"0", "007", "x", "1 1"}},
        {"UNSEEN", true, {"0", "none", "3 4"}},
        {"BADCHARSET", false, {"x", "(a b", "UTF-8", "(a) b", "a)", "(UTF-8) (x"}},
        {"PERMANENTFLAGS", true, {"x", "(\\Seen", "\\Seen)", "()x", "\\*"}},
        {"CAPABILITY",
         true,
         {"IMAP4", "X Y", "IMAP4rev1  X", "IMAP4rev1 ", " IMAP4rev1", "IMAP4rev3",
          "IMAP4rev1 (x)"}},
        // CONDSTORE (RFC 7162)
        {"HIGHESTMODSEQ", true, {"0", "x", "9223372036854775808", "1 2", "-1"}},
        {"NOMODSEQ", false, {}},
        {"MODIFIED", true, {"x", "0", "a:b", "1 2", "(1)"}},
        // UIDPLUS (RFC 4315)
        {"APPENDUID", true, {"1", "0 1", "1 0", "1 2:", "1 *", "1 2,", "x 1", "1  2"}},
        {"COPYUID", true, {"1 2", "1 2 3 4", "0 1 2", "1 2:* 3", "1 2 3,", "1 2,3"}},
        {"UIDNOTSTICKY", false, {}},
        // QRESYNC (RFC 7162)
        {"CLOSED", false, {}},
        // BINARY (RFC 3516)
        {"UNKNOWN-CTE", false, {}},
        // SPECIAL-USE (RFC 6154)
        {"USEATTR", false, {}},
        // OBJECTID (RFC 8474)
        {"MAILBOXID", true, {"x", "(a b)", "(a", "()", "(a.b)", "(a) b"}},
        // SEARCHRES (RFC 5182), UIDONLY (RFC 9586)
        {"NOTSAVED", false, {}},
        {"UIDREQUIRED", false, {}},
        // COMPRESS (RFC 4978)
        {"COMPRESSIONACTIVE", false, {}},
        // IMAP4rev2 (RFC 9051)
        {"HASCHILDREN", false, {}},
        // RFC 5530
        {"NONEXISTENT", false, {}},
        {"ALREADYEXISTS", false, {}},
        {"SERVERBUG", false, {}},
        {"AUTHENTICATIONFAILED", false, {}},
        {"OVERQUOTA", false, {}},
    };
    return table;
}

inline constexpr std::array<std::string_view, 12> month_abbr = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

} // namespace detail_gen

class response_generator : public generator {
public:
    /// Numbers of alternatives of the response variants.
    static constexpr std::size_t response_alternatives =
        std::variant_size_v<decltype(ast::response::v)>;
    static constexpr std::size_t data_alternatives = std::variant_size_v<ast::response_data>;
    static constexpr std::size_t code_alternatives = std::variant_size_v<ast::resp_text_code>;
    static constexpr std::size_t msg_att_alternatives = std::variant_size_v<ast::msg_att_item>;

    explicit response_generator(std::uint64_t seed, response_generator_options ropt = {},
                                generator_options opt = {})
        : generator(seed, opt)
        , ropt_(ropt) {}

    /// A random greeting: OK, PREAUTH or BYE.
    ast::greeting greeting() {
        start_message();
        ast::greeting g;
        g.cond.status = pick<ast::condition>(
            {ast::condition::ok, ast::condition::ok, ast::condition::preauth, ast::condition::bye});
        g.cond.text = resp_text();
        return g;
    }

    /// A random server message.
    ast::response response() {
        const auto k = below(100);
        if (k < 10)
            return response(0);
        if (k < 25)
            return response(2);
        return data(data_index());
    }

    /// A random server message of alternative `alternative` of ast::response::v
    /// (0 continue-req, 1 response-data, 2 response-tagged).
    ast::response response(std::size_t alternative) {
        start_message();
        ast::response r;
        switch (alternative) {
        case 0:
            r.v = continue_req();
            break;
        case 1:
            r.v = response_data(data_index());
            break;
        default:
            r.v = response_tagged();
            break;
        }
        return r;
    }

    /// Untagged data of alternative `alternative` of ast::response_data.
    ast::response data(std::size_t alternative) {
        start_message();
        ast::response r;
        r.v = response_data(alternative);
        return r;
    }

    /// A FETCH response holding msg-att alternative `alternative` (and maybe others).
    ast::response fetch_with(std::size_t alternative) {
        start_message();
        ast::fetch_data f;
        f.number = nz_number();
        if (percent(50))
            f.items.push_back(msg_att(below(msg_att_alternatives)));
        const auto at = static_cast<std::ptrdiff_t>(below(f.items.size() + 1));
        f.items.insert(f.items.begin() + at, msg_att(alternative));
        ast::response r;
        r.v = ast::response_data{std::move(f)};
        return r;
    }

    /// A FETCH response with one BODY or BODYSTRUCTURE.
    ast::response fetch_body() {
        start_message();
        ast::fetch_data f;
        f.number = nz_number();
        ast::msg_att_body b;
        b.structure = percent(50);
        b.body = body_structure(b.structure);
        f.items.push_back(std::move(b));
        ast::response r;
        r.v = ast::response_data{std::move(f)};
        return r;
    }

    /// An untagged status response `* OK [code] text` (or NO, BAD, BYE) with code alternative
    /// `alternative`.
    ast::response with_code(std::size_t alternative) {
        start_message();
        ast::resp_cond c;
        c.status = pick<ast::condition>(
            {ast::condition::ok, ast::condition::no, ast::condition::bad, ast::condition::bye});
        c.text.code = resp_text_code(alternative);
        c.text.text = text(true);
        ast::response r;
        r.v = ast::response_data{std::move(c)};
        return r;
    }

    // ----------------------------------------------------------------------------------------
    // Building blocks.

    ast::continue_req continue_req() {
        ast::continue_req c;
        if (percent(20))
            c.content = std::string_view{}; // "+ " CRLF: the only base64 that reads back as such
        else
            c.content = resp_text();
        return c;
    }

    ast::response_tagged response_tagged() {
        ast::response_tagged t;
        t.tag = tag();
        t.cond.status = pick<ast::condition>(
            {ast::condition::ok, ast::condition::ok, ast::condition::no, ast::condition::bad});
        t.cond.text = resp_text();
        return t;
    }

    ast::response_data response_data(std::size_t alternative) {
        switch (alternative) {
        case 0: {
            ast::resp_cond c;
            c.status =
                pick<ast::condition>({ast::condition::ok, ast::condition::ok, ast::condition::no,
                                      ast::condition::bad, ast::condition::bye});
            c.text = resp_text();
            return c;
        }
        case 1:
            return ast::capability_data{capabilities()};
        case 2:
            return ast::flags_data{flags(false, false)};
        case 3:
            return ast::list_data{mailbox_list()};
        case 4:
            return ast::lsub_data{mailbox_list()};
        case 5: {
            ast::search_data s;
            std::size_t n = 0;
            switch (below(5)) {
            case 0:
                n = 0;
                break;
            case 1:
                n = static_cast<std::size_t>(between(6, 60));
                break;
            default:
                n = static_cast<std::size_t>(between(1, 5));
                break;
            }
            for (std::size_t i = 0; i < n; ++i)
                s.numbers.push_back(nz_number());
            if (n > 0 && percent(25))
                s.modseq = mod_sequence(); // CONDSTORE
            return s;
        }
        case 6: {
            ast::status_data s;
            s.mailbox = mailbox();
            const std::size_t n = static_cast<std::size_t>(below(6));
            constexpr auto& atts = ast::keywords<ast::status_att>::table;
            for (std::size_t i = 0; i < n; ++i) {
                const ast::status_att att = atts[below(std::size(atts))].first;
                std::uint64_t value = number();
                if (att == ast::status_att::highestmodseq) // mod-sequence-valzer
                    value = percent(10) ? 0 : mod_sequence();
                else if (att == ast::status_att::size && percent(50)) // number64
                    value = percent(10) ? 0 : mod_sequence();
                if (att == ast::status_att::mailboxid) // OBJECTID (RFC 8474): an objectid
                    s.items.push_back({att, 0, objectid()});
                else if (att == ast::status_att::appendlimit && percent(30)) // RFC 7889: NIL
                    s.items.push_back({att, 0, {}, true});
                else
                    s.items.push_back({att, value});
            }
            return s;
        }
        case 7:
            return ast::exists_data{percent(15) ? 0 : number()};
        case 8:
            return ast::recent_data{percent(15) ? 0 : number()};
        case 9:
            return ast::expunge_data{nz_number()};
        case 12: // ID id_params_list (RFC 2971)
            return ast::id_data{id_params()};
        case 13: // NAMESPACE namespace namespace namespace (RFC 2342)
            return ast::namespace_data{namespace_list(), namespace_list(), namespace_list()};
        case 14: // VANISHED [SP "(EARLIER)"] SP known-uids (RFC 7162)
            return ast::vanished_data{percent(50), uid_set()};
        case 15: { // ESEARCH [(TAG tag-string)] [UID] *(SP search-return-data) (RFC 4731)
            ast::esearch_data e;
            if (percent(70))
                e.tag = shape(percent(70) ? std::string(pick<std::string_view>({"A282", "a", "t1"}))
                                          : string_value(),
                              string_context::string);
            e.uid = percent(50);
            const std::size_t n = below(5);
            for (std::size_t i = 0; i < n; ++i) {
                switch (below(6)) {
                case 0:
                    e.items.push_back(ast::esearch_min{nz_number()});
                    break;
                case 1:
                    e.items.push_back(ast::esearch_max{nz_number()});
                    break;
                case 2:
                    e.items.push_back(ast::esearch_all{sequence_set()});
                    break;
                case 3:
                    e.items.push_back(ast::esearch_count{percent(20) ? 0 : number()});
                    break;
                case 4:
                    e.items.push_back(ast::esearch_modseq{mod_sequence()});
                    break;
                default: // PARTIAL (RFC 9394)
                    e.items.push_back(ast::esearch_partial{
                        result_range(),
                        percent(20) ? std::nullopt : std::optional(sequence_set())});
                    break;
                }
            }
            return e;
        }
        case 16: { // uniqueid SP "UIDFETCH" SP msg-att (RFC 9586)
            ast::fetch_data f = fetch_data();
            return ast::uidfetch_data{f.number, std::move(f.items)};
        }
        case 11: // ENABLED *(SP capability) (RFC 5161): often empty, as servers answer
            return ast::enabled_data{percent(40) ? ast::vector<std::string_view>{}
                                                 : capabilities()};
        default:
            return fetch_data();
        }
    }

    // --- resp-text -----------------------------------------------------------------------------

    /// resp-text: a code now and then, and text.
    ast::resp_text resp_text() {
        ast::resp_text t;
        if (percent(45)) // the generic form a little more often than one named code
            t.code = resp_text_code(percent(8) ? code_alternatives - 1 : below(code_alternatives));
        t.text = text(t.code.has_value());
        return t;
    }

    /// text (1*TEXT-CHAR). Without a code in front (`after_code` false) it never reads as one.
    /// It never ends like a literal announcement "{n}", which would frame a literal.
    std::string_view text(bool after_code) {
        std::string t;
        switch (below(14)) {
        case 0:
        case 1:
        case 2:
        case 3:
            t = std::string(pick<std::string_view>(
                {"completed", "OK", "IMAP4rev1 Service Ready", "LOGIN completed",
                 "SELECT completed", "Logging out", "Ready for literal data", "idling", "NIL",
                 "Dovecot ready.", "Fetch completed (0.001 + 0.000 secs).", "x", "Unknown command",
                 "Mailbox doesn't exist: Nonexistent", "Error in IMAP command: Bad syntax"}));
            break;
        case 4: // "[" that opens no code, or "[...]" with no SP and text after it
            t = std::string(detail_gen::bracket_texts[below(detail_gen::bracket_texts.size())]);
            break;
        case 5:
            t = random_chars(detail_gen::tables().text, between(1, 60));
            break;
        case 6:
            t = long_string();
            if (!imapwire::detail::all_of(imapwire::detail::cc_text, t))
                t = random_chars(detail_gen::tables().text, between(1000, 3000));
            break;
        case 7: // quoted-specials, CTLs
            t = std::string(pick<std::string_view>({"say \"hi\"", "C:\\dir\\", "tab\there",
                                                    "\x01\x1f\x7f", "\\", "\"", "esc\x1b[0m"}));
            break;
        case 8: // braces that announce nothing
            t = std::string(pick<std::string_view>(
                {"{5} x", "a{0}b", "}", "{", "{x}", "{5", "5}", "{5+} y", "{}"}));
            break;
        case 9: // looks like base64; resp-text has priority
            t = std::string(pick<std::string_view>(
                {"YWJj", "dGVzdA==", "+", "VGhpcw==", "====", "abc=", "+/+/"}));
            break;
        case 10: // spaces
            t = std::string(pick<std::string_view>({" ", "  ", " leading", "trailing ", "a  b"}));
            break;
        case 11: // IMAP4rev2 (RFC 9051 §9): UTF-8, and no text at all after a code
            if (after_code && percent(40))
                break;
            t = std::string(pick<std::string_view>(
                {"Bienvenue \xc3\xa0 bord", "\xe6\x97\xa5\xe6\x9c\xac", "ok \xf0\x9f\x93\xa8"}));
            break;
        default: {
            const std::size_t n = static_cast<std::size_t>(between(1, 6));
            for (std::size_t i = 0; i < n; ++i) {
                if (i)
                    t.push_back(' ');
                t += atom_text(10);
            }
            break;
        }
        }
        if (!after_code && detail_gen::may_read_as_code(t))
            t.insert(0, "x");
        if (detail_gen::ends_like_literal(t))
            t.push_back('.');
        return keep(std::move(t));
    }

    /// resp-text-code of alternative `alternative`.
    ast::resp_text_code resp_text_code(std::size_t alternative) {
        switch (alternative) {
        case 0:
            return ast::code_alert{};
        case 1: {
            ast::code_badcharset c;
            const std::size_t n = percent(30) ? 0 : static_cast<std::size_t>(between(1, 4));
            for (std::size_t i = 0; i < n; ++i) {
                if (percent(60))
                    c.charsets.push_back(shape(
                        std::string(pick<std::string_view>({"UTF-8", "US-ASCII", "ISO-8859-1",
                                                            "utf-8", "KOI8-R", "windows-1252"})),
                        string_context::astring));
                else
                    c.charsets.push_back(astring());
            }
            return c;
        }
        case 2:
            return ast::code_capability{capabilities()};
        case 3:
            return ast::code_parse{};
        case 4:
            return ast::code_permanentflags{percent(15) ? ast::flag_list{} : flags(false, true)};
        case 5:
            return ast::code_read_only{};
        case 6:
            return ast::code_read_write{};
        case 7:
            return ast::code_trycreate{};
        case 8:
            return ast::code_uidnext{nz_number()};
        case 9:
            return ast::code_uidvalidity{nz_number()};
        case 10:
            return ast::code_unseen{nz_number()};
        case 11:
            return ast::code_highestmodseq{mod_sequence()};
        case 12:
            return ast::code_nomodseq{};
        case 13:
            return ast::code_modified{sequence_set()};
        case 14:
            return ast::code_appenduid{nz_number(),
                                       percent(80) ? ast::uid_set{{{nz_number()}}} : uid_set()};
        case 15:
            return ast::code_copyuid{nz_number(), uid_set(), uid_set()};
        case 16:
            return ast::code_uidnotsticky{};
        case 17:
            return ast::code_closed{};
        case 18:
            return ast::code_unknown_cte{};
        case 19:
            return ast::code_useattr{};
        case 20:
            return ast::code_mailboxid{objectid()};
        default:
            if (alternative + 1 < code_alternatives)
                return bare_code(alternative); // the RFC 5530 codes
            return code_other();
        }
    }

    /// The bare code (ast::is_bare_code) that is alternative `alternative` of resp_text_code.
    static ast::resp_text_code bare_code(std::size_t alternative) {
        ast::resp_text_code code;
        std::size_t i = 0;
        ast::for_each_alternative<ast::resp_text_code>([&]<class T>() {
            if constexpr (ast::is_bare_code<T>)
                if (i == alternative)
                    code = T{};
            ++i;
        });
        return code;
    }

    /// atom [SP 1*<TEXT-CHAR except "]">], never spelled like one of the named codes.
    ast::code_other code_other() {
        ast::code_other c;
        switch (below(5)) {
        case 0:
        case 1: // codes of extensions the library does not implement
            c.atom = keep(std::string(
                pick<std::string_view>({"REFERRAL", "X-GM-LABELS", "LONGENTRIES", "METADATA",
                                        "TOOBIG", "NOUPDATE", "ANNOTATE", "BADCOMPARATOR",
                                        "NOTIFICATIONOVERFLOW", "UNKNOWN-CTE2", "INPROGRESS"})));
            if (percent(60))
                c.text = code_text();
            break;
        case 2: { // any atom
            std::string a = atom_text(16);
            if (detail_gen::is_named_code(a))
                a += "X";
            c.atom = keep(std::move(a));
            if (percent(50))
                c.text = code_text();
            break;
        }
        default: { // a named code's word with text that does not fit that code
            const auto& spellings = detail_gen::code_spellings();
            const detail_gen::code_spelling& s = spellings[below(spellings.size())];
            c.atom = keep(random_case(s.atom));
            if (s.bare && percent(40))
                break; // no text
            if (s.texts.empty())
                c.text = code_text();
            else
                c.text = s.texts[below(s.texts.size())];
            break;
        }
        }
        return c;
    }

    /// 1*<any TEXT-CHAR except "]">
    std::string_view code_text() {
        if (percent(50))
            return keep(std::string(pick<std::string_view>(
                {"1", "4 5", "1234567 1:3 4:6", "(\\Seen $Junk)", "\"quoted\"", "imap://x/y",
                 "[nested", " ", "a  b", "{5}", "NIL", "\\"})));
        return keep(random_chars(detail_gen::tables().text_nobr, between(1, 30)));
    }

    /// capability list: IMAP4rev1 in some case, anywhere in the list, and other atoms.
    ast::vector<std::string_view> capabilities() {
        ast::vector<std::string_view> caps;
        const std::size_t n = static_cast<std::size_t>(percent(85) ? below(8) : between(8, 30));
        for (std::size_t i = 0; i < n; ++i) {
            switch (below(4)) {
            case 0:
            case 1:
                caps.push_back(keep(std::string(pick<std::string_view>(
                    {"STARTTLS", "LOGINDISABLED", "IDLE", "LITERAL+", "SASL-IR", "ID", "ENABLE",
                     "CONDSTORE", "UIDPLUS", "NAMESPACE", "QUOTA", "X-GM-EXT-1", "SORT=DISPLAY",
                     "THREAD=REFERENCES", "IMAP4", "imap4rev2", "CHILDREN", "UNSELECT"}))));
                break;
            case 2:
                caps.push_back(keep("AUTH=" + std::string(pick<std::string_view>(
                                                  {"PLAIN", "LOGIN", "GSSAPI", "XOAUTH2",
                                                   "SCRAM-SHA-256", "plain"}))));
                break;
            default:
                caps.push_back(atom(16));
                break;
            }
        }
        const std::string_view rev1 =
            percent(60) ? std::string_view("IMAP4rev1") : keep(random_case("IMAP4rev1"));
        caps.insert(caps.begin() + static_cast<std::ptrdiff_t>(below(caps.size() + 1)), rev1);
        return caps;
    }

    /// flag-list items: with `recent`, \Recent now and then (flag-fetch); with `wildcard`, \*
    /// now and then (flag-perm).
    ast::vector<ast::flag> flags(bool recent, bool wildcard) {
        ast::vector<ast::flag> fl;
        const std::size_t n = static_cast<std::size_t>(percent(90) ? below(6) : between(6, 20));
        for (std::size_t i = 0; i < n; ++i) {
            ast::flag f = flag();
            if (!recent && !wildcard && f.kind() == ast::flag_kind::recent)
                f = {keep("\\" + random_case("Seen"))};
            fl.push_back(f);
        }
        auto insert_somewhere = [&](ast::flag f) {
            fl.insert(fl.begin() + static_cast<std::ptrdiff_t>(below(fl.size() + 1)), f);
        };
        if (recent && percent(35))
            insert_somewhere({keep("\\" + random_case("Recent"))});
        if (wildcard && percent(50))
            insert_somewhere({"\\*"});
        return fl;
    }

    /// mailbox-list: "\" flags with at most one selectability flag, a delimiter, a mailbox.
    ast::mailbox_list mailbox_list() {
        ast::mailbox_list l;
        const std::size_t n = static_cast<std::size_t>(below(4));
        for (std::size_t i = 0; i < n; ++i) {
            if (percent(70)) {
                l.flags.push_back({keep(random_case(pick<std::string_view>(
                    {"\\Noinferiors", "\\HasChildren", "\\HasNoChildren", "\\Subscribed",
                     "\\Remote", "\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk", "\\Sent",
                     "\\Trash", "\\Seen", "\\Recent"})))});
            } else {
                std::string a = atom_text(12);
                if (imapwire::detail::iequals(a, "Noselect") ||
                    imapwire::detail::iequals(a, "Marked") ||
                    imapwire::detail::iequals(a, "Unmarked") ||
                    imapwire::detail::iequals(a, "NonExistent"))
                    a += "X";
                l.flags.push_back({keep("\\" + a)});
            }
        }
        if (percent(45)) {
            const ast::flag s = {keep(random_case(pick<std::string_view>(
                {"\\Noselect", "\\Marked", "\\Unmarked", "\\NonExistent"})))};
            l.flags.insert(l.flags.begin() + static_cast<std::ptrdiff_t>(below(l.flags.size() + 1)),
                           s);
        }
        l.delimiter = delimiter();
        l.mailbox = mailbox();
        if (percent(15)) // LIST-EXTENDED (RFC 5258): extended data items
            l.extended = mbox_list_extended();
        return l;
    }

    /// mbox-list-extended: CHILDINFO, OLDNAME and vendor items, or none.
    ast::vector<ast::mbox_list_extended_item> mbox_list_extended() {
        ast::vector<ast::mbox_list_extended_item> items;
        const std::size_t n = static_cast<std::size_t>(below(3));
        for (std::size_t i = 0; i < n; ++i) {
            ast::mbox_list_extended_item item;
            switch (below(4)) {
            case 0: { // ("CHILDINFO" ("SUBSCRIBED"))
                item.tag = ast::istring("CHILDINFO", ast::string_form::quoted);
                ast::vector<ast::ext_comp_item> comp;
                comp.push_back({ast::istring("SUBSCRIBED", ast::string_form::quoted)});
                item.value = std::move(comp);
                break;
            }
            case 1: { // OLDNAME ("old/name"): RFC 5465, RFC 9051
                item.tag = ast::istring("OLDNAME", ast::string_form::atom);
                ast::vector<ast::ext_comp_item> comp;
                comp.push_back({astring()});
                item.value = std::move(comp);
                break;
            }
            case 2:
                item.tag = astring();
                item.value = percent(20) ? ast::tagged_ext_val{std::uint32_t{0}}
                                         : ast::tagged_ext_val{sequence_set()};
                break;
            default: {
                item.tag = astring();
                ast::vector<ast::ext_comp_item> comp;
                if (percent(70))
                    comp.push_back({astring()});
                if (percent(40)) {
                    ast::vector<ast::ext_comp_item> group;
                    group.push_back({astring()});
                    group.push_back({astring()});
                    comp.push_back({std::move(group)});
                }
                item.value = std::move(comp);
                break;
            }
            }
            items.push_back(std::move(item));
        }
        return items;
    }

    /// A hierarchy delimiter (mailbox-list, namespace-descr): NIL, "/" or "." mostly, the
    /// quoted specials, any TEXT-CHAR.
    std::optional<char> delimiter() {
        switch (below(8)) {
        case 0:
        case 1:
            return std::nullopt; // NIL
        case 2:
        case 3:
            return '/';
        case 4:
            return '.';
        case 5:
            return '"';
        case 6:
            return '\\';
        default:
            return from(detail_gen::tables().text);
        }
    }

    /// RFC 2342 namespace: NIL (an empty list), or one to three namespaces with the usual
    /// prefixes mostly, now and then with namespace-response-extensions.
    ast::vector<ast::namespace_descr> namespace_list() {
        ast::vector<ast::namespace_descr> list;
        if (percent(30))
            return list; // NIL
        const std::size_t n = between(1, 3);
        for (std::size_t i = 0; i < n; ++i) {
            ast::namespace_descr d;
            d.prefix =
                shape(percent(60)
                          ? std::string(pick<std::string_view>(
                                {"", "INBOX.", "#shared/", "Other Users/", "~", "#news.", "#mh/"}))
                          : string_value(),
                      string_context::string);
            d.delimiter = delimiter();
            const std::size_t extensions = percent(80) ? 0 : between(1, 2);
            for (std::size_t e = 0; e < extensions; ++e) {
                ast::namespace_extension x;
                x.name = shape(percent(60) ? std::string(pick<std::string_view>(
                                                 {"X-PARAM", "TRANSLATION", "X-SHARED"}))
                                           : string_value(),
                               string_context::string);
                const std::size_t values = between(1, 3);
                for (std::size_t v = 0; v < values; ++v)
                    x.values.push_back(shape(string_value(), string_context::string));
                d.extensions.push_back(std::move(x));
            }
            list.push_back(std::move(d));
        }
        return list;
    }

    // --- FETCH ---------------------------------------------------------------------------------

    ast::fetch_data fetch_data() {
        ast::fetch_data f;
        f.number = nz_number();
        if (percent(10)) { // every item, in random order
            std::array<std::size_t, msg_att_alternatives> all{};
            for (std::size_t i = 0; i < all.size(); ++i)
                all[i] = i;
            for (std::size_t i = 0; i < all.size(); ++i) {
                std::swap(all[i], all[i + below(all.size() - i)]);
                f.items.push_back(msg_att(all[i]));
            }
            return f;
        }
        const std::size_t n = static_cast<std::size_t>(percent(70) ? between(1, 3) : between(4, 8));
        for (std::size_t i = 0; i < n; ++i)
            f.items.push_back(msg_att(below(msg_att_alternatives)));
        return f;
    }

    /// msg-att item of alternative `alternative` of ast::msg_att_item.
    ast::msg_att_item msg_att(std::size_t alternative) {
        switch (alternative) {
        case 0:
            return ast::msg_att_flags{flags(true, false)};
        case 1:
            return ast::msg_att_envelope{envelope()};
        case 2:
            return ast::msg_att_internaldate{date_time()};
        case 3: {
            ast::msg_att_rfc822 r;
            r.which = static_cast<ast::msg_att_rfc822::part>(below(3));
            r.data = message_nstring();
            return r;
        }
        case 4:
            // IMAP4rev2's number64 now and then (RFC 9051 §9)
            return ast::msg_att_rfc822_size{percent(10) ? mod_sequence() : number()};
        case 5: {
            ast::msg_att_body b;
            b.structure = percent(60);
            b.body = body_structure(b.structure);
            return b;
        }
        case 6: {
            ast::msg_att_body_section s;
            s.section = section();
            if (percent(35))
                s.origin = number();
            s.data = message_nstring();
            return s;
        }
        case 7:
            return ast::msg_att_uid{nz_number()};
        case 8:
            return ast::msg_att_modseq{mod_sequence()};
        case 9: // SAVEDATE (RFC 8514): NIL where the mailbox keeps none
            return ast::msg_att_savedate{percent(20) ? std::nullopt
                                                     : std::optional<ast::date_time>(date_time())};
        case 10: { // BINARY (RFC 3516): decoded content, a literal8 when it holds NUL
            ast::msg_att_binary b;
            b.part = section_part();
            if (percent(25))
                b.origin = number();
            b.data = binary_nstring();
            return b;
        }
        case 11:
            return ast::msg_att_binary_size{section_part(), number()};
        case 12: // OBJECTID (RFC 8474)
            return ast::msg_att_emailid{objectid()};
        default:
            return ast::msg_att_threadid{percent(25) ? std::nullopt
                                                     : std::optional<std::string_view>(objectid())};
        }
    }

    /// objectid = 1*255(ALPHA / DIGIT / "_" / "-"): short mostly, the longest sometimes.
    std::string_view objectid() {
        static constexpr std::string_view chars =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        const std::size_t n =
            percent(5) ? ast::max_objectid_length : static_cast<std::size_t>(between(1, 24));
        std::string id;
        for (std::size_t i = 0; i < n; ++i)
            id.push_back(chars[below(chars.size())]);
        return keep(std::move(id));
    }

    /// section-part, empty a third of the time (BINARY[] is the whole message).
    ast::vector<std::uint32_t> section_part() {
        ast::vector<std::uint32_t> part;
        if (percent(33))
            return part;
        const std::size_t n = static_cast<std::size_t>(between(1, 3));
        for (std::size_t i = 0; i < n; ++i)
            part.push_back(static_cast<std::uint32_t>(between(1, 12)));
        return part;
    }

    /// BINARY[] data: message data, or octets with NUL in a literal8 (or as a value, for the
    /// serializer to find that only a literal8 holds it).
    ast::nstring binary_nstring() {
        if (percent(50))
            return message_nstring();
        std::string v = random_chars(detail_gen::tables().char8, between(0, 20));
        v.insert(v.begin() + static_cast<std::ptrdiff_t>(below(v.size() + 1)), '\0');
        return ast::istring{keep(std::move(v)),
                            percent(70) ? ast::string_form::literal8 : ast::string_form::value};
    }

    /// nstring: NIL or a string (quoted, literal, or the value for the serializer to write).
    ast::nstring nstring(std::string value) {
        return shape(std::move(value), string_context::string);
    }
    ast::nstring nstring_or_nil(unsigned nil_percent) {
        if (percent(nil_percent))
            return std::nullopt;
        return nstring(field_value());
    }

    /// Message data (RFC822, BODY[...]): NIL, or mostly a literal holding lines, CRLF, 8-bit.
    ast::nstring message_nstring() {
        if (percent(15))
            return std::nullopt;
        std::string v;
        switch (below(5)) {
        case 0:
            v = "From: a@example.org\r\nSubject: caf\xc3\xa9 " + atom_text(8) + "\r\n\r\n";
            break;
        case 1: {
            v = "Hello " + atom_text(8) + "\r\n";
            const std::size_t n = static_cast<std::size_t>(between(0, 5));
            for (std::size_t i = 0; i < n; ++i) {
                v += random_chars(detail_gen::tables().char8, between(0, 60));
                v += "\r\n";
            }
            break;
        }
        default:
            v = message_value();
            break;
        }
        if (percent(60)) // as a server writes message data
            return ast::istring{keep(std::move(v)), ast::string_form::literal};
        return nstring(std::move(v));
    }

    /// A string for an envelope or body field: mostly short, sometimes any string value.
    std::string field_value() {
        if (percent(30))
            return string_value();
        switch (below(4)) {
        case 0:
            return random_chars(detail_gen::tables().alnum, between(1, 12));
        case 1:
            return std::string(pick<std::string_view>(
                {"Re: hello", "caf\xc3\xa9", "a \"quoted\" word", "back\\slash", "", "NIL",
                 "=?UTF-8?B?w6k=?=", "line\r\nbreak", "tab\tx", "(paren)", "{3}", "]"}));
        default:
            return atom_text(10);
        }
    }

    // --- envelope --------------------------------------------------------------------------------

    ast::envelope envelope() {
        ast::envelope e;
        e.date = percent(15) ? ast::nstring{} : nstring(envelope_date());
        e.subject = nstring_or_nil(15);
        e.from = address_list();
        e.sender = address_list();
        e.reply_to = address_list();
        e.to = address_list();
        e.cc = address_list();
        e.bcc = address_list();
        e.in_reply_to = percent(50) ? ast::nstring{} : nstring(message_id());
        e.message_id = percent(20) ? ast::nstring{} : nstring(message_id());
        return e;
    }

    std::string envelope_date() {
        if (percent(15))
            return field_value();
        const ast::date_time t = date_time();
        static constexpr std::array<std::string_view, 7> days = {"Mon", "Tue", "Wed", "Thu",
                                                                 "Fri", "Sat", "Sun"};
        std::string s;
        if (percent(70))
            s += std::string(days[below(7)]) + ", ";
        s += std::to_string(t.day) + " " + std::string(detail_gen::month_abbr[t.month - 1]) + " " +
             std::to_string(t.year) + " ";
        auto two = [](unsigned v) {
            return std::string(1, static_cast<char>('0' + v / 10)) +
                   static_cast<char>('0' + v % 10);
        };
        s += two(t.hour) + ":" + two(t.minute) + ":" + two(t.second) + " ";
        s += t.zone_negative ? '-' : '+';
        s += two(t.zone_hhmm / 100u) + two(t.zone_hhmm % 100u);
        if (percent(20))
            s += " (PDT)";
        return s;
    }

    std::string message_id() {
        if (percent(15))
            return field_value();
        std::string id = "<" + random_chars(detail_gen::tables().alnum, between(4, 20)) + "@";
        return id + host() + ">";
    }

    std::string host() {
        if (percent(70))
            return std::string(pick<std::string_view>(
                {"example.com", "mail.example.org", "[192.0.2.1]", "localhost",
                 "xn--bcher-kva.example", "EXAMPLE.NET", "a.b.c.d.example"}));
        return field_value();
    }

    /// NIL, or 1 to 4 addresses, group markers included (while the address budget lasts).
    ast::address_list address_list() {
        if (percent(30) || address_budget_ <= 0)
            return std::nullopt;
        ast::vector<ast::address> list;
        const std::size_t n = static_cast<std::size_t>(between(1, 4));
        while (list.size() < n) {
            const std::size_t room = n - list.size();
            const auto k = below(10);
            if (k == 0 && room >= 2) { // a group: start, members, end
                list.push_back(group_start());
                const std::size_t members = static_cast<std::size_t>(below(room - 1));
                for (std::size_t i = 0; i < members; ++i)
                    list.push_back(address());
                list.push_back(group_end());
            } else if (k == 1) { // a lone marker
                list.push_back(percent(50) ? group_start() : group_end());
            } else {
                list.push_back(address());
            }
        }
        address_budget_ -= static_cast<int>(list.size());
        return list;
    }

    /// A mailbox address (host not NIL).
    ast::address address() {
        ast::address a;
        if (percent(45))
            a.name = std::nullopt;
        else if (percent(50))
            a.name = nstring(std::string(pick<std::string_view>(
                {"John Doe", "Terry Gray", "Joe Q. Public", "O'Brien, Pat",
                 "Ma\xc3\xaf"
                 "a",
                 "\"quoted\" name", "", "=?ISO-8859-1?Q?Andr=E9?=", "NIL"})));
        else
            a.name = nstring(field_value());
        if (percent(85))
            a.adl = std::nullopt;
        else
            a.adl = nstring(std::string(
                pick<std::string_view>({"@route.example", "@a.example,@b.example", ""})));
        a.mailbox = nstring(percent(70) ? std::string(pick<std::string_view>(
                                              {"john", "first.last", "user+tag", "postmaster",
                                               "\"odd local\"", "MAILER-DAEMON"}))
                                        : field_value());
        a.host = nstring(host());
        return a;
    }

    /// RFC 2822 group start: host NIL, mailbox the group name.
    ast::address group_start() {
        ast::address a;
        if (percent(20))
            a.name = nstring(field_value());
        a.mailbox =
            nstring(percent(60) ? std::string(pick<std::string_view>(
                                      {"undisclosed-recipients", "Friends", "team", "A Group"}))
                                : field_value());
        return a;
    }

    /// RFC 2822 group end: host and mailbox NIL.
    ast::address group_end() {
        ast::address a;
        if (percent(10))
            a.name = nstring(field_value());
        return a;
    }

    // --- body ----------------------------------------------------------------------------------

    /// A body. `extensible` (BODYSTRUCTURE): with extension data now and then; otherwise none
    /// anywhere (BODY).
    ast::body body_structure(bool extensible) {
        extensible_ = extensible;
        const auto shape_kind = below(10);
        deep_body_ = shape_kind < 2;
        wide_body_ = shape_kind == 2;
        return body_at(1);
    }

    ast::body body_at(int depth) {
        --body_budget_;
        const bool may_nest = depth < ropt_.max_body_depth && body_budget_ > 0;
        const unsigned nest_percent = deep_body_ ? 85 : wide_body_ ? (depth == 1 ? 100 : 10) : 30;
        ast::body b;
        if (may_nest && percent(nest_percent)) {
            if (percent(75) || wide_body_)
                b.v = multipart(depth);
            else
                b.v = one_part(depth, 1);
        } else {
            b.v = one_part(depth, 0);
        }
        return b;
    }

    /// `kind`: 0 basic or text, 1 MESSAGE/RFC822.
    ast::body_type_1part one_part(int depth, int kind) {
        ast::body_type_1part p;
        if (kind == 1) {
            ast::body_type_msg m;
            m.media_type = shape_word("MESSAGE");
            m.media_subtype = shape_word("RFC822");
            m.fields = body_fields();
            m.envelope = envelope();
            m.body = body_at(depth + 1);
            m.lines = percent(5) ? mod_sequence() : number();
            p.part = std::move(m);
        } else if (percent(45)) {
            ast::body_type_text t;
            t.media_type = shape_word("TEXT");
            t.media_subtype = media_string({"PLAIN", "HTML", "plain", "calendar", "x-vcard"});
            t.fields = body_fields();
            t.lines = percent(5) ? mod_sequence() : number();
            p.part = std::move(t);
        } else {
            p.part = basic();
        }
        if (extensible_ && percent(75)) {
            ast::body_ext_1part e;
            if (percent(50))
                e.md5 = nstring(percent(70) ? random_chars(detail_gen::tables().alnum, 32)
                                            : field_value());
            e.tail = ext_tail();
            p.extension = std::move(e);
        }
        return p;
    }

    ast::body_type_basic basic() {
        ast::body_type_basic b;
        if (ropt_.ambiguous_media_types && percent(60)) {
            // TEXT, or MESSAGE/RFC822, not written as two quoted strings by the AST's forms
            const bool text = percent(50);
            auto unquoted = [&](std::string v) {
                return ast::string{keep(std::move(v)), percent(50) ? ast::string_form::value
                                                                   : ast::string_form::literal};
            };
            if (text) {
                b.media_type = unquoted(random_case("TEXT"));
                b.media_subtype = media_string({"PLAIN", "html"});
            } else if (percent(50)) {
                b.media_type = unquoted(random_case("MESSAGE"));
                b.media_subtype = shape(random_case("RFC822"), string_context::string);
            } else {
                b.media_type = shape_word("MESSAGE");
                b.media_subtype = unquoted(random_case("RFC822"));
            }
            b.fields = body_fields();
            return b;
        }
        std::string type;
        if (percent(80))
            type = std::string(
                pick<std::string_view>({"APPLICATION", "AUDIO", "IMAGE", "VIDEO", "MESSAGE",
                                        "application", "image", "X-UNKNOWN", "font", "model"}));
        else
            type = field_value();
        if (imapwire::detail::iequals(type, "TEXT"))
            type += "X";
        const bool message = imapwire::detail::iequals(type, "MESSAGE");
        b.media_type = shape(std::move(type), string_context::string);
        std::string sub;
        if (percent(80))
            sub = std::string(pick<std::string_view>({"OCTET-STREAM", "jpeg", "pdf", "PNG", "mpeg",
                                                      "DELIVERY-STATUS", "partial", "global"}));
        else
            sub = field_value();
        if (message && imapwire::detail::iequals(sub, "RFC822"))
            sub += "X";
        b.media_subtype = shape(std::move(sub), string_context::string);
        b.fields = body_fields();
        return b;
    }

    ast::body_type_mpart multipart(int depth) {
        ast::body_type_mpart m;
        const std::uint64_t most = static_cast<std::uint64_t>(std::max(ropt_.max_parts, 1));
        std::uint64_t n = 0;
        if (wide_body_)
            n = between(std::min<std::uint64_t>(5, most), most);
        else
            n = between(1, std::min<std::uint64_t>(deep_body_ ? 2 : 4, most));
        for (std::uint64_t i = 0; i < n && (i == 0 || body_budget_ > 0); ++i)
            m.parts.push_back(body_at(depth + 1));
        m.media_subtype = media_string(
            {"MIXED", "ALTERNATIVE", "related", "signed", "digest", "parallel", "report"});
        if (extensible_ && percent(75)) {
            ast::body_ext_mpart e;
            e.params = params(30);
            e.tail = ext_tail();
            m.extension = std::move(e);
        }
        return m;
    }

    /// A word that must be that word (MESSAGE, RFC822, TEXT): any case, in any form (the
    /// serializer always writes it quoted, the only form the grammar allows there).
    ast::string shape_word(std::string_view word) {
        std::string v = percent(70) ? std::string(word) : random_case(word);
        const auto k = below(10);
        const ast::string_form f = k < 5   ? ast::string_form::quoted
                                   : k < 9 ? ast::string_form::value
                                           : ast::string_form::literal;
        return {keep(std::move(v)), f};
    }

    ast::string media_string(std::initializer_list<std::string_view> usual) {
        std::string v =
            percent(80) ? std::string(*(usual.begin() + below(usual.size()))) : field_value();
        return shape(std::move(v), string_context::string);
    }

    ast::body_fields body_fields() {
        ast::body_fields f;
        f.params = params(35);
        if (percent(30)) {
            std::string id = "<" + random_chars(detail_gen::tables().alnum, between(4, 12)) + "@";
            f.id = nstring(id + host() + ">");
        }
        f.description = nstring_or_nil(70);
        std::string enc;
        if (percent(85))
            enc = random_case(pick<std::string_view>(
                {"7BIT", "8BIT", "BINARY", "BASE64", "QUOTED-PRINTABLE", "x-uuencode"}));
        else
            enc = field_value();
        f.encoding = shape(std::move(enc), string_context::string);
        f.octets = number();
        return f;
    }

    /// body-fld-param: NIL (`nil_percent`) or 1 to 4 attribute/value pairs.
    ast::body_fld_param params(unsigned nil_percent) {
        if (percent(nil_percent))
            return std::nullopt;
        ast::vector<ast::body_param> v;
        const std::size_t n = static_cast<std::size_t>(between(1, 4));
        for (std::size_t i = 0; i < n; ++i) {
            ast::body_param p;
            if (percent(70)) {
                p.attribute = shape(
                    std::string(pick<std::string_view>(
                        {"CHARSET", "NAME", "BOUNDARY", "FORMAT", "filename", "size", "DelSp"})),
                    string_context::string);
                p.value = shape(std::string(pick<std::string_view>(
                                    {"UTF-8", "us-ascii", "flowed", "----=_Part_0_1.2",
                                     "r\xc3\xa9sum\xc3\xa9.pdf", "a b.txt", "\"x\"", "1024"})),
                                string_context::string);
            } else {
                p.attribute = shape(field_value(), string_context::string);
                p.value = shape(field_value(), string_context::string);
            }
            v.push_back(std::move(p));
        }
        return v;
    }

    /// [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
    ast::body_ext_tail ext_tail() {
        ast::body_ext_tail t;
        t.fields = static_cast<std::uint8_t>(between(1, 4));
        if (t.fields >= 2 && percent(70)) {
            ast::body_fld_dsp d;
            d.type = shape(percent(80) ? std::string(pick<std::string_view>(
                                             {"inline", "ATTACHMENT", "attachment", "form-data"}))
                                       : field_value(),
                           string_context::string);
            d.params = params(40);
            t.disposition = std::move(d);
        }
        if (t.fields >= 3) {
            switch (below(4)) {
            case 0:
                break; // NIL
            case 1: {
                ast::vector<ast::string> langs;
                const std::size_t n = static_cast<std::size_t>(between(1, 3));
                for (std::size_t i = 0; i < n; ++i)
                    langs.push_back(language());
                t.language = std::move(langs);
                break;
            }
            default:
                t.language = ast::nstring{language()};
                break;
            }
        }
        if (t.fields >= 4) {
            if (percent(40))
                t.location =
                    nstring(percent(60) ? std::string("http://example.com/part/") + atom_text(6)
                                        : field_value());
            const std::size_t n = static_cast<std::size_t>(percent(50) ? 0 : between(1, 3));
            for (std::size_t i = 0; i < n; ++i)
                t.extensions.push_back(body_extension(1));
        }
        return t;
    }

    ast::string language() {
        return shape(percent(80) ? std::string(pick<std::string_view>(
                                       {"en", "EN-US", "de", "fr-CA", "i-klingon", "x-pig"}))
                                 : field_value(),
                     string_context::string);
    }

    /// body-extension: nstring, number, or a list of 1 to 3 nested ones.
    ast::body_extension body_extension(int depth) {
        ast::body_extension e;
        const bool may_nest = depth < ropt_.max_extension_depth;
        const auto k = below(may_nest ? 10 : 6);
        if (k < 2)
            e.v = ast::nstring{};
        else if (k < 4)
            e.v = nstring(field_value());
        else if (k < 6)
            e.v = number();
        else {
            ast::vector<ast::body_extension> list;
            const std::size_t n = static_cast<std::size_t>(between(1, 3));
            for (std::size_t i = 0; i < n; ++i)
                list.push_back(body_extension(depth + 1));
            e.v = std::move(list);
        }
        return e;
    }

protected:
    /// Resets the budgets at the start of a message.
    void start_message() {
        long_left_ = opt_.long_strings;
        body_budget_ = ropt_.body_budget;
        address_budget_ = ropt_.address_budget;
    }

    std::size_t data_index() {
        // cond capability flags list lsub search status exists recent expunge fetch, then the
        // extensions' (enabled id namespace vanished esearch)
        static constexpr std::array<unsigned, data_alternatives> weights = {
            14, 6, 5, 6, 4, 6, 6, 3, 3, 3, 34, 2, 2, 2, 2, 3};
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

    response_generator_options ropt_;
    int body_budget_ = 0;
    int address_budget_ = 0;
    bool extensible_ = false;
    bool deep_body_ = false;
    bool wide_body_ = false;
};

// --------------------------------------------------------------------------------------------
// A plain text dump of a response, every field shown (forms included).

namespace detail_gen {

struct response_dumper : dumper {
    using dumper::put;

    void put(const ast::nstring& s) {
        if (s)
            put(*s);
        else
            raw("NIL");
    }
    void put(const ast::condition c) {
        static constexpr const char* names[] = {"OK", "NO", "BAD", "PREAUTH", "BYE"};
        raw(names[static_cast<int>(c)]);
    }
    void put_caps(const ast::vector<std::string_view>& caps) {
        raw("caps(");
        for (std::size_t i = 0; i < caps.size(); ++i) {
            if (i)
                raw(" ");
            text(caps[i]);
        }
        raw(")");
    }
    void put(const ast::resp_text_code& code) {
        std::visit(
            [&](const auto& c) {
                using T = std::decay_t<decltype(c)>;
                if constexpr (std::is_same_v<T, ast::code_alert>) {
                    raw("ALERT");
                } else if constexpr (std::is_same_v<T, ast::code_badcharset>) {
                    raw("BADCHARSET(");
                    for (std::size_t i = 0; i < c.charsets.size(); ++i) {
                        if (i)
                            raw(" ");
                        put(c.charsets[i]);
                    }
                    raw(")");
                } else if constexpr (std::is_same_v<T, ast::code_capability>) {
                    raw("CAPABILITY ");
                    put_caps(c.capabilities);
                } else if constexpr (std::is_same_v<T, ast::code_parse>) {
                    raw("PARSE");
                } else if constexpr (std::is_same_v<T, ast::code_permanentflags>) {
                    raw("PERMANENTFLAGS ");
                    put(c.flags);
                } else if constexpr (std::is_same_v<T, ast::code_read_only>) {
                    raw("READ-ONLY");
                } else if constexpr (std::is_same_v<T, ast::code_read_write>) {
                    raw("READ-WRITE");
                } else if constexpr (std::is_same_v<T, ast::code_trycreate>) {
                    raw("TRYCREATE");
                } else if constexpr (std::is_same_v<T, ast::code_uidnext>) {
                    raw("UIDNEXT ");
                    num(c.value);
                } else if constexpr (std::is_same_v<T, ast::code_uidvalidity>) {
                    raw("UIDVALIDITY ");
                    num(c.value);
                } else if constexpr (std::is_same_v<T, ast::code_unseen>) {
                    raw("UNSEEN ");
                    num(c.value);
                } else if constexpr (std::is_same_v<T, ast::code_highestmodseq>) {
                    raw("HIGHESTMODSEQ ");
                    num(c.value);
                } else if constexpr (std::is_same_v<T, ast::code_nomodseq>) {
                    raw("NOMODSEQ");
                } else if constexpr (std::is_same_v<T, ast::code_modified>) {
                    raw("MODIFIED ");
                    put(c.set);
                } else if constexpr (std::is_same_v<T, ast::code_appenduid>) {
                    raw("APPENDUID ");
                    num(c.uidvalidity);
                    raw(" ");
                    put(c.uids);
                } else if constexpr (std::is_same_v<T, ast::code_copyuid>) {
                    raw("COPYUID ");
                    num(c.uidvalidity);
                    raw(" ");
                    put(c.source);
                    raw(" ");
                    put(c.destination);
                } else if constexpr (std::is_same_v<T, ast::code_uidnotsticky>) {
                    raw("UIDNOTSTICKY");
                } else if constexpr (std::is_same_v<T, ast::code_closed>) {
                    raw("CLOSED");
                } else if constexpr (std::is_same_v<T, ast::code_unknown_cte>) {
                    raw("UNKNOWN-CTE");
                } else if constexpr (std::is_same_v<T, ast::code_useattr>) {
                    raw("USEATTR");
                } else if constexpr (std::is_same_v<T, ast::code_mailboxid>) {
                    raw("MAILBOXID ");
                    text(c.id);
                } else if constexpr (ast::is_bare_code<T>) { // the RFC 5530 codes
                    raw(ast::traits<T>::info.keyword);
                } else if constexpr (std::is_same_v<T, ast::code_other>) {
                    raw("other ");
                    text(c.atom);
                    if (c.text) {
                        raw(" ");
                        text(*c.text);
                    } else {
                        raw(" no-text");
                    }
                } else {
                    static_assert(ast::unhandled<T>, "an alternative is not handled");
                }
            },
            code);
    }
    void put(const ast::resp_text& t) {
        if (t.code) {
            raw("code[");
            put(*t.code);
            raw("] ");
        } else {
            raw("no-code ");
        }
        text(t.text);
    }
    void put(const ast::resp_cond& c) {
        put(c.status);
        raw(" ");
        put(c.text);
    }
    void put(const ast::address& a) {
        raw("addr(");
        put(a.name);
        raw(" ");
        put(a.adl);
        raw(" ");
        put(a.mailbox);
        raw(" ");
        put(a.host);
        raw(")");
    }
    void put(const ast::address_list& l) {
        if (!l) {
            raw("NIL");
            return;
        }
        raw("[");
        for (const auto& a : *l)
            put(a);
        raw("]");
    }
    void put(const ast::envelope& e) {
        raw("envelope(date ");
        put(e.date);
        raw(" subject ");
        put(e.subject);
        raw(" from ");
        put(e.from);
        raw(" sender ");
        put(e.sender);
        raw(" reply-to ");
        put(e.reply_to);
        raw(" to ");
        put(e.to);
        raw(" cc ");
        put(e.cc);
        raw(" bcc ");
        put(e.bcc);
        raw(" in-reply-to ");
        put(e.in_reply_to);
        raw(" message-id ");
        put(e.message_id);
        raw(")");
    }
    void put(const ast::body_fld_param& p) {
        if (!p) {
            raw("NIL");
            return;
        }
        raw("params(");
        for (std::size_t i = 0; i < p->size(); ++i) {
            if (i)
                raw(" ");
            put((*p)[i].attribute);
            raw("=");
            put((*p)[i].value);
        }
        raw(")");
    }
    void put(const ast::body_extension& e) {
        if (const auto* s = std::get_if<ast::nstring>(&e.v)) {
            put(*s);
        } else if (const auto* n = std::get_if<std::uint32_t>(&e.v)) {
            raw("#");
            num(*n);
        } else {
            const auto& list = std::get<ast::vector<ast::body_extension>>(e.v);
            raw("(");
            for (std::size_t i = 0; i < list.size(); ++i) {
                if (i)
                    raw(" ");
                put(list[i]);
            }
            raw(")");
        }
    }
    void put(const ast::body_ext_tail& t) {
        raw(" fields=");
        num(t.fields);
        raw(" dsp ");
        if (t.disposition) {
            raw("(");
            put(t.disposition->type);
            raw(" ");
            put(t.disposition->params);
            raw(")");
        } else {
            raw("NIL");
        }
        raw(" lang ");
        if (const auto* s = std::get_if<ast::nstring>(&t.language)) {
            put(*s);
        } else {
            raw("(");
            const auto& list = std::get<ast::vector<ast::string>>(t.language);
            for (std::size_t i = 0; i < list.size(); ++i) {
                if (i)
                    raw(" ");
                put(list[i]);
            }
            raw(")");
        }
        raw(" loc ");
        put(t.location);
        raw(" ext(");
        for (std::size_t i = 0; i < t.extensions.size(); ++i) {
            if (i)
                raw(" ");
            put(t.extensions[i]);
        }
        raw(")");
    }
    void put(const ast::body_fields& f) {
        raw("fields(");
        put(f.params);
        raw(" id ");
        put(f.id);
        raw(" desc ");
        put(f.description);
        raw(" enc ");
        put(f.encoding);
        raw(" octets ");
        num(f.octets);
        raw(")");
    }
    void put(const ast::body& b) {
        raw("(");
        if (const auto* one = std::get_if<ast::body_type_1part>(&b.v)) {
            std::visit(
                [&](const auto& p) {
                    using T = std::decay_t<decltype(p)>;
                    if constexpr (std::is_same_v<T, ast::body_type_basic>) {
                        raw("basic ");
                    } else if constexpr (std::is_same_v<T, ast::body_type_msg>) {
                        raw("msg ");
                    } else if constexpr (std::is_same_v<T, ast::body_type_text>) {
                        raw("text ");
                    } else {
                        static_assert(ast::unhandled<T>, "an alternative is not handled");
                    }
                    put(p.media_type);
                    raw("/");
                    put(p.media_subtype);
                    raw(" ");
                    put(p.fields);
                    if constexpr (std::is_same_v<T, ast::body_type_msg>) {
                        raw(" ");
                        put(*p.envelope);
                        raw(" ");
                        put(*p.body);
                    }
                    if constexpr (!std::is_same_v<T, ast::body_type_basic>) {
                        raw(" lines ");
                        num(p.lines);
                    }
                },
                one->part);
            if (one->extension) {
                raw(" ext1(md5 ");
                put(one->extension->md5);
                put(one->extension->tail);
                raw(")");
            }
        } else {
            const auto& m = std::get<ast::body_type_mpart>(b.v);
            raw("multipart");
            for (const auto& p : m.parts) {
                raw(" ");
                put(p);
            }
            raw(" ");
            put(m.media_subtype);
            if (m.extension) {
                raw(" extm(");
                put(m.extension->params);
                put(m.extension->tail);
                raw(")");
            }
        }
        raw(")");
    }
    void put_delimiter(const std::optional<char>& d) {
        raw(" delimiter ");
        if (d)
            text(std::string_view(&*d, 1));
        else
            raw("NIL");
    }
    void put(const ast::mailbox_list& l) {
        put(l.flags);
        put_delimiter(l.delimiter);
        raw(" ");
        put(l.mailbox);
        if (l.extended) {
            raw(" extended(");
            for (const auto& item : *l.extended) {
                put(item.tag);
                raw("=");
                std::visit(
                    [&](const auto& v) {
                        using T = std::decay_t<decltype(v)>;
                        if constexpr (std::is_same_v<T, std::uint32_t>)
                            num(v);
                        else
                            put(v);
                    },
                    item.value);
                raw(";");
            }
            raw(")");
        }
    }
    void put(const ast::vector<ast::namespace_descr>& list) {
        if (list.empty()) {
            raw("NIL");
            return;
        }
        raw("(");
        for (const auto& d : list) {
            raw("(prefix ");
            put(d.prefix);
            put_delimiter(d.delimiter);
            for (const auto& e : d.extensions) {
                raw(" ext ");
                put(e.name);
                raw(" (");
                for (const auto& v : e.values) {
                    raw(" ");
                    put(v);
                }
                raw(")");
            }
            raw(")");
        }
        raw(")");
    }
    /// " (" msg-att items ")": the items of FETCH and UIDFETCH data.
    void put_msg_atts(const ast::vector<ast::msg_att_item>& items) {
        raw(" (");
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i)
                raw(" ");
            put(items[i]);
        }
        raw(")");
    }
    void put(const ast::msg_att_item& item) {
        std::visit(
            [&](const auto& a) {
                using T = std::decay_t<decltype(a)>;
                if constexpr (std::is_same_v<T, ast::msg_att_flags>) {
                    raw("FLAGS ");
                    put(a.flags);
                } else if constexpr (std::is_same_v<T, ast::msg_att_envelope>) {
                    put(a.envelope);
                } else if constexpr (std::is_same_v<T, ast::msg_att_internaldate>) {
                    raw("INTERNALDATE ");
                    put(a.date);
                } else if constexpr (std::is_same_v<T, ast::msg_att_savedate>) {
                    raw("SAVEDATE ");
                    if (a.date)
                        put(*a.date);
                    else
                        raw("NIL");
                } else if constexpr (std::is_same_v<T, ast::msg_att_rfc822>) {
                    static constexpr const char* parts[] = {"RFC822", "RFC822.HEADER",
                                                            "RFC822.TEXT"};
                    raw(parts[static_cast<int>(a.which)]);
                    raw(" ");
                    put(a.data);
                } else if constexpr (std::is_same_v<T, ast::msg_att_rfc822_size>) {
                    raw("RFC822.SIZE ");
                    num(a.size);
                } else if constexpr (std::is_same_v<T, ast::msg_att_body>) {
                    raw(a.structure ? "BODYSTRUCTURE " : "BODY ");
                    put(a.body);
                } else if constexpr (std::is_same_v<T, ast::msg_att_body_section>) {
                    raw("BODY");
                    put(a.section);
                    put_origin(a.origin);
                    raw(" ");
                    put(a.data);
                } else if constexpr (std::is_same_v<T, ast::msg_att_uid>) {
                    raw("UID ");
                    num(a.uid);
                } else if constexpr (std::is_same_v<T, ast::msg_att_modseq>) {
                    raw("MODSEQ ");
                    num(a.value);
                } else if constexpr (std::is_same_v<T, ast::msg_att_binary>) {
                    raw("BINARY");
                    put_part(a.part);
                    put_origin(a.origin);
                    raw(" ");
                    put(a.data);
                } else if constexpr (std::is_same_v<T, ast::msg_att_emailid>) {
                    raw("EMAILID ");
                    text(a.id);
                } else if constexpr (std::is_same_v<T, ast::msg_att_threadid>) {
                    raw("THREADID ");
                    if (a.id)
                        text(*a.id);
                    else
                        raw("NIL");
                } else if constexpr (std::is_same_v<T, ast::msg_att_binary_size>) {
                    raw("BINARY.SIZE");
                    put_part(a.part);
                    raw(" ");
                    num(a.size);
                } else {
                    static_assert(ast::unhandled<T>, "an alternative is not handled");
                }
            },
            item);
    }
    void put(const ast::response_data& d) {
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, ast::resp_cond>) {
                    put(x);
                } else if constexpr (std::is_same_v<T, ast::capability_data>) {
                    raw("CAPABILITY ");
                    put_caps(x.capabilities);
                } else if constexpr (std::is_same_v<T, ast::flags_data>) {
                    raw("FLAGS ");
                    put(x.flags);
                } else if constexpr (std::is_same_v<T, ast::list_data>) {
                    raw("LIST ");
                    put(x.list);
                } else if constexpr (std::is_same_v<T, ast::lsub_data>) {
                    raw("LSUB ");
                    put(x.list);
                } else if constexpr (std::is_same_v<T, ast::search_data>) {
                    raw("SEARCH");
                    for (auto n : x.numbers) {
                        raw(" ");
                        num(n);
                    }
                    if (x.modseq) {
                        raw(" modseq ");
                        num(*x.modseq);
                    }
                } else if constexpr (std::is_same_v<T, ast::status_data>) {
                    raw("STATUS ");
                    put(x.mailbox);
                    raw(" (");
                    for (std::size_t i = 0; i < x.items.size(); ++i) {
                        if (i)
                            raw(" ");
                        put(x.items[i].att);
                        raw(" ");
                        num(x.items[i].value);
                        if (!x.items[i].objectid.empty()) {
                            raw("=");
                            text(x.items[i].objectid);
                        }
                        if (x.items[i].nil)
                            raw("=nil");
                    }
                    raw(")");
                } else if constexpr (std::is_same_v<T, ast::exists_data>) {
                    num(x.count);
                    raw(" EXISTS");
                } else if constexpr (std::is_same_v<T, ast::recent_data>) {
                    num(x.count);
                    raw(" RECENT");
                } else if constexpr (std::is_same_v<T, ast::expunge_data>) {
                    num(x.number);
                    raw(" EXPUNGE");
                } else if constexpr (std::is_same_v<T, ast::fetch_data>) {
                    num(x.number);
                    raw(" FETCH");
                    put_msg_atts(x.items);
                } else if constexpr (std::is_same_v<T, ast::uidfetch_data>) {
                    num(x.uid);
                    raw(" UIDFETCH");
                    put_msg_atts(x.items);
                } else if constexpr (std::is_same_v<T, ast::enabled_data>) {
                    raw("ENABLED");
                    for (std::string_view c : x.capabilities) {
                        raw(" ");
                        text(c);
                    }
                } else if constexpr (std::is_same_v<T, ast::id_data>) {
                    raw("ID ");
                    put(x.list);
                } else if constexpr (std::is_same_v<T, ast::vanished_data>) {
                    raw(x.earlier ? "VANISHED (EARLIER) " : "VANISHED ");
                    put(x.uids);
                } else if constexpr (std::is_same_v<T, ast::esearch_data>) {
                    raw("ESEARCH");
                    if (x.tag) {
                        raw(" tag ");
                        put(*x.tag);
                    }
                    if (x.uid)
                        raw(" UID");
                    for (const auto& item : x.items) {
                        std::visit(
                            [&](const auto& r) {
                                using R = std::decay_t<decltype(r)>;
                                raw(" ");
                                raw(ast::traits<R>::info.keyword);
                                raw("=");
                                if constexpr (std::is_same_v<R, ast::esearch_all>)
                                    put(r.set);
                                else if constexpr (std::is_same_v<R, ast::esearch_partial>) {
                                    put(r.range);
                                    if (r.results)
                                        put(*r.results);
                                    else
                                        raw("nil");
                                } else
                                    num(r.value);
                            },
                            item);
                    }
                } else if constexpr (std::is_same_v<T, ast::namespace_data>) {
                    raw("NAMESPACE personal ");
                    put(x.personal);
                    raw(" other ");
                    put(x.other_users);
                    raw(" shared ");
                    put(x.shared);
                } else {
                    static_assert(ast::unhandled<T>, "an alternative is not handled");
                }
            },
            d);
    }
};

} // namespace detail_gen

/// Every field of `g`, on one line.
inline std::string describe(const ast::greeting& g) {
    detail_gen::response_dumper d;
    d.raw("greeting ");
    d.put(g.cond);
    return std::move(d.out);
}

/// Every field of `r`, on one line.
inline std::string describe(const ast::response& r) {
    detail_gen::response_dumper d;
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::continue_req>) {
                d.raw("continue ");
                if (const auto* t = std::get_if<ast::resp_text>(&x.content)) {
                    d.put(*t);
                } else {
                    d.raw("base64 ");
                    d.text(std::get<std::string_view>(x.content));
                }
            } else if constexpr (std::is_same_v<T, ast::response_data>) {
                d.raw("* ");
                d.put(x);
            } else if constexpr (std::is_same_v<T, ast::response_tagged>) {
                d.raw("tagged ");
                d.text(x.tag);
                d.raw(" ");
                d.put(x.cond);
            } else {
                static_assert(ast::unhandled<T>, "an alternative is not handled");
            }
        },
        r.v);
    return std::move(d.out);
}

} // namespace imapwire::test
