// imapwire serializer: server responses (RFC 3501 §7, §9 greeting, response and their parts).
#pragma once

#include <imapwire/ast/response.hpp>
#include <imapwire/ast/traits.hpp>
#include <imapwire/serializer/command.hpp>
#include <imapwire/serializer/core.hpp>

#include <string>
#include <type_traits>
#include <variant>

namespace imapwire::serializer {

// --- envelope ----------------------------------------------------------------------------------

inline void write_address(writer& w, const ast::address& a) {
    w.put('(');
    write_nstring(w, a.name);
    w.sp();
    write_nstring(w, a.adl);
    w.sp();
    write_nstring(w, a.mailbox);
    w.sp();
    write_nstring(w, a.host);
    w.put(')');
}

/// "(" 1*address ")" / nil
inline void write_address_list(writer& w, const ast::address_list& list) {
    if (!list) {
        w.raw("NIL");
        return;
    }
    w.require(!list->empty());
    w.put('(');
    for (const auto& a : *list)
        write_address(w, a);
    w.put(')');
}

inline void write_envelope(writer& w, const ast::envelope& e) {
    w.put('(');
    write_nstring(w, e.date);
    w.sp();
    write_nstring(w, e.subject);
    for (const ast::address_list* l : {&e.from, &e.sender, &e.reply_to, &e.to, &e.cc, &e.bcc}) {
        w.sp();
        write_address_list(w, *l);
    }
    w.sp();
    write_nstring(w, e.in_reply_to);
    w.sp();
    write_nstring(w, e.message_id);
    w.put(')');
}

// --- body --------------------------------------------------------------------------------------

inline void write_body_fld_param(writer& w, const ast::body_fld_param& p) {
    if (!p) {
        w.raw("NIL");
        return;
    }
    w.require(!p->empty());
    w.put('(');
    write_separated(w, *p, [&](const auto& item) {
        write_string_only(w, item.attribute);
        w.sp();
        write_string_only(w, item.value);
    });
    w.put(')');
}

inline void write_body_fld_dsp(writer& w, const std::optional<ast::body_fld_dsp>& d) {
    if (!d) {
        w.raw("NIL");
        return;
    }
    w.put('(');
    write_string_only(w, d->type);
    w.sp();
    write_body_fld_param(w, d->params);
    w.put(')');
}

inline void write_body_fld_lang_of(writer& w, const ast::nstring& s) {
    write_nstring(w, s);
}
inline void write_body_fld_lang_of(writer& w, const ast::vector<ast::string>& list) {
    w.require(!list.empty());
    w.put('(');
    write_separated(w, list, [&](const auto& item) { write_string_only(w, item); });
    w.put(')');
}
inline void write_body_fld_lang(writer& w, const ast::body_fld_lang& l) {
    std::visit([&](const auto& x) { write_body_fld_lang_of(w, x); }, l);
}

inline void write_body_extension(writer& w, const ast::body_extension& e) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::nstring>) {
                write_nstring(w, x);
            } else if constexpr (std::is_same_v<T, std::uint32_t>) {
                w.number(x);
            } else if constexpr (std::is_same_v<T, ast::vector<ast::body_extension>>) {
                w.require(!x.empty());
                w.put('(');
                write_separated(w, x, [&](const auto& item) { write_body_extension(w, item); });
                w.put(')');
            } else {
                static_assert(ast::unhandled<T>, "an alternative is not handled");
            }
        },
        e.v);
}

/// [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc *(SP body-extension)]]]
inline void write_body_ext_tail(writer& w, const ast::body_ext_tail& t) {
    w.require(t.fields >= 1 && t.fields <= 4);
    // Fields past the count have nowhere to go: refuse rather than drop them.
    if (t.fields < 2)
        w.require(!t.disposition);
    if (t.fields < 3)
        w.require(t.language == ast::body_fld_lang{});
    if (t.fields < 4)
        w.require(!t.location && t.extensions.empty());
    if (t.fields >= 2) {
        w.sp();
        write_body_fld_dsp(w, t.disposition);
    }
    if (t.fields >= 3) {
        w.sp();
        write_body_fld_lang(w, t.language);
    }
    if (t.fields >= 4) {
        w.sp();
        write_nstring(w, t.location);
        for (const auto& e : t.extensions) {
            w.sp();
            write_body_extension(w, e);
        }
    }
}

inline void write_body_fields(writer& w, const ast::body_fields& f) {
    write_body_fld_param(w, f.params);
    w.sp();
    write_nstring(w, f.id);
    w.sp();
    write_nstring(w, f.description);
    w.sp();
    write_string_only(w, f.encoding);
    w.sp();
    w.number(f.octets);
}

/// A media type that must be the quoted word `word` (any case), e.g. "TEXT".
inline void write_quoted_word(writer& w, const ast::string& s, std::string_view word) {
    const std::string v = s.value();
    w.require(detail::iequals(v, word));
    write_quoted_value(w, v);
}

inline void write_body(writer& w, const ast::body& b);

inline void write_body_type_1part(writer& w, const ast::body_type_1part& p) {
    std::visit(
        [&](const auto& part) {
            using T = std::decay_t<decltype(part)>;
            if constexpr (std::is_same_v<T, ast::body_type_basic>) {
                // A basic body typed "TEXT" or "MESSAGE" "RFC822" cannot be read back as the
                // other body types: those need a line count or an envelope after the fields,
                // where a basic body has an nstring or nothing.
                write_string_only(w, part.media_type);
                w.sp();
                write_string_only(w, part.media_subtype);
                w.sp();
                write_body_fields(w, part.fields);
            } else if constexpr (std::is_same_v<T, ast::body_type_msg>) {
                write_quoted_word(w, part.media_type, "MESSAGE");
                w.sp();
                write_quoted_word(w, part.media_subtype, "RFC822");
                w.sp();
                write_body_fields(w, part.fields);
                w.sp();
                write_envelope(w, *part.envelope);
                w.sp();
                write_body(w, *part.body);
                w.sp();
                w.number(part.lines);
            } else if constexpr (std::is_same_v<T, ast::body_type_text>) {
                write_quoted_word(w, part.media_type, "TEXT");
                w.sp();
                write_string_only(w, part.media_subtype);
                w.sp();
                write_body_fields(w, part.fields);
                w.sp();
                w.number(part.lines);
            } else {
                static_assert(ast::unhandled<T>, "an alternative is not handled");
            }
        },
        p.part);
    if (p.extension) {
        w.sp();
        write_nstring(w, p.extension->md5);
        write_body_ext_tail(w, p.extension->tail);
    }
}

inline void write_body_type_mpart(writer& w, const ast::body_type_mpart& m) {
    w.require(!m.parts.empty());
    for (const auto& part : m.parts)
        write_body(w, part);
    w.sp();
    write_string_only(w, m.media_subtype);
    if (m.extension) {
        w.sp();
        write_body_fld_param(w, m.extension->params);
        write_body_ext_tail(w, m.extension->tail);
    }
}
inline void write_body_type(writer& w, const ast::body_type_1part& p) {
    write_body_type_1part(w, p);
}
inline void write_body_type(writer& w, const ast::body_type_mpart& m) {
    write_body_type_mpart(w, m);
}

inline void write_body(writer& w, const ast::body& b) {
    w.put('(');
    std::visit([&](const auto& x) { write_body_type(w, x); }, b.v);
    w.put(')');
}

// --- response codes and status responses ---------------------------------------------------------

// Exact matchers for the named response-code forms, so the serializer refuses precisely the
// values that would read back differently, and nothing else.
inline constexpr std::size_t no_match = std::string_view::npos;

/// quoted at t[i]: the index after its closing DQUOTE, or no_match.
inline std::size_t match_quoted(std::string_view t, std::size_t i) {
    if (i >= t.size() || t[i] != '"')
        return no_match;
    for (++i; i < t.size(); ++i) {
        if (t[i] == '"')
            return i + 1;
        if (t[i] == '\\') {
            if (i + 1 >= t.size() || !detail::is(detail::cc_quoted_sp, t[i + 1]))
                return no_match;
            ++i;
        } else if (!detail::is(detail::cc_quoted, t[i])) {
            return no_match;
        }
    }
    return no_match;
}

/// astring at t[i] (a literal cannot occur in one line of text).
inline std::size_t match_astring(std::string_view t, std::size_t i) {
    if (i < t.size() && t[i] == '"')
        return match_quoted(t, i);
    std::size_t j = i;
    while (j < t.size() && detail::is(detail::cc_astring, t[j]))
        ++j;
    return j > i ? j : no_match;
}

/// "(" astring *(SP astring) ")" at t[i] (BADCHARSET's list).
inline std::size_t match_astring_list(std::string_view t, std::size_t i) {
    if (i >= t.size() || t[i] != '(')
        return no_match;
    for (++i;;) {
        i = match_astring(t, i);
        if (i == no_match || i >= t.size())
            return no_match;
        if (t[i] == ')')
            return i + 1;
        if (t[i] != ' ')
            return no_match;
        ++i;
    }
}

/// "(" [flag-perm *(SP flag-perm)] ")" at t[i] (PERMANENTFLAGS's list).
inline std::size_t match_flag_perm_list(std::string_view t, std::size_t i) {
    if (i >= t.size() || t[i] != '(')
        return no_match;
    ++i;
    if (i < t.size() && t[i] == ')')
        return i + 1;
    for (;;) {
        if (t.substr(i, 2) == "\\*") {
            i += 2;
        } else {
            if (i < t.size() && t[i] == '\\')
                ++i;
            const std::size_t start = i;
            while (i < t.size() && detail::is(detail::cc_atom, t[i]))
                ++i;
            if (i == start)
                return no_match;
        }
        if (i >= t.size())
            return no_match;
        if (t[i] == ')')
            return i + 1;
        if (t[i] != ' ')
            return no_match;
        ++i;
    }
}

/// True when `text`, written with no code in front, would read back as a code and a text:
/// "[" resp-text-code "]" SP 1*TEXT-CHAR, as the parser reads it. Every code has the shape
/// atom [SP 1*<TEXT-CHAR except "]">], except BADCHARSET, whose astrings may hold "]": the
/// parser tries the named BADCHARSET form first and keeps it once it matches, even when no
/// "] " text follows (then the whole line is text).
inline bool reads_as_code(std::string_view text) {
    if (text.size() < 4 || text.front() != '[')
        return false;
    std::size_t i = 1;
    while (i < text.size() && detail::is(detail::cc_atom, text[i]))
        ++i;
    if (i == 1)
        return false;
    const auto closes = [&](std::size_t at) {
        return at != no_match && text.substr(at, 2) == "] " && text.size() > at + 2;
    };
    if (detail::iequals(text.substr(1, i - 1), "BADCHARSET")) {
        // "BADCHARSET" [SP "(" astring *(SP astring) ")"] followed by "]"
        std::size_t end = i;
        if (text.substr(i, 2) == " (")
            if (const std::size_t m = match_astring_list(text, i + 1); m != no_match)
                end = m;
        if (end < text.size() && text[end] == ']')
            return closes(end); // the named form matched: no other reading is tried
    }
    if (i < text.size() && text[i] == ' ') {
        const std::size_t start = ++i;
        while (i < text.size() && detail::is(detail::cc_text_nobr, text[i]))
            ++i;
        if (i == start)
            return false;
    }
    return closes(i);
}

/// True when the generic form `atom [SP text]` would read back as one of the named codes.
inline bool named_code_spelling(std::string_view atom,
                                const std::optional<std::string_view>& text) {
    using detail::iequals;
    for (std::string_view bare : {"ALERT", "PARSE", "READ-ONLY", "READ-WRITE", "TRYCREATE"})
        if (iequals(atom, bare))
            return !text;
    if (iequals(atom, "UIDNEXT") || iequals(atom, "UIDVALIDITY") || iequals(atom, "UNSEEN")) {
        if (!text || text->empty() || text->size() > 10 || (*text)[0] == '0' ||
            !detail::all_of(detail::cc_digit, *text))
            return false;
        return std::stoull(std::string(*text)) <= 0xffffffffull;
    }
    if (iequals(atom, "BADCHARSET"))
        return !text || match_astring_list(*text, 0) == text->size();
    if (iequals(atom, "PERMANENTFLAGS"))
        return text && match_flag_perm_list(*text, 0) == text->size();
    if (iequals(atom, "CAPABILITY")) {
        if (!text)
            return false;
        bool imap4rev1 = false;
        std::string_view rest = *text;
        while (true) {
            const std::size_t sp = rest.find(' ');
            const std::string_view cap = rest.substr(0, sp);
            if (cap.empty() || !detail::all_of(detail::cc_atom, cap))
                return false;
            imap4rev1 = imap4rev1 || iequals(cap, "IMAP4rev1");
            if (sp == std::string_view::npos)
                return imap4rev1;
            rest.remove_prefix(sp + 1);
        }
    }
    return false;
}

inline void write_capabilities(writer& w, const ast::vector<std::string_view>& caps) {
    bool imap4rev1 = false;
    w.raw("CAPABILITY");
    for (std::string_view c : caps) {
        w.sp();
        write_atom(w, c);
        imap4rev1 = imap4rev1 || detail::iequals(c, "IMAP4rev1");
    }
    w.require(imap4rev1);
}

inline void write_resp_text_code(writer& w, const ast::resp_text_code& code) {
    std::visit(
        [&](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, ast::code_alert>) {
                w.raw("ALERT");
            } else if constexpr (std::is_same_v<T, ast::code_badcharset>) {
                w.raw("BADCHARSET");
                if (!c.charsets.empty()) {
                    w.raw(" (");
                    write_separated(w, c.charsets,
                                    [&](const auto& item) { write_astring(w, item); });
                    w.put(')');
                }
            } else if constexpr (std::is_same_v<T, ast::code_capability>) {
                write_capabilities(w, c.capabilities);
            } else if constexpr (std::is_same_v<T, ast::code_parse>) {
                w.raw("PARSE");
            } else if constexpr (std::is_same_v<T, ast::code_permanentflags>) {
                w.raw("PERMANENTFLAGS (");
                write_separated(w, c.flags, [&](const auto& item) { write_flag(w, item, true); });
                w.put(')');
            } else if constexpr (std::is_same_v<T, ast::code_read_only>) {
                w.raw("READ-ONLY");
            } else if constexpr (std::is_same_v<T, ast::code_read_write>) {
                w.raw("READ-WRITE");
            } else if constexpr (std::is_same_v<T, ast::code_trycreate>) {
                w.raw("TRYCREATE");
            } else if constexpr (std::is_same_v<T, ast::code_uidnext>) {
                w.raw("UIDNEXT ");
                w.nz_number(c.value);
            } else if constexpr (std::is_same_v<T, ast::code_uidvalidity>) {
                w.raw("UIDVALIDITY ");
                w.nz_number(c.value);
            } else if constexpr (std::is_same_v<T, ast::code_unseen>) {
                w.raw("UNSEEN ");
                w.nz_number(c.value);
            } else if constexpr (std::is_same_v<T, ast::code_other>) {
                w.require(!named_code_spelling(c.atom, c.text));
                write_atom(w, c.atom);
                if (c.text) {
                    w.require(!c.text->empty() && detail::all_of(detail::cc_text_nobr, *c.text));
                    w.sp();
                    w.raw(*c.text);
                }
            } else {
                static_assert(ast::unhandled<T>, "an alternative is not handled");
            }
        },
        code);
}

/// resp-text: ["[" resp-text-code "]" SP] text
inline void write_resp_text(writer& w, const ast::resp_text& t) {
    if (!t.code)
        w.require(!reads_as_code(t.text));
    if (t.code) {
        w.put('[');
        write_resp_text_code(w, *t.code);
        w.raw("] ");
    }
    w.require(!t.text.empty() && detail::all_of(detail::cc_text, t.text));
    w.raw(t.text);
}

/// A status response whose condition must be one of `allowed`.
inline void write_resp_cond(writer& w, const ast::resp_cond& c,
                            std::initializer_list<ast::condition> allowed) {
    bool ok = false;
    for (auto a : allowed)
        ok = ok || a == c.status;
    w.require(ok);
    switch (c.status) {
    case ast::condition::ok:
        w.raw("OK ");
        break;
    case ast::condition::no:
        w.raw("NO ");
        break;
    case ast::condition::bad:
        w.raw("BAD ");
        break;
    case ast::condition::preauth:
        w.raw("PREAUTH ");
        break;
    case ast::condition::bye:
        w.raw("BYE ");
        break;
    }
    write_resp_text(w, c.text);
}

// --- mailbox and message data --------------------------------------------------------------------

inline void write_mailbox_list(writer& w, const ast::mailbox_list& l) {
    w.put('(');
    int selectability = 0;
    write_separated(w, l.flags, [&](const auto& item) {
        const std::string_view t = item.text;
        w.require(!t.empty() && t.front() == '\\'); // mbx-list flags are all "\" atom
        selectability += detail::iequals(t, "\\Noselect") || detail::iequals(t, "\\Marked") ||
                         detail::iequals(t, "\\Unmarked");
        write_flag(w, item);
    });
    w.require(selectability <= 1);
    w.raw(") ");
    if (l.delimiter) {
        // DQUOTE QUOTED-CHAR DQUOTE
        const char d = *l.delimiter;
        w.require(detail::is(detail::cc_text, d));
        write_quoted_value(w, std::string_view(&d, 1));
    } else {
        w.raw("NIL");
    }
    w.sp();
    write_mailbox(w, l.mailbox);
}

inline void write_msg_att_item(writer& w, const ast::msg_att_item& item) {
    std::visit(
        [&](const auto& a) {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, ast::msg_att_flags>) {
                w.raw(ast::traits<T>::info.keyword);
                w.raw(" (");
                write_separated(w, a.flags, [&](const auto& item) { write_flag(w, item); });
                w.put(')');
            } else if constexpr (std::is_same_v<T, ast::msg_att_envelope>) {
                w.raw(ast::traits<T>::info.keyword);
                w.sp();
                write_envelope(w, a.envelope);
            } else if constexpr (std::is_same_v<T, ast::msg_att_internaldate>) {
                w.raw(ast::traits<T>::info.keyword);
                w.sp();
                write_date_time(w, a.date);
            } else if constexpr (std::is_same_v<T, ast::msg_att_rfc822>) {
                switch (a.which) {
                case ast::msg_att_rfc822::part::whole:
                    w.raw("RFC822 ");
                    break;
                case ast::msg_att_rfc822::part::header:
                    w.raw("RFC822.HEADER ");
                    break;
                case ast::msg_att_rfc822::part::text:
                    w.raw("RFC822.TEXT ");
                    break;
                }
                write_nstring(w, a.data);
            } else if constexpr (std::is_same_v<T, ast::msg_att_rfc822_size>) {
                w.raw(ast::traits<T>::info.keyword);
                w.sp();
                w.number(a.size);
            } else if constexpr (std::is_same_v<T, ast::msg_att_body>) {
                w.raw(a.structure ? "BODYSTRUCTURE " : "BODY ");
                write_body(w, a.body);
            } else if constexpr (std::is_same_v<T, ast::msg_att_body_section>) {
                w.raw(ast::traits<T>::info.keyword);
                write_section(w, a.section);
                if (a.origin) {
                    w.put('<');
                    w.number(*a.origin);
                    w.put('>');
                }
                w.sp();
                write_nstring(w, a.data);
            } else if constexpr (std::is_same_v<T, ast::msg_att_uid>) {
                w.raw(ast::traits<T>::info.keyword);
                w.sp();
                w.nz_number(a.uid);
            } else {
                static_assert(ast::unhandled<T>, "an alternative is not handled");
            }
        },
        item);
}

inline void write_response_data_body(writer& w, const ast::response_data& d) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::resp_cond>) {
                write_resp_cond(w, x,
                                {ast::condition::ok, ast::condition::no, ast::condition::bad,
                                 ast::condition::bye});
            } else if constexpr (std::is_same_v<T, ast::capability_data>) {
                write_capabilities(w, x.capabilities);
            } else if constexpr (std::is_same_v<T, ast::flags_data>) {
                w.raw("FLAGS ");
                write_flag_list(w, x.flags);
            } else if constexpr (std::is_same_v<T, ast::list_data>) {
                w.raw("LIST ");
                write_mailbox_list(w, x.list);
            } else if constexpr (std::is_same_v<T, ast::lsub_data>) {
                w.raw("LSUB ");
                write_mailbox_list(w, x.list);
            } else if constexpr (std::is_same_v<T, ast::search_data>) {
                w.raw("SEARCH");
                for (auto n : x.numbers) {
                    w.sp();
                    w.nz_number(n);
                }
            } else if constexpr (std::is_same_v<T, ast::status_data>) {
                w.raw("STATUS ");
                write_mailbox(w, x.mailbox);
                w.raw(" (");
                write_separated(w, x.items, [&](const auto& item) {
                    write_keyword(w, keyword(item.att));
                    w.sp();
                    w.number(item.value);
                });
                w.put(')');
            } else if constexpr (std::is_same_v<T, ast::exists_data>) {
                w.number(x.count);
                w.raw(" EXISTS");
            } else if constexpr (std::is_same_v<T, ast::recent_data>) {
                w.number(x.count);
                w.raw(" RECENT");
            } else if constexpr (std::is_same_v<T, ast::expunge_data>) {
                w.nz_number(x.number);
                w.raw(" EXPUNGE");
            } else if constexpr (std::is_same_v<T, ast::fetch_data>) {
                w.nz_number(x.number);
                w.raw(" FETCH (");
                w.require(!x.items.empty());
                write_separated(w, x.items, [&](const auto& item) { write_msg_att_item(w, item); });
                w.put(')');
            } else if constexpr (std::is_same_v<T, ast::enabled_data>) {
                write_enabled_data(w, x);
            } else {
                static_assert(ast::unhandled<T>, "an alternative is not handled");
            }
        },
        d);
}

// --- whole messages ------------------------------------------------------------------------------

inline void write_greeting(writer& w, const ast::greeting& g) {
    w.raw("* ");
    write_resp_cond(w, g.cond, {ast::condition::ok, ast::condition::preauth, ast::condition::bye});
    w.raw("\r\n");
}

/// continue-req: "+" SP (resp-text / base64)
inline void write_continue_content(writer& w,
                                   const std::variant<ast::resp_text, std::string_view>& c) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::resp_text>) {
                write_resp_text(w, x);
            } else if constexpr (std::is_same_v<T, std::string_view>) {
                // resp-text has priority: only an empty line reads back as base64
                w.require(x.empty());
            } else {
                static_assert(ast::unhandled<T>, "an alternative is not handled");
            }
        },
        c);
}

inline void write_response(writer& w, const ast::response& r) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::continue_req>) {
                w.raw("+ ");
                write_continue_content(w, x.content);
            } else if constexpr (std::is_same_v<T, ast::response_data>) {
                w.raw("* ");
                write_response_data_body(w, x);
            } else if constexpr (std::is_same_v<T, ast::response_tagged>) {
                w.require(!x.tag.empty() && detail::all_of(detail::cc_tag, x.tag));
                w.raw(x.tag);
                w.sp();
                write_resp_cond(w, x.cond,
                                {ast::condition::ok, ast::condition::no, ast::condition::bad});
            } else {
                static_assert(ast::unhandled<T>, "an alternative is not handled");
            }
        },
        r.v);
    w.raw("\r\n");
}

} // namespace imapwire::serializer
