// imapwire grammar, SPECIAL-USE and CREATE-SPECIAL-USE (RFC 6154 §6): rule definitions.
// Included by the LIST-EXTENDED grammar (the SPECIAL-USE option is an alternative of its option
// dispatch), the command grammar (CREATE's USE parameter) and the response grammar (USEATTR, a
// bare code).
#pragma once

#include <imapwire/ext/special_use/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

// RFC 6154 §6
// use-attr        =  "\All" / "\Archive" / "\Drafts" / "\Flagged" /
//                  "\Junk" / "\Sent" / "\Trash" / use-attr-ext
// use-attr-ext    =  "\" atom
// (every one of them is "\" atom: a flag-extension)
inline const auto use_attr_def = flag_extension;
// create-param   =/  "USE" SP "(" [use-attr *(SP use-attr)] ")"
inline const auto create_param_use__def = kw("USE") > SP_ > '(' >
                                          -(use_attr[push<&ast::create_param_use::attributes>] %
                                            SP_) > ')';
// list-select-independent-opt =/  "SPECIAL-USE"
// return-option =/ "SPECIAL-USE"
// resp-text-code =/  "USEATTR"
// (keywords: the LIST option dispatch and the response codes' table read them)

IMAPWIRE_DEFINE(use_attr, create_param_use_)

} // namespace imapwire::grammar
