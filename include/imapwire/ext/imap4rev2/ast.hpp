// imapwire AST, IMAP4rev2 (RFC 9051): what it adds that no folded-in extension has. Most of
// IMAP4rev2's grammar lives where RFC 3501's does (number64 sizes, the STATUS item DELETED, an
// empty resp-text, UTF-8 in quoted strings and text), gated on extension::imap4rev2.
#pragma once

namespace imapwire::ast {

/// RFC 9051 §7.1 `resp-text-code =/ "HASCHILDREN"`: DELETE or RENAME refused because the
/// mailbox has children the server will not delete or move with it.
struct code_haschildren {
    friend bool operator==(const code_haschildren&, const code_haschildren&) = default;
};

} // namespace imapwire::ast
