// imapwire serializer: server responses (RFC 3501 §7, §9 greeting, response and their parts).
#pragma once

#include <imapwire/ast/response.hpp>
#include <imapwire/ast/traits.hpp>
#include <imapwire/parse.hpp>
#include <imapwire/serializer/command.hpp>
#include <imapwire/serializer/core.hpp>
// extensions (one line each; ext/registry.hpp)
#include <imapwire/ext/binary/serializer.hpp>
#include <imapwire/ext/condstore/serializer.hpp>
#include <imapwire/ext/esearch/serializer.hpp>
#include <imapwire/ext/list_extended/serializer.hpp>
#include <imapwire/ext/namespace/serializer.hpp>
#include <imapwire/ext/objectid/serializer.hpp>
#include <imapwire/ext/qresync/serializer.hpp>
#include <imapwire/ext/savedate/serializer.hpp>
#include <imapwire/ext/special_use/serializer.hpp>
#include <imapwire/ext/uidplus/serializer.hpp>

#include <cstddef>
#include <memory_resource>
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
                // MESSAGE/GLOBAL where the reader takes it (RFC 9051, RFC 9755 §6)
                if (utf8_quoted_allowed(w.options.extensions) &&
                    detail::iequals(part.media_subtype.value(), "GLOBAL"))
                    write_quoted_word(w, part.media_subtype, "GLOBAL");
                else
                    write_quoted_word(w, part.media_subtype, "RFC822");
                w.sp();
                write_body_fields(w, part.fields);
                w.sp();
                write_envelope(w, *part.envelope);
                w.sp();
                write_body(w, *part.body);
                w.sp();
                w.wide_number(part.lines);
            } else if constexpr (std::is_same_v<T, ast::body_type_text>) {
                write_quoted_word(w, part.media_type, "TEXT");
                w.sp();
                write_string_only(w, part.media_subtype);
                w.sp();
                write_body_fields(w, part.fields);
                w.sp();
                w.wide_number(part.lines);
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

// The texts and generic codes that would read back as something else are found by the parser
// itself: what the grammar reads is defined once, in the grammar, extensions included.

/// How `resp_text` (a resp-text: an optional "[" code "] " and text) reads back under the
/// reader's extensions: parsed as the resp-text of a tagged OK; `check(code)` is given the code
/// it carries (null for none) and says whether that is what was meant. False when it does not
/// parse at all (the writer's own checks refuse that text).
/// The line and what it parses into live in a buffer on the stack (the heap only for texts of
/// several hundred octets), so that serializing allocates nothing in steady state.
template <class Check>
bool reads_back(std::string_view resp_text, const serialize_options& options, Check&& check) {
    alignas(std::max_align_t) char buffer[1024];
    std::pmr::monotonic_buffer_resource memory(buffer, sizeof buffer);
    std::pmr::string line(&memory);
    line.reserve(resp_text.size() + 7);
    line.append("a OK ").append(resp_text).append("\r\n");
    parse_options po;
    po.memory_resource = &memory;
    po.extensions = options.extensions;
    po.max_line_length = line.size();
    const auto r = parse_response(line, po);
    if (!r.ok())
        return false;
    const auto* tagged = std::get_if<ast::response_tagged>(&r.value().v);
    if (!tagged)
        return false;
    const auto& code = tagged->cond.text.code;
    return check(code ? &*code : nullptr);
}

/// True when `text`, written with no code in front, would read back as a code and a text.
inline bool reads_as_code(std::string_view text, const serialize_options& options) {
    if (text.empty() || text.front() != '[')
        return false; // only a "[" can start a code
    return reads_back(text, options, [](const ast::resp_text_code* c) { return c != nullptr; });
}

/// True when the generic form `atom [SP text]` reads back as exactly that generic code, and
/// not as one of the named codes (or another split of the words).
inline bool reads_as_code_other(const ast::code_other& c, const serialize_options& options) {
    alignas(std::max_align_t) char buffer[512];
    std::pmr::monotonic_buffer_resource memory(buffer, sizeof buffer);
    std::pmr::string resp_text(&memory);
    resp_text.reserve(c.atom.size() + (c.text ? c.text->size() + 1 : 0) + 4);
    resp_text.append("[").append(c.atom);
    if (c.text)
        resp_text.append(" ").append(*c.text);
    resp_text.append("] x");
    return reads_back(resp_text, options, [&](const ast::resp_text_code* code) {
        const auto* other = code ? std::get_if<ast::code_other>(code) : nullptr;
        return other && other->atom == c.atom && other->text == c.text;
    });
}

/// An alternative's traits keyword and SP (`FLAGS `), or SP and the keyword after a number
/// (` EXISTS`).
template <class T>
void write_keyword_sp(writer& w) {
    w.raw(ast::traits<T>::info.keyword);
    w.sp();
}
template <class T>
void write_sp_keyword(writer& w) {
    w.sp();
    w.raw(ast::traits<T>::info.keyword);
}

inline void write_capabilities(writer& w, const ast::vector<std::string_view>& caps) {
    bool imap4rev1 = false;
    w.raw(ast::traits<ast::capability_data>::info.keyword);
    for (std::string_view c : caps) {
        w.sp();
        write_atom(w, c);
        imap4rev1 = imap4rev1 || detail::iequals(c, "IMAP4rev1") ||
                    (w.options.extensions.contains(extension::imap4rev2) &&
                     detail::iequals(c, "IMAP4rev2")); // RFC 9051 §9: either
    }
    w.require(imap4rev1);
}

/// What follows a named response code's keyword.
template <class T>
void write_code_arguments(writer& w, const T& c) {
    if constexpr (ast::is_bare_code<T>) {
        // the keyword alone (ALERT, ..., NOMODSEQ, UIDNOTSTICKY, CLOSED, the RFC 5530 codes)
    } else if constexpr (std::is_same_v<T, ast::code_badcharset>) {
        if (!c.charsets.empty()) {
            w.raw(" (");
            write_separated(w, c.charsets, [&](const auto& item) { write_astring(w, item); });
            w.put(')');
        }
    } else if constexpr (std::is_same_v<T, ast::code_permanentflags>) {
        w.raw(" (");
        write_separated(w, c.flags, [&](const auto& item) { write_flag(w, item, true); });
        w.put(')');
    } else if constexpr (std::is_same_v<T, ast::code_uidnext> ||
                         std::is_same_v<T, ast::code_uidvalidity> ||
                         std::is_same_v<T, ast::code_unseen>) {
        w.sp();
        w.nz_number(c.value);
    } else if constexpr (std::is_same_v<T, ast::code_highestmodseq> ||
                         std::is_same_v<T, ast::code_modified> ||
                         std::is_same_v<T, ast::code_appenduid> ||
                         std::is_same_v<T, ast::code_copyuid> ||
                         std::is_same_v<T, ast::code_mailboxid>) {
        write_code_arguments(w, c); // the extensions' codes: ext/*/serializer.hpp
    } else {
        static_assert(ast::unhandled<T>, "an alternative is not handled");
    }
}

inline void write_resp_text_code(writer& w, const ast::resp_text_code& code) {
    std::visit(
        [&](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            w.require_extension(ast::traits<T>::info.ext);
            if constexpr (std::is_same_v<T, ast::code_other>) {
                w.require(reads_as_code_other(c, w.options));
                write_atom(w, c.atom);
                if (c.text) {
                    w.require(!c.text->empty() && detail::all_of(detail::cc_text_nobr, *c.text));
                    w.sp();
                    w.raw(*c.text);
                }
            } else if constexpr (std::is_same_v<T, ast::code_capability>) {
                write_capabilities(w, c.capabilities); // the keyword included
            } else {
                w.raw(ast::traits<T>::info.keyword);
                write_code_arguments(w, c);
            }
        },
        code);
}

/// RFC 9051's [text]: empty, or TEXT-CHARs and well-formed UTF-8 sequences.
inline bool text_ok_rev2(std::string_view t) noexcept {
    return quotable(t, true);
}

/// resp-text: ["[" resp-text-code "]" SP] text
inline void write_resp_text(writer& w, const ast::resp_text& t) {
    if (!t.code)
        w.require(!reads_as_code(t.text, w.options));
    if (t.code) {
        w.put('[');
        write_resp_text_code(w, *t.code);
        w.raw("] ");
    }
    // IMAP4rev2 (RFC 9051 §9): the text may be empty and hold UTF-8
    const bool rev2 = w.options.extensions.contains(extension::imap4rev2);
    w.require(rev2 ? text_ok_rev2(t.text)
                   : !t.text.empty() && detail::all_of(detail::cc_text, t.text));
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
        selectability += ast::is_mbx_list_sflag(t, w.options.extensions);
        write_flag(w, item);
    });
    w.require(selectability <= 1);
    w.raw(") ");
    write_delimiter(w, l.delimiter);
    w.sp();
    write_mailbox(w, l.mailbox);
    if (l.extended)
        write_mbox_list_extended(w, *l.extended); // ext/list_extended/serializer.hpp
}

inline void write_msg_att_item(writer& w, const ast::msg_att_item& item) {
    std::visit(
        [&](const auto& a) {
            using T = std::decay_t<decltype(a)>;
            w.require_extension(ast::traits<T>::info.ext);
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
                w.wide_number(a.size);
            } else if constexpr (std::is_same_v<T, ast::msg_att_body>) {
                w.raw(a.structure ? "BODYSTRUCTURE " : "BODY ");
                write_body(w, a.body);
            } else if constexpr (std::is_same_v<T, ast::msg_att_body_section>) {
                w.raw(ast::traits<T>::info.keyword);
                write_section(w, a.section);
                write_origin(w, a.origin);
                w.sp();
                write_nstring(w, a.data);
            } else if constexpr (std::is_same_v<T, ast::msg_att_uid>) {
                w.raw(ast::traits<T>::info.keyword);
                w.sp();
                w.nz_number(a.uid);
            } else if constexpr (std::is_same_v<T, ast::msg_att_modseq>) {
                write_msg_att(w, a);
            } else if constexpr (std::is_same_v<T, ast::msg_att_savedate> ||
                                 std::is_same_v<T, ast::msg_att_binary> ||
                                 std::is_same_v<T, ast::msg_att_binary_size> ||
                                 std::is_same_v<T, ast::msg_att_emailid> ||
                                 std::is_same_v<T, ast::msg_att_threadid>) {
                w.raw(ast::traits<T>::info.keyword);
                write_msg_att_arguments(w, a); // ext/savedate, ext/binary
            } else {
                static_assert(ast::unhandled<T>, "an alternative is not handled");
            }
        },
        item);
}

/// SP "(" msg-att-item *(SP msg-att-item) ")": the items of FETCH and UIDFETCH data
inline void write_msg_att_list(writer& w, const ast::vector<ast::msg_att_item>& items) {
    w.raw(" (");
    w.require(!items.empty());
    write_separated(w, items, [&](const auto& item) { write_msg_att_item(w, item); });
    w.put(')');
}

inline void write_response_data_body(writer& w, const ast::response_data& d) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            w.require_extension(ast::traits<T>::info.ext);
            if constexpr (std::is_same_v<T, ast::resp_cond>) {
                write_resp_cond(w, x,
                                {ast::condition::ok, ast::condition::no, ast::condition::bad,
                                 ast::condition::bye});
            } else if constexpr (std::is_same_v<T, ast::capability_data>) {
                write_capabilities(w, x.capabilities);
            } else if constexpr (std::is_same_v<T, ast::flags_data>) {
                write_keyword_sp<T>(w);
                write_flag_list(w, x.flags);
            } else if constexpr (std::is_same_v<T, ast::list_data>) {
                write_keyword_sp<T>(w);
                write_mailbox_list(w, x.list);
            } else if constexpr (std::is_same_v<T, ast::lsub_data>) {
                write_keyword_sp<T>(w);
                write_mailbox_list(w, x.list);
            } else if constexpr (std::is_same_v<T, ast::search_data>) {
                w.raw(ast::traits<T>::info.keyword);
                for (auto n : x.numbers) {
                    w.sp();
                    w.nz_number(n);
                }
                if (x.modseq) { // RFC 7162: SP "(" "MODSEQ" SP mod-sequence-value ")"
                    w.require_extension(extension::condstore);
                    w.require(!x.numbers.empty());
                    w.raw(" (MODSEQ ");
                    write_mod_sequence(w, *x.modseq);
                    w.put(')');
                }
            } else if constexpr (std::is_same_v<T, ast::status_data>) {
                write_keyword_sp<T>(w);
                write_mailbox(w, x.mailbox);
                w.raw(" (");
                write_separated(w, x.items, [&](const auto& item) {
                    w.require_extension(ast::extension_of(item.att));
                    write_keyword(w, keyword(item.att));
                    w.sp();
                    // only MAILBOXID has an objectid, and no number (OBJECTID, RFC 8474 §4.3)
                    w.require((item.att == ast::status_att::mailboxid) == !item.objectid.empty());
                    // only APPENDLIMIT may be NIL (APPENDLIMIT, RFC 7889 §4)
                    w.require(!item.nil || item.att == ast::status_att::appendlimit);
                    if (item.nil) {
                        w.require(item.value == 0);
                        w.raw("NIL");
                    } else if (item.att == ast::status_att::mailboxid) {
                        w.require(item.value == 0);
                        write_objectid_group(w, item.objectid); // ext/objectid/serializer.hpp
                    } else if (item.att == ast::status_att::highestmodseq) {
                        write_mod_sequence<true>(w, item.value); // mod-sequence-valzer
                    } else if (item.att == ast::status_att::size) {
                        w.require(item.value <= ast::max_number64);
                        w.number(item.value);
                    } else {
                        w.require(item.value <= 0xffffffffu); // number
                        w.number(item.value);
                    }
                });
                w.put(')');
            } else if constexpr (std::is_same_v<T, ast::exists_data>) {
                w.number(x.count);
                write_sp_keyword<T>(w);
            } else if constexpr (std::is_same_v<T, ast::recent_data>) {
                w.number(x.count);
                write_sp_keyword<T>(w);
            } else if constexpr (std::is_same_v<T, ast::expunge_data>) {
                w.nz_number(x.number);
                write_sp_keyword<T>(w);
            } else if constexpr (std::is_same_v<T, ast::fetch_data>) {
                w.nz_number(x.number);
                write_sp_keyword<T>(w);
                write_msg_att_list(w, x.items);
            } else if constexpr (std::is_same_v<T, ast::enabled_data>) {
                write_enabled_data(w, x);
            } else if constexpr (std::is_same_v<T, ast::id_data>) {
                write_id_data(w, x); // ext/id/serializer.hpp
            } else if constexpr (std::is_same_v<T, ast::namespace_data>) {
                write_namespace_data(w, x); // ext/namespace/serializer.hpp
            } else if constexpr (std::is_same_v<T, ast::vanished_data>) {
                write_vanished_data(w, x); // ext/qresync/serializer.hpp
            } else if constexpr (std::is_same_v<T, ast::esearch_data>) {
                write_esearch_data(w, x); // ext/esearch/serializer.hpp
            } else if constexpr (std::is_same_v<T, ast::uidfetch_data>) {
                // uniqueid SP "UIDFETCH" SP msg-att (UIDONLY, RFC 9586)
                w.nz_number(x.uid);
                write_sp_keyword<T>(w);
                write_msg_att_list(w, x.items);
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
