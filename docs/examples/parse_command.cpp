// Parse a client command, inspect the AST, and serialize it back.
#include <imapwire/imapwire.hpp>

#include <iostream>
#include <string>
#include <variant>

int main() {
    const std::string input =
        "A654 UID FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (From Subject)])\r\n";

    auto result = imapwire::parse_command(input);
    if (!result) {
        if (result.incomplete())
            std::cerr << "need " << result.need().needed << " more bytes\n";
        else
            std::cerr << result.error().message() << '\n';
        return 1;
    }
    const imapwire::ast::command& cmd = result.value();
    std::cout << "tag " << cmd.tag << ", " << result.consumed() << " bytes\n";

    // Commands are a std::variant; UID wraps COPY / FETCH / SEARCH / STORE.
    const auto& uid = std::get<imapwire::ast::uid_command>(cmd.body);
    const auto& fetch = std::get<imapwire::ast::fetch_command>(uid.command);
    for (const auto& item : fetch.set.items)
        std::cout << "from " << item.first.value
                  << (item.last && item.last->is_star() ? " to *" : "") << '\n';
    const auto& atts = std::get<imapwire::ast::vector<imapwire::ast::fetch_att>>(fetch.items);
    const auto& peek = atts[1];
    if (peek.kind != imapwire::ast::fetch_att_kind::body_peek_section)
        return 1;
    for (const auto& header : peek.section.text->headers)
        std::cout << "header " << header.value() << '\n';

    // Canonical input serializes to the same bytes.
    const std::string out = imapwire::to_string(cmd);
    std::cout << out;
    return out == input ? 0 : 1;
}
