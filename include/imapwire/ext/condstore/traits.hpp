// imapwire, CONDSTORE (RFC 7162): the traits entries of its AST alternatives.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/ext/condstore/ast.hpp>

namespace imapwire::ast {

// FETCH MODSEQ (RFC 7162 §3.1.4.2) and STATUS HIGHESTMODSEQ (§3.1.7): extension_of(fetch_att_kind)
// and extension_of(status_att) in ast/traits.hpp, which say it for every item of those tables.

template <>
struct traits<msg_att_modseq> {
    static constexpr item_info info{"MODSEQ", "modseq", extension::condstore, "RFC 7162 §3.1.4.2"};
};
template <>
struct traits<code_highestmodseq> {
    static constexpr item_info info{"HIGHESTMODSEQ", "highestmodseq", extension::condstore,
                                    "RFC 7162 §3.1.2.1"};
};
template <>
struct traits<code_nomodseq> {
    static constexpr item_info info{"NOMODSEQ", "nomodseq", extension::condstore,
                                    "RFC 7162 §3.1.2.2"};
};
template <>
struct traits<code_modified> {
    static constexpr item_info info{"MODIFIED", "modified", extension::condstore,
                                    "RFC 7162 §3.1.3"};
};

template <>
struct traits<fetch_mod_changedsince> {
    static constexpr item_info info{"CHANGEDSINCE", "changedsince", extension::condstore,
                                    "RFC 7162 §3.1.4.1"};
};
template <>
struct traits<store_mod_unchangedsince> {
    static constexpr item_info info{"UNCHANGEDSINCE", "unchangedsince", extension::condstore,
                                    "RFC 7162 §3.1.3"};
};
template <>
struct traits<select_param_condstore> {
    static constexpr item_info info{"CONDSTORE", "condstore", extension::condstore,
                                    "RFC 7162 §3.1.8"};
};

} // namespace imapwire::ast
