// imapwire AST: STATUS items (RFC 3501 §6.3.10, §9 status-att).
#pragma once

namespace imapwire::ast {

/// RFC 3501 `status-att`, and those the extensions add (ast::extension_of says which).
enum class status_att {
    messages,
    recent,
    uidnext,
    uidvalidity,
    unseen,
    highestmodseq, ///< CONDSTORE (RFC 7162 §3.1.7): its value is a mod-sequence-valzer
    size,          ///< STATUS=SIZE (RFC 8438 §2): the mailbox's size in octets, a number64
    mailboxid,     ///< OBJECTID (RFC 8474 §4.3): the mailbox's id, an objectid (not a number)
    appendlimit,   ///< APPENDLIMIT (RFC 7889 §4): the largest message APPEND takes, or NIL
    deleted,       ///< IMAP4rev2 (RFC 9051 §6.3.11): the messages with \Deleted, a number
};

} // namespace imapwire::ast
