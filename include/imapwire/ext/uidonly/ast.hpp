// imapwire AST, UIDONLY (RFC 9586): the UIDREQUIRED code. Its UIDFETCH response is
// ast::uidfetch_data (ast/response.hpp, beside the FETCH data whose items it shares). Once a
// client has enabled UIDONLY, the server names messages by UID only: FETCH data comes as
// UIDFETCH, expunges as VANISHED (QRESYNC's response, ast::vanished_data).
#pragma once

namespace imapwire::ast {

/// RFC 9586 §4 `resp-text-code =/ "UIDREQUIRED"`: the command names messages by number, which
/// UIDONLY does not allow.
struct code_uidrequired {
    friend bool operator==(const code_uidrequired&, const code_uidrequired&) = default;
};

} // namespace imapwire::ast
