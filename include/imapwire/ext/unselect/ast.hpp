// imapwire AST, UNSELECT (RFC 3691): the UNSELECT command.
#pragma once

namespace imapwire::ast {

/// RFC 3691 §2 `command-select /= "UNSELECT"`: leaves the selected state like CLOSE, without
/// expunging.
struct unselect_command {
    friend bool operator==(const unselect_command&, const unselect_command&) = default;
};

} // namespace imapwire::ast
