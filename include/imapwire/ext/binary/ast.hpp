// imapwire AST, BINARY (RFC 3516): the BINARY[] and BINARY.SIZE[] FETCH items and the
// UNKNOWN-CTE response code. Its fetch-atts are enumerators of the core's keyword table
// (fetch_att_kind::binary, binary_peek, binary_size), and literal8 is a string form
// (string_form::literal8): APPEND's message may be one.
#pragma once

#include <imapwire/ast/core.hpp>

#include <cstdint>
#include <optional>

namespace imapwire::ast {

/// RFC 3516 §7 `msg-att-static =/ "BINARY" section-binary SP (nstring / literal8)`: the
/// section's content with its content-transfer-encoding removed. `part` is the section-part
/// (empty for BINARY[]); `origin` the offset a partial FETCH started at (§4.3
/// `BINARY<section-binary>[<<number>>]`). A literal8 (string_form::literal8) may hold NUL.
struct msg_att_binary {
    vector<std::uint32_t> part{};
    std::optional<std::uint32_t> origin{};
    nstring data{};
    friend bool operator==(const msg_att_binary&, const msg_att_binary&) = default;
};

/// RFC 3516 §7 `"BINARY.SIZE" section-binary SP number`: the size of that content.
struct msg_att_binary_size {
    vector<std::uint32_t> part{};
    std::uint32_t size = 0;
    friend bool operator==(const msg_att_binary_size&, const msg_att_binary_size&) = default;
};

/// RFC 3516 §7 `resp-text-code =/ "UNKNOWN-CTE"`: the server cannot decode the section's
/// content-transfer-encoding (or the mailbox cannot store binary content).
struct code_unknown_cte {
    friend bool operator==(const code_unknown_cte&, const code_unknown_cte&) = default;
};

} // namespace imapwire::ast
