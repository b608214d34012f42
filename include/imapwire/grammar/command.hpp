// imapwire grammar: rule declarations for RFC 3501 §9 client commands.
#pragma once

#include <imapwire/ast/command.hpp>
#include <imapwire/grammar/core.hpp>
#include <imapwire/grammar/search.hpp>

namespace imapwire::grammar {

// FETCH / SEARCH / STORE / STATUS arguments
IMAPWIRE_RULE(fetch_att, "fetch-att", ast::fetch_att)
IMAPWIRE_RULE(store_att_flags, "store-att-flags", ast::store_att_flags)
IMAPWIRE_RULE(auth_type, "auth-type", std::string_view)
IMAPWIRE_RULE(userid, "userid", ast::istring)
IMAPWIRE_RULE(password, "password", ast::istring)

// Helpers (not RFC productions)
IMAPWIRE_RULE(partial_, "partial", ast::partial_range)
IMAPWIRE_RULE(fetch_att_list_, "\"(\" fetch-att *(SP fetch-att) \")\"", ast::vector<ast::fetch_att>)
IMAPWIRE_RULE(fetch_items_, "\"ALL\" / \"FULL\" / \"FAST\" / fetch-att / \"(\"", ast::fetch_items)
IMAPWIRE_RULE(store_flags_, "flag-list / flag", ast::store_att_flags)
IMAPWIRE_RULE(uid_body_, "copy / fetch / search / store", decltype(ast::uid_command::command))
IMAPWIRE_RULE(command_body_, "command-any / command-auth / command-nonauth / command-select",
              ast::command_body)

// Commands
IMAPWIRE_RULE(append, "append", ast::append_command)
IMAPWIRE_RULE(append_message_, "append-message", ast::append_message)
IMAPWIRE_RULE(create, "create", ast::create_command)
IMAPWIRE_RULE(delete_, "delete", ast::delete_command)
IMAPWIRE_RULE(examine, "examine", ast::examine_command)
IMAPWIRE_RULE(list, "list", ast::list_command)
IMAPWIRE_RULE(lsub, "lsub", ast::lsub_command)
IMAPWIRE_RULE(rename, "rename", ast::rename_command)
IMAPWIRE_RULE(select, "select", ast::select_command)
IMAPWIRE_RULE(status, "status", ast::status_command)
IMAPWIRE_RULE(subscribe, "subscribe", ast::subscribe_command)
IMAPWIRE_RULE(unsubscribe, "unsubscribe", ast::unsubscribe_command)
IMAPWIRE_RULE(login, "login", ast::login_command)
IMAPWIRE_RULE(authenticate, "authenticate", ast::authenticate_command)
IMAPWIRE_RULE(copy, "copy", ast::copy_command)
IMAPWIRE_RULE(fetch, "fetch", ast::fetch_command)
IMAPWIRE_RULE(store, "store", ast::store_command)
IMAPWIRE_RULE(search, "search", ast::search_command)
IMAPWIRE_RULE(uid, "uid", ast::uid_command)
IMAPWIRE_RULE(x_command, "x-command", ast::x_command)
IMAPWIRE_RULE(command_any, "command-any", ast::command_body)
IMAPWIRE_RULE(command_auth, "command-auth", ast::command_body)
IMAPWIRE_RULE(command_nonauth, "command-nonauth", ast::command_body)
IMAPWIRE_RULE(command_select, "command-select", ast::command_body)
IMAPWIRE_RULE(command, "command", ast::command)

// The line a client sends during AUTHENTICATE: base64 CRLF, or "*" CRLF to cancel
IMAPWIRE_RULE(authenticate_data_, "authenticate", ast::authenticate_data)
// RFC 4466 §2: the extension points of FETCH, STORE, SELECT and EXAMINE
IMAPWIRE_RULE(fetch_modifiers_, "fetch-modifiers", ast::vector<ast::fetch_modifier>)
IMAPWIRE_RULE(store_modifiers_, "store-modifiers", ast::vector<ast::store_modifier>)
IMAPWIRE_RULE(select_params_, "select-params", ast::vector<ast::select_param>)
IMAPWIRE_RULE(fetch_modifier_, "fetch-modifier", ast::fetch_modifier)
IMAPWIRE_RULE(store_modifier_, "store-modifier", ast::store_modifier)
IMAPWIRE_RULE(select_param_, "select-param", ast::select_param)
IMAPWIRE_RULE(create_params_, "create-params", ast::vector<ast::create_param>)
IMAPWIRE_RULE(create_param_, "create-param", ast::create_param)

} // namespace imapwire::grammar
