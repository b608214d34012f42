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

IMAPWIRE_DECL parse_result<ast::vector<ast::response>>
parse_response_sequence(std::string_view input, const parse_options& options) {
    // Frame messages until the one that ends the exchange: a tagged completion or a BYE.
    std::size_t end = 0;
    for (;;) {
        auto framed = detail::scan_message(input.substr(end), options);
        if (framed.incomplete())
            return parse_result<ast::vector<ast::response>>(framed.need());
        if (framed.failed()) {
            parse_error e = framed.error();
            e.offset += end;
            e.production = "response";
            return parse_result<ast::vector<ast::response>>(std::move(e));
        }
        const std::string_view message = input.substr(end, framed.value());
        end += framed.value();
        const bool untagged = message.front() == '*' || message.front() == '+';
        if (!untagged || detail::iequals(message.substr(0, 6), "* BYE "))
            break;
    }
    return detail::run_framed<ast::vector<ast::response>>(grammar::response, input, end, options,
                                                          "response");
}

} // namespace imapwire
