// imapwire: the RFC 3501 protocol state machine over a connection's messages, reporting every
// departure from the protocol it can see: syntax errors, commands in the wrong state, tag
// mismatches, unexpected continuations, responses that do not belong, and more.
#pragma once

#include <imapwire/ast/traits.hpp>
#include <imapwire/framer.hpp>
#include <imapwire/parse.hpp>
#include <imapwire/state.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace imapwire {

/// Which side sent a message.
enum class side : std::uint8_t { client, server };

/// What kind of departure from RFC 3501 a finding reports. Each has a stable rule name
/// (rule_name) for machine-readable output.
enum class finding_kind : std::uint8_t {
    syntax,                      ///< a message does not parse (§9)
    framing,                     ///< a line or literal over a limit, or a message cut off
    missing_greeting,            ///< the server's first message is not a greeting (§7.1)
    command_not_allowed,         ///< command not valid in the connection's state (§3, §6)
    duplicate_tag,               ///< a tag reused while a command with it is in progress (§2.2.1)
    unknown_tag,                 ///< a tagged response matches no command in progress (§2.2.2)
    unexpected_continuation,     ///< "+" when the client awaits none (§7.5)
    literal_before_continuation, ///< literal octets sent before the server's "+" (§2.2, §7.5)
    auth_data_unexpected,        ///< AUTHENTICATE data without a challenge (§6.2.2)
    response_not_allowed,        ///< untagged data that does not belong here (§3, §7)
    expunge_not_allowed, ///< EXPUNGE with no command, or during FETCH/STORE/SEARCH (§7.4.1)
    data_after_starttls, ///< commands pipelined after STARTTLS before its result (§6.2.1)
    data_after_logout,   ///< anything after BYE or LOGOUT's completion (§3.4, §7.1.5)
    unfinished_command,  ///< the trace ends with commands still in progress
    idle,                ///< IDLE's exchange broken: DONE without IDLE, a command while idling
    missing_data, ///< IMAP4rev2: SELECT or EXAMINE completed without its required data (RFC 9051)
};

inline const char* rule_name(finding_kind k) noexcept {
    switch (k) {
    case finding_kind::syntax:
        return "syntax";
    case finding_kind::framing:
        return "framing";
    case finding_kind::missing_greeting:
        return "missing-greeting";
    case finding_kind::command_not_allowed:
        return "command-state";
    case finding_kind::duplicate_tag:
        return "duplicate-tag";
    case finding_kind::unknown_tag:
        return "unknown-tag";
    case finding_kind::unexpected_continuation:
        return "unexpected-continuation";
    case finding_kind::literal_before_continuation:
        return "literal-before-continuation";
    case finding_kind::auth_data_unexpected:
        return "auth-data-unexpected";
    case finding_kind::response_not_allowed:
        return "response-state";
    case finding_kind::expunge_not_allowed:
        return "expunge-timing";
    case finding_kind::data_after_starttls:
        return "starttls-pipelining";
    case finding_kind::data_after_logout:
        return "data-after-logout";
    case finding_kind::unfinished_command:
        return "unfinished-command";
    case finding_kind::idle:
        return "idle";
    case finding_kind::missing_data:
        return "missing-data";
    }
    return "?";
}

/// The RFC 3501 section a finding comes from.
inline const char* rfc_section(finding_kind k) noexcept {
    switch (k) {
    case finding_kind::syntax:
        return "9";
    case finding_kind::framing:
        return "4.3";
    case finding_kind::missing_greeting:
        return "7.1";
    case finding_kind::command_not_allowed:
        return "3";
    case finding_kind::duplicate_tag:
        return "2.2.1";
    case finding_kind::unknown_tag:
        return "2.2.2";
    case finding_kind::unexpected_continuation:
        return "7.5";
    case finding_kind::literal_before_continuation:
        return "7.5";
    case finding_kind::auth_data_unexpected:
        return "6.2.2";
    case finding_kind::response_not_allowed:
        return "7";
    case finding_kind::expunge_not_allowed:
        return "7.4.1";
    case finding_kind::data_after_starttls:
        return "6.2.1";
    case finding_kind::data_after_logout:
        return "3.4";
    case finding_kind::unfinished_command:
        return "2.2.2";
    case finding_kind::idle:
        return "3"; // of RFC 2177 (rfc())
    case finding_kind::missing_data:
        return "6.3.2"; // of RFC 9051 (rfc())
    }
    return "?";
}

/// The RFC a finding's section (rfc_section()) is of.
inline const char* rfc(finding_kind k) noexcept {
    return k == finding_kind::idle           ? "RFC 2177"
           : k == finding_kind::missing_data ? "RFC 9051"
                                             : "RFC 3501";
}

/// One departure from the protocol.
struct finding {
    finding_kind kind = finding_kind::syntax;
    imapwire::side side = side::client;
    std::uint64_t offset = 0; ///< offset in that side's byte stream
    std::size_t message = 0;  ///< index of the message in that side's stream (0-based)
    std::string text;         ///< what is wrong, in words
    std::string production;   ///< syntax findings: the RFC production that failed
    bool warning = false;     ///< true for what may be the trace's fault, not the peers'
};

/// Counts for a summary.
struct session_stats {
    std::size_t client_messages = 0;
    std::size_t server_messages = 0;
    std::map<std::string, std::map<std::string, std::size_t>>
        commands_by_state; // state -> name -> n
};

/// Follows one IMAP connection, message by message, in the order the messages happened, and
/// reports findings. Feed it framer events of both sides (or call the message functions
/// directly); it parses every message itself.
class session {
public:
    session() = default;
    explicit session(parse_options options)
        : popt_(options) {}

    protocol_state state() const noexcept { return state_; }
    /// The last message given to client_message() or server_message() as it parsed (monostate
    /// when it did not parse), moved out. Its views point into the bytes that were given.
    parsed_message take_parsed() noexcept { return std::exchange(parsed_, std::monostate{}); }
    /// True between the server's "+" for IDLE and the client's DONE (RFC 2177): the client may
    /// send nothing but DONE, the server untagged data.
    bool idling() const noexcept { return idle_tag_ && idle_accepted_ && !idle_done_sent_; }
    const std::vector<finding>& findings() const noexcept { return findings_; }
    const session_stats& stats() const noexcept { return stats_; }
    /// True while the client has announced a synchronizing literal and the server has sent
    /// neither "+" nor the command's tagged result (which refuses the literal).
    bool awaiting_continuation() const noexcept { return pending_literal_ && !literal_invited_; }

    /// A complete client message, framed as `as` (command, authenticate_data, idle_done).
    void client_message(std::string_view bytes, std::uint64_t offset,
                        message_kind as = message_kind::command) {
        const std::size_t index = stats_.client_messages++;
        parsed_ = std::monostate{};
        if (pending_literal_ && !literal_invited_)
            add(finding_kind::literal_before_continuation, side::client, pending_literal_at_, index,
                "literal octets sent before the server's continuation request");
        pending_literal_ = false;
        literal_invited_ = false;
        if (closed_) {
            add(finding_kind::data_after_logout, side::client, offset, index,
                "the client sent data after the connection was closed (BYE or LOGOUT)");
            return;
        }
        if (starttls_tag_)
            add(finding_kind::data_after_starttls, side::client, offset, index,
                "command sent after STARTTLS before its result (and the TLS negotiation)");
        if (as == message_kind::authenticate_data ||
            (auth_tag_ && as == message_kind::command && auth_expects_data_)) {
            if (!auth_tag_ || !auth_challenged_)
                add(finding_kind::auth_data_unexpected, side::client, offset, index,
                    "AUTHENTICATE data sent without a continuation request from the server");
            auth_challenged_ = false;
            auto r = parse_authenticate_data(bytes, popt_);
            if (!r.ok())
                syntax(side::client, offset, index, r);
            else
                parsed_ = std::move(r).value();
            return;
        }
        if (as == message_kind::idle_done && !is_idle_done(bytes))
            as = message_kind::command; // framed as IDLE's DONE, but the client sent a command
        if (as == message_kind::idle_done ||
            (idle_tag_ && !idle_done_sent_ && as == message_kind::command && is_idle_done(bytes))) {
            idle_done_line(bytes, offset, index);
            return;
        }
        if (idle_tag_ && !idle_done_sent_)
            add(finding_kind::idle, side::client, offset, index,
                "command sent while IDLE is in progress, before DONE");
        auto r = parse_command(bytes, popt_);
        if (!r.ok()) {
            syntax(side::client, offset, index, r);
            // a command that does not parse is still answered by its tag (with BAD)
            const std::size_t sp = bytes.find(' ');
            if (sp != std::string_view::npos && sp > 0 &&
                detail::all_of(detail::cc_tag, bytes.substr(0, sp)))
                in_flight_.emplace(std::string(bytes.substr(0, sp)),
                                   pending_command{"?", offset, index});
            return;
        }
        command(r.value(), offset, index);
        parsed_ = std::move(r).value();
    }

    /// The client announced a literal at the end of a line (framer `literal` frame).
    void client_literal(const literal_announcement& lit) {
        if (!lit.synchronizing)
            return;
        // the line with this announcement is the previous literal's octets: were they invited?
        if (pending_literal_ && !literal_invited_)
            add(finding_kind::literal_before_continuation, side::client, pending_literal_at_,
                stats_.client_messages,
                "literal octets sent before the server's continuation request");
        const std::size_t sp = lit.line.find(' ');
        pending_literal_tag_.assign(sp == std::string_view::npos ? std::string_view()
                                                                 : lit.line.substr(0, sp));
        pending_literal_ = true;
        literal_invited_ = false;
        pending_literal_at_ = lit.offset;
    }

    /// A complete server message, framed as `as` (greeting or response).
    void server_message(std::string_view bytes, std::uint64_t offset,
                        message_kind as = message_kind::response) {
        const std::size_t index = stats_.server_messages++;
        parsed_ = std::monostate{};
        if (state_ == protocol_state::greeting || as == message_kind::greeting) {
            greeting_message(bytes, offset, index);
            return;
        }
        if (closed_ && !(logout_tag_ && bytes.substr(0, logout_tag_->size()) == *logout_tag_)) {
            add(finding_kind::data_after_logout, side::server, offset, index,
                "the server sent data after BYE or LOGOUT's completion");
            return;
        }
        auto r = parse_response(bytes, popt_);
        if (!r.ok()) {
            syntax(side::server, offset, index, r);
            return;
        }
        utf8_from_server(bytes, offset, index);
        std::visit([&](const auto& x) { response(x, offset, index); }, r->v);
        parsed_ = std::move(r).value();
    }

    /// A framing error on either side (line or literal over a limit, stream cut off).
    void framing_error(imapwire::side s, const parse_error& e) {
        add(finding_kind::framing, s, e.offset,
            s == side::client ? stats_.client_messages : stats_.server_messages, e.text());
    }

    /// The trace is over: commands still in progress are reported (as warnings: a trace may
    /// simply have been cut).
    void finish() {
        for (const auto& [tag, cmd] : in_flight_) {
            finding f;
            f.kind = finding_kind::unfinished_command;
            f.side = side::client;
            f.offset = cmd.offset;
            f.message = cmd.index;
            f.text = "no tagged response to " + cmd.name + " (tag " + tag + ")";
            f.warning = true;
            findings_.push_back(std::move(f));
        }
        in_flight_.clear();
    }

private:
    struct pending_command {
        std::string name; ///< upper case, e.g. "UID FETCH"
        std::uint64_t offset = 0;
        std::size_t index = 0;
    };

    void add(finding_kind k, imapwire::side s, std::uint64_t offset, std::size_t index,
             std::string text, std::string production = {}) {
        finding f;
        f.kind = k;
        f.side = s;
        f.offset = offset;
        f.message = index;
        f.text = std::move(text);
        f.production = std::move(production);
        findings_.push_back(std::move(f));
    }

    template <class R>
    void syntax(imapwire::side s, std::uint64_t offset, std::size_t index, const R& r) {
        if (r.incomplete()) {
            add(finding_kind::framing, s, offset, index, "message ends before it is complete");
            return;
        }
        const parse_error& e = r.error();
        add(finding_kind::syntax, s, offset + e.offset, index, e.text(), std::string(e.production));
    }

    // --- greeting --------------------------------------------------------------------------

    void greeting_message(std::string_view bytes, std::uint64_t offset, std::size_t index) {
        auto g = parse_greeting(bytes, popt_);
        if (!g.ok()) {
            if (g.failed() && parse_response(bytes, popt_).ok())
                add(finding_kind::missing_greeting, side::server, offset, index,
                    "the first server message is not a greeting (OK, PREAUTH or BYE)");
            else
                syntax(side::server, offset, index, g);
            state_ = predicted_ = protocol_state::not_authenticated;
            return;
        }
        if (g->cond.text.code)
            if (const auto* caps = std::get_if<ast::code_capability>(&*g->cond.text.code))
                capabilities(caps->capabilities);
        switch (g->cond.status) {
        case ast::condition::preauth:
            state_ = protocol_state::authenticated;
            break;
        case ast::condition::bye:
            state_ = protocol_state::logout;
            closed_ = true;
            break;
        default:
            state_ = protocol_state::not_authenticated;
            break;
        }
        predicted_ = state_;
        parsed_ = std::move(g).value();
    }

    // --- commands --------------------------------------------------------------------------

    /// The state the connection will be in once the commands in progress have completed,
    /// assuming they succeed: commands may be pipelined (§5.5).
    protocol_state predicted_state() const noexcept { return predicted_; }

    /// "FETCH", "UID FETCH", an x-command's atom in upper case: the keywords of ast::traits.
    static std::string command_name(const ast::command_body& b) {
        return std::visit(
            [](const auto& c) {
                using T = std::decay_t<decltype(c)>;
                std::string n(ast::traits<T>::info.keyword);
                if constexpr (std::is_same_v<T, ast::x_command>) {
                    n.clear();
                    for (char ch : c.name)
                        n += detail::ascii_upper(ch);
                } else if constexpr (std::is_same_v<T, ast::uid_command>) {
                    n += ' ';
                    n += ast::info(c.command).keyword;
                }
                return n;
            },
            b);
    }

    /// Which states the RFC allows a command in (its ast::traits entry).
    static bool allowed(const ast::command_body& b, protocol_state s) {
        return ast::info(b).states.contains(s);
    }

    void command(const ast::command& cmd, std::uint64_t offset, std::size_t index) {
        const std::string name = command_name(cmd.body);
        const std::string tag(cmd.tag);
        ++stats_.commands_by_state[to_string(predicted_)][name];
        if (const auto it = in_flight_.find(tag); it != in_flight_.end())
            add(finding_kind::duplicate_tag, side::client, offset, index,
                "tag " + tag + " is already in use by " + it->second.name + ", still in progress");
        if (!allowed(cmd.body, predicted_))
            add(finding_kind::command_not_allowed, side::client, offset, index,
                name + " is not allowed in the " + to_string(predicted_) + " state");
        else if (uidonly_ && names_message_numbers(cmd.body))
            add(finding_kind::command_not_allowed, side::client, offset, index,
                name + " names messages by number, which UIDONLY does not allow once enabled "
                       "(RFC 9586 §3.2: the server answers BAD [UIDREQUIRED])");
        else if (const char* why = rev2_ ? removed_in_imap4rev2(cmd.body) : nullptr)
            add(finding_kind::command_not_allowed, side::client, offset, index, name + " " + why);
        if (utf8_accept_)
            if (const auto* search = search_of(cmd.body); search && search->charset)
                add(finding_kind::command_not_allowed, side::client, offset, index,
                    name + " with a CHARSET after ENABLE UTF8=ACCEPT (RFC 9755 §3: the strings "
                           "are UTF-8; the server answers BAD)");
        in_flight_.emplace(tag, pending_command{name, offset, index});
        if (std::holds_alternative<ast::select_command>(cmd.body) ||
            std::holds_alternative<ast::examine_command>(cmd.body))
            select_seen_ = 0;

        // what the command will change once it succeeds
        if (std::holds_alternative<ast::login_command>(cmd.body))
            predicted_ = protocol_state::authenticated;
        else if (std::holds_alternative<ast::authenticate_command>(cmd.body)) {
            auth_tag_ = tag;
            auth_challenged_ = false;
            auth_expects_data_ = true;
            predicted_ = protocol_state::authenticated;
        } else if (std::holds_alternative<ast::select_command>(cmd.body) ||
                   std::holds_alternative<ast::examine_command>(cmd.body))
            predicted_ = protocol_state::selected;
        else if (std::holds_alternative<ast::close_command>(cmd.body) ||
                 std::holds_alternative<ast::unselect_command>(cmd.body))
            predicted_ = protocol_state::authenticated; // UNSELECT: RFC 3691 §2
        else if (std::holds_alternative<ast::starttls_command>(cmd.body))
            starttls_tag_ = tag;
        else if (std::holds_alternative<ast::logout_command>(cmd.body))
            logout_tag_ = tag;
        else if (std::holds_alternative<ast::idle_command>(cmd.body)) {
            idle_tag_ = tag;
            idle_accepted_ = idle_done_sent_ = false;
        }
    }

    /// What IMAP4rev2 removed from a command (RFC 9051 Appendix E), in words, or null.
    static const char* removed_in_imap4rev2(const ast::command_body& b) noexcept {
        if (std::holds_alternative<ast::check_command>(b))
            return "was removed in IMAP4rev2 (RFC 9051 Appendix E item 17: NOOP instead)";
        if (std::holds_alternative<ast::lsub_command>(b))
            return "is not part of IMAP4rev2 (RFC 9051 Appendix E item 19: LIST (SUBSCRIBED) "
                   "instead)";
        if (const auto* st = std::get_if<ast::status_command>(&b))
            for (ast::status_att a : st->items)
                if (a == ast::status_att::recent)
                    return "asks for RECENT, which IMAP4rev2 removed (RFC 9051 Appendix E item 12)";
        const ast::fetch_command* f = std::get_if<ast::fetch_command>(&b);
        if (const auto* uid = std::get_if<ast::uid_command>(&b))
            f = std::get_if<ast::fetch_command>(&uid->command);
        if (f) {
            const auto removed = [](const ast::fetch_att& a) {
                return a.kind == ast::fetch_att_kind::rfc822 ||
                       a.kind == ast::fetch_att_kind::rfc822_header ||
                       a.kind == ast::fetch_att_kind::rfc822_text;
            };
            bool any = false;
            if (const auto* one = std::get_if<ast::fetch_att>(&f->items))
                any = removed(*one);
            else if (const auto* list = std::get_if<ast::vector<ast::fetch_att>>(&f->items))
                for (const auto& a : *list)
                    any = any || removed(a);
            if (any)
                return "asks for RFC822, RFC822.HEADER or RFC822.TEXT, which IMAP4rev2 removed "
                       "(RFC 9051 Appendix E item 18: BODY[], BODY[HEADER], BODY[TEXT] instead)";
        }
        if (const ast::search_command* search = search_of(b))
            for (const ast::search_key& k : search->keys)
                if (uses_recent(k))
                    return "searches for NEW, OLD or RECENT, which IMAP4rev2 removed (RFC 9051 "
                           "Appendix E item 12)";
        return nullptr;
    }
    /// True when a search key is, or holds, NEW, OLD or RECENT (nested no deeper than the
    /// parser's max_depth allowed).
    static bool uses_recent(const ast::search_key& k) noexcept {
        if (const auto* simple = std::get_if<ast::search_simple>(&k.v))
            return simple->which == ast::search_flag_key::new_ ||
                   simple->which == ast::search_flag_key::old ||
                   simple->which == ast::search_flag_key::recent;
        if (const auto* n = std::get_if<ast::search_not>(&k.v))
            return uses_recent(*n->key);
        if (const auto* o = std::get_if<ast::search_or>(&k.v))
            return uses_recent(*o->left) || uses_recent(*o->right);
        if (const auto* g = std::get_if<ast::search_group>(&k.v))
            for (const ast::search_key& inner : g->keys)
                if (uses_recent(inner))
                    return true;
        return false;
    }

    /// The SEARCH of a SEARCH or UID SEARCH command, or null.
    static const ast::search_command* search_of(const ast::command_body& b) noexcept {
        if (const auto* uid = std::get_if<ast::uid_command>(&b))
            return std::get_if<ast::search_command>(&uid->command);
        return std::get_if<ast::search_command>(&b);
    }

    /// A command that names messages by their numbers (RFC 9586 §3.2: FETCH, STORE, SEARCH,
    /// COPY, MOVE without UID; EXPUNGE names none).
    static bool names_message_numbers(const ast::command_body& b) noexcept {
        return std::holds_alternative<ast::fetch_command>(b) ||
               std::holds_alternative<ast::store_command>(b) ||
               std::holds_alternative<ast::search_command>(b) ||
               std::holds_alternative<ast::copy_command>(b) ||
               std::holds_alternative<ast::move_command>(b);
    }

    bool in_progress(std::string_view name) const {
        for (const auto& [tag, cmd] : in_flight_)
            if (cmd.name == name)
                return true;
        return false;
    }

    // --- responses -------------------------------------------------------------------------

    /// The DONE that ends IDLE (RFC 2177 §3).
    void idle_done_line(std::string_view bytes, std::uint64_t offset, std::size_t index) {
        if (!idle_tag_)
            add(finding_kind::idle, side::client, offset, index,
                "DONE sent while no IDLE is in progress");
        else if (!idle_accepted_)
            add(finding_kind::idle, side::client, offset, index,
                "DONE sent before the server's continuation request");
        idle_done_sent_ = true;
        auto r = parse_idle_done(bytes, popt_);
        if (!r.ok())
            syntax(side::client, offset, index, r);
        else
            parsed_ = std::move(r).value();
    }

    void response(const ast::continue_req&, std::uint64_t offset, std::size_t index) {
        if (pending_literal_ && !literal_invited_) {
            literal_invited_ = true;
            return;
        }
        if (auth_tag_) {
            auth_challenged_ = true;
            return;
        }
        if (idle_tag_ && !idle_done_sent_) {
            idle_accepted_ = true; // "+ idling": the server waits for DONE
            return;
        }
        add(finding_kind::unexpected_continuation, side::server, offset, index,
            "continuation request while the client awaits none (no literal, no AUTHENTICATE)");
    }

    void response(const ast::response_tagged& t, std::uint64_t offset, std::size_t index) {
        const std::string tag(t.tag);
        code(t.cond.text, offset, index);
        if (pending_literal_ && !literal_invited_ && tag == pending_literal_tag_) {
            // answered instead of invited: the server refused the literal, and the client does
            // not send it (the command ends here)
            pending_literal_ = false;
            if (const auto it = in_flight_.find(tag); it != in_flight_.end())
                in_flight_.erase(it);
            if (in_flight_.empty())
                predicted_ = state_;
            return;
        }
        auto it = in_flight_.find(tag);
        if (it == in_flight_.end()) {
            add(finding_kind::unknown_tag, side::server, offset, index,
                "tagged response " + tag + " matches no command in progress");
            return;
        }
        const std::string name = it->second.name;
        in_flight_.erase(it);
        if (idle_tag_ && *idle_tag_ == tag) {
            if (idle_accepted_ && !idle_done_sent_)
                add(finding_kind::idle, side::server, offset, index,
                    "IDLE completed before the client's DONE");
            idle_tag_.reset();
            idle_accepted_ = idle_done_sent_ = false;
        }
        const bool ok = t.cond.status == ast::condition::ok;
        if (name == "LOGIN" || name == "AUTHENTICATE") {
            if (ok && state_ == protocol_state::not_authenticated)
                state_ = protocol_state::authenticated;
            if (auth_tag_ == tag) {
                auth_tag_.reset();
                auth_expects_data_ = false;
            }
        } else if (name == "SELECT" || name == "EXAMINE") {
            if (ok && rev2_ && select_seen_ != select_all_)
                missing_select_data(name, offset, index);
            // a failed SELECT leaves no mailbox selected (§6.3.1)
            if (state_ == protocol_state::authenticated || state_ == protocol_state::selected)
                state_ = ok ? protocol_state::selected : protocol_state::authenticated;
        } else if (name == "CLOSE" || name == "UNSELECT") { // UNSELECT: RFC 3691 §2
            if (ok && state_ == protocol_state::selected)
                state_ = protocol_state::authenticated;
        } else if (name == "STARTTLS") {
            starttls_tag_.reset();
        } else if (name == "LOGOUT") {
            if (ok) {
                state_ = protocol_state::logout;
                closed_ = true;
            }
        }
        if (in_flight_.empty())
            predicted_ = state_;
    }

    // IMAP4rev2's required answer to SELECT and EXAMINE (RFC 9051 §6.3.2, §6.3.3): one bit each
    enum : unsigned {
        seen_flags = 1,
        seen_exists = 2,
        seen_list = 4,
        seen_permanentflags = 8,
        seen_uidnext = 16,
        seen_uidvalidity = 32,
        select_all_ = 63,
    };
    void missing_select_data(const std::string& name, std::uint64_t offset, std::size_t index) {
        static constexpr std::pair<unsigned, const char*> required[] = {
            {seen_flags, "FLAGS"},
            {seen_exists, "EXISTS"},
            {seen_list, "LIST"},
            {seen_permanentflags, "OK [PERMANENTFLAGS]"},
            {seen_uidnext, "OK [UIDNEXT]"},
            {seen_uidvalidity, "OK [UIDVALIDITY]"}};
        std::string missing;
        for (const auto& [bit, what] : required)
            if (!(select_seen_ & bit))
                missing += (missing.empty() ? "" : ", ") + std::string(what);
        add(finding_kind::missing_data, side::server, offset, index,
            name + " completed without " + missing +
                ", which IMAP4rev2 requires before the OK (RFC 9051 §6.3.2)");
    }
    // (only IMAP4rev2 sessions keep count: the walk over the commands in flight is not free)
    void select_data(unsigned bit) {
        if (rev2_ && (in_progress("SELECT") || in_progress("EXAMINE")))
            select_seen_ |= bit;
    }

    /// A capability list (CAPABILITY data or code): a server that names IMAP4rev2 and not
    /// IMAP4rev1 speaks only IMAP4rev2, without ENABLE (RFC 9051 Appendix A).
    template <class Caps>
    void capabilities(const Caps& caps) {
        bool rev1 = false;
        bool rev2 = false;
        for (const auto& c : caps) {
            rev1 = rev1 || detail::iequals(std::string_view(c), "IMAP4rev1");
            rev2 = rev2 || detail::iequals(std::string_view(c), "IMAP4rev2");
        }
        if (rev2 && !rev1)
            rev2_ = true;
    }

    /// The code of a condition: capabilities, and what SELECT needs.
    void code(const ast::resp_text& t, std::uint64_t offset, std::size_t index) {
        if (!t.code)
            return;
        if (const auto* caps = std::get_if<ast::code_capability>(&*t.code))
            capabilities(caps->capabilities);
        else if (const auto* pf = std::get_if<ast::code_permanentflags>(&*t.code)) {
            select_data(seen_permanentflags);
            if (rev2_ && has_recent(pf->flags))
                add(finding_kind::response_not_allowed, side::server, offset, index,
                    "PERMANENTFLAGS lists \\Recent after ENABLE IMAP4rev2 (RFC 9051 §2.3.2: it "
                    "was removed, and servers send no flag-extension of their own)");
        } else if (std::holds_alternative<ast::code_uidnext>(*t.code))
            select_data(seen_uidnext);
        else if (std::holds_alternative<ast::code_uidvalidity>(*t.code))
            select_data(seen_uidvalidity);
    }
    static bool has_recent(const ast::vector<ast::flag>& flags) noexcept {
        for (const auto& f : flags)
            if (f.kind() == ast::flag_kind::recent)
                return true;
        return false;
    }

    /// UTF-8 from the server outside a literal (in a quoted string or text) before the client
    /// enabled it: RFC 9755 §3, RFC 9051 Appendix A. Only a message that parsed gets here, so an
    /// octet above 0x7F outside literals is UTF-8 the grammar took.
    void utf8_from_server(std::string_view bytes, std::uint64_t offset, std::size_t index) {
        if (utf8_accept_ || rev2_ || !has_8bit_outside_literals(bytes))
            return;
        add(finding_kind::response_not_allowed, side::server, offset, index,
            "UTF-8 in a quoted string or text before ENABLE UTF8=ACCEPT or IMAP4rev2 (RFC 9755 "
            "§3: the server sends it only once the client enabled it)");
    }
    static bool has_8bit_outside_literals(std::string_view m) noexcept {
        bool any = false;
        for (char c : m)
            any = any || static_cast<unsigned char>(c) >= 0x80;
        if (!any)
            return false;
        std::size_t i = 0;
        while (i < m.size()) {
            const std::size_t lf = m.find('\n', i);
            const std::size_t end = lf == std::string_view::npos ? m.size() : lf;
            for (std::size_t k = i; k < end; ++k)
                if (static_cast<unsigned char>(m[k]) >= 0x80)
                    return true;
            if (lf == std::string_view::npos || lf == i || m[lf - 1] != '\r')
                return false;
            bool nonsync = false;
            const std::size_t brace = detail::literal_announcement(m, i, lf - 1, nonsync);
            if (brace == std::string_view::npos)
                return false;
            std::uint64_t count = 0;
            for (std::size_t d = brace + 1; d < m.size() && m[d] >= '0' && m[d] <= '9'; ++d)
                count = count * 10 + static_cast<std::uint64_t>(m[d] - '0');
            if (count > m.size() - (lf + 1))
                return false;
            i = lf + 1 + static_cast<std::size_t>(count);
        }
        return false;
    }

    void response(const ast::response_data& d, std::uint64_t offset, std::size_t index) {
        const bool selected_now =
            state_ == protocol_state::selected || in_progress("SELECT") || in_progress("EXAMINE");
        auto not_here = [&](std::string_view what) {
            add(finding_kind::response_not_allowed, side::server, offset, index,
                std::string(what) + " is not allowed in the " + to_string(state_) + " state" +
                    (state_ == protocol_state::selected ? " without the command it answers" : ""));
        };
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, ast::resp_cond>) {
                    code(x.text, offset, index);
                    if (x.status == ast::condition::bye) {
                        state_ = protocol_state::logout;
                        closed_ = true;
                    }
                } else if constexpr (std::is_same_v<T, ast::flags_data> ||
                                     std::is_same_v<T, ast::exists_data> ||
                                     std::is_same_v<T, ast::recent_data>) {
                    if (!selected_now)
                        not_here(ast::traits<T>::info.keyword);
                    if constexpr (std::is_same_v<T, ast::flags_data>) {
                        select_data(seen_flags);
                        if (rev2_ && has_recent(x.flags))
                            add(finding_kind::response_not_allowed, side::server, offset, index,
                                "FLAGS lists \\Recent after ENABLE IMAP4rev2 (RFC 9051 §2.3.2: it "
                                "was removed, and servers send no flag-extension of their own)");
                    } else if constexpr (std::is_same_v<T, ast::exists_data>) {
                        select_data(seen_exists);
                    }
                } else if constexpr (std::is_same_v<T, ast::fetch_data>) {
                    if (!selected_now)
                        not_here("FETCH");
                    else if (uidonly_) // RFC 9586 §3.3
                        add(finding_kind::response_not_allowed, side::server, offset, index,
                            "FETCH data with a message number after ENABLE UIDONLY (RFC 9586 "
                            "§3.3: UIDFETCH instead)");
                } else if constexpr (std::is_same_v<T, ast::uidfetch_data>) {
                    if (!selected_now) // RFC 9586 §3.3: FETCH data of the selected mailbox
                        not_here("UIDFETCH");
                    else if (!uidonly_)
                        add(finding_kind::response_not_allowed, side::server, offset, index,
                            "UIDFETCH data while UIDONLY is not enabled (RFC 9586 §3.1: only "
                            "after ENABLE UIDONLY)");
                } else if constexpr (std::is_same_v<T, ast::expunge_data>) {
                    if (!selected_now)
                        not_here("EXPUNGE");
                    else if (qresync_ || uidonly_) // RFC 7162 §3.2.10, RFC 9586 §3.4
                        add(finding_kind::response_not_allowed, side::server, offset, index,
                            std::string("EXPUNGE after ENABLE ") +
                                (uidonly_ ? "UIDONLY (RFC 9586 §3.4"
                                          : "QRESYNC (RFC 7162 §3.2.10") +
                                ": VANISHED instead)");
                    else if (in_flight_.empty())
                        add(finding_kind::expunge_not_allowed, side::server, offset, index,
                            "EXPUNGE sent while no command is in progress");
                    else if (in_progress("FETCH") || in_progress("STORE") || in_progress("SEARCH"))
                        add(finding_kind::expunge_not_allowed, side::server, offset, index,
                            "EXPUNGE sent while a FETCH, STORE or SEARCH is in progress "
                            "(message numbers would shift under the client)");
                } else if constexpr (std::is_same_v<T, ast::search_data>) {
                    if (!in_progress("SEARCH") && !in_progress("UID SEARCH"))
                        not_here("SEARCH data");
                } else if constexpr (std::is_same_v<T, ast::status_data>) {
                    // LIST-STATUS (RFC 5819 §2): a LIST ... RETURN (STATUS ...) is answered
                    // with STATUS data too
                    if (!in_progress("STATUS") && !in_progress("LIST"))
                        not_here("STATUS data");
                } else if constexpr (std::is_same_v<T, ast::list_data>) {
                    // IMAP4rev2 answers SELECT and EXAMINE with a LIST too (RFC 9051 §6.3.2)
                    if (!in_progress("LIST") &&
                        !(popt_.extensions.contains(extension::imap4rev2) &&
                          (in_progress("SELECT") || in_progress("EXAMINE"))))
                        not_here("LIST data");
                    select_data(seen_list);
                } else if constexpr (std::is_same_v<T, ast::lsub_data>) {
                    if (!in_progress("LSUB"))
                        not_here("LSUB data");
                } else if constexpr (std::is_same_v<T, ast::capability_data>) {
                    // allowed in every state (RFC 3501 §7.2.1)
                    capabilities(x.capabilities);
                } else if constexpr (std::is_same_v<T, ast::enabled_data>) {
                    if (!in_progress("ENABLE")) // RFC 5161 §3.2: the answer to ENABLE
                        not_here("ENABLED data");
                    // what the server enabled changes what it may send from now on
                    for (const auto& cap : x.capabilities) {
                        if (detail::iequals(std::string_view(cap), "QRESYNC"))
                            qresync_ = true;
                        else if (detail::iequals(std::string_view(cap), "UIDONLY"))
                            uidonly_ = true;
                        else if (detail::iequals(std::string_view(cap), "IMAP4rev2"))
                            rev2_ = true; // RFC 9051 Appendix A
                        else if (detail::iequals(std::string_view(cap), "UTF8=ACCEPT"))
                            utf8_accept_ = true; // RFC 9755 §3
                    }
                } else if constexpr (std::is_same_v<T, ast::id_data>) {
                    if (!in_progress("ID")) // RFC 2971 §3.2: the answer to ID
                        not_here("ID data");
                } else if constexpr (std::is_same_v<T, ast::esearch_data>) {
                    // RFC 4731 §3.1: the answer to SEARCH (or UID SEARCH) with RETURN
                    if (!in_progress("SEARCH") && !in_progress("UID SEARCH"))
                        not_here("ESEARCH data");
                } else if constexpr (std::is_same_v<T, ast::vanished_data>) {
                    if (!selected_now) // RFC 7162 §3.2.10: of the selected mailbox
                        not_here("VANISHED");
                    else if (!qresync_ && !uidonly_)
                        add(finding_kind::response_not_allowed, side::server, offset, index,
                            "VANISHED while neither QRESYNC nor UIDONLY is enabled (RFC 7162 "
                            "§3.2.10: EXPUNGE until ENABLE QRESYNC)");
                } else if constexpr (std::is_same_v<T, ast::namespace_data>) {
                    if (!in_progress("NAMESPACE")) // RFC 2342 §5: the answer to NAMESPACE
                        not_here("NAMESPACE data");
                } else {
                    static_assert(ast::unhandled<T>, "an alternative is not handled");
                }
            },
            d);
    }

    parse_options popt_;
    parsed_message parsed_;
    protocol_state state_ = protocol_state::greeting;
    protocol_state predicted_ = protocol_state::not_authenticated;
    std::multimap<std::string, pending_command> in_flight_; // a reused tag may be in twice
    std::vector<finding> findings_;
    session_stats stats_;
    std::optional<std::string> auth_tag_; // AUTHENTICATE in progress
    std::optional<std::string> idle_tag_; // IDLE in progress (RFC 2177)
    bool idle_accepted_ = false;          // ... and the server's "+" came: idling
    bool qresync_ = false;                // ENABLED QRESYNC (RFC 7162 §3.2.3)
    bool uidonly_ = false;                // ENABLED UIDONLY (RFC 9586 §3.1)
    bool rev2_ = false;            // ENABLED IMAP4rev2, or a server that speaks only IMAP4rev2
    bool utf8_accept_ = false;     // ENABLED UTF8=ACCEPT (RFC 9755 §3)
    unsigned select_seen_ = 0;     // IMAP4rev2: the required SELECT data seen since the command
    bool idle_done_sent_ = false;  // ... and the client's DONE
    bool auth_challenged_ = false; // a "+" came and awaits the client's answer
    bool auth_expects_data_ = false;
    std::optional<std::string> starttls_tag_; // STARTTLS awaiting its result
    std::optional<std::string> logout_tag_;   // LOGOUT sent
    bool closed_ = false;                     // BYE seen or LOGOUT completed
    bool pending_literal_ = false;            // a synchronizing literal announced by the client
    bool literal_invited_ = false;            // ... and the server's "+" came
    std::uint64_t pending_literal_at_ = 0;
    std::string pending_literal_tag_; // the tag of the command it belongs to
};

} // namespace imapwire
