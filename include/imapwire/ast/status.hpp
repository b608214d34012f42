// imapwire AST: STATUS items (RFC 3501 §6.3.10, §9 status-att).
#pragma once

namespace imapwire::ast {

/// RFC 3501 `status-att`.
enum class status_att { messages, recent, uidnext, uidvalidity, unseen };

} // namespace imapwire::ast
