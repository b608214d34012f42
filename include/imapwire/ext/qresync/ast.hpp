// imapwire AST, QRESYNC (RFC 7162 §3.2): the QRESYNC select-param, the VANISHED FETCH modifier,
// the VANISHED response and the CLOSED response code.
#pragma once

#include <imapwire/ast/allocator.hpp>
#include <imapwire/ast/sequence.hpp>

#include <cstdint>
#include <optional>

namespace imapwire::ast {

/// `seq-match-data = "(" known-sequence-set SP known-uid-set ")"`: message numbers and the
/// UIDs the client knows them by, in ascending order (sequence-sets without "*").
struct seq_match_data {
    uid_set known_sequence_set;
    uid_set known_uid_set;
    friend bool operator==(const seq_match_data&, const seq_match_data&) = default;
};

/// RFC 7162 §3.2.5 `select-param =/ "QRESYNC" SP "(" uidvalidity SP mod-sequence-value
/// [SP known-uids] [SP seq-match-data] ")"`: what the client knew of the mailbox when it last
/// had it selected.
struct select_param_qresync {
    std::uint32_t uidvalidity = 1; ///< nz-number
    std::uint64_t modseq = 1;      ///< mod-sequence-value
    std::optional<uid_set> known_uids{};
    std::optional<seq_match_data> match{};
    friend bool operator==(const select_param_qresync&, const select_param_qresync&) = default;
};

/// RFC 7162 §3.2.6 `rexpunges-fetch-mod = "VANISHED"`: a fetch-modifier of UID FETCH only,
/// asking for the UIDs expunged since CHANGEDSINCE's mod-sequence.
struct fetch_mod_vanished {
    friend bool operator==(const fetch_mod_vanished&, const fetch_mod_vanished&) = default;
};

/// RFC 7162 §3.2.10 `expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids`: UIDs
/// expunged, now (`earlier` false, like EXPUNGE) or before (in answer to a QRESYNC SELECT or a
/// UID FETCH ... VANISHED).
struct vanished_data {
    bool earlier = false;
    uid_set uids;
    friend bool operator==(const vanished_data&, const vanished_data&) = default;
};

/// RFC 7162 §3.2.11 `resp-text-code =/ "CLOSED"`: the previously selected mailbox is closed
/// (sent when a SELECT or EXAMINE replaces the selection).
struct code_closed {
    friend bool operator==(const code_closed&, const code_closed&) = default;
};

} // namespace imapwire::ast
