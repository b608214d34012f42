// imapwire, UIDPLUS (RFC 4315): the traits entries of its AST alternatives.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/uidplus/ast.hpp>

namespace imapwire::ast {

/// RFC 4315 §4: "command-select =/ uid-expunge" (read after "UID" SP, like UID's other commands)
template <>
struct traits<uid_expunge_command> {
    static constexpr command_info info{
        "EXPUNGE",          "expunge",      command_group::select, states_of(command_group::select),
        extension::uidplus, "RFC 4315 §2.1"};
};

template <>
struct traits<code_appenduid> {
    static constexpr item_info info{"APPENDUID", "appenduid", extension::uidplus, "RFC 4315 §3"};
};
template <>
struct traits<code_copyuid> {
    static constexpr item_info info{"COPYUID", "copyuid", extension::uidplus, "RFC 4315 §3"};
};
template <>
struct traits<code_uidnotsticky> {
    static constexpr item_info info{"UIDNOTSTICKY", "uidnotsticky", extension::uidplus,
                                    "RFC 4315 §3"};
};

} // namespace imapwire::ast
