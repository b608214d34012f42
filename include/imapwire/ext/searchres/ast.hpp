// imapwire AST, SEARCHRES (RFC 5182): the NOTSAVED code. Its SAVE return option is an
// enumerator of ESEARCH's (search_return_option::save), and its "$" a sequence-set item
// (seq_item::saved_result).
#pragma once

namespace imapwire::ast {

/// RFC 5182 §3 `resp-text-code =/ "NOTSAVED"`: a SEARCH (SAVE) did not save its result (it
/// failed), and "$" now names no messages.
struct code_notsaved {
    friend bool operator==(const code_notsaved&, const code_notsaved&) = default;
};

} // namespace imapwire::ast
