// imapwire AST, LIST-STATUS (RFC 5819): LIST's STATUS return option. Its answers are STATUS
// responses (ast::status_data), sent while the LIST is in progress.
#pragma once

#include <imapwire/ast/allocator.hpp>
#include <imapwire/ast/status.hpp>

namespace imapwire::ast {

/// RFC 5819 §4 `return-option =/ status-option`, `status-option = "STATUS" SP "(" status-att
/// *(SP status-att) ")"`: the STATUS items to return for each mailbox listed.
struct list_opt_status {
    vector<status_att> items{};
    friend bool operator==(const list_opt_status&, const list_opt_status&) = default;
};

} // namespace imapwire::ast
