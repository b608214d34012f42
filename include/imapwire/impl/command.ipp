// imapwire: the client-command entry points. Instantiates the command grammar.
#pragma once

#include <imapwire/grammar/command_def.hpp>
#include <imapwire/impl/parse_common.hpp>
#include <imapwire/parse.hpp>

namespace imapwire {

IMAPWIRE_DECL parse_result<ast::command> parse_command(std::string_view input,
                                                       const parse_options& options) {
    return detail::run_parser<ast::command>(grammar::command, input, options, "command");
}

IMAPWIRE_DECL parse_result<ast::authenticate_data>
parse_authenticate_data(std::string_view input, const parse_options& options) {
    return detail::run_parser<ast::authenticate_data>(grammar::authenticate_data_, input, options,
                                                      "authenticate");
}

} // namespace imapwire
