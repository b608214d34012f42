// imapwire AST, SPECIAL-USE and CREATE-SPECIAL-USE (RFC 6154): the SPECIAL-USE LIST selection
// and return option, CREATE's USE parameter and the USEATTR code. The use-attrs in a LIST
// response (\All, \Archive, \Drafts, \Flagged, \Junk, \Sent, \Trash) are mailbox attributes,
// flag-extensions of RFC 3501: mailbox_list::flags.
#pragma once

#include <imapwire/ast/allocator.hpp>
#include <imapwire/ast/flag.hpp>

namespace imapwire::ast {

/// RFC 6154 §6 `list-select-independent-opt =/ "SPECIAL-USE"` and `return-option =/
/// "SPECIAL-USE"`: list only the special-use mailboxes, or return their use-attrs.
struct list_opt_special_use {
    friend bool operator==(const list_opt_special_use&, const list_opt_special_use&) = default;
};

/// RFC 6154 §6 `create-param =/ "USE" SP "(" [use-attr *(SP use-attr)] ")"` (CREATE-SPECIAL-USE):
/// the special uses a new mailbox is to have. `use-attr = "\All" / ... / "\" atom`.
struct create_param_use {
    vector<flag> attributes{};
    friend bool operator==(const create_param_use&, const create_param_use&) = default;
};

/// RFC 6154 §6 `resp-text-code =/ "USEATTR"`: the server cannot give the mailbox that special
/// use.
struct code_useattr {
    friend bool operator==(const code_useattr&, const code_useattr&) = default;
};

} // namespace imapwire::ast
