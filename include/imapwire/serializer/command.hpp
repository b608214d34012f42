// imapwire serializer: client commands (RFC 3501 §6, §9 command).
#pragma once

#include <imapwire/ast/command.hpp>
#include <imapwire/ast/traits.hpp>
#include <imapwire/serializer/core.hpp>
// extensions that add commands (one line each; ext/registry.hpp)
#include <imapwire/ext/compress/serializer.hpp>
#include <imapwire/ext/enable/serializer.hpp>
#include <imapwire/ext/esearch/serializer.hpp>
#include <imapwire/ext/id/serializer.hpp>
#include <imapwire/ext/idle/serializer.hpp>
#include <imapwire/ext/move/serializer.hpp>
#include <imapwire/ext/namespace/serializer.hpp>
#include <imapwire/ext/objectid/serializer.hpp>
#include <imapwire/ext/qresync/serializer.hpp>
#include <imapwire/ext/uidplus/serializer.hpp>
#include <imapwire/ext/unselect/serializer.hpp>
// extensions that add modifiers, parameters and options (RFC 4466, RFC 5258)
#include <imapwire/ext/condstore/serializer.hpp>
#include <imapwire/ext/list_extended/serializer.hpp>
#include <imapwire/ext/special_use/serializer.hpp>

#include <type_traits>
#include <variant>

namespace imapwire::serializer {

inline void write_fetch_att(writer& w, const ast::fetch_att& a) {
    w.require_extension(ast::extension_of(a.kind));
    const std::string_view word = ast::keyword(a.kind);
    w.require(!word.empty());
    w.raw(word);
    if (!ast::has_section(a.kind)) { // nothing to write section and range with: refuse, not drop
        w.require(a.section == ast::section{} && !a.partial);
        return;
    }
    w.require(ast::has_partial(a.kind) || !a.partial);
    if (ast::has_section_binary(a.kind)) {
        // section-binary = "[" [section-part] "]" (RFC 3516 §7)
        w.require(!a.section.text);
        write_section_binary(w, a.section.part);
    } else {
        write_section(w, a.section);
    }
    if (a.partial) {
        w.put('<');
        w.wide_number(a.partial->offset);
        w.put('.');
        w.require(a.partial->length != 0);
        w.wide_number(a.partial->length);
        w.put('>');
    }
}

// The keywords of search keys, STATUS items and FETCH macros: ast::keyword() (ast/traits.hpp).
using ast::keyword;

inline void write_search_key(writer& w, const ast::search_key& key, std::size_t depth = 0);

inline void write_search_keys(writer& w, const ast::vector<ast::search_key>& keys,
                              std::size_t depth) {
    w.require(!keys.empty());
    write_separated(w, keys, [&](const auto& item) { write_search_key(w, item, depth); });
}

inline void write_search_key(writer& w, const ast::search_key& key, std::size_t depth) {
    std::visit(
        [&](const auto& k) {
            using T = std::decay_t<decltype(k)>;
            if constexpr (std::is_same_v<T, ast::search_simple>) {
                w.require_extension(ast::extension_of(k.which));
                write_keyword(w, keyword(k.which));
            } else if constexpr (std::is_same_v<T, ast::search_string>) {
                write_keyword(w, keyword(k.which));
                w.sp();
                write_astring(w, k.value);
            } else if constexpr (std::is_same_v<T, ast::search_date>) {
                w.require_extension(ast::extension_of(k.which));
                write_keyword(w, keyword(k.which));
                w.sp();
                write_date(w, k.date);
            } else if constexpr (std::is_same_v<T, ast::search_keyword>) {
                write_keyword(w, keyword(k.which));
                w.sp();
                write_atom(w, k.keyword);
            } else if constexpr (std::is_same_v<T, ast::search_size>) {
                write_keyword(w, keyword(k.which));
                w.sp();
                w.wide_number(k.octets);
            } else if constexpr (std::is_same_v<T, ast::search_header>) {
                w.raw("HEADER ");
                write_astring(w, k.field);
                w.sp();
                write_astring(w, k.value);
            } else if constexpr (std::is_same_v<T, ast::search_uid>) {
                w.raw("UID ");
                write_sequence_set(w, k.set);
            } else if constexpr (std::is_same_v<T, ast::search_modseq>) {
                w.require_extension(extension::condstore);
                write_search_key_modseq(w, k); // ext/condstore/serializer.hpp
            } else if constexpr (std::is_same_v<T, ast::search_objectid>) {
                write_search_key_objectid(w, k); // ext/objectid/serializer.hpp
            } else if constexpr (std::is_same_v<T, ast::search_set>) {
                write_sequence_set(w, k.set);
            } else if constexpr (std::is_same_v<T, ast::search_not>) {
                w.raw("NOT ");
                write_search_key(w, *k.key, depth + 1);
            } else if constexpr (std::is_same_v<T, ast::search_or>) {
                w.raw("OR ");
                write_search_key(w, *k.left, depth + 1);
                w.sp();
                write_search_key(w, *k.right, depth + 1);
            } else {
                static_assert(std::is_same_v<T, ast::search_group>);
                w.put('(');
                write_search_keys(w, k.keys, depth + 1);
                w.put(')');
            }
        },
        key.v);
}

inline void write_store_att_flags(writer& w, const ast::store_att_flags& s) {
    using op = ast::store_att_flags::operation;
    if (s.op == op::add)
        w.put('+');
    else if (s.op == op::remove)
        w.put('-');
    w.raw(s.silent ? "FLAGS.SILENT " : "FLAGS ");
    if (s.parenthesized) {
        write_flag_list(w, s.flags);
        return;
    }
    w.require(!s.flags.empty()); // flag *(SP flag) needs one flag
    write_separated(w, s.flags, [&](const auto& item) { write_flag(w, item); });
}

// --- commands: each command's arguments, everything after its keyword (ast::traits), by one
// overload per command and no generic one, so a command without its overload does not compile.

inline void write_arguments(writer&, const ast::capability_command&) {}
inline void write_arguments(writer&, const ast::logout_command&) {}
inline void write_arguments(writer&, const ast::noop_command&) {}
inline void write_arguments(writer&, const ast::starttls_command&) {}
inline void write_arguments(writer&, const ast::check_command&) {}
inline void write_arguments(writer&, const ast::close_command&) {}
inline void write_arguments(writer&, const ast::expunge_command&) {}

inline void write_arguments(writer& w, const ast::x_command& c) {
    // "X" atom <experimental command arguments>: the atom is written as the keyword
    if (c.has_arguments) {
        w.sp();
        w.raw(c.arguments);
    } else {
        w.require(c.arguments.empty());
    }
}
/// [SP flag-list] [SP date-time] SP literal: one message of APPEND (RFC 3502 append-message)
inline void write_append_message(writer& w, const std::optional<ast::flag_list>& flags,
                                 const std::optional<ast::date_time>& internal_date,
                                 const ast::string& message) {
    if (flags) {
        w.sp();
        write_flag_list(w, *flags);
    }
    if (internal_date) {
        w.sp();
        write_date_time(w, *internal_date);
    }
    w.sp();
    write_string_or_literal8(w, message, false); // literal / literal8 (RFC 3516)
}
inline void write_arguments(writer& w, const ast::append_command& c) {
    w.sp();
    write_mailbox(w, c.mailbox);
    write_append_message(w, c.flags, c.internal_date, c.message);
    if (!c.more.empty()) // MULTIAPPEND (RFC 3502): 1*append-message
        w.require_extension(extension::multiappend);
    for (const ast::append_message& m : c.more)
        write_append_message(w, m.flags, m.internal_date, m.message);
}
inline void write_mailbox_argument(writer& w, const ast::mailbox& m) {
    w.sp();
    write_mailbox(w, m);
}

inline void write_arguments(writer& w, const ast::delete_command& c) {
    write_mailbox_argument(w, c.mailbox);
}
/// RFC 4466's lists of modifiers and parameters: SP "(" item *(SP item) ")", nothing when
/// empty; each item is its traits keyword and what write_modifier (ext/NAME/serializer.hpp)
/// writes after it.
template <class Variant>
void write_modifier_list(writer& w, const ast::vector<Variant>& items) {
    if (items.empty())
        return;
    w.raw(" (");
    write_separated(w, items, [&](const Variant& item) {
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                w.require_extension(ast::traits<T>::info.ext);
                w.raw(ast::traits<T>::info.keyword);
                write_modifier(w, x);
            },
            item);
    });
    w.put(')');
}
inline void write_arguments(writer& w, const ast::create_command& c) {
    write_mailbox_argument(w, c.mailbox);
    write_modifier_list(w, c.params);
}
inline void write_arguments(writer& w, const ast::examine_command& c) {
    write_mailbox_argument(w, c.mailbox);
    write_modifier_list(w, c.params);
}
inline void write_arguments(writer& w, const ast::select_command& c) {
    write_mailbox_argument(w, c.mailbox);
    write_modifier_list(w, c.params);
}
inline void write_arguments(writer& w, const ast::subscribe_command& c) {
    write_mailbox_argument(w, c.mailbox);
}
inline void write_arguments(writer& w, const ast::unsubscribe_command& c) {
    write_mailbox_argument(w, c.mailbox);
}
inline void write_list_arguments(writer& w, const ast::mailbox& reference,
                                 const ast::list_mailbox& pattern) {
    write_mailbox_argument(w, reference);
    w.sp();
    write_string(w, pattern, detail::cc_list);
}
inline void write_arguments(writer& w, const ast::list_command& c) {
    write_list_extended(w, c); // ext/list_extended/serializer.hpp: RFC 3501's form included
}
inline void write_arguments(writer& w, const ast::lsub_command& c) {
    write_list_arguments(w, c.reference, c.pattern);
}
inline void write_arguments(writer& w, const ast::rename_command& c) {
    write_mailbox_argument(w, c.from);
    write_mailbox_argument(w, c.to);
}
inline void write_arguments(writer& w, const ast::status_command& c) {
    write_mailbox_argument(w, c.mailbox);
    w.raw(" (");
    w.require(!c.items.empty());
    write_separated(w, c.items, [&](const auto& item) {
        w.require_extension(ast::extension_of(item));
        write_keyword(w, keyword(item));
    });
    w.put(')');
}
inline void write_arguments(writer& w, const ast::login_command& c) {
    w.sp();
    write_astring(w, c.userid);
    w.sp();
    write_astring(w, c.password);
}
/// base64 = *(4base64-char) [base64-terminal]
inline bool valid_base64(std::string_view b) noexcept {
    if (b.size() % 4 != 0)
        return false;
    std::size_t pad = 0;
    while (pad < 2 && pad < b.size() && b[b.size() - 1 - pad] == '=')
        ++pad;
    return detail::all_of(detail::cc_base64, b.substr(0, b.size() - pad));
}
inline void write_arguments(writer& w, const ast::authenticate_command& c) {
    w.sp();
    write_atom(w, c.mechanism);
    if (c.initial_response) { // SASL-IR (RFC 4959): SP (base64 / "=")
        w.require_extension(extension::sasl_ir);
        const std::string_view r = *c.initial_response;
        w.require(r == "=" || (!r.empty() && valid_base64(r)));
        w.sp();
        w.raw(r);
    }
}
inline void write_arguments(writer& w, const ast::copy_command& c) {
    w.sp();
    write_sequence_set(w, c.set);
    write_mailbox_argument(w, c.mailbox);
}
inline void write_fetch_items(writer& w, const ast::fetch_macro& m) {
    write_keyword(w, keyword(m));
}
inline void write_fetch_items(writer& w, const ast::fetch_att& a) {
    write_fetch_att(w, a);
}
inline void write_fetch_items(writer& w, const ast::vector<ast::fetch_att>& items) {
    w.require(!items.empty());
    w.put('(');
    write_separated(w, items, [&](const auto& item) { write_fetch_att(w, item); });
    w.put(')');
}
inline void write_arguments(writer& w, const ast::fetch_command& c) {
    w.sp();
    write_sequence_set(w, c.set);
    w.sp();
    std::visit([&](const auto& items) { write_fetch_items(w, items); }, c.items);
    write_modifier_list(w, c.modifiers);
}
inline void write_arguments(writer& w, const ast::store_command& c) {
    w.sp();
    write_sequence_set(w, c.set);
    write_modifier_list(w, c.modifiers);
    w.sp();
    write_store_att_flags(w, c.action);
}
inline void write_arguments(writer& w, const ast::search_command& c) {
    if (c.return_options) { // ESEARCH (RFC 4731), SEARCHRES (RFC 5182), PARTIAL (RFC 9394)
        const extension_set& e = w.options.extensions;
        w.require(e.contains(extension::esearch) || e.contains(extension::searchres) ||
                  e.contains(extension::partial));
        write_search_return_opts(w, *c.return_options);
    }
    w.sp();
    if (c.charset) {
        w.raw("CHARSET ");
        write_astring(w, *c.charset);
        w.sp();
    }
    write_search_keys(w, c.keys, 0);
}

/// A command's keyword (its traits' spelling; an x-command's own atom) and its arguments.
template <class T>
void write_command_of(writer& w, const T& c) {
    w.require_extension(ast::traits<T>::info.ext);
    if constexpr (std::is_same_v<T, ast::x_command>) {
        w.require(c.name.size() >= 2 && (c.name[0] == 'X' || c.name[0] == 'x'));
        write_atom(w, c.name);
    } else {
        w.raw(ast::traits<T>::info.keyword);
    }
    write_arguments(w, c);
}

inline void write_arguments(writer& w, const ast::uid_command& c) {
    // "UID" SP (copy / fetch / search / store / move / expunge)
    w.sp();
    const bool saved = w.in_uid;
    w.in_uid = true;
    std::visit([&](const auto& inner) { write_command_of(w, inner); }, c.command);
    w.in_uid = saved;
}

inline void write_command_body(writer& w, const ast::command_body& body) {
    std::visit([&](const auto& c) { write_command_of(w, c); }, body);
}

inline void write_command(writer& w, const ast::command& c) {
    w.require(!c.tag.empty() && detail::all_of(detail::cc_tag, c.tag));
    w.raw(c.tag);
    w.sp();
    write_command_body(w, c.body);
    w.raw("\r\n");
}

/// base64 CRLF / "*" CRLF
inline void write_authenticate_data(writer& w, const ast::authenticate_data& d) {
    if (d.cancel) {
        w.require(d.base64.empty());
        w.put('*');
    } else {
        w.require(valid_base64(d.base64));
        w.raw(d.base64);
    }
    w.raw("\r\n");
}

} // namespace imapwire::serializer
