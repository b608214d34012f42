// imapwire AST: ENVELOPE and addresses (RFC 3501 §7.4.2, §9 envelope, address).
#pragma once

#include <imapwire/ast/allocator.hpp>

#include <imapwire/ast/core.hpp>

#include <optional>
#include <vector>

namespace imapwire::ast {

/// RFC 3501 `address`. Group syntax (RFC 2822) appears as a start marker (host NIL, mailbox the
/// group name) and an end marker (host and mailbox NIL); see is_group_start / is_group_end.
struct address {
    nstring name;    ///< addr-name: phrase, RFC 2822 quoting removed
    nstring adl;     ///< addr-adl: source route
    nstring mailbox; ///< addr-mailbox: local part, or group name
    nstring host;    ///< addr-host: domain; NIL for group markers

    bool is_group_start() const noexcept { return !host && mailbox.has_value(); }
    bool is_group_end() const noexcept { return !host && !mailbox; }
    friend bool operator==(const address&, const address&) = default;
};

/// "(" 1*address ")" / nil: std::nullopt is NIL; a present list is never empty.
using address_list = std::optional<vector<address>>;

/// RFC 3501 `envelope`.
struct envelope {
    nstring date;
    nstring subject;
    address_list from;
    address_list sender;
    address_list reply_to;
    address_list to;
    address_list cc;
    address_list bcc;
    nstring in_reply_to;
    nstring message_id;
    friend bool operator==(const envelope&, const envelope&) = default;
};

} // namespace imapwire::ast
