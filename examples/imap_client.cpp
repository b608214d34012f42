// imap_client: a scripted IMAP4rev1 (RFC 3501) client built on imapwire.
//
//   imap_client [--user=NAME] [--password=WORD] [--timeout=SECONDS]
//               [--record-client=FILE] [--record-server=FILE] [--record-trace=FILE]
//               [--quiet] HOST:PORT
//
// It connects with a plain POSIX socket, reads the greeting, and runs a fixed session that uses
// every RFC 3501 command but STARTTLS (which needs TLS): CAPABILITY, NOOP, AUTHENTICATE (PLAIN,
// with a wrong password: a NO is expected), LOGIN, LIST, LSUB, CREATE, SUBSCRIBE, RENAME,
// UNSUBSCRIBE, DELETE, STATUS, APPEND, SELECT (of a missing mailbox: NO expected), EXAMINE,
// SEARCH, FETCH, STORE, COPY, UID FETCH/SEARCH/STORE/COPY, CHECK, EXPUNGE, CLOSE and LOGOUT.
//
// Every command is built as an AST and written by imapwire::serialize. A command that carries
// synchronizing literals is sent up to each literal announcement, and the literal's octets only
// after the server's "+" continuation request. Every server message is framed by
// imapwire::framer (role::client) and parsed strictly (default parse_options) with
// parse_greeting / parse_response; a parsed message must also serialize back to its own bytes.
//
// The session expects the account prepared by tests/dovecot/session.py's `setup` mode (INBOX
// with the messages of tests/dovecot/messages/, the mailboxes Archive, Archive/2024 and
// "Entw&APw-rfe"). Exit status: 0 when every server message parsed, no BAD came and every
// command completed as the script expects; 1 otherwise; 2 for usage or connection errors.
//
// --record-client and --record-server write the exact bytes of each direction;
// --record-trace writes both interleaved as a C:/S: transcript (format: tests/README.md).

#include <imapwire/imapwire.hpp>

#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace {

namespace ast = imapwire::ast;

// ---------------------------------------------------------------------------------------------
// Command line

struct options {
    std::string host;
    std::string port;
    std::string user = "alice";
    std::string password = "secret";
    int timeout_seconds = 30;
    std::string record_client;
    std::string record_server;
    std::string record_trace;
    bool quiet = false;
};

const char* const usage_text =
    "usage: imap_client [--user=NAME] [--password=WORD] [--timeout=SECONDS]\n"
    "                   [--record-client=FILE] [--record-server=FILE] [--record-trace=FILE]\n"
    "                   [--quiet] HOST:PORT\n"
    "\n"
    "Runs a scripted IMAP4rev1 session against HOST:PORT (plain TCP, no TLS). Every command is\n"
    "built as an imapwire AST and serialized; every server message is framed and parsed\n"
    "strictly. Exits 0 when all server messages parsed, no BAD came and every command completed\n"
    "as expected, 1 otherwise, 2 on usage or connection errors.\n"
    "\n"
    "  --user, --password   the account (default alice / secret)\n"
    "  --timeout            seconds to wait for the server before giving up (default 30)\n"
    "  --record-client      write the bytes the client sent to FILE\n"
    "  --record-server      write the bytes the server sent to FILE\n"
    "  --record-trace       write a C:/S: transcript of both to FILE\n"
    "  --quiet              print only problems and the summary\n";

/// Parses argv; prints the usage and returns nullopt on an error (or --help).
std::optional<options> parse_arguments(int argc, char** argv, int& status) {
    options o;
    std::vector<std::pair<std::string_view, std::string*>> valued = {
        {"--user=", &o.user},
        {"--password=", &o.password},
        {"--record-client=", &o.record_client},
        {"--record-server=", &o.record_server},
        {"--record-trace=", &o.record_trace},
    };
    std::string address;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << usage_text;
            status = 0;
            return std::nullopt;
        }
        if (arg == "--quiet") {
            o.quiet = true;
            continue;
        }
        if (arg.rfind("--timeout=", 0) == 0) {
            o.timeout_seconds = std::atoi(std::string(arg.substr(10)).c_str());
            if (o.timeout_seconds <= 0) {
                std::cerr << "imap_client: --timeout needs a positive number of seconds\n";
                status = 2;
                return std::nullopt;
            }
            continue;
        }
        bool matched = false;
        for (auto& [prefix, target] : valued) {
            if (arg.rfind(prefix, 0) == 0) {
                *target = std::string(arg.substr(prefix.size()));
                matched = true;
                break;
            }
        }
        if (matched)
            continue;
        if (arg.rfind("-", 0) == 0 || !address.empty()) {
            std::cerr << "imap_client: unexpected argument " << arg << "\n\n" << usage_text;
            status = 2;
            return std::nullopt;
        }
        address = std::string(arg);
    }
    // HOST:PORT, or [IPv6]:PORT
    const std::size_t colon = address.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == address.size()) {
        std::cerr << "imap_client: expected HOST:PORT\n\n" << usage_text;
        status = 2;
        return std::nullopt;
    }
    o.host = address.substr(0, colon);
    o.port = address.substr(colon + 1);
    if (o.host.size() > 2 && o.host.front() == '[' && o.host.back() == ']')
        o.host = o.host.substr(1, o.host.size() - 2);
    return o;
}

// ---------------------------------------------------------------------------------------------
// A TCP connection with a receive timeout, so that no wait is unbounded.

class tcp_connection {
public:
    tcp_connection() = default;
    tcp_connection(const tcp_connection&) = delete;
    tcp_connection& operator=(const tcp_connection&) = delete;
    ~tcp_connection() {
        if (fd_ >= 0)
            ::close(fd_);
    }

    /// Connects; on failure returns false and says why in `error`.
    bool connect(const std::string& host, const std::string& port, int timeout_seconds,
                 std::string& error) {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* found = nullptr;
        if (const int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &found); rc != 0) {
            error = std::string("cannot resolve ") + host + ": " + ::gai_strerror(rc);
            return false;
        }
        error = "no address for " + host;
        for (addrinfo* a = found; a; a = a->ai_next) {
            const int fd = ::socket(a->ai_family, a->ai_socktype, a->ai_protocol);
            if (fd < 0) {
                error = std::string("socket: ") + std::strerror(errno);
                continue;
            }
            if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
                fd_ = fd;
                break;
            }
            error = "cannot connect to " + host + ":" + port + ": " + std::strerror(errno);
            ::close(fd);
        }
        ::freeaddrinfo(found);
        if (fd_ < 0)
            return false;
        set_timeout(timeout_seconds);
        return true;
    }

    void set_timeout(int seconds) {
        timeval tv{};
        tv.tv_sec = seconds;
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    }

    bool send_all(std::string_view data) {
        while (!data.empty()) {
            const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            data.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }

    /// Reads what has arrived: > 0 bytes, 0 at the end of the stream, < 0 on an error or when
    /// the timeout passed.
    ssize_t receive(char* buffer, std::size_t size) {
        for (;;) {
            const ssize_t n = ::recv(fd_, buffer, size, 0);
            if (n < 0 && errno == EINTR)
                continue;
            return n;
        }
    }

private:
    int fd_ = -1;
};

// ---------------------------------------------------------------------------------------------
// Helpers for building ASTs

std::string base64(std::string_view in) {
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const std::uint32_t v = (std::uint32_t(std::uint8_t(in[i])) << 16) |
                                (std::uint32_t(std::uint8_t(in[i + 1])) << 8) |
                                std::uint32_t(std::uint8_t(in[i + 2]));
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    if (const std::size_t rest = in.size() - i; rest > 0) {
        std::uint32_t v = std::uint32_t(std::uint8_t(in[i])) << 16;
        if (rest == 2)
            v |= std::uint32_t(std::uint8_t(in[i + 1])) << 8;
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += rest == 2 ? alphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

constexpr std::uint32_t star = ast::seq_number::star;

/// One message number (or "*").
ast::seq_item number(std::uint32_t n) {
    return ast::seq_item{ast::seq_number{n}, std::nullopt};
}
/// A range first:last (last may be `star`).
ast::seq_item range(std::uint32_t first, std::uint32_t last) {
    return ast::seq_item{ast::seq_number{first}, ast::seq_number{last}};
}
ast::sequence_set set(std::initializer_list<ast::seq_item> items) {
    return ast::sequence_set{ast::vector<ast::seq_item>(items)};
}

ast::fetch_att att(ast::fetch_att_kind kind) {
    ast::fetch_att a;
    a.kind = kind;
    return a;
}
/// BODY[section]<partial> or BODY.PEEK[section]<partial>.
ast::fetch_att body_section(bool peek, ast::vector<std::uint32_t> part,
                            std::optional<ast::section_text> text = std::nullopt,
                            std::optional<ast::partial_range> partial = std::nullopt) {
    ast::fetch_att a;
    a.kind = peek ? ast::fetch_att_kind::body_peek_section : ast::fetch_att_kind::body_section;
    a.section = ast::section{std::move(part), std::move(text)};
    a.partial = partial;
    return a;
}
ast::section_text section_text(ast::section_text_kind kind,
                               ast::vector<ast::astring> headers = {}) {
    return ast::section_text{kind, std::move(headers)};
}
ast::fetch_command fetch(ast::sequence_set s, ast::vector<ast::fetch_att> atts) {
    return ast::fetch_command{std::move(s), ast::fetch_items{std::move(atts)}};
}
ast::fetch_command fetch(ast::sequence_set s, ast::fetch_att one) {
    return ast::fetch_command{std::move(s), ast::fetch_items{std::move(one)}};
}
ast::fetch_command fetch(ast::sequence_set s, ast::fetch_macro macro) {
    return ast::fetch_command{std::move(s), ast::fetch_items{macro}};
}

ast::store_command store(ast::sequence_set s, ast::store_att_flags::operation op, bool silent,
                         ast::flag_list flags, bool parenthesized = true) {
    return ast::store_command{std::move(s),
                              ast::store_att_flags{op, silent, parenthesized, std::move(flags)}};
}

ast::search_command search(ast::vector<ast::search_key> keys,
                           std::optional<ast::astring> charset = std::nullopt) {
    return ast::search_command{charset, std::move(keys)};
}
ast::search_key simple(ast::search_flag_key k) {
    return ast::search_simple{k};
}
ast::search_key text_key(ast::search_string_kind k, ast::astring value) {
    return ast::search_string{k, value};
}
ast::search_key date_key(ast::search_date_kind k, std::uint8_t day, std::uint8_t month,
                         std::uint16_t year) {
    ast::date d;
    d.day = day;
    d.month = month;
    d.year = year;
    return ast::search_date{k, d};
}
ast::search_key not_key(ast::search_key k) {
    return ast::search_not{std::move(k)};
}
ast::search_key or_key(ast::search_key a, ast::search_key b) {
    return ast::search_or{std::move(a), std::move(b)};
}
ast::search_key group(ast::vector<ast::search_key> keys) {
    return ast::search_group{std::move(keys)};
}

ast::date_time date_time(std::uint8_t day, std::uint8_t month, std::uint16_t year,
                         std::uint8_t hour, std::uint8_t minute, std::uint8_t second,
                         int zone_hhmm) {
    ast::date_time t;
    t.day = day;
    t.month = month;
    t.year = year;
    t.hour = hour;
    t.minute = minute;
    t.second = second;
    t.zone_negative = zone_hhmm < 0;
    t.zone_hhmm = static_cast<std::uint16_t>(zone_hhmm < 0 ? -zone_hhmm : zone_hhmm);
    return t;
}

/// Where the literals of a serialized command are: (offset of the octets, count) in order.
/// The command is framed as a server would read it, so a "{5}" CRLF inside a literal's own
/// octets is not mistaken for an announcement.
std::vector<std::pair<std::size_t, std::size_t>> literal_spans(std::string_view wire) {
    imapwire::framer reader({.role = imapwire::role::server});
    reader.feed(wire);
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (imapwire::frame f = reader.next(); f.kind == imapwire::frame_kind::literal;
         f = reader.next())
        spans.emplace_back(f.literal.line.size(), f.literal.size);
    return spans;
}

// ---------------------------------------------------------------------------------------------
// The client

enum class expect { ok, no };

/// What the script needs to know of one server message.
struct reply {
    enum class kind { greeting, continuation, untagged, tagged, unparsed };
    kind what = kind::unparsed;
    std::string tag; ///< tagged (and unparsed: the first token)
    ast::condition status = ast::condition::ok;
    std::string line; ///< the first line, for messages
};

class client {
public:
    client(tcp_connection& connection, const options& opt)
        : conn_(connection)
        , opt_(opt) {}

    /// Reads and checks the greeting.
    bool greeting() {
        auto r = receive();
        if (!r)
            return false;
        if (r->what != reply::kind::greeting || r->status != ast::condition::ok) {
            problem("expected an OK greeting, got: " + r->line);
            return false;
        }
        return true;
    }

    /// Sends one command (tagged automatically) and reads up to its tagged completion.
    /// Returns false when the connection is lost.
    bool run(ast::command_body body, expect e = expect::ok) {
        const std::string tag = next_tag();
        const ast::command cmd{tag, std::move(body)};
        std::string wire;
        if (const std::error_code ec = imapwire::serialize(wire, cmd)) {
            problem("cannot serialize command " + tag + ": " + ec.message());
            return true;
        }
        ++commands_;
        std::size_t at = 0;
        for (const auto& [start, size] : literal_spans(wire)) {
            if (!send(std::string_view(wire).substr(at, start - at), true))
                return false;
            // Wait for "+": the server may send untagged data first, or refuse the command.
            for (;;) {
                auto r = receive();
                if (!r)
                    return false;
                if (r->what == reply::kind::continuation)
                    break;
                if (r->what == reply::kind::tagged || r->what == reply::kind::unparsed) {
                    if (r->tag == tag) {
                        complete(*r, e);
                        return true;
                    }
                    problem("tagged reply with unknown tag: " + r->line);
                }
            }
            if (!send(std::string_view(wire).substr(start, size), false))
                return false;
            at = start + size;
        }
        if (!send(std::string_view(wire).substr(at), true))
            return false;
        return await(tag, e);
    }

    /// AUTHENTICATE PLAIN (RFC 4616) through the base64 exchange of RFC 3501 §6.2.2.
    bool authenticate_plain(std::string_view user, std::string_view password, expect e) {
        const std::string tag = next_tag();
        const ast::command cmd{tag, ast::authenticate_command{"PLAIN"}};
        std::string wire;
        if (const std::error_code ec = imapwire::serialize(wire, cmd)) {
            problem("cannot serialize command " + tag + ": " + ec.message());
            return true;
        }
        ++commands_;
        if (!send(wire, true))
            return false;
        std::string credentials;
        credentials += '\0';
        credentials += user;
        credentials += '\0';
        credentials += password;
        const std::string encoded = base64(credentials);
        bool answered = false;
        for (;;) {
            auto r = receive();
            if (!r)
                return false;
            if (r->what == reply::kind::continuation) {
                // PLAIN has one response; a second challenge is cancelled with "*".
                ast::authenticate_data data;
                if (answered)
                    data.cancel = true;
                else
                    data.base64 = encoded;
                answered = true;
                std::string line;
                if (const std::error_code ec = imapwire::serialize(line, data)) {
                    problem("cannot serialize AUTHENTICATE data: " + ec.message());
                    return false;
                }
                if (!send(line, true))
                    return false;
                continue;
            }
            if ((r->what == reply::kind::tagged || r->what == reply::kind::unparsed) &&
                r->tag == tag) {
                complete(*r, e);
                return true;
            }
            if (r->what == reply::kind::tagged)
                problem("tagged reply with unknown tag: " + r->line);
        }
    }

    /// After LOGOUT: reads until the server closes the connection (bounded by the timeout).
    void drain() {
        conn_.set_timeout(std::min(opt_.timeout_seconds, 5));
        draining_ = true;
        while (auto r = receive()) {
            problem("server message after the LOGOUT completion: " + r->line);
        }
        framer_.finish();
        for (imapwire::frame f = framer_.next(); f.kind != imapwire::frame_kind::need_more;
             f = framer_.next()) {
            if (f.kind == imapwire::frame_kind::error)
                problem("server stream: " + f.error.message());
        }
        if (framed_ < received_.size()) // an unfinished message: keep it in the transcript
            trace_.append("S: ").append(received_, static_cast<std::size_t>(framed_));
    }

    bool write_records() const {
        return write_file(opt_.record_client, sent_) && write_file(opt_.record_server, received_) &&
               write_file(opt_.record_trace, trace_);
    }

    std::size_t problems() const { return problems_; }
    void summary(std::ostream& out) const {
        out << "imap_client: " << commands_ << " commands, " << server_messages_
            << " server messages (" << sent_.size() << " bytes sent, " << received_.size()
            << " received); " << parse_failures_ << " parse failures, " << roundtrip_failures_
            << " round-trip mismatches, " << bad_ << " BAD, " << unexpected_
            << " unexpected completions, " << problems_ << " problems in all\n";
    }

private:
    std::string next_tag() {
        char buf[16];
        std::snprintf(buf, sizeof buf, "A%03u", ++tag_number_);
        return buf;
    }

    void problem(const std::string& what) {
        ++problems_;
        std::cerr << "imap_client: " << what << '\n';
    }

    static std::string first_line(std::string_view message) {
        const std::size_t end = message.find("\r\n");
        return std::string(message.substr(0, end));
    }

    static bool write_file(const std::string& path, const std::string& data) {
        if (path.empty())
            return true;
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
        if (!out) {
            std::cerr << "imap_client: cannot write " << path << '\n';
            return false;
        }
        return true;
    }

    bool send(std::string_view bytes, bool prefixed) {
        if (!opt_.quiet)
            std::cout << (prefixed ? "C: " : "") << bytes;
        sent_.append(bytes);
        if (prefixed)
            trace_.append("C: ");
        trace_.append(bytes);
        if (!conn_.send_all(bytes)) {
            problem(std::string("cannot send: ") + std::strerror(errno));
            return false;
        }
        return true;
    }

    /// Reads up to the tagged completion of `tag`.
    bool await(const std::string& tag, expect e) {
        for (;;) {
            auto r = receive();
            if (!r)
                return false;
            switch (r->what) {
            case reply::kind::tagged:
            case reply::kind::unparsed:
                if (r->tag == tag) {
                    complete(*r, e);
                    return true;
                }
                if (r->what == reply::kind::tagged)
                    problem("tagged reply with unknown tag: " + r->line);
                break;
            case reply::kind::continuation:
                problem("continuation request the client did not ask for: " + r->line);
                break;
            default:
                break;
            }
        }
    }

    void complete(const reply& r, expect e) {
        if (r.what == reply::kind::unparsed)
            return; // already counted as a parse failure
        if (r.status == ast::condition::bad) {
            ++bad_;
            problem("BAD: " + r.line);
            return;
        }
        const bool ok = r.status == ast::condition::ok;
        if (ok != (e == expect::ok)) {
            ++unexpected_;
            problem(std::string("expected ") + (e == expect::ok ? "OK" : "NO") + ": " + r.line);
        }
    }

    /// The next server message, framed, recorded and parsed; nullopt when the connection ends
    /// or the server is silent for longer than the timeout.
    std::optional<reply> receive() {
        for (;;) {
            imapwire::frame f = framer_.next();
            switch (f.kind) {
            case imapwire::frame_kind::message:
                return handle(f);
            case imapwire::frame_kind::literal:
                // where the literal's octets start in the message, and how many there are
                literals_.emplace_back(f.literal.line.size(), f.literal.size);
                continue;
            case imapwire::frame_kind::error:
                ++parse_failures_;
                problem("server stream: " + f.error.message());
                literals_.clear();
                continue;
            case imapwire::frame_kind::literal_data:
                continue; // not enabled: literals are kept whole
            case imapwire::frame_kind::need_more:
                break;
            }
            char buffer[16384];
            const ssize_t n = conn_.receive(buffer, sizeof buffer);
            if (n == 0)
                return std::nullopt;
            if (n < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK) {
                    if (!draining_) // after LOGOUT, a server that keeps the line open is fine
                        problem("no answer from the server within the timeout");
                } else
                    problem(std::string("receive: ") + std::strerror(errno));
                return std::nullopt;
            }
            const std::string_view data(buffer, static_cast<std::size_t>(n));
            received_.append(data);
            framer_.feed(data);
        }
    }

    reply handle(const imapwire::frame& f) {
        ++server_messages_;
        const std::string message(f.bytes); // the framer's view ends with the next call
        framed_ = f.offset + message.size();
        record_server_message(message);
        if (!opt_.quiet)
            print_server_message(message);
        literals_.clear();

        reply r;
        r.line = first_line(message);
        if (f.as == imapwire::message_kind::greeting) {
            auto g = imapwire::parse_greeting(message);
            if (!g) {
                parse_failure(f.offset, message, g);
                return r;
            }
            check_roundtrip(f.offset, message, g.value());
            r.what = reply::kind::greeting;
            r.status = g->cond.status;
            return r;
        }
        auto p = imapwire::parse_response(message);
        if (!p) {
            parse_failure(f.offset, message, p);
            r.tag = r.line.substr(0, r.line.find(' '));
            return r;
        }
        check_roundtrip(f.offset, message, p.value());
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, ast::continue_req>) {
                    r.what = reply::kind::continuation;
                } else if constexpr (std::is_same_v<T, ast::response_tagged>) {
                    r.what = reply::kind::tagged;
                    r.tag = std::string(x.tag);
                    r.status = x.cond.status;
                } else if constexpr (std::is_same_v<T, ast::response_data>) {
                    r.what = reply::kind::untagged;
                    if (const auto* cond = std::get_if<ast::resp_cond>(&x)) {
                        r.status = cond->status;
                        if (cond->status == ast::condition::bad) {
                            ++bad_;
                            problem("untagged BAD: " + r.line);
                        }
                    }
                } else {
                    static_assert(ast::unhandled<T>, "an alternative is not handled");
                }
            },
            p->v);
        return r;
    }

    template <class Result>
    void parse_failure(std::uint64_t offset, const std::string& message, const Result& result) {
        ++parse_failures_;
        std::string why =
            result.incomplete() ? std::string("incomplete message") : result.error().message();
        problem("server message at stream offset " + std::to_string(offset) +
                " does not parse: " + why + "\n  " + first_line(message));
    }

    /// Parsed input serializes to the bytes it came from (imapwire's round-trip guarantee).
    template <class T>
    void check_roundtrip(std::uint64_t offset, const std::string& message, const T& value) {
        std::string again;
        const std::error_code ec = imapwire::serialize(again, value);
        if (!ec && again == message)
            return;
        ++roundtrip_failures_;
        problem("server message at stream offset " + std::to_string(offset) +
                (ec ? " does not serialize: " + ec.message()
                    : " serializes differently:\n  " + first_line(again)) +
                "\n  " + first_line(message));
    }

    /// The transcript: each line prefixed "S: ", each literal's octets raw after the line that
    /// announces them, the rest of the response as a new prefixed line.
    void record_server_message(std::string_view message) {
        std::size_t at = 0;
        for (const auto& [start, size] : literals_) {
            trace_.append("S: ").append(message.substr(at, start - at));
            trace_.append(message.substr(start, size));
            at = start + size;
        }
        trace_.append("S: ").append(message.substr(at));
    }

    void print_server_message(std::string_view message) const {
        std::size_t at = 0;
        for (const auto& [start, size] : literals_) {
            std::cout << "S: " << message.substr(at, start - at) << "  [" << size << " octets]\n";
            at = start + size;
        }
        std::cout << "S: " << message.substr(at);
    }

    tcp_connection& conn_;
    const options& opt_;
    imapwire::framer framer_{{.role = imapwire::role::client}};
    std::vector<std::pair<std::size_t, std::size_t>> literals_; // of the message being framed
    std::uint64_t framed_ = 0;                                  // stream bytes framed so far
    std::string sent_, received_, trace_;
    unsigned tag_number_ = 0;
    bool draining_ = false;
    std::size_t commands_ = 0, server_messages_ = 0;
    std::size_t problems_ = 0, parse_failures_ = 0, roundtrip_failures_ = 0, bad_ = 0,
                unexpected_ = 0;
};

// ---------------------------------------------------------------------------------------------
// The scripted session

/// Appended three times. The line ending in "{12}" shows why a serialized command is split
/// with the framer: those bytes sit inside the literal and announce nothing.
const std::string appended_message =
    "From: Imapwire Example <example@example.org>\r\n"
    "To: alice@example.org\r\n"
    "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_from_the_example_client?=\r\n"
    "Date: Thu, 14 Mar 2024 15:09:26 +0100\r\n"
    "Message-ID: <imap-client-1@example.org>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n"
    "\r\n"
    "Grüße aus München.\r\n"
    "This line looks like a literal announcement {12}\r\n"
    "but it is message text.\r\n";

bool run_session(client& c, const options& opt) {
    using ast::search_date_kind;
    using ast::search_flag_key;
    using ast::search_string_kind;
    using ast::section_text_kind;
    using k = ast::fetch_att_kind;
    using op = ast::store_att_flags::operation;

    // "Entwürfe" is "Entw&APw-rfe" in modified UTF-7 (RFC 3501 §5.1.3).
    const std::string drafts = imapwire::mutf7::encode("Entwürfe").value();
    const ast::mailbox inbox{"INBOX"};
    const ast::mailbox root{""};

    // Each step returns false when the connection is lost; the script then stops.
    const bool completed = [&] {
        if (!c.greeting())
            return false;

        // Not authenticated (§6.1, §6.2).
        if (!c.run(ast::capability_command{}) || !c.run(ast::noop_command{}))
            return false;
        if (!c.authenticate_plain(opt.user, opt.password + "-wrong", expect::no))
            return false;
        if (!c.run(ast::login_command{opt.user, opt.password}))
            return false;

        std::vector<std::pair<ast::command_body, expect>> steps;
        auto add = [&](ast::command_body b, expect e = expect::ok) {
            steps.emplace_back(std::move(b), e);
        };

        // Authenticated (§6.3).
        add(ast::capability_command{});
        add(ast::list_command{root, ""});
        add(ast::list_command{root, "*"});
        add(ast::list_command{root, "%"});
        add(ast::list_command{root, "Archive/%"});
        add(ast::list_command{ast::mailbox{"Archive/"}, "*"});
        add(ast::list_command{root, drafts});
        add(ast::lsub_command{root, "*"});
        add(ast::lsub_command{root, "Archive/%"});
        add(ast::create_command{ast::mailbox{"Scratch"}});
        add(ast::create_command{ast::mailbox{"Scratch/Child"}});
        add(ast::subscribe_command{ast::mailbox{"Scratch"}});
        add(ast::lsub_command{root, "Scratch*"});
        add(ast::rename_command{ast::mailbox{"Scratch"}, ast::mailbox{"Scratch 2"}});
        add(ast::list_command{root, "Scratch*"});
        add(ast::unsubscribe_command{ast::mailbox{"Scratch"}});
        add(ast::delete_command{ast::mailbox{"Scratch 2/Child"}});
        add(ast::delete_command{ast::mailbox{"Scratch 2"}});
        add(ast::status_command{inbox,
                                {ast::status_att::messages, ast::status_att::recent,
                                 ast::status_att::uidnext, ast::status_att::uidvalidity,
                                 ast::status_att::unseen}});
        add(ast::status_command{ast::mailbox{drafts},
                                {ast::status_att::messages, ast::status_att::unseen}});
        add(ast::append_command{ast::mailbox{"Archive"},
                                ast::flag_list{ast::flag{"\\Seen"}, ast::flag{"$Imported"}},
                                date_time(14, 3, 2024, 15, 9, 26, 100), appended_message});
        add(ast::append_command{inbox, std::nullopt, std::nullopt, appended_message});
        add(ast::select_command{ast::mailbox{"Nonexistent"}}, expect::no);
        add(ast::examine_command{inbox});
        add(fetch(set({range(1, star)}), att(k::flags)));
        add(ast::select_command{inbox});

        // Selected (§6.4): SEARCH.
        add(search({simple(search_flag_key::all)}));
        add(search({simple(search_flag_key::unseen)}));
        add(search({simple(search_flag_key::seen), not_key(simple(search_flag_key::flagged))}));
        add(search({simple(search_flag_key::recent), simple(search_flag_key::unanswered)}));
        add(search({or_key(simple(search_flag_key::new_), simple(search_flag_key::old))}));
        add(search({simple(search_flag_key::answered), simple(search_flag_key::undeleted),
                    simple(search_flag_key::unflagged), simple(search_flag_key::undraft)}));
        add(search({text_key(search_string_kind::subject, "Grüße")}, ast::astring{"UTF-8"}));
        add(search({text_key(search_string_kind::body, "München"),
                    text_key(search_string_kind::from, "Jörg")},
                   ast::astring{"UTF-8"}));
        add(search({text_key(search_string_kind::text, "newsletter")}, ast::astring{"US-ASCII"}));
        add(search({or_key(text_key(search_string_kind::from, "alice"),
                           group({date_key(search_date_kind::since, 1, 3, 2024),
                                  not_key(or_key(simple(search_flag_key::deleted),
                                                 simple(search_flag_key::draft)))}))}));
        add(search({not_key(
            group({or_key(simple(search_flag_key::seen), simple(search_flag_key::flagged))}))}));
        add(search({date_key(search_date_kind::since, 1, 3, 2024),
                    date_key(search_date_kind::before, 1, 7, 2024)}));
        add(search({date_key(search_date_kind::on, 20, 2, 2024)}));
        add(search({date_key(search_date_kind::sentsince, 1, 6, 2024),
                    date_key(search_date_kind::sentbefore, 1, 9, 2024)}));
        add(search({date_key(search_date_kind::senton, 1, 3, 2024)}));
        add(search({ast::search_header{"Content-Language", "en"}}));
        add(search({ast::search_header{"Received", ""}}));
        add(search({ast::search_size{ast::search_size_kind::larger, 1000},
                    ast::search_size{ast::search_size_kind::smaller, 100000}}));
        add(search({ast::search_uid{set({range(1, 5), number(8)})},
                    not_key(ast::search_uid{set({number(3)})})}));
        add(search({ast::search_set{set({range(2, star)})},
                    ast::search_keyword{ast::search_keyword_kind::keyword, "$Label1"}}));
        add(search({or_key(text_key(search_string_kind::to, "zoe"),
                           text_key(search_string_kind::cc, "zoe"))}));
        add(search({text_key(search_string_kind::subject, "nightly build"),
                    not_key(text_key(search_string_kind::bcc, "nobody"))}));
        add(ast::uid_command{search({simple(search_flag_key::all)})});
        add(ast::uid_command{
            search({ast::search_uid{set({range(3, star)})},
                    ast::search_keyword{ast::search_keyword_kind::unkeyword, "$Label2"}})});

        // FETCH: the macros, then every fetch-att and section form.
        add(fetch(set({range(1, star)}), ast::fetch_macro::all));
        add(fetch(set({range(1, star)}), ast::fetch_macro::fast));
        add(fetch(set({range(1, star)}), ast::fetch_macro::full));
        add(fetch(set({range(1, star)}), {att(k::envelope), att(k::flags), att(k::internaldate),
                                          att(k::rfc822_size), att(k::uid)}));
        add(fetch(set({range(1, star)}), att(k::body)));
        add(fetch(set({range(1, star)}), att(k::bodystructure)));
        add(fetch(set({number(1)}), att(k::rfc822)));
        add(fetch(set({number(5)}), att(k::rfc822)));
        add(fetch(set({range(1, star)}), att(k::rfc822_header)));
        add(fetch(set({number(9)}), att(k::rfc822_text)));
        add(fetch(set({range(1, star)}), body_section(true, {})));
        add(fetch(set({number(4)}), body_section(false, {})));
        add(fetch(set({range(1, star)}),
                  body_section(true, {}, section_text(section_text_kind::header))));
        add(fetch(set({number(2), number(4)}),
                  ast::vector<ast::fetch_att>{
                      body_section(false, {}, section_text(section_text_kind::text))}));
        add(fetch(set({range(1, star)}), body_section(true, {1})));
        add(fetch(set({range(3, 6)}),
                  body_section(true, {1}, section_text(section_text_kind::mime))));
        add(fetch(set({number(5)}),
                  {body_section(true, {2}),
                   body_section(true, {2}, section_text(section_text_kind::header)),
                   body_section(true, {2}, section_text(section_text_kind::text)),
                   body_section(true, {2, 1}, section_text(section_text_kind::mime)),
                   body_section(true, {2, 2})}));
        add(fetch(set({number(5)}), body_section(false, {2, 1})));
        add(fetch(set({range(1, star)}), body_section(true, {},
                                                      section_text(section_text_kind::header_fields,
                                                                   {"From", "Subject"}))));
        add(fetch(set({range(1, star)}),
                  body_section(true, {},
                               section_text(section_text_kind::header_fields_not, {"Received"}))));
        add(fetch(set({range(1, 3)}),
                  body_section(false, {}, std::nullopt, ast::partial_range{0, 100})));
        add(fetch(set({number(4)}), body_section(true, {}, section_text(section_text_kind::text),
                                                 ast::partial_range{10, 50})));
        add(fetch(set({number(7)}),
                  {att(k::uid), att(k::rfc822_size),
                   body_section(true, {},
                                section_text(section_text_kind::header_fields,
                                             {"Message-ID", "In-Reply-To", "References"}))}));
        add(ast::uid_command{
            fetch(set({range(1, star)}), ast::vector<ast::fetch_att>{att(k::flags)})});
        add(ast::uid_command{fetch(
            set({number(3), range(5, 7)}),
            {att(k::uid),
             body_section(true, {}, section_text(section_text_kind::header_fields, {"Subject"})),
             att(k::bodystructure)})});

        // STORE in all its forms, COPY, APPEND while selected.
        add(store(set({number(1)}), op::add, false,
                  {ast::flag{"\\Flagged"}, ast::flag{"$Important"}}));
        add(store(set({number(2)}), op::remove, true, {ast::flag{"\\Seen"}}));
        add(store(set({number(3)}), op::replace, false,
                  {ast::flag{"$Forwarded"}, ast::flag{"\\Answered"}}));
        add(store(set({number(4)}), op::replace, true,
                  {ast::flag{"\\Seen"}, ast::flag{"\\Flagged"}}));
        add(store(set({number(6)}), op::remove, false, {ast::flag{"$Label1"}}));
        add(store(set({number(8)}), op::add, true, {ast::flag{"\\Answered"}}, false));
        add(ast::uid_command{store(set({number(7)}), op::add, false, {ast::flag{"$Label3"}})});
        add(fetch(set({range(1, 8)}), att(k::flags)));
        add(ast::copy_command{set({range(1, 3)}), ast::mailbox{"Archive/2024"}});
        add(ast::uid_command{ast::copy_command{set({number(4), number(6)}), ast::mailbox{drafts}}});
        add(ast::status_command{ast::mailbox{"Archive/2024"},
                                {ast::status_att::messages, ast::status_att::uidnext}});
        add(ast::append_command{ast::mailbox{drafts}, ast::flag_list{ast::flag{"\\Draft"}},
                                std::nullopt, appended_message});
        add(ast::check_command{});
        add(ast::noop_command{});

        // Removing messages.
        add(store(set({number(2), number(9)}), op::add, false, {ast::flag{"\\Deleted"}}));
        add(search({simple(search_flag_key::deleted)}));
        add(ast::expunge_command{});
        add(store(set({number(1)}), op::add, true, {ast::flag{"\\Deleted"}}));
        add(ast::close_command{});

        // Another mailbox, then LOGOUT while it is selected.
        add(ast::select_command{ast::mailbox{"Archive/2024"}});
        add(fetch(set({range(1, star)}), ast::vector<ast::fetch_att>{att(k::uid), att(k::flags)}));
        add(ast::examine_command{ast::mailbox{"Archive"}});
        add(ast::logout_command{});

        for (auto& [body, e] : steps)
            if (!c.run(std::move(body), e))
                return false;
        return true;
    }();

    c.drain();
    return completed;
}

} // namespace

int main(int argc, char** argv) {
    int status = 0;
    const std::optional<options> opt = parse_arguments(argc, argv, status);
    if (!opt)
        return status;

    tcp_connection connection;
    std::string error;
    if (!connection.connect(opt->host, opt->port, opt->timeout_seconds, error)) {
        std::cerr << "imap_client: " << error << '\n';
        return 2;
    }
    client c(connection, *opt);
    const bool completed = run_session(c, *opt);
    const bool written = c.write_records();
    c.summary(std::cerr);
    if (!completed)
        std::cerr << "imap_client: the session ended early\n";
    return completed && written && c.problems() == 0 ? 0 : 1;
}
