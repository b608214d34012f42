// imapwire AST, IDLE (RFC 2177): the IDLE command and the DONE that ends it.
#pragma once

namespace imapwire::ast {

/// RFC 2177 §3 `"IDLE"`: the client waits for untagged data until it sends DONE.
struct idle_command {
    friend bool operator==(const idle_command&, const idle_command&) = default;
};

/// The line `"DONE" CRLF` that ends IDLE (the second part of RFC 2177's `idle = "IDLE" CRLF
/// "DONE"`, a message of its own: parse_idle_done).
struct idle_done {
    friend bool operator==(const idle_done&, const idle_done&) = default;
};

} // namespace imapwire::ast
