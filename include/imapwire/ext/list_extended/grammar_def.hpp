// imapwire grammar, LIST-EXTENDED (RFC 5258 §6): rule definitions. Included by the command
// grammar (LIST's options and patterns) and the response grammar (mailbox-list's extended data).
// SPECIAL-USE's option and LIST-STATUS's are alternatives of the option dispatch here.
#pragma once

#include <imapwire/ext/list_extended/grammar.hpp>
#include <imapwire/ext/list_status/grammar_def.hpp>
#include <imapwire/ext/special_use/grammar_def.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 5258 §6
// tagged-ext-comp =  astring /
//             tagged-ext-comp *(SP tagged-ext-comp) /
//             "(" tagged-ext-comp ")"
// (items separated by SP, each an astring or a parenthesised comp: ext_comp_item_; recursive,
// bounded by parse_options::max_depth)
inline const auto ext_comp_item__def =
    depth_guard[astring[set<&ast::ext_comp_item::v>] |
                ('(' > tagged_ext_comp[set<&ast::ext_comp_item::v>] > ')')];
inline const auto tagged_ext_comp_def = ext_comp_item_[push_val] % SP_;
// tagged-ext-simple =  sequence-set / number
// tagged-ext-val =  tagged-ext-simple /
//             "(" [tagged-ext-comp] ")"
// (a number that is a sequence-set, any nz-number, is read as one)
inline const auto tagged_ext_val_def =
    sequence_set[assign] | number[assign] |
    (x3::lit('(')[assign_type<ast::vector<ast::ext_comp_item>>] > -tagged_ext_comp[([](auto& ctx) {
         x3::_val(ctx) = std::move(x3::_attr(ctx)); // "()" keeps the empty comp
     })] > ')');
// option-val-comp =  astring /
//             option-val-comp *(SP option-val-comp) /
//             "(" option-val-comp ")"
inline const auto option_val_comp_def = tagged_ext_comp;
// option-extension =  (option-standard-tag / option-vendor-tag)
//             [SP option-value]
// option-standard-tag =  atom
// option-vendor-tag =  vendor-token "-" atom
// option-value =  "(" option-val-comp ")"
// (both tags are atoms)
inline const auto option_extension_def = atom[set<&ast::list_opt_extension::name>] >>
                                         -((SP_ >> '(') >
                                           option_val_comp[set<&ast::list_opt_extension::value>] >
                                           ')');

/// The parsers of LIST's options, by alternative: the keyword options are their keyword alone.
struct list_option_parsers {
    template <class T>
    static constexpr auto get() {
        if constexpr (std::is_same_v<T, ast::list_opt_subscribed> ||
                      std::is_same_v<T, ast::list_opt_remote> ||
                      std::is_same_v<T, ast::list_opt_recursivematch> ||
                      std::is_same_v<T, ast::list_opt_children> ||
                      std::is_same_v<T, ast::list_opt_special_use>)
            return x3::omit[kw(ast::traits<T>::info.keyword)];
        else if constexpr (std::is_same_v<T, ast::list_opt_status>)
            return status_option;
        else if constexpr (std::is_same_v<T, ast::list_opt_extension>)
            return option_extension;
        else
            static_assert(ast::unhandled<T>, "a LIST option has no parser");
    }
};
/// Any other atom is an option-extension, and so is an option's keyword whose own form does
/// not follow (`STATUS` alone).
struct option_extension_fallback {
    using type = ast::list_opt_extension;
    static constexpr bool after_mismatch = true;
    static constexpr bool applies(std::string_view) noexcept { return true; }
};

// list-select-opt =  list-select-base-opt / list-select-independent-opt
//             / list-select-mod-opt
// list-select-base-opt =  "SUBSCRIBED" / option-extension
// list-select-independent-opt =  "REMOTE" / option-extension
// list-select-mod-opt =  "RECURSIVEMATCH" / option-extension
inline const auto list_select_opt_def =
    keyword_dispatch_parser<ast::list_select_option, list_option_parsers, 0,
                            option_extension_fallback>{};
/// RECURSIVEMATCH needs a list-select-base-opt: SUBSCRIBED or an option-extension.
inline const auto recursivematch_has_base = [](auto& ctx) {
    bool mod = false;
    bool base = false;
    for (const auto& o : x3::_val(ctx)) {
        mod = mod || std::holds_alternative<ast::list_opt_recursivematch>(o);
        base = base || std::holds_alternative<ast::list_opt_subscribed>(o) ||
               std::holds_alternative<ast::list_opt_extension>(o);
    }
    if (mod && !base) {
        fail_with(state(ctx), x3::_where(ctx).begin(), error::syntax, "list-select-opts",
                  "a list-select-base-opt (SUBSCRIBED) with RECURSIVEMATCH");
        x3::_pass(ctx) = false;
    }
};
// list-select-opts =  "(" [
//               (*(list-select-opt SP) list-select-base-opt
//                *(SP list-select-opt))
//             / (list-select-independent-opt
//                *(SP list-select-independent-opt))
//             ] ")"
// (any options in any order; a list-select-mod-opt only with a list-select-base-opt: checked
// once the list is read)
inline const auto list_select_opts_def = '(' > -(list_select_opt[push_val] % SP_) >
                                         ')' > x3::eps[recursivematch_has_base];
// return-option =  "SUBSCRIBED" / "CHILDREN" / option-extension
inline const auto return_option_def =
    keyword_dispatch_parser<ast::list_return_option, list_option_parsers, 0,
                            option_extension_fallback>{};
// list-return-opts =  "RETURN" SP
//             "(" [return-option *(SP return-option)] ")"
inline const auto list_return_opts_def = kw("RETURN") > SP_ > '(' >
                                         -(return_option[push_val] % SP_) > ')';
// patterns =  "(" list-mailbox *(SP list-mailbox) ")"
inline const auto patterns_def = '(' > (list_mailbox[push_val] % SP_) > ')';

// mbox-list-extended-item =  mbox-list-extended-item-tag SP
//             tagged-ext-val
// mbox-list-extended-item-tag =  astring
inline const auto mbox_list_extended_item_def =
    astring[set<&ast::mbox_list_extended_item::tag>] > SP_ >
    tagged_ext_val[set<&ast::mbox_list_extended_item::value>];
// mbox-list-extended =  "(" [mbox-list-extended-item
//             *(SP mbox-list-extended-item)] ")"
inline const auto mbox_list_extended_def = '(' > -(mbox_list_extended_item[push_val] % SP_) > ')';

IMAPWIRE_DEFINE(tagged_ext_comp, ext_comp_item_, tagged_ext_val, option_val_comp, option_extension,
                list_select_opt, list_select_opts, return_option, list_return_opts, patterns,
                mbox_list_extended_item, mbox_list_extended)

} // namespace imapwire::grammar
