// Split a byte stream into commands, as a server reads them, literals included.
#include <imapwire/imapwire.hpp>

#include <iostream>
#include <string>
#include <string_view>

int main() {
    const std::string stream = "a1 LOGIN {4}\r\nfred secret\r\n"
                               "a2 SELECT INBOX\r\n"
                               "a3 FETCH 1:\r\n"
                               "a4 APPEND INBOX {20}\r\nSubject: hi";
    std::string_view rest = stream;
    std::size_t offset = 0;
    while (!rest.empty()) {
        auto frame = imapwire::find_message(rest); // line + literals, no parsing
        if (frame.incomplete()) {
            const auto& need = frame.need();
            if (need.literal) // a server would answer "+ Ready" for a synchronizing literal
                std::cout << offset << ": waiting for a literal of " << need.literal->size
                          << " octets\n";
            break;
        }
        if (frame.failed()) {
            std::cout << offset << ": " << frame.error().message() << '\n';
            break;
        }
        auto cmd = imapwire::parse_command(rest.substr(0, frame.value()));
        if (cmd)
            std::cout << offset << ": ok " << cmd->tag << '\n';
        else // error offsets are relative to the message
            std::cout << offset << ": " << cmd.error().message() << '\n';
        offset += frame.value();
        rest.remove_prefix(frame.value());
    }
}
