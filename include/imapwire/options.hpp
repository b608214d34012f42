// imapwire: parse and serialize options.
#pragma once

#include <imapwire/ext/registry.hpp>

#include <cstddef>
#include <cstdint>
#include <memory_resource>

namespace imapwire {

/// Limits and leniency for the parsers. Limits are checked before anything is allocated.
struct parse_options {
    /// Longest line (bytes up to and including CRLF, literal contents excluded).
    std::size_t max_line_length = 64 * 1024;
    /// Largest literal a message may announce.
    std::uint32_t max_literal_size = 64u * 1024 * 1024;
    /// Deepest nesting of parenthesised lists (search keys, BODYSTRUCTURE, body extensions).
    std::size_t max_depth = 100;
    /// Most items in one list (sequence-set elements, search keys, fetch attributes, flags...).
    std::size_t max_list_items = 100000;
    /// The extensions whose syntax is accepted (ext/registry.hpp): every one imapwire implements
    /// by default; extension_set::none() is strict RFC 3501; a client can narrow it to what its
    /// server advertised. The syntax of an extension left out is rejected as RFC 3501 rejects it.
    /// LITERAL+ and LITERAL- (RFC 7888) are in it too: with either, a command may hold
    /// non-synchronizing literals `{n+}` (LITERAL- only up to 4096 octets); a server's messages
    /// never may.
    extension_set extensions = extension_set::all();
    /// Where the AST's vectors and boxes get their memory (see ast/allocator.hpp); null means
    /// the global operator new. With a std::pmr::monotonic_buffer_resource that the caller
    /// reuses (release() between messages), parsing does no heap allocation in steady state.
    /// The resource must outlive the parsed values.
    std::pmr::memory_resource* memory_resource = nullptr;
};

/// How the serializer chooses between equivalent wire forms.
struct serialize_options {
    /// Keep the form (atom / quoted / literal) a string was parsed with when it is valid where
    /// it stands; otherwise, and for strings built in code, choose the most compact valid form.
    bool preserve_forms = true;
    /// Strings built in code longer than this are written as literals even when a quoted
    /// string could hold them (long lines are what servers limit; RFC 2683 §3.2.1.5).
    std::size_t max_quoted_length = 1000;
    /// serialize() into an imapwire::gathered_message leaves literals of at least this many
    /// octets (and at least one) where they are instead of copying them (see gathered_message).
    std::size_t gather_min_literal = 4096;
    /// The extensions of the peer that reads the output (as parse_options::extensions). A
    /// construct of an extension not in the set is refused (a client narrows this to what its
    /// server advertised, and cannot send a MOVE or a CHANGEDSINCE the server would reject), and
    /// so is a value that would read back as something else under them, such as the generic
    /// response code `[HIGHESTMODSEQ 7]` when CONDSTORE makes that a code of its own.
    /// A string parsed as `{n+}` is written as `{n+}` again in a command when the set allows it
    /// (LITERAL+, or LITERAL- for at most 4096 octets), else as `{n}`; responses always get `{n}`.
    /// A string holding UTF-8 is written quoted only when the set has UTF8=ACCEPT or IMAP4rev2
    /// (as the default set does), else as a literal: a client narrows the set to what its server
    /// advertised (and, for a server's output, to what the client enabled: RFC 9755 §3).
    extension_set extensions = extension_set::all();
};

} // namespace imapwire
