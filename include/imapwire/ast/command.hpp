// imapwire AST: client commands (RFC 3501 §6, §9 command).
#pragma once

#include <imapwire/ast/allocator.hpp>

#include <imapwire/ast/core.hpp>
#include <imapwire/ast/datetime.hpp>
#include <imapwire/ast/fetch.hpp>
#include <imapwire/ast/flag.hpp>
#include <imapwire/ast/mailbox.hpp>
#include <imapwire/ast/search.hpp>
#include <imapwire/ast/sequence.hpp>
#include <imapwire/ast/status.hpp>
// extensions that add commands (one line each)
#include <imapwire/ext/compress/ast.hpp>
#include <imapwire/ext/enable/ast.hpp>
#include <imapwire/ext/esearch/ast.hpp>
#include <imapwire/ext/id/ast.hpp>
#include <imapwire/ext/idle/ast.hpp>
#include <imapwire/ext/move/ast.hpp>
#include <imapwire/ext/namespace/ast.hpp>
#include <imapwire/ext/qresync/ast.hpp>
#include <imapwire/ext/uidplus/ast.hpp>
#include <imapwire/ext/unselect/ast.hpp>
// extensions that add modifiers, parameters and options (RFC 4466, RFC 5258)
#include <imapwire/ext/condstore/ast.hpp>
#include <imapwire/ext/list_extended/ast.hpp>
#include <imapwire/ext/special_use/ast.hpp>

#include <optional>
#include <string_view>
#include <variant>
#include <vector>

namespace imapwire::ast {

// The extension points of RFC 4466 §2: the modifiers of FETCH and STORE and the parameters of
// SELECT and EXAMINE, each an alternative that an extension adds (none in RFC 3501 alone).

/// RFC 4466 `fetch-modifier`.
using fetch_modifier = std::variant<fetch_mod_changedsince, fetch_mod_vanished, fetch_mod_partial>;
/// RFC 4466 `store-modifier`.
using store_modifier = std::variant<store_mod_unchangedsince>;
/// RFC 4466 `select-param`.
using select_param = std::variant<select_param_condstore, select_param_qresync>;
/// RFC 4466 `create-param`.
using create_param = std::variant<create_param_use>;

// command-any
struct capability_command {
    friend bool operator==(const capability_command&, const capability_command&) = default;
};
struct logout_command {
    friend bool operator==(const logout_command&, const logout_command&) = default;
};
struct noop_command {
    friend bool operator==(const noop_command&, const noop_command&) = default;
};
/// x-command: "X" atom <experimental command arguments>.
struct x_command {
    std::string_view name;      ///< the whole atom, "X" included
    std::string_view arguments; ///< everything after "name SP" up to the final CRLF, raw
    bool has_arguments = false; ///< a SP followed the name (arguments may still be empty)
    friend bool operator==(const x_command&, const x_command&) = default;
};

// command-auth
/// MULTIAPPEND (RFC 3502) `append-message = [SP flag-list] [SP date-time] SP literal`: one
/// message of an APPEND after the first.
struct append_message {
    std::optional<flag_list> flags;
    std::optional<date_time> internal_date;
    string message; ///< the literal
    friend bool operator==(const append_message&, const append_message&) = default;
};
/// "APPEND" SP mailbox [SP flag-list] [SP date-time] SP literal: the first (with RFC 3501, the
/// only) message's flags, date and literal, and with MULTIAPPEND (RFC 3502 `append = "APPEND"
/// SP mailbox 1*append-message`) the messages after it in `more`.
struct append_command {
    ast::mailbox mailbox;
    std::optional<flag_list> flags;
    std::optional<date_time> internal_date;
    string message;                ///< the literal
    vector<append_message> more{}; ///< MULTIAPPEND: the second message on, in order
    friend bool operator==(const append_command&, const append_command&) = default;
};
struct create_command {
    ast::mailbox mailbox;
    vector<create_param> params{}; ///< RFC 4466 create-params: SP "(" ... ")" when not empty
    friend bool operator==(const create_command&, const create_command&) = default;
};
struct delete_command {
    ast::mailbox mailbox;
    friend bool operator==(const delete_command&, const delete_command&) = default;
};
struct examine_command {
    ast::mailbox mailbox;
    vector<select_param> params{}; ///< RFC 4466 select-params: SP "(" ... ")" when not empty
    friend bool operator==(const examine_command&, const examine_command&) = default;
};
/// RFC 3501 `list`, and RFC 5258's extended LIST: `"LIST" [SP list-select-opts] SP mailbox SP
/// mbox-or-pat [SP list-return-opts]`, `mbox-or-pat = list-mailbox / patterns`.
struct list_command {
    ast::mailbox reference;
    list_mailbox pattern; ///< the one list-mailbox; empty when `patterns` holds them
    /// LIST-EXTENDED `list-select-opts = "(" [...] ")"`; nullopt when not written
    std::optional<vector<list_select_option>> select_options{};
    /// LIST-EXTENDED `patterns = "(" list-mailbox *(SP list-mailbox) ")"`: empty when the
    /// command has one list-mailbox (in `pattern`), at least one when written
    vector<list_mailbox> patterns{};
    /// LIST-EXTENDED `list-return-opts = "RETURN" SP "(" [...] ")"`; nullopt when not written
    std::optional<vector<list_return_option>> return_options{};
    friend bool operator==(const list_command&, const list_command&) = default;
};
struct lsub_command {
    ast::mailbox reference;
    list_mailbox pattern;
    friend bool operator==(const lsub_command&, const lsub_command&) = default;
};
struct rename_command {
    ast::mailbox from;
    ast::mailbox to;
    friend bool operator==(const rename_command&, const rename_command&) = default;
};
struct select_command {
    ast::mailbox mailbox;
    vector<select_param> params{}; ///< RFC 4466 select-params: SP "(" ... ")" when not empty
    friend bool operator==(const select_command&, const select_command&) = default;
};
struct status_command {
    ast::mailbox mailbox;
    vector<status_att> items;
    friend bool operator==(const status_command&, const status_command&) = default;
};
struct subscribe_command {
    ast::mailbox mailbox;
    friend bool operator==(const subscribe_command&, const subscribe_command&) = default;
};
struct unsubscribe_command {
    ast::mailbox mailbox;
    friend bool operator==(const unsubscribe_command&, const unsubscribe_command&) = default;
};

// command-nonauth
struct login_command {
    astring userid;
    astring password;
    friend bool operator==(const login_command&, const login_command&) = default;
};
struct authenticate_command {
    std::string_view mechanism; ///< auth-type (an atom)
    /// SASL-IR (RFC 4959): the initial response after the mechanism, base64 or "=" for an empty
    /// one, exactly as written.
    std::optional<std::string_view> initial_response{};
    friend bool operator==(const authenticate_command&, const authenticate_command&) = default;
};
struct starttls_command {
    friend bool operator==(const starttls_command&, const starttls_command&) = default;
};

// command-select
struct check_command {
    friend bool operator==(const check_command&, const check_command&) = default;
};
struct close_command {
    friend bool operator==(const close_command&, const close_command&) = default;
};
struct expunge_command {
    friend bool operator==(const expunge_command&, const expunge_command&) = default;
};
struct copy_command {
    sequence_set set;
    ast::mailbox mailbox;
    friend bool operator==(const copy_command&, const copy_command&) = default;
};
struct fetch_command {
    sequence_set set;
    fetch_items items;
    vector<fetch_modifier> modifiers{}; ///< RFC 4466 fetch-modifiers, after the items
    friend bool operator==(const fetch_command&, const fetch_command&) = default;
};

/// store-att-flags: (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))
struct store_att_flags {
    enum class operation { replace, add, remove };
    operation op = operation::replace;
    bool silent = false;
    bool parenthesized = true; ///< written as a flag-list (required when `flags` is empty)
    flag_list flags;
    friend bool operator==(const store_att_flags&, const store_att_flags&) = default;
};
struct store_command {
    sequence_set set;
    store_att_flags action;
    vector<store_modifier> modifiers{}; ///< RFC 4466 store-modifiers, before the action
    friend bool operator==(const store_command&, const store_command&) = default;
};
struct search_command {
    std::optional<astring> charset;
    vector<search_key> keys;
    /// ESEARCH (RFC 4731): `SP "RETURN" SP "(" ... ")"` before the charset, when there (an
    /// empty list is RETURN (), which asks for ALL); SEARCHRES adds SAVE, PARTIAL its range
    std::optional<vector<search_return_opt>> return_options{};
    friend bool operator==(const search_command&, const search_command&) = default;
};
/// uid: "UID" SP (copy / fetch / search / store), and with MOVE (RFC 6851) move, with UIDPLUS
/// (RFC 4315) "EXPUNGE" SP sequence-set
struct uid_command {
    std::variant<copy_command, fetch_command, search_command, store_command,
                 // extensions
                 move_command, uid_expunge_command>
        command;
    friend bool operator==(const uid_command&, const uid_command&) = default;
};

using command_body =
    std::variant<capability_command, logout_command, noop_command, x_command, append_command,
                 create_command, delete_command, examine_command, list_command, lsub_command,
                 rename_command, select_command, status_command, subscribe_command,
                 unsubscribe_command, login_command, authenticate_command, starttls_command,
                 check_command, close_command, expunge_command, copy_command, fetch_command,
                 store_command, search_command, uid_command,
                 // extensions (ext/registry.hpp)
                 enable_command, idle_command, unselect_command, id_command, move_command,
                 namespace_command, compress_command>;

/// RFC 3501 `command`: tag SP command-body CRLF.
struct command {
    std::string_view tag;
    command_body body;
    friend bool operator==(const command&, const command&) = default;
};

/// A line the client sends during AUTHENTICATE (RFC 3501 §6.2.2): base64 data, or "*" to cancel.
struct authenticate_data {
    bool cancel = false;
    std::string_view base64; ///< the base64 text (may be empty)
    friend bool operator==(const authenticate_data&, const authenticate_data&) = default;
};

} // namespace imapwire::ast
