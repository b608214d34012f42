// imapwire AST, LIST-EXTENDED (RFC 5258): LIST's selection options, several patterns and return
// options, and the extended data items of a LIST response. The options SPECIAL-USE (RFC 6154)
// and STATUS (RFC 5819) are their extensions' alternatives of the same variants.
#pragma once

#include <imapwire/ast/allocator.hpp>
#include <imapwire/ast/core.hpp>
#include <imapwire/ast/sequence.hpp>
#include <imapwire/ext/list_status/ast.hpp>
#include <imapwire/ext/special_use/ast.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>

namespace imapwire::ast {

/// One item of RFC 5258's `tagged-ext-comp = astring / tagged-ext-comp *(SP tagged-ext-comp) /
/// "(" tagged-ext-comp ")"` (and of `option-val-comp`, the same shape): an astring, or a
/// parenthesised group of items. A comp is a vector of them, separated by SP. (Nesting is
/// bounded by parse_options::max_depth.)
struct ext_comp_item {
    std::variant<astring, vector<ext_comp_item>> v{}; ///< a group has at least one item
    friend bool operator==(const ext_comp_item&, const ext_comp_item&) = default;
};

/// RFC 5258 §6 `tagged-ext-val = tagged-ext-simple / "(" [tagged-ext-comp] ")"`,
/// `tagged-ext-simple = sequence-set / number`. A number is read as a sequence-set where it is
/// one (any nz-number): the number alternative holds what is not, 0 and numbers with leading
/// zeros (`02`, written back with one leading zero).
using tagged_ext_val = std::variant<sequence_set, std::uint32_t, vector<ext_comp_item>>;

/// RFC 5258 §6 `mbox-list-extended-item = mbox-list-extended-item-tag SP tagged-ext-val`, the
/// tag an astring (`eitem-standard-tag` or `eitem-vendor-tag`): CHILDINFO's value is a group of
/// quoted selection options, `("CHILDINFO" ("SUBSCRIBED"))`; OLDNAME's a mailbox.
struct mbox_list_extended_item {
    astring tag{};
    tagged_ext_val value{};
    friend bool operator==(const mbox_list_extended_item&,
                           const mbox_list_extended_item&) = default;
};

/// `"SUBSCRIBED"`: a selection option (list only subscribed mailboxes) and a return option
/// (return \Subscribed).
struct list_opt_subscribed {
    friend bool operator==(const list_opt_subscribed&, const list_opt_subscribed&) = default;
};
/// `"REMOTE"` (list-select-independent-opt): list remote mailboxes too.
struct list_opt_remote {
    friend bool operator==(const list_opt_remote&, const list_opt_remote&) = default;
};
/// `"RECURSIVEMATCH"` (list-select-mod-opt): only with a list-select-base-opt.
struct list_opt_recursivematch {
    friend bool operator==(const list_opt_recursivematch&,
                           const list_opt_recursivematch&) = default;
};
/// `"CHILDREN"` (return-option): return \HasChildren / \HasNoChildren.
struct list_opt_children {
    friend bool operator==(const list_opt_children&, const list_opt_children&) = default;
};
/// RFC 5258 §6 `option-extension = (option-standard-tag / option-vendor-tag) [SP
/// option-value]`, `option-value = "(" option-val-comp ")"`: every other option (the tags are
/// atoms). An option the extension set names by its keyword is that option, not this one.
struct list_opt_extension {
    std::string_view name{};
    std::optional<vector<ext_comp_item>> value{}; ///< option-val-comp, at least one item
    friend bool operator==(const list_opt_extension&, const list_opt_extension&) = default;
};

/// RFC 5258 §6 `list-select-opt = list-select-base-opt / list-select-independent-opt /
/// list-select-mod-opt`.
using list_select_option = std::variant<list_opt_subscribed, list_opt_remote,
                                        list_opt_recursivematch, list_opt_special_use,
                                        // option-extension
                                        list_opt_extension>;

/// RFC 5258 §6 `return-option = "SUBSCRIBED" / "CHILDREN" / option-extension`, RFC 6154
/// `=/ "SPECIAL-USE"`, RFC 5819 `=/ status-option`.
using list_return_option =
    std::variant<list_opt_subscribed, list_opt_children, list_opt_special_use, list_opt_status,
                 // option-extension
                 list_opt_extension>;

} // namespace imapwire::ast
