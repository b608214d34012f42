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
    // RFC 3501 `response` = *(continue-req / response-data) response-done. Messages are framed
    // first (a line ending in {n} announces a literal, whatever the grammar would make of it) and
    // each is parsed as the part of the production it must be, so the exchange reads exactly as
    // parse_response reads its messages one by one.
    using result = parse_result<ast::vector<ast::response>>;
    const ast::resource_scope memory(options.memory_resource);
    ast::vector<ast::response> out;
    std::size_t at = 0;
    for (;;) {
        const std::string_view rest = input.substr(at);
        auto framed = detail::scan_message(rest, options);
        if (framed.incomplete())
            return result(framed.need());
        const auto relocate = [&](parse_error e) {
            e.offset += at;
            return result(std::move(e));
        };
        if (framed.failed()) {
            parse_error e = framed.error();
            e.production = "response";
            return relocate(std::move(e));
        }
        const std::string_view message = rest.substr(0, framed.value());
        const bool untagged = message.front() == '*' || message.front() == '+';
        const bool done = !untagged || detail::iequals(message.substr(0, 6), "* BYE ");
        if (done) {
            auto r = detail::run_framed<ast::response>(grammar::response_done, message,
                                                       message.size(), options, "response-done");
            if (!r.ok())
                return relocate(r.error());
            out.push_back(std::move(r).value());
            return result(std::move(out), at + message.size());
        }
        auto r = detail::run_framed<ast::response>(grammar::response_part_, message, message.size(),
                                                   options, "response");
        if (!r.ok())
            return relocate(r.error());
        out.push_back(std::move(r).value());
        at += message.size();
    }
}

#if defined(IMAPWIRE_SEPARATE_COMPILATION)
// the instantiations parse.hpp declares extern
template class parse_result<ast::greeting>;
template class parse_result<ast::response>;
template class parse_result<ast::vector<ast::response>>;
#endif

} // namespace imapwire
