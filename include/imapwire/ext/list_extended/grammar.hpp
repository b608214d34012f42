// imapwire grammar, LIST-EXTENDED (RFC 5258): rule declarations.
#pragma once

#include <imapwire/ext/list_extended/ast.hpp>
#include <imapwire/grammar/core.hpp>

namespace imapwire::grammar {

IMAPWIRE_RULE(tagged_ext_comp, "tagged-ext-comp", ast::vector<ast::ext_comp_item>)
IMAPWIRE_RULE(ext_comp_item_, "tagged-ext-comp", ast::ext_comp_item)
IMAPWIRE_RULE(tagged_ext_val, "tagged-ext-val", ast::tagged_ext_val)
IMAPWIRE_RULE(option_val_comp, "option-val-comp", ast::vector<ast::ext_comp_item>)
IMAPWIRE_RULE(option_extension, "option-extension", ast::list_opt_extension)
IMAPWIRE_RULE(list_select_opt, "list-select-opt", ast::list_select_option)
IMAPWIRE_RULE(list_select_opts, "list-select-opts", ast::vector<ast::list_select_option>)
IMAPWIRE_RULE(return_option, "return-option", ast::list_return_option)
IMAPWIRE_RULE(list_return_opts, "list-return-opts", ast::vector<ast::list_return_option>)
IMAPWIRE_RULE(patterns, "patterns", ast::vector<ast::list_mailbox>)
IMAPWIRE_RULE(mbox_list_extended_item, "mbox-list-extended-item", ast::mbox_list_extended_item)
IMAPWIRE_RULE(mbox_list_extended, "mbox-list-extended", ast::vector<ast::mbox_list_extended_item>)

} // namespace imapwire::grammar
