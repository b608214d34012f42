// A server answers FETCH BODY[] for a large message without copying it: the response is
// serialized into a gathered_message, whose pieces go out with one writev().
#include <imapwire/imapwire.hpp>

#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace ast = imapwire::ast;

int main() {
    // the stored message, say read from the mail store (300 KB)
    std::string message;
    for (int i = 0; i < 6000; ++i)
        message += "Line " + std::to_string(i) + " of a long message body, folded at 50.\r\n";

    ast::fetch_data fetch;
    fetch.number = 12;
    fetch.items.push_back(ast::msg_att_uid{4827});
    fetch.items.push_back(ast::msg_att_body_section{
        ast::section{}, std::nullopt, ast::istring(message, ast::string_form::literal)});
    const ast::response response{ast::response_data{std::move(fetch)}};

    imapwire::gathered_message out; // reuse it for every response of the connection
    if (auto ec = imapwire::serialize(out, response)) {
        std::cerr << "cannot serialize: " << ec.message() << '\n';
        return 1;
    }
    // "* 12 FETCH (UID 4827 BODY[] {N}\r\n", the message itself (not copied), ")\r\n"
    std::cout << out.pieces().size() << " pieces, " << out.bytes().size() << " bytes copied of "
              << out.size() << '\n';

    std::vector<iovec> iov;
    for (std::string_view piece : out.pieces())
        iov.push_back({const_cast<char*>(piece.data()), piece.size()});
    int fds[2];
    if (pipe(fds) != 0)
        return 1;
    // (a real server writes to its socket and handles partial writes; a pipe holds 64 KB, so
    // write from a child here and read in the parent)
    const pid_t writer = fork();
    if (writer == 0) {
        close(fds[0]);
        const ssize_t n = writev(fds[1], iov.data(), static_cast<int>(iov.size()));
        _exit(n == static_cast<ssize_t>(out.size()) ? 0 : 1);
    }
    close(fds[1]);
    std::string received;
    char buffer[65536];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;)
        received.append(buffer, static_cast<std::size_t>(n));
    int status = 0;
    waitpid(writer, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return 1;

    // what arrived is what serialize() into a string writes, and it parses back
    const bool same = received == imapwire::to_string(response);
    const auto back = imapwire::parse_response(received);
    std::cout << (same && back.ok() ? "sent and parsed back" : "MISMATCH") << '\n';
    return same && back.ok() ? 0 : 1;
}
