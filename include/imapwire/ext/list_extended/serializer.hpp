// imapwire serializer, LIST-EXTENDED (RFC 5258), with SPECIAL-USE's and LIST-STATUS's options:
// LIST's options and patterns, and a LIST response's extended data items.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/list_extended/ast.hpp>
#include <imapwire/serializer/core.hpp>

#include <type_traits>
#include <variant>

namespace imapwire::serializer {

/// tagged-ext-comp / option-val-comp: items separated by SP, a group "(" items ")".
inline void write_ext_comp(writer& w, const ast::vector<ast::ext_comp_item>& comp) {
    write_separated(w, comp, [&](const ast::ext_comp_item& item) {
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, ast::astring>) {
                    write_astring(w, x);
                } else {
                    static_assert(std::is_same_v<T, ast::vector<ast::ext_comp_item>>);
                    w.require(!x.empty());
                    w.put('(');
                    write_ext_comp(w, x);
                    w.put(')');
                }
            },
            item.v);
    });
}

/// tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")". The number alternative holds
/// what was read as a number and not as a sequence-set: 0, or a number with leading zeros
/// (`02`); it is written with one leading zero, so that it reads back as the number again.
inline void write_tagged_ext_val(writer& w, const ast::tagged_ext_val& v) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::sequence_set>) {
                write_sequence_set(w, x);
            } else if constexpr (std::is_same_v<T, std::uint32_t>) {
                if (x != 0)
                    w.put('0'); // 2 would read back as the sequence-set 2
                w.number(x);
            } else {
                static_assert(std::is_same_v<T, ast::vector<ast::ext_comp_item>>);
                w.put('(');
                write_ext_comp(w, x);
                w.put(')');
            }
        },
        v);
}

/// Whether an option-extension named STATUS with this value would read back as LIST-STATUS's
/// status-option: a value of atoms alone, each a status-att the reader knows.
inline bool reads_as_status_option(const writer& w,
                                   const std::optional<ast::vector<ast::ext_comp_item>>& value) {
    if (!value || value->empty())
        return false;
    for (const ast::ext_comp_item& item : *value) {
        const auto* s = std::get_if<ast::astring>(&item.v);
        if (s == nullptr || s->form != ast::string_form::atom)
            return false;
        bool known = false;
        for (const auto& [att, word] : ast::keywords<ast::status_att>::table)
            known = known || (detail::iequals(s->data, word) &&
                              w.options.extensions.contains(ast::extension_of(att)));
        if (!known)
            return false;
    }
    return true;
}

/// One selection or return option: its keyword, STATUS's items, or an option-extension (an
/// atom that is no keyword of the options the reader knows, and its value).
template <class Variant>
void write_list_option(writer& w, const Variant& option) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            w.require_extension(ast::traits<T>::info.ext);
            if constexpr (std::is_same_v<T, ast::list_opt_extension>) {
                write_atom(w, x.name);
                // a name the reader takes for one of its options reads back as that one, or
                // not at all: refused, unless that option's own form does not follow (STATUS
                // without a list of status-atts is an option-extension again)
                ast::for_each_alternative<Variant>([&]<class O>() {
                    if constexpr (!std::is_same_v<O, ast::list_opt_extension>) {
                        if (!w.options.extensions.contains(ast::traits<O>::info.ext) ||
                            !detail::iequals(x.name, ast::traits<O>::info.keyword))
                            return;
                        if constexpr (std::is_same_v<O, ast::list_opt_status>)
                            w.require(!reads_as_status_option(w, x.value));
                        else
                            w.fail();
                    }
                });
                if (x.value) {
                    w.require(!x.value->empty());
                    w.raw(" (");
                    write_ext_comp(w, *x.value);
                    w.put(')');
                }
            } else if constexpr (std::is_same_v<T, ast::list_opt_status>) {
                // status-option = "STATUS" SP "(" status-att *(SP status-att) ")"
                w.raw("STATUS (");
                w.require(!x.items.empty());
                write_separated(w, x.items, [&](ast::status_att a) {
                    w.require_extension(ast::extension_of(a));
                    write_keyword(w, ast::keyword(a));
                });
                w.put(')');
            } else {
                w.raw(ast::traits<T>::info.keyword);
            }
        },
        option);
}

template <class Variant>
void write_list_options(writer& w, const ast::vector<Variant>& options) {
    w.put('(');
    write_separated(w, options, [&](const Variant& o) { write_list_option(w, o); });
    w.put(')');
}

/// The LIST command's arguments with RFC 5258's parts: [SP list-select-opts] SP mailbox SP
/// mbox-or-pat [SP list-return-opts].
inline void write_list_extended(writer& w, const ast::list_command& c) {
    if (c.select_options) {
        w.require_extension(extension::list_extended);
        // a list-select-mod-opt needs a list-select-base-opt
        bool mod = false;
        bool base = false;
        for (const auto& o : *c.select_options) {
            mod = mod || std::holds_alternative<ast::list_opt_recursivematch>(o);
            base = base || std::holds_alternative<ast::list_opt_subscribed>(o) ||
                   std::holds_alternative<ast::list_opt_extension>(o);
        }
        w.require(!mod || base);
        w.sp();
        write_list_options(w, *c.select_options);
    }
    w.sp();
    write_mailbox(w, c.reference);
    w.sp();
    if (c.patterns.empty()) {
        write_string(w, c.pattern, detail::cc_list);
    } else {
        // patterns = "(" list-mailbox *(SP list-mailbox) ")"; `pattern` is then unused
        w.require_extension(extension::list_extended);
        w.require(c.pattern.data.empty());
        w.put('(');
        write_separated(w, c.patterns,
                        [&](const ast::list_mailbox& p) { write_string(w, p, detail::cc_list); });
        w.put(')');
    }
    if (c.return_options) {
        w.require_extension(extension::list_extended);
        w.raw(" RETURN ");
        write_list_options(w, *c.return_options);
    }
}

/// SP mbox-list-extended, after a mailbox-list's mailbox.
inline void write_mbox_list_extended(writer& w,
                                     const ast::vector<ast::mbox_list_extended_item>& items) {
    w.require_extension(extension::list_extended);
    w.raw(" (");
    write_separated(w, items, [&](const ast::mbox_list_extended_item& item) {
        write_astring(w, item.tag);
        w.sp();
        write_tagged_ext_val(w, item.value);
    });
    w.put(')');
}

} // namespace imapwire::serializer
