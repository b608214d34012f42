// Follows both sides of a connection with imapwire::connection: every message parsed, the
// session's findings with the message that caused them, and the protocol state.
#include <imapwire/connection.hpp>

#include <cstdio>
#include <variant>

int main() {
    imapwire::connection c; // every extension the library implements; connection_options to narrow
    int commands = 0;
    c.on_event([&](const imapwire::connection_event& e) {
        if (std::holds_alternative<imapwire::ast::command>(e.parsed))
            ++commands;
        for (const imapwire::finding& f : e.findings)
            std::printf("%s: %s\n", imapwire::rule_name(f.kind), f.text.c_str());
    });
    using imapwire::side;
    c.feed(side::server, "* OK IMAP4rev1 ready\r\n");
    c.feed(side::client, "a1 LOGIN fred secret\r\n");
    c.feed(side::server, "a1 OK logged in\r\n");
    c.feed(side::client, "a2 APPEND INBOX {310}\r\n");     // a synchronizing literal announced...
    c.feed(side::server, "a2 NO [OVERQUOTA] no room\r\n"); // ...refused: no octets, no APPEND
    c.feed(side::client, "a3 IDLE\r\n");
    c.feed(side::server, "+ idling\r\n");
    c.feed(side::server, "* 4 EXISTS\r\n"); // but no mailbox is selected: a finding
    c.feed(side::client, "DONE\r\n");
    c.feed(side::server, "a3 OK IDLE terminated\r\n");
    c.finish();
    std::printf("%d commands, %zu findings, state %s\n", commands, c.findings().size(),
                imapwire::to_string(c.state()));
    // prints "response-state: EXISTS is not allowed in the authenticated state", then
    // "2 commands, 1 findings, state authenticated" (LOGIN and IDLE)
    return commands == 2 && c.findings().size() == 1 ? 0 : 1;
}
