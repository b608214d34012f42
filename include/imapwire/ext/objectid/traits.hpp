// imapwire, OBJECTID (RFC 8474): the traits entries of its FETCH items, response code and
// search key.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/objectid/ast.hpp>

namespace imapwire::ast {

template <>
struct traits<msg_att_emailid> {
    static constexpr item_info info{"EMAILID", "emailid", extension::objectid, "RFC 8474 §5.3"};
};
template <>
struct traits<msg_att_threadid> {
    static constexpr item_info info{"THREADID", "threadid", extension::objectid, "RFC 8474 §5.3"};
};
template <>
struct traits<code_mailboxid> {
    static constexpr item_info info{"MAILBOXID", "mailboxid", extension::objectid, "RFC 8474 §4.1"};
};

} // namespace imapwire::ast
