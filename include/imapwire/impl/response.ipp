// imapwire: the server-response entry points. Instantiates the response grammar.
#pragma once

#include <imapwire/grammar/response_def.hpp>
#include <imapwire/impl/parse_common.hpp>
#include <imapwire/parse.hpp>

namespace imapwire {

IMAPWIRE_DECL parse_result<ast::greeting> parse_greeting(std::string_view input,
                                                         const parse_options& options) {
    return detail::run_parser<ast::greeting>(grammar::greeting, input, options, "greeting");
}

IMAPWIRE_DECL parse_result<ast::response> parse_response(std::string_view input,
                                                         const parse_options& options) {
    return detail::run_parser<ast::response>(grammar::response_message_, input, options,
                                             "response");
}

} // namespace imapwire
