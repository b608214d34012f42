// imapwire AST: server responses (RFC 3501 §7, §9 greeting, response and their parts).
#pragma once

#include <imapwire/ast/allocator.hpp>

#include <imapwire/ast/body.hpp>
#include <imapwire/ast/core.hpp>
#include <imapwire/ast/datetime.hpp>
#include <imapwire/ast/envelope.hpp>
#include <imapwire/ast/fetch.hpp>
#include <imapwire/ast/flag.hpp>
#include <imapwire/ast/mailbox.hpp>
#include <imapwire/ast/status.hpp>
// extensions that add response data (one line each)
#include <imapwire/ext/binary/ast.hpp>
#include <imapwire/ext/compress/ast.hpp>
#include <imapwire/ext/condstore/ast.hpp>
#include <imapwire/ext/enable/ast.hpp>
#include <imapwire/ext/esearch/ast.hpp>
#include <imapwire/ext/id/ast.hpp>
#include <imapwire/ext/imap4rev2/ast.hpp>
#include <imapwire/ext/list_extended/ast.hpp>
#include <imapwire/ext/namespace/ast.hpp>
#include <imapwire/ext/objectid/ast.hpp>
#include <imapwire/ext/qresync/ast.hpp>
#include <imapwire/ext/rfc5530/ast.hpp>
#include <imapwire/ext/savedate/ast.hpp>
#include <imapwire/ext/searchres/ast.hpp>
#include <imapwire/ext/special_use/ast.hpp>
#include <imapwire/ext/uidonly/ast.hpp>
#include <imapwire/ext/uidplus/ast.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

namespace imapwire::ast {

// ---------------------------------------------------------------------------------------------
// resp-text-code

struct code_alert {
    friend bool operator==(const code_alert&, const code_alert&) = default;
};
/// BADCHARSET [SP "(" astring *(SP astring) ")"]: an empty list means none was written.
struct code_badcharset {
    vector<astring> charsets;
    friend bool operator==(const code_badcharset&, const code_badcharset&) = default;
};
/// capability-data inside a response code: [CAPABILITY IMAP4rev1 ...].
struct code_capability {
    vector<std::string_view> capabilities;
    friend bool operator==(const code_capability&, const code_capability&) = default;
};
struct code_parse {
    friend bool operator==(const code_parse&, const code_parse&) = default;
};
/// PERMANENTFLAGS SP "(" [flag-perm *(SP flag-perm)] ")"
struct code_permanentflags {
    vector<flag> flags;
    friend bool operator==(const code_permanentflags&, const code_permanentflags&) = default;
};
struct code_read_only {
    friend bool operator==(const code_read_only&, const code_read_only&) = default;
};
struct code_read_write {
    friend bool operator==(const code_read_write&, const code_read_write&) = default;
};
struct code_trycreate {
    friend bool operator==(const code_trycreate&, const code_trycreate&) = default;
};
struct code_uidnext {
    std::uint32_t value = 1;
    friend bool operator==(const code_uidnext&, const code_uidnext&) = default;
};
struct code_uidvalidity {
    std::uint32_t value = 1;
    friend bool operator==(const code_uidvalidity&, const code_uidvalidity&) = default;
};
struct code_unseen {
    std::uint32_t value = 1;
    friend bool operator==(const code_unseen&, const code_unseen&) = default;
};
/// atom [SP 1*<any TEXT-CHAR except "]">]: every other code, e.g. [HIGHESTMODSEQ 4],
/// [UIDNEXT x] that is not a number, or extensions RFC 3501 does not name.
struct code_other {
    std::string_view atom;
    std::optional<std::string_view> text;
    friend bool operator==(const code_other&, const code_other&) = default;
};

/// RFC 3501 `resp-text-code`.
using resp_text_code =
    std::variant<code_alert, code_badcharset, code_capability, code_parse, code_permanentflags,
                 code_read_only, code_read_write, code_trycreate, code_uidnext, code_uidvalidity,
                 code_unseen,
                 // extensions
                 code_highestmodseq, code_nomodseq, code_modified, code_appenduid, code_copyuid,
                 code_uidnotsticky, code_closed, code_unknown_cte, code_useattr, code_mailboxid,
                 code_notsaved, code_uidrequired, code_compressionactive,
                 code_haschildren
                     // RFC 5530: code_unavailable ... code_nonexistent
                     IMAPWIRE_RFC5530_TYPES,
                 // atom [SP 1*<any TEXT-CHAR except "]">]
                 code_other>;

/// RFC 3501 `resp-text`: ["[" resp-text-code "]" SP] text.
struct resp_text {
    std::optional<resp_text_code> code;
    std::string_view text;
    friend bool operator==(const resp_text&, const resp_text&) = default;
};

// ---------------------------------------------------------------------------------------------
// Status responses

/// The condition of a status response.
enum class condition { ok, no, bad, preauth, bye };

/// resp-cond-state ("OK" / "NO" / "BAD"), resp-cond-auth ("OK" / "PREAUTH") and resp-cond-bye
/// ("BYE"): a condition and its resp-text. Which conditions are valid depends on where it stands.
struct resp_cond {
    condition status = condition::ok;
    resp_text text;
    friend bool operator==(const resp_cond&, const resp_cond&) = default;
};

/// RFC 3501 `greeting`: "*" SP (resp-cond-auth / resp-cond-bye) CRLF.
struct greeting {
    resp_cond cond; ///< ok, preauth or bye
    friend bool operator==(const greeting&, const greeting&) = default;
};

// ---------------------------------------------------------------------------------------------
// mailbox-data, message-data, capability-data

/// capability-data: "CAPABILITY" *(SP capability) SP "IMAP4rev1" *(SP capability).
struct capability_data {
    vector<std::string_view> capabilities; ///< as written; one is IMAP4rev1
    friend bool operator==(const capability_data&, const capability_data&) = default;
};

/// "FLAGS" SP flag-list
struct flags_data {
    vector<flag> flags;
    friend bool operator==(const flags_data&, const flags_data&) = default;
};

/// RFC 3501 `mailbox-list`: "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP
/// mailbox.
struct mailbox_list {
    vector<flag> flags;            ///< mbx-list-flags: at most one of \Noselect \Marked \Unmarked
                                   ///< (and LIST-EXTENDED's \NonExistent)
    std::optional<char> delimiter; ///< NIL when empty
    ast::mailbox mailbox;
    /// LIST-EXTENDED (RFC 5258 §6) `[SP mbox-list-extended]`, `mbox-list-extended = "("
    /// [mbox-list-extended-item *(SP mbox-list-extended-item)] ")"`; nullopt when not written
    std::optional<vector<mbox_list_extended_item>> extended{};
    friend bool operator==(const mailbox_list&, const mailbox_list&) = default;
};
/// "LIST" SP mailbox-list
struct list_data {
    mailbox_list list;
    friend bool operator==(const list_data&, const list_data&) = default;
};
/// "LSUB" SP mailbox-list
struct lsub_data {
    mailbox_list list;
    friend bool operator==(const lsub_data&, const lsub_data&) = default;
};
/// "SEARCH" *(SP nz-number)
struct search_data {
    vector<std::uint32_t> numbers;
    /// CONDSTORE (RFC 7162 §3.1.5): the highest mod-sequence of the messages found, written
    /// after them as `(MODSEQ n)`; only with at least one number.
    std::optional<std::uint64_t> modseq;
    friend bool operator==(const search_data&, const search_data&) = default;
};
/// One status-att SP number pair of status-att-list.
struct status_item {
    status_att att = status_att::messages;
    std::uint64_t value = 0; ///< a number; a mod-sequence-valzer for HIGHESTMODSEQ; 0 for MAILBOXID
    std::string_view objectid{}; ///< OBJECTID (RFC 8474 §4.3): MAILBOXID's value, only there
    /// APPENDLIMIT (RFC 7889 §4) `"APPENDLIMIT" SP (number / nil)`: NIL, the mailbox has no
    /// limit of its own (value is then 0); only there
    bool nil = false;
    friend bool operator==(const status_item&, const status_item&) = default;
};
/// "STATUS" SP mailbox SP "(" [status-att-list] ")"
struct status_data {
    ast::mailbox mailbox;
    vector<status_item> items;
    friend bool operator==(const status_data&, const status_data&) = default;
};
/// number SP "EXISTS"
struct exists_data {
    std::uint32_t count = 0;
    friend bool operator==(const exists_data&, const exists_data&) = default;
};
/// number SP "RECENT"
struct recent_data {
    std::uint32_t count = 0;
    friend bool operator==(const recent_data&, const recent_data&) = default;
};
/// nz-number SP "EXPUNGE"
struct expunge_data {
    std::uint32_t number = 1;
    friend bool operator==(const expunge_data&, const expunge_data&) = default;
};

// msg-att items
/// "FLAGS" SP "(" [flag-fetch *(SP flag-fetch)] ")"
struct msg_att_flags {
    vector<flag> flags;
    friend bool operator==(const msg_att_flags&, const msg_att_flags&) = default;
};
/// "ENVELOPE" SP envelope
struct msg_att_envelope {
    ast::envelope envelope;
    friend bool operator==(const msg_att_envelope&, const msg_att_envelope&) = default;
};
/// "INTERNALDATE" SP date-time
struct msg_att_internaldate {
    date_time date;
    friend bool operator==(const msg_att_internaldate&, const msg_att_internaldate&) = default;
};
/// "RFC822" [".HEADER" / ".TEXT"] SP nstring
struct msg_att_rfc822 {
    enum class part { whole, header, text };
    part which = part::whole;
    nstring data;
    friend bool operator==(const msg_att_rfc822&, const msg_att_rfc822&) = default;
};
/// "RFC822.SIZE" SP number
struct msg_att_rfc822_size {
    std::uint64_t size = 0; ///< a number; with IMAP4rev2 a number64 (RFC 9051 §9)
    friend bool operator==(const msg_att_rfc822_size&, const msg_att_rfc822_size&) = default;
};
/// "BODY" SP body (non-extensible) or "BODYSTRUCTURE" SP body
struct msg_att_body {
    bool structure = false; ///< BODYSTRUCTURE
    ast::body body;
    friend bool operator==(const msg_att_body&, const msg_att_body&) = default;
};
/// "BODY" section ["<" number ">"] SP nstring
struct msg_att_body_section {
    ast::section section;
    std::optional<std::uint64_t> origin; ///< IMAP4rev2: a number64
    nstring data;
    friend bool operator==(const msg_att_body_section&, const msg_att_body_section&) = default;
};
/// "UID" SP uniqueid
struct msg_att_uid {
    std::uint32_t uid = 1;
    friend bool operator==(const msg_att_uid&, const msg_att_uid&) = default;
};

/// One item of msg-att: msg-att-dynamic (FLAGS) or msg-att-static (the rest).
using msg_att_item =
    std::variant<msg_att_flags, msg_att_envelope, msg_att_internaldate, msg_att_rfc822,
                 msg_att_rfc822_size, msg_att_body, msg_att_body_section, msg_att_uid,
                 // extensions
                 msg_att_modseq, msg_att_savedate, msg_att_binary, msg_att_binary_size,
                 msg_att_emailid, msg_att_threadid>;

/// nz-number SP "FETCH" SP msg-att
struct fetch_data {
    std::uint32_t number = 1;
    vector<msg_att_item> items; ///< msg-att: at least one
    friend bool operator==(const fetch_data&, const fetch_data&) = default;
};
/// UIDONLY (RFC 9586 §4) `uidfetch-resp = uniqueid SP "UIDFETCH" SP msg-att`
/// (`message-data =/ uidfetch-resp`): FETCH data of the message with this UID.
struct uidfetch_data {
    std::uint32_t uid = 1;
    vector<msg_att_item> items; ///< msg-att: at least one
    friend bool operator==(const uidfetch_data&, const uidfetch_data&) = default;
};

/// RFC 3501 `response-data`: "*" SP (resp-cond-state / resp-cond-bye / mailbox-data /
/// message-data / capability-data) CRLF. A BYE is also response-fatal when the server closes
/// the connection after it.
using response_data =
    std::variant<resp_cond, capability_data, flags_data, list_data, lsub_data, search_data,
                 status_data, exists_data, recent_data, expunge_data, fetch_data,
                 // extensions (ext/registry.hpp)
                 enabled_data, id_data, namespace_data, vanished_data, esearch_data, uidfetch_data>;

/// RFC 3501 `response-tagged`: tag SP resp-cond-state CRLF.
struct response_tagged {
    std::string_view tag;
    resp_cond cond; ///< ok, no or bad
    friend bool operator==(const response_tagged&, const response_tagged&) = default;
};

/// RFC 3501 `continue-req`: "+" SP (resp-text / base64) CRLF. The RFC gives resp-text
/// priority, so a base64 challenge reads as text; only an empty line is base64 (empty).
struct continue_req {
    std::variant<resp_text, std::string_view> content; ///< resp-text, or base64
    friend bool operator==(const continue_req&, const continue_req&) = default;
};

/// One server message: a continuation request, untagged data or a tagged completion.
struct response {
    std::variant<continue_req, response_data, response_tagged> v;
    friend bool operator==(const response&, const response&) = default;
};

} // namespace imapwire::ast
