// imapwire: the client-command entry points. Instantiates the command grammar.
#pragma once

#include <imapwire/detail/scan.hpp>
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

IMAPWIRE_DECL parse_result<ast::idle_done> parse_idle_done(std::string_view input,
                                                           const parse_options& options) {
    static const auto rule = detail::enabled(extension::idle) >> grammar::idle_done_;
    return detail::run_parser<ast::idle_done>(rule, input, options, "idle");
}

IMAPWIRE_DECL parse_result<std::size_t> find_message(std::string_view input,
                                                     const parse_options& options) {
    return detail::scan_message(input, options);
}

#if defined(IMAPWIRE_SEPARATE_COMPILATION)
// the instantiations parse.hpp declares extern
template class parse_result<ast::command>;
template class parse_result<ast::authenticate_data>;
template class parse_result<ast::idle_done>;
#endif

} // namespace imapwire
