// Build commands in code; the serializer picks atom, quoted string or literal.
#include <imapwire/imapwire.hpp>

#include <iostream>
#include <string>

int main() {
    namespace ast = imapwire::ast;

    ast::command login{"a1", ast::login_command{"fred", "pass word"}};
    std::cout << imapwire::to_string(login); // a1 LOGIN fred "pass word"

    // 8-bit or multi-line values become literals; mailbox names use modified UTF-7.
    const std::string name = imapwire::mutf7::encode("Entwürfe").value(); // "Entw&APw-rfe"
    ast::command select{"a2", ast::select_command{ast::mailbox{name}}};
    std::cout << imapwire::to_string(select);

    ast::search_command search;
    search.keys.push_back(ast::search_string{ast::search_string_kind::subject, "caf\xc3\xa9"});
    search.keys.push_back(ast::search_not{ast::search_simple{ast::search_flag_key::seen}});
    std::cout << imapwire::to_string(ast::command{"a3", search}); // SUBJECT as a {5} literal

    // A value the grammar cannot express is refused, never written.
    std::string out;
    const std::error_code ec =
        imapwire::serialize(out, ast::command{"bad tag", ast::noop_command{}});
    std::cout << "refused: " << ec.message() << '\n';
    return ec == imapwire::error::unserializable ? 0 : 1;
}
