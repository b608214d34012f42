// imapwire AST, RFC 5530 (IMAP response codes): the seventeen codes of its §3, each a bare
// code of its own type (ast::code_unavailable ... ast::code_nonexistent), like RFC 3501's ALERT.
// RFC 5530 has no capability: servers send these codes without announcing them.
#pragma once

/// X(type suffix, keyword, what it says): the codes of RFC 5530 §3, in its order.
#define IMAPWIRE_RFC5530_CODES(X)                                                                  \
    X(unavailable, "UNAVAILABLE", "a subsystem is down")                                           \
    X(authenticationfailed, "AUTHENTICATIONFAILED", "wrong credentials")                           \
    X(authorizationfailed, "AUTHORIZATIONFAILED", "may not act as that authorization identity")    \
    X(expired, "EXPIRED", "the credentials have expired")                                          \
    X(privacyrequired, "PRIVACYREQUIRED", "not without privacy (TLS)")                             \
    X(contactadmin, "CONTACTADMIN", "the user should contact the administrator")                   \
    X(noperm, "NOPERM", "no permission (ACL)")                                                     \
    X(inuse, "INUSE", "in use by someone else")                                                    \
    X(expungeissued, "EXPUNGEISSUED", "another session expunged messages")                         \
    X(corruption, "CORRUPTION", "the server found corrupt data")                                   \
    X(serverbug, "SERVERBUG", "the server failed")                                                 \
    X(clientbug, "CLIENTBUG", "the client did something odd, the server carries on")               \
    X(cannot, "CANNOT", "the operation violates a rule of the server")                             \
    X(limit, "LIMIT", "a limit of the server was reached")                                         \
    X(overquota, "OVERQUOTA", "the user is over quota")                                            \
    X(alreadyexists, "ALREADYEXISTS", "the mailbox already exists")                                \
    X(nonexistent, "NONEXISTENT", "the mailbox does not exist")

namespace imapwire::ast {

#define IMAPWIRE_RFC5530_STRUCT_(id, keyword, what)                                                \
    /** RFC 5530 §3 `resp-text-code =/ keyword`: what. */                                         \
    struct code_##id {                                                                             \
        friend bool operator==(const code_##id&, const code_##id&) = default;                      \
    };
IMAPWIRE_RFC5530_CODES(IMAPWIRE_RFC5530_STRUCT_)
#undef IMAPWIRE_RFC5530_STRUCT_

} // namespace imapwire::ast

/// The RFC 5530 code types, comma-separated (for the alternatives of ast::resp_text_code).
#define IMAPWIRE_RFC5530_TYPE_(id, keyword, what) , code_##id
#define IMAPWIRE_RFC5530_TYPES IMAPWIRE_RFC5530_CODES(IMAPWIRE_RFC5530_TYPE_)
