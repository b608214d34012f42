// imapwire AST, UIDPLUS (RFC 4315): UID EXPUNGE and the APPENDUID, COPYUID and UIDNOTSTICKY
// response codes.
#pragma once

#include <imapwire/ast/allocator.hpp>
#include <imapwire/ast/sequence.hpp>

#include <cstdint>
#include <optional>

namespace imapwire::ast {

/// RFC 4315 §4 `uid-expunge = "UID" SP "EXPUNGE" SP sequence-set`: an alternative of
/// uid_command::command, expunging only the \Deleted messages among these UIDs.
struct uid_expunge_command {
    sequence_set set;
    friend bool operator==(const uid_expunge_command&, const uid_expunge_command&) = default;
};

/// `resp-code-apnd = "APPENDUID" SP nz-number SP append-uid`: the UIDVALIDITY of the mailbox
/// appended to and the UID the message got. `append-uid = uniqueid`, and `=/ uid-set` with
/// MULTIAPPEND (several messages): a uid-set of one item is the single-UID form.
struct code_appenduid {
    std::uint32_t uidvalidity = 1;
    uid_set uids;
    friend bool operator==(const code_appenduid&, const code_appenduid&) = default;
};

/// `resp-code-copy = "COPYUID" SP nz-number SP uid-set SP uid-set`: the UIDVALIDITY of the
/// destination, the UIDs copied (or moved) and the UIDs their copies got, in the same order.
struct code_copyuid {
    std::uint32_t uidvalidity = 1;
    uid_set source;
    uid_set destination;
    friend bool operator==(const code_copyuid&, const code_copyuid&) = default;
};

/// `"UIDNOTSTICKY"`: the selected mailbox does not keep UIDs across sessions.
struct code_uidnotsticky {
    friend bool operator==(const code_uidnotsticky&, const code_uidnotsticky&) = default;
};

} // namespace imapwire::ast
