// imapwire AST: one traits entry per alternative of the AST's choice types (DESIGN §1, §2).
//
// Each alternative of ast::command_body, ast::response_data, ast::msg_att_item and
// ast::resp_text_code has exactly one ast::traits<T> specialization here (or in its extension's
// folder, ext/NAME/traits.hpp) that says everything the library knows about it as a fact: its
// keyword, its name in JSON and test output, the extension it belongs to and where the RFC
// defines it, and for commands the states they are allowed in. The serializer, the session, the
// JSON writer, the tests and the fuzz dictionary all read these entries. The primary template is
// declared and never defined, so an alternative added to a variant without its entry is a
// compile error at every place that asks for it.
#pragma once

#include <imapwire/ast/command.hpp>
#include <imapwire/ast/response.hpp>
#include <imapwire/ext/registry.hpp>
#include <imapwire/state.hpp>

#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace imapwire::ast {

/// The entry for one alternative T. Declared only: see above.
template <class T>
struct traits;

/// An alternative that has its entry.
template <class T>
concept has_traits = requires {
    traits<T>::info;
};

/// For `if constexpr` chains over a variant's alternatives: the final `else` is
/// `static_assert(unhandled<T>, "...")`, so an alternative nobody handles does not compile.
template <class T>
inline constexpr bool unhandled = false;

/// RFC 3501 §9 puts each command in one of these groups.
enum class command_group : std::uint8_t { any, nonauth, auth, select };

/// The states a command of a group is allowed in (RFC 3501 §3, §6). Commands of command-any
/// are allowed before the greeting too: the session then reports the missing greeting instead.
constexpr state_set states_of(command_group g) noexcept {
    using s = protocol_state;
    switch (g) {
    case command_group::any:
        return {s::greeting, s::not_authenticated, s::authenticated, s::selected};
    case command_group::nonauth:
        return {s::not_authenticated};
    case command_group::auth:
        return {s::authenticated, s::selected};
    case command_group::select:
        return {s::selected};
    }
    return {};
}

/// What is known of a command.
struct command_info {
    std::string_view keyword; ///< as written, upper case; x-command: "X" (its atom is its name)
    std::string_view name;    ///< in JSON and test output
    command_group group;      ///< where the ABNF puts it
    state_set states;         ///< where it is allowed
    extension ext;            ///< imap4rev1 for the core
    std::string_view rfc;     ///< where it is defined
};

/// What is known of untagged response data, a FETCH item or a response code.
struct item_info {
    std::string_view keyword; ///< as written, upper case; "" where the value decides it
    std::string_view name;    ///< in JSON and test output
    extension ext;
    std::string_view rfc;
    bool after_number = false; ///< response data written `number SP keyword` (EXISTS, FETCH)
};

/// Whether a response code is its keyword alone (ALERT, NOMODSEQ, the RFC 5530 codes...): what
/// the grammar reads and the serializer writes for them is that keyword. A code type with no
/// members has nothing else to read or write, and every code with an argument has a member.
template <class T>
inline constexpr bool is_bare_code = std::is_empty_v<T>;

namespace detail {
constexpr command_info command(std::string_view kw, std::string_view name, command_group g,
                               std::string_view rfc, extension e = extension::imap4rev1) {
    return {kw, name, g, states_of(g), e, rfc};
}
constexpr item_info item(std::string_view kw, std::string_view name, std::string_view rfc,
                         extension e = extension::imap4rev1, bool after_number = false) {
    return {kw, name, e, rfc, after_number};
}
} // namespace detail

#define IMAPWIRE_TRAITS_(type, ...)                                                                \
    template <>                                                                                    \
    struct traits<type> {                                                                          \
        static constexpr auto info = __VA_ARGS__;                                                  \
    };

// --- commands (RFC 3501 §6, §9 command-any / command-nonauth / command-auth / command-select)
IMAPWIRE_TRAITS_(capability_command,
                 detail::command("CAPABILITY", "capability", command_group::any, "RFC 3501 §6.1.1"))
IMAPWIRE_TRAITS_(noop_command,
                 detail::command("NOOP", "noop", command_group::any, "RFC 3501 §6.1.2"))
IMAPWIRE_TRAITS_(logout_command,
                 detail::command("LOGOUT", "logout", command_group::any, "RFC 3501 §6.1.3"))
IMAPWIRE_TRAITS_(x_command, detail::command("X", "x", command_group::any, "RFC 3501 §6.5.1"))
IMAPWIRE_TRAITS_(starttls_command,
                 detail::command("STARTTLS", "starttls", command_group::nonauth, "RFC 3501 §6.2.1"))
IMAPWIRE_TRAITS_(authenticate_command, detail::command("AUTHENTICATE", "authenticate",
                                                       command_group::nonauth, "RFC 3501 §6.2.2"))
IMAPWIRE_TRAITS_(login_command,
                 detail::command("LOGIN", "login", command_group::nonauth, "RFC 3501 §6.2.3"))
IMAPWIRE_TRAITS_(select_command,
                 detail::command("SELECT", "select", command_group::auth, "RFC 3501 §6.3.1"))
IMAPWIRE_TRAITS_(examine_command,
                 detail::command("EXAMINE", "examine", command_group::auth, "RFC 3501 §6.3.2"))
IMAPWIRE_TRAITS_(create_command,
                 detail::command("CREATE", "create", command_group::auth, "RFC 3501 §6.3.3"))
IMAPWIRE_TRAITS_(delete_command,
                 detail::command("DELETE", "delete", command_group::auth, "RFC 3501 §6.3.4"))
IMAPWIRE_TRAITS_(rename_command,
                 detail::command("RENAME", "rename", command_group::auth, "RFC 3501 §6.3.5"))
IMAPWIRE_TRAITS_(subscribe_command,
                 detail::command("SUBSCRIBE", "subscribe", command_group::auth, "RFC 3501 §6.3.6"))
IMAPWIRE_TRAITS_(unsubscribe_command, detail::command("UNSUBSCRIBE", "unsubscribe",
                                                      command_group::auth, "RFC 3501 §6.3.7"))
IMAPWIRE_TRAITS_(list_command,
                 detail::command("LIST", "list", command_group::auth, "RFC 3501 §6.3.8"))
IMAPWIRE_TRAITS_(lsub_command,
                 detail::command("LSUB", "lsub", command_group::auth, "RFC 3501 §6.3.9"))
IMAPWIRE_TRAITS_(status_command,
                 detail::command("STATUS", "status", command_group::auth, "RFC 3501 §6.3.10"))
IMAPWIRE_TRAITS_(append_command,
                 detail::command("APPEND", "append", command_group::auth, "RFC 3501 §6.3.11"))
IMAPWIRE_TRAITS_(check_command,
                 detail::command("CHECK", "check", command_group::select, "RFC 3501 §6.4.1"))
IMAPWIRE_TRAITS_(close_command,
                 detail::command("CLOSE", "close", command_group::select, "RFC 3501 §6.4.2"))
IMAPWIRE_TRAITS_(expunge_command,
                 detail::command("EXPUNGE", "expunge", command_group::select, "RFC 3501 §6.4.3"))
IMAPWIRE_TRAITS_(search_command,
                 detail::command("SEARCH", "search", command_group::select, "RFC 3501 §6.4.4"))
IMAPWIRE_TRAITS_(fetch_command,
                 detail::command("FETCH", "fetch", command_group::select, "RFC 3501 §6.4.5"))
IMAPWIRE_TRAITS_(store_command,
                 detail::command("STORE", "store", command_group::select, "RFC 3501 §6.4.6"))
IMAPWIRE_TRAITS_(copy_command,
                 detail::command("COPY", "copy", command_group::select, "RFC 3501 §6.4.7"))
IMAPWIRE_TRAITS_(uid_command,
                 detail::command("UID", "uid", command_group::select, "RFC 3501 §6.4.8"))

// --- response data (RFC 3501 §7, §9 response-data)
IMAPWIRE_TRAITS_(resp_cond, detail::item("", "cond", "RFC 3501 §7.1"))
IMAPWIRE_TRAITS_(capability_data, detail::item("CAPABILITY", "capability", "RFC 3501 §7.2.1"))
IMAPWIRE_TRAITS_(list_data, detail::item("LIST", "list", "RFC 3501 §7.2.2"))
IMAPWIRE_TRAITS_(lsub_data, detail::item("LSUB", "lsub", "RFC 3501 §7.2.3"))
IMAPWIRE_TRAITS_(status_data, detail::item("STATUS", "status", "RFC 3501 §7.2.4"))
IMAPWIRE_TRAITS_(search_data, detail::item("SEARCH", "search", "RFC 3501 §7.2.5"))
IMAPWIRE_TRAITS_(flags_data, detail::item("FLAGS", "flags", "RFC 3501 §7.2.6"))
IMAPWIRE_TRAITS_(exists_data,
                 detail::item("EXISTS", "exists", "RFC 3501 §7.3.1", extension::imap4rev1, true))
IMAPWIRE_TRAITS_(recent_data,
                 detail::item("RECENT", "recent", "RFC 3501 §7.3.2", extension::imap4rev1, true))
IMAPWIRE_TRAITS_(expunge_data,
                 detail::item("EXPUNGE", "expunge", "RFC 3501 §7.4.1", extension::imap4rev1, true))
IMAPWIRE_TRAITS_(fetch_data,
                 detail::item("FETCH", "fetch", "RFC 3501 §7.4.2", extension::imap4rev1, true))

// --- FETCH response items (RFC 3501 §7.4.2, §9 msg-att)
IMAPWIRE_TRAITS_(msg_att_flags, detail::item("FLAGS", "flags", "RFC 3501 §7.4.2"))
IMAPWIRE_TRAITS_(msg_att_envelope, detail::item("ENVELOPE", "envelope", "RFC 3501 §7.4.2"))
IMAPWIRE_TRAITS_(msg_att_internaldate,
                 detail::item("INTERNALDATE", "internaldate", "RFC 3501 §7.4.2"))
IMAPWIRE_TRAITS_(msg_att_rfc822,
                 detail::item("", "rfc822", "RFC 3501 §7.4.2")) // RFC822[.HEADER/.TEXT]
IMAPWIRE_TRAITS_(msg_att_rfc822_size, detail::item("RFC822.SIZE", "rfc822_size", "RFC 3501 §7.4.2"))
IMAPWIRE_TRAITS_(msg_att_body, detail::item("", "body", "RFC 3501 §7.4.2")) // BODY / BODYSTRUCTURE
IMAPWIRE_TRAITS_(msg_att_body_section, detail::item("BODY", "body_section", "RFC 3501 §7.4.2"))
IMAPWIRE_TRAITS_(msg_att_uid, detail::item("UID", "uid", "RFC 3501 §7.4.2"))

// --- response codes (RFC 3501 §7.1, §9 resp-text-code)
IMAPWIRE_TRAITS_(code_alert, detail::item("ALERT", "alert", "RFC 3501 §7.1"))
IMAPWIRE_TRAITS_(code_badcharset, detail::item("BADCHARSET", "badcharset", "RFC 3501 §7.1"))
IMAPWIRE_TRAITS_(code_capability, detail::item("CAPABILITY", "capability", "RFC 3501 §7.1"))
IMAPWIRE_TRAITS_(code_parse, detail::item("PARSE", "parse", "RFC 3501 §7.1"))
IMAPWIRE_TRAITS_(code_permanentflags,
                 detail::item("PERMANENTFLAGS", "permanentflags", "RFC 3501 §7.1"))
IMAPWIRE_TRAITS_(code_read_only, detail::item("READ-ONLY", "read_only", "RFC 3501 §7.1"))
IMAPWIRE_TRAITS_(code_read_write, detail::item("READ-WRITE", "read_write", "RFC 3501 §7.1"))
IMAPWIRE_TRAITS_(code_trycreate, detail::item("TRYCREATE", "trycreate", "RFC 3501 §7.1"))
IMAPWIRE_TRAITS_(code_uidnext, detail::item("UIDNEXT", "uidnext", "RFC 3501 §7.1"))
IMAPWIRE_TRAITS_(code_uidvalidity, detail::item("UIDVALIDITY", "uidvalidity", "RFC 3501 §7.1"))
IMAPWIRE_TRAITS_(code_unseen, detail::item("UNSEEN", "unseen", "RFC 3501 §7.1"))
IMAPWIRE_TRAITS_(code_other, detail::item("", "other", "RFC 3501 §7.1")) // atom [SP text]

#undef IMAPWIRE_TRAITS_

// --- keyword enumerations: one table per enumeration whose values are written as keywords
// (search keys, STATUS items, FETCH macros). The grammar's symbol tables, the serializer's
// keyword() and the fuzz dictionary are built from these.

/// The keyword of each value of E, in enumerator order. Declared only: an enumeration without
/// its table has no keyword().
template <class E>
struct keywords;

#define IMAPWIRE_KEYWORDS_(type, ...)                                                              \
    template <>                                                                                    \
    struct keywords<type> {                                                                        \
        static constexpr std::pair<type, std::string_view> table[] = {__VA_ARGS__};                \
    };

/// The extension an enumerator of a keywords table belongs to: the core, unless the extension's
/// traits header says otherwise with an overload (ext/condstore/traits.hpp for status_att).
template <class E>
constexpr extension extension_of(E) noexcept {
    return extension::imap4rev1;
}

IMAPWIRE_KEYWORDS_(search_flag_key, {search_flag_key::all, "ALL"},
                   {search_flag_key::answered, "ANSWERED"}, {search_flag_key::deleted, "DELETED"},
                   {search_flag_key::flagged, "FLAGGED"}, {search_flag_key::new_, "NEW"},
                   {search_flag_key::old, "OLD"}, {search_flag_key::recent, "RECENT"},
                   {search_flag_key::seen, "SEEN"}, {search_flag_key::unanswered, "UNANSWERED"},
                   {search_flag_key::undeleted, "UNDELETED"},
                   {search_flag_key::unflagged, "UNFLAGGED"}, {search_flag_key::unseen, "UNSEEN"},
                   {search_flag_key::draft, "DRAFT"}, {search_flag_key::undraft, "UNDRAFT"},
                   {search_flag_key::savedatesupported, "SAVEDATESUPPORTED"})
IMAPWIRE_KEYWORDS_(search_string_kind, {search_string_kind::bcc, "BCC"},
                   {search_string_kind::body, "BODY"}, {search_string_kind::cc, "CC"},
                   {search_string_kind::from, "FROM"}, {search_string_kind::subject, "SUBJECT"},
                   {search_string_kind::text, "TEXT"}, {search_string_kind::to, "TO"})
IMAPWIRE_KEYWORDS_(search_date_kind, {search_date_kind::before, "BEFORE"},
                   {search_date_kind::on, "ON"}, {search_date_kind::since, "SINCE"},
                   {search_date_kind::sentbefore, "SENTBEFORE"},
                   {search_date_kind::senton, "SENTON"}, {search_date_kind::sentsince, "SENTSINCE"},
                   {search_date_kind::savedbefore, "SAVEDBEFORE"},
                   {search_date_kind::savedon, "SAVEDON"},
                   {search_date_kind::savedsince, "SAVEDSINCE"})
IMAPWIRE_KEYWORDS_(search_keyword_kind, {search_keyword_kind::keyword, "KEYWORD"},
                   {search_keyword_kind::unkeyword, "UNKEYWORD"})
IMAPWIRE_KEYWORDS_(search_size_kind, {search_size_kind::larger, "LARGER"},
                   {search_size_kind::smaller, "SMALLER"})
IMAPWIRE_KEYWORDS_(status_att, {status_att::messages, "MESSAGES"}, {status_att::recent, "RECENT"},
                   {status_att::uidnext, "UIDNEXT"}, {status_att::uidvalidity, "UIDVALIDITY"},
                   {status_att::unseen, "UNSEEN"}, {status_att::highestmodseq, "HIGHESTMODSEQ"},
                   {status_att::size, "SIZE"}, {status_att::mailboxid, "MAILBOXID"},
                   {status_att::appendlimit, "APPENDLIMIT"}, {status_att::deleted, "DELETED"})
/// The extension a STATUS item belongs to (several extensions add items to one enumeration, so
/// one switch says it for all; a new enumerator left out does not compile with -Wswitch).
constexpr extension extension_of(status_att a) noexcept {
    switch (a) {
    case status_att::messages:
    case status_att::recent:
    case status_att::uidnext:
    case status_att::uidvalidity:
    case status_att::unseen:
        return extension::imap4rev1;
    case status_att::highestmodseq: // RFC 7162 §3.1.7
        return extension::condstore;
    case status_att::size: // RFC 8438 §2
        return extension::status_size;
    case status_att::mailboxid: // RFC 8474 §4.3
        return extension::objectid;
    case status_att::appendlimit: // RFC 7889 §4
        return extension::appendlimit;
    case status_att::deleted: // RFC 9051 §6.3.11
        return extension::imap4rev2;
    }
    return extension::imap4rev1;
}
// FETCH's fetch-att: BODY is both the bare item and BODY[section] (what follows tells them apart).
IMAPWIRE_KEYWORDS_(fetch_att_kind, {fetch_att_kind::envelope, "ENVELOPE"},
                   {fetch_att_kind::flags, "FLAGS"}, {fetch_att_kind::internaldate, "INTERNALDATE"},
                   {fetch_att_kind::rfc822, "RFC822"},
                   {fetch_att_kind::rfc822_header, "RFC822.HEADER"},
                   {fetch_att_kind::rfc822_size, "RFC822.SIZE"},
                   {fetch_att_kind::rfc822_text, "RFC822.TEXT"}, {fetch_att_kind::body, "BODY"},
                   {fetch_att_kind::bodystructure, "BODYSTRUCTURE"}, {fetch_att_kind::uid, "UID"},
                   {fetch_att_kind::body_section, "BODY"},
                   {fetch_att_kind::body_peek_section, "BODY.PEEK"},
                   {fetch_att_kind::modseq, "MODSEQ"}, {fetch_att_kind::savedate, "SAVEDATE"},
                   {fetch_att_kind::binary, "BINARY"}, {fetch_att_kind::binary_peek, "BINARY.PEEK"},
                   {fetch_att_kind::binary_size, "BINARY.SIZE"},
                   {fetch_att_kind::emailid, "EMAILID"}, {fetch_att_kind::threadid, "THREADID"})
/// The extension a fetch-att belongs to (one switch for all extensions that add to it).
constexpr extension extension_of(fetch_att_kind k) noexcept {
    switch (k) {
    case fetch_att_kind::envelope:
    case fetch_att_kind::flags:
    case fetch_att_kind::internaldate:
    case fetch_att_kind::rfc822:
    case fetch_att_kind::rfc822_header:
    case fetch_att_kind::rfc822_size:
    case fetch_att_kind::rfc822_text:
    case fetch_att_kind::body:
    case fetch_att_kind::bodystructure:
    case fetch_att_kind::uid:
    case fetch_att_kind::body_section:
    case fetch_att_kind::body_peek_section:
        return extension::imap4rev1;
    case fetch_att_kind::modseq: // RFC 7162 §3.1.4.2
        return extension::condstore;
    case fetch_att_kind::savedate: // RFC 8514 §4.2
        return extension::savedate;
    case fetch_att_kind::binary: // RFC 3516 §4.2
    case fetch_att_kind::binary_peek:
    case fetch_att_kind::binary_size:
        return extension::binary;
    case fetch_att_kind::emailid: // RFC 8474 §5.3
    case fetch_att_kind::threadid:
        return extension::objectid;
    }
    return extension::imap4rev1;
}
/// SAVEDATESUPPORTED (RFC 8514 §4.4) is SAVEDATE's; the rest are RFC 3501's.
constexpr extension extension_of(search_flag_key k) noexcept {
    return k == search_flag_key::savedatesupported ? extension::savedate : extension::imap4rev1;
}
/// SAVEDBEFORE, SAVEDON, SAVEDSINCE (RFC 8514 §4.4) are SAVEDATE's.
constexpr extension extension_of(search_date_kind k) noexcept {
    switch (k) {
    case search_date_kind::before:
    case search_date_kind::on:
    case search_date_kind::since:
    case search_date_kind::sentbefore:
    case search_date_kind::senton:
    case search_date_kind::sentsince:
        return extension::imap4rev1;
    case search_date_kind::savedbefore:
    case search_date_kind::savedon:
    case search_date_kind::savedsince:
        return extension::savedate;
    }
    return extension::imap4rev1;
}
IMAPWIRE_KEYWORDS_(fetch_macro, {fetch_macro::all, "ALL"}, {fetch_macro::full, "FULL"},
                   {fetch_macro::fast, "FAST"})
#undef IMAPWIRE_KEYWORDS_

/// The keyword of an enumerator (empty for a value outside the enumeration).
template <class E>
requires requires {
    keywords<E>::table;
}
constexpr std::string_view keyword(E value) noexcept {
    for (const auto& [v, kw] : keywords<E>::table)
        if (v == value)
            return kw;
    return {};
}

/// The entry of the alternative `v` holds.
template <class... Ts>
constexpr const auto& info(const std::variant<Ts...>& v) noexcept {
    static_assert((has_traits<Ts> && ...), "an alternative has no ast::traits entry");
    return std::visit(
        [](const auto& x) -> const auto& { return traits<std::decay_t<decltype(x)>>::info; }, v);
}

/// Calls f.template operator()<T>() for every alternative T of a variant type, in order.
template <class Variant, class F>
constexpr void for_each_alternative(F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (f.template operator()<std::variant_alternative_t<I, Variant>>(), ...);
    }
    (std::make_index_sequence<std::variant_size_v<Variant>>{});
}

} // namespace imapwire::ast

// The extensions' entries (one line each; see ext/registry.hpp).
#include <imapwire/ext/binary/traits.hpp>
#include <imapwire/ext/compress/traits.hpp>
#include <imapwire/ext/condstore/traits.hpp>
#include <imapwire/ext/enable/traits.hpp>
#include <imapwire/ext/esearch/traits.hpp>
#include <imapwire/ext/id/traits.hpp>
#include <imapwire/ext/idle/traits.hpp>
#include <imapwire/ext/imap4rev2/traits.hpp>
#include <imapwire/ext/list_extended/traits.hpp>
#include <imapwire/ext/list_status/traits.hpp>
#include <imapwire/ext/move/traits.hpp>
#include <imapwire/ext/namespace/traits.hpp>
#include <imapwire/ext/objectid/traits.hpp>
#include <imapwire/ext/partial/traits.hpp>
#include <imapwire/ext/qresync/traits.hpp>
#include <imapwire/ext/rfc5530/traits.hpp>
#include <imapwire/ext/savedate/traits.hpp>
#include <imapwire/ext/searchres/traits.hpp>
#include <imapwire/ext/special_use/traits.hpp>
#include <imapwire/ext/uidonly/traits.hpp>
#include <imapwire/ext/uidplus/traits.hpp>
#include <imapwire/ext/unselect/traits.hpp>
