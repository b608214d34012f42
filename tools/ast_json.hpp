// imapwire tool: conversion of AST values to JSON (nlohmann::json).
//
// Schema (every struct field is present, also when it holds its default):
//   istring / astring / string / list-mailbox
//                 {"form": "atom"|"quoted"|"literal"|"literal_nonsync"|"literal8"|
//                          "literal8_nonsync"|"value",
//                  "value": "<decoded value, escapes removed>"}
//                 plus "value_base64": "<exact octets>" when the value is not valid UTF-8
//                 (then "value" has U+FFFD in place of the invalid octets).
//   raw text      (tag, flag, keyword, auth mechanism, x-command name/arguments...): a JSON
//                 string; a field F that is not valid UTF-8 gets a sibling "F_base64".
//   NIL / absent  null
//   enum          lower-case name ("body_peek_section", "add", "new", ...)
//   variant       {"type": "<alternative>", ...fields of the alternative}
//   sequence-set  array of strings, one per item, as written: ["1:*", "4", "7:3"]
//                 ("*" is the largest number in use)
//   flag-list     array of flag strings as written: ["\\Seen", "$Forwarded"]
//   mailbox       {"name": istring}
//   date          {"day", "month" (1-12), "year", "leading_zero", "quoted"}
//   date-time     {"day", "month", "year", "hour", "minute", "second", "zone_negative",
//                  "zone_hhmm", "leading_zero"}
//   structs       objects with the AST struct's fields under their C++ names (response.hpp,
//                 body.hpp, envelope.hpp); variants of the server AST are named after their
//                 alternative: {"type": "fetch", ...}, {"type": "uidnext", "value": 4}.
//
// Server messages:
//   greeting      {"type": "greeting", "cond": resp-cond}
//   response      {"type": "continue", "content": {"type": "text", ...resp-text}
//                                                | {"type": "base64", "base64": "..."}}
//                 {"type": "untagged", "data": {"type": "cond"|"capability"|"flags"|"list"|
//                  "lsub"|"search"|"status"|"exists"|"recent"|"expunge"|"fetch", ...}}
//                 {"type": "tagged", "tag": "A1", "cond": resp-cond}
//   resp-cond     {"status": "ok"|"no"|"bad"|"preauth"|"bye", "text": resp-text}
//   resp-text     {"code": null | {"type": "alert"|"badcharset"|"capability"|"parse"|
//                  "permanentflags"|"read_only"|"read_write"|"trycreate"|"uidnext"|
//                  "uidvalidity"|"unseen"|"other", ...}, "text": "..."}
//   msg-att item  {"type": "flags"|"envelope"|"internaldate"|"rfc822"|"rfc822_size"|"body"|
//                  "body_section"|"uid", ...}
//   body          {"type": "1part", "part": {"type": "basic"|"msg"|"text", ...},
//                  "extension": null | {"md5", "tail"}}
//                 {"type": "mpart", "parts": [body...], "media_subtype",
//                  "extension": null | {"params", "tail"}}
//   address list  null (NIL) or [{"name", "adl", "mailbox", "host"}, ...]
#pragma once

#include <imapwire/ast/command.hpp>
#include <imapwire/ast/response.hpp>
#include <imapwire/ast/traits.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace imapwire_tool {

namespace ast = imapwire::ast;
using json = nlohmann::ordered_json; // keys in insertion order

/// Serializes a JSON value on one line; invalid UTF-8 (already flagged by the "_base64"
/// siblings) is replaced instead of throwing.
inline std::string dump_line(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF):
/// the library's check, which its UTF8=ACCEPT grammar relies on too.
using imapwire::detail::valid_utf8;

inline std::string base64(std::string_view s) {
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((s.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= s.size(); i += 3) {
        const std::uint32_t v = (std::uint32_t(static_cast<unsigned char>(s[i])) << 16) |
                                (std::uint32_t(static_cast<unsigned char>(s[i + 1])) << 8) |
                                std::uint32_t(static_cast<unsigned char>(s[i + 2]));
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += alphabet[(v >> 6) & 63];
        out += alphabet[v & 63];
    }
    if (const std::size_t rest = s.size() - i; rest > 0) {
        std::uint32_t v = std::uint32_t(static_cast<unsigned char>(s[i])) << 16;
        if (rest == 2)
            v |= std::uint32_t(static_cast<unsigned char>(s[i + 1])) << 8;
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += rest == 2 ? alphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

/// Stores raw octets under `key`, adding "<key>_base64" when they are not valid UTF-8.
inline void put_bytes(json& obj, const std::string& key, std::string_view bytes) {
    obj[key] = std::string(bytes);
    if (!valid_utf8(bytes))
        obj[key + "_base64"] = base64(bytes);
}

/// {"type": type, ...fields}, "type" first.
inline json with_type(std::string_view type, json fields) {
    json j = json::object();
    j["type"] = std::string(type);
    for (auto& [key, value] : fields.items())
        j[key] = std::move(value);
    return j;
}

// ---- enums -----------------------------------------------------------------------------------

inline const char* name(ast::string_form f) {
    switch (f) {
    case ast::string_form::value:
        return "value";
    case ast::string_form::atom:
        return "atom";
    case ast::string_form::quoted:
        return "quoted";
    case ast::string_form::literal:
        return "literal";
    case ast::string_form::literal_nonsync:
        return "literal_nonsync";
    case ast::string_form::literal8:
        return "literal8";
    case ast::string_form::literal8_nonsync:
        return "literal8_nonsync";
    }
    return "unknown";
}

inline const char* name(ast::section_text_kind k) {
    switch (k) {
    case ast::section_text_kind::header:
        return "header";
    case ast::section_text_kind::header_fields:
        return "header_fields";
    case ast::section_text_kind::header_fields_not:
        return "header_fields_not";
    case ast::section_text_kind::text:
        return "text";
    case ast::section_text_kind::mime:
        return "mime";
    }
    return "unknown";
}

inline const char* name(ast::fetch_att_kind k) {
    switch (k) {
    case ast::fetch_att_kind::envelope:
        return "envelope";
    case ast::fetch_att_kind::flags:
        return "flags";
    case ast::fetch_att_kind::internaldate:
        return "internaldate";
    case ast::fetch_att_kind::rfc822:
        return "rfc822";
    case ast::fetch_att_kind::rfc822_header:
        return "rfc822_header";
    case ast::fetch_att_kind::rfc822_size:
        return "rfc822_size";
    case ast::fetch_att_kind::rfc822_text:
        return "rfc822_text";
    case ast::fetch_att_kind::body:
        return "body";
    case ast::fetch_att_kind::bodystructure:
        return "bodystructure";
    case ast::fetch_att_kind::uid:
        return "uid";
    case ast::fetch_att_kind::body_section:
        return "body_section";
    case ast::fetch_att_kind::body_peek_section:
        return "body_peek_section";
    case ast::fetch_att_kind::modseq:
        return "modseq";
    case ast::fetch_att_kind::savedate:
        return "savedate";
    case ast::fetch_att_kind::binary:
        return "binary";
    case ast::fetch_att_kind::binary_peek:
        return "binary_peek";
    case ast::fetch_att_kind::binary_size:
        return "binary_size";
    case ast::fetch_att_kind::emailid:
        return "emailid";
    case ast::fetch_att_kind::threadid:
        return "threadid";
    }
    return "unknown";
}

inline const char* name(ast::fetch_macro m) {
    switch (m) {
    case ast::fetch_macro::all:
        return "all";
    case ast::fetch_macro::full:
        return "full";
    case ast::fetch_macro::fast:
        return "fast";
    }
    return "unknown";
}

inline const char* name(ast::status_att a) {
    switch (a) {
    case ast::status_att::messages:
        return "messages";
    case ast::status_att::recent:
        return "recent";
    case ast::status_att::uidnext:
        return "uidnext";
    case ast::status_att::uidvalidity:
        return "uidvalidity";
    case ast::status_att::unseen:
        return "unseen";
    case ast::status_att::highestmodseq:
        return "highestmodseq";
    case ast::status_att::size:
        return "size";
    case ast::status_att::mailboxid:
        return "mailboxid";
    case ast::status_att::appendlimit:
        return "appendlimit";
    case ast::status_att::deleted:
        return "deleted";
    }
    return "unknown";
}

inline const char* name(ast::store_att_flags::operation op) {
    switch (op) {
    case ast::store_att_flags::operation::replace:
        return "replace";
    case ast::store_att_flags::operation::add:
        return "add";
    case ast::store_att_flags::operation::remove:
        return "remove";
    }
    return "unknown";
}

inline const char* name(ast::search_flag_key k) {
    using K = ast::search_flag_key;
    switch (k) {
    case K::all:
        return "all";
    case K::answered:
        return "answered";
    case K::deleted:
        return "deleted";
    case K::flagged:
        return "flagged";
    case K::new_:
        return "new";
    case K::old:
        return "old";
    case K::recent:
        return "recent";
    case K::seen:
        return "seen";
    case K::unanswered:
        return "unanswered";
    case K::undeleted:
        return "undeleted";
    case K::unflagged:
        return "unflagged";
    case K::unseen:
        return "unseen";
    case K::draft:
        return "draft";
    case K::undraft:
        return "undraft";
    case K::savedatesupported:
        return "savedatesupported";
    }
    return "unknown";
}

inline const char* name(ast::search_string_kind k) {
    using K = ast::search_string_kind;
    switch (k) {
    case K::bcc:
        return "bcc";
    case K::body:
        return "body";
    case K::cc:
        return "cc";
    case K::from:
        return "from";
    case K::subject:
        return "subject";
    case K::text:
        return "text";
    case K::to:
        return "to";
    }
    return "unknown";
}

inline const char* name(ast::search_date_kind k) {
    using K = ast::search_date_kind;
    switch (k) {
    case K::before:
        return "before";
    case K::on:
        return "on";
    case K::since:
        return "since";
    case K::sentbefore:
        return "sentbefore";
    case K::senton:
        return "senton";
    case K::sentsince:
        return "sentsince";
    case K::savedbefore:
        return "savedbefore";
    case K::savedon:
        return "savedon";
    case K::savedsince:
        return "savedsince";
    }
    return "unknown";
}

inline const char* name(ast::search_keyword_kind k) {
    return k == ast::search_keyword_kind::keyword ? "keyword" : "unkeyword";
}

inline const char* name(ast::search_size_kind k) {
    return k == ast::search_size_kind::larger ? "larger" : "smaller";
}

// ---- leaves ----------------------------------------------------------------------------------

inline json to_json(const ast::istring& s) {
    json j = json::object();
    j["form"] = name(s.form);
    put_bytes(j, "value", s.value());
    return j;
}

inline json to_json(const std::optional<ast::istring>& s) {
    return s ? to_json(*s) : json(nullptr);
}

inline json to_json(const ast::mailbox& m) {
    return json{{"name", to_json(m.name)}};
}

inline std::string seq_number_text(const ast::seq_number& n) {
    return n.is_star() ? std::string("*") : std::to_string(n.value);
}

inline json to_json(const ast::sequence_set& set) {
    json j = json::array();
    for (const auto& item : set.items) {
        if (item.saved_result) { // SEARCHRES (RFC 5182)
            j.push_back("$");
            continue;
        }
        std::string s = seq_number_text(item.first);
        if (item.last)
            s.append(":").append(seq_number_text(*item.last));
        j.push_back(std::move(s));
    }
    return j;
}

/// A partial-range as its text: "1:100", "-1:-100" (PARTIAL, RFC 9394)
inline json to_json(const ast::result_range& r) {
    const char* minus = r.from_end ? "-" : "";
    return std::string(minus) + std::to_string(r.first) + ":" + minus + std::to_string(r.last);
}

/// A uid-set as its items' text: ["304", "319:320"]
inline json to_json(const ast::uid_set& set) {
    json j = json::array();
    for (const auto& item : set.items) {
        std::string s = std::to_string(item.first);
        if (item.last)
            s.append(":").append(std::to_string(*item.last));
        j.push_back(std::move(s));
    }
    return j;
}

inline json to_json(const ast::flag_list& flags) {
    json j = json::array();
    for (const auto& f : flags)
        j.push_back(std::string(f.text));
    return j;
}

inline json to_json(const ast::date& d) {
    return json{{"day", d.day},
                {"month", d.month},
                {"year", d.year},
                {"leading_zero", d.leading_zero},
                {"quoted", d.quoted}};
}

inline json to_json(const ast::date_time& d) {
    return json{{"day", d.day},
                {"month", d.month},
                {"year", d.year},
                {"hour", d.hour},
                {"minute", d.minute},
                {"second", d.second},
                {"zone_negative", d.zone_negative},
                {"zone_hhmm", d.zone_hhmm},
                {"leading_zero", d.leading_zero}};
}

// ---- fetch -----------------------------------------------------------------------------------

inline json to_json(const ast::section_text& t) {
    json headers = json::array();
    for (const auto& h : t.headers)
        headers.push_back(to_json(h));
    return json{{"kind", name(t.kind)}, {"headers", std::move(headers)}};
}

inline json to_json(const ast::section& s) {
    return json{{"part", s.part}, {"text", s.text ? to_json(*s.text) : json(nullptr)}};
}

inline json to_json(const ast::partial_range& p) {
    return json{{"offset", p.offset}, {"length", p.length}};
}

inline json to_json(const ast::fetch_att& a) {
    return json{{"kind", name(a.kind)},
                {"section", to_json(a.section)},
                {"partial", a.partial ? to_json(*a.partial) : json(nullptr)}};
}

inline json to_json(const ast::fetch_items& items) {
    return std::visit(
        [](const auto& x) -> json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::fetch_macro>) {
                return json{{"type", "macro"}, {"macro", name(x)}};
            } else if constexpr (std::is_same_v<T, ast::fetch_att>) {
                return with_type("att", to_json(x));
            } else if constexpr (std::is_same_v<T, ast::vector<ast::fetch_att>>) {
                json atts = json::array();
                for (const auto& a : x)
                    atts.push_back(to_json(a));
                return json{{"type", "list"}, {"atts", std::move(atts)}};
            } else {
                static_assert(ast::unhandled<T>, "an alternative is not handled");
            }
        },
        items);
}

// ---- search ----------------------------------------------------------------------------------

inline json to_json(const ast::search_key& key);

inline json to_json(const ast::vector<ast::search_key>& keys) {
    json j = json::array();
    for (const auto& k : keys)
        j.push_back(to_json(k));
    return j;
}

inline json to_json(const ast::search_key& key) {
    return std::visit(
        [](const auto& x) -> json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::search_simple>) {
                return json{{"type", "simple"}, {"which", name(x.which)}};
            } else if constexpr (std::is_same_v<T, ast::search_string>) {
                return json{
                    {"type", "string"}, {"which", name(x.which)}, {"value", to_json(x.value)}};
            } else if constexpr (std::is_same_v<T, ast::search_date>) {
                return json{{"type", "date"}, {"which", name(x.which)}, {"date", to_json(x.date)}};
            } else if constexpr (std::is_same_v<T, ast::search_keyword>) {
                json j{{"type", "keyword"}, {"which", name(x.which)}};
                put_bytes(j, "keyword", x.keyword);
                return j;
            } else if constexpr (std::is_same_v<T, ast::search_size>) {
                return json{{"type", "size"}, {"which", name(x.which)}, {"octets", x.octets}};
            } else if constexpr (std::is_same_v<T, ast::search_header>) {
                return json{
                    {"type", "header"}, {"field", to_json(x.field)}, {"value", to_json(x.value)}};
            } else if constexpr (std::is_same_v<T, ast::search_uid>) {
                return json{{"type", "uid"}, {"set", to_json(x.set)}};
            } else if constexpr (std::is_same_v<T, ast::search_modseq>) {
                static constexpr const char* types[] = {"priv", "shared", "all"};
                json entry = nullptr;
                if (x.entry)
                    entry = json{{"name", to_json(x.entry->name)},
                                 {"type", types[static_cast<int>(x.entry->type)]}};
                return json{{"type", "modseq"}, {"entry", std::move(entry)}, {"modseq", x.modseq}};
            } else if constexpr (std::is_same_v<T, ast::search_objectid>) {
                json j{{"type",
                        x.which == ast::search_objectid::kind::emailid ? "emailid" : "threadid"}};
                put_bytes(j, "id", x.id);
                return j;
            } else if constexpr (std::is_same_v<T, ast::search_set>) {
                return json{{"type", "set"}, {"set", to_json(x.set)}};
            } else if constexpr (std::is_same_v<T, ast::search_not>) {
                return json{{"type", "not"}, {"key", to_json(*x.key)}};
            } else if constexpr (std::is_same_v<T, ast::search_or>) {
                return json{
                    {"type", "or"}, {"left", to_json(*x.left)}, {"right", to_json(*x.right)}};
            } else {
                static_assert(std::is_same_v<T, ast::search_group>);
                return json{{"type", "group"}, {"keys", to_json(x.keys)}};
            }
        },
        key.v);
}

inline json to_json(const ast::store_att_flags& a) {
    return json{{"op", name(a.op)},
                {"silent", a.silent},
                {"parenthesized", a.parenthesized},
                {"flags", to_json(a.flags)}};
}

// ---- commands --------------------------------------------------------------------------------

namespace detail {

// Each command's JSON name and keyword are its ast::traits entry.

/// The fields of each command (without "type").
inline json fields(const ast::capability_command&) {
    return json::object();
}
inline json fields(const ast::logout_command&) {
    return json::object();
}
inline json fields(const ast::noop_command&) {
    return json::object();
}
inline json fields(const ast::starttls_command&) {
    return json::object();
}
inline json fields(const ast::check_command&) {
    return json::object();
}
inline json fields(const ast::close_command&) {
    return json::object();
}
inline json fields(const ast::expunge_command&) {
    return json::object();
}
inline json fields(const ast::idle_command&) {
    return json::object();
}
/// RFC 2971 id_params_list: null for NIL, else [[field, value], ...]
inline json id_params_json(const ast::id_params& p) {
    if (p.nil)
        return nullptr;
    json a = json::array();
    for (const auto& kv : p.params)
        a.push_back(json::array({to_json(kv.field), to_json(kv.value)}));
    return a;
}
inline json fields(const ast::id_command& c) {
    return json{{"params", id_params_json(c.list)}};
}
inline json fields(const ast::unselect_command&) {
    return json::object();
}
inline json fields(const ast::compress_command& c) {
    return json{{"algorithm", std::string(ast::keyword(c.algorithm))}};
}
inline json fields(const ast::namespace_command&) {
    return json::object();
}
inline json fields(const ast::uid_expunge_command& c) {
    return json{{"set", to_json(c.set)}};
}

inline json fields(const ast::enable_command& c) {
    json caps = json::array(); // atoms: 7-bit by the grammar
    for (const auto sv : c.capabilities)
        caps.push_back(std::string(sv));
    return json{{"capabilities", std::move(caps)}};
}

inline json fields(const ast::x_command& c) {
    json j = json::object();
    put_bytes(j, "name", c.name);
    put_bytes(j, "arguments", c.arguments);
    j["has_arguments"] = c.has_arguments;
    return j;
}

/// One message of APPEND: {"flags", "internal_date", "message"} (RFC 3502 append-message).
inline json append_message_json(const std::optional<ast::flag_list>& flags,
                                const std::optional<ast::date_time>& internal_date,
                                const ast::string& message) {
    return json{{"flags", flags ? to_json(*flags) : json(nullptr)},
                {"internal_date", internal_date ? to_json(*internal_date) : json(nullptr)},
                {"message", to_json(message)}};
}
inline json fields(const ast::append_command& c) {
    json j = append_message_json(c.flags, c.internal_date, c.message);
    j["mailbox"] = to_json(c.mailbox);
    if (!c.more.empty()) { // MULTIAPPEND (RFC 3502): the messages after the first
        json more = json::array();
        for (const ast::append_message& m : c.more)
            more.push_back(append_message_json(m.flags, m.internal_date, m.message));
        j["more"] = std::move(more);
    }
    return j;
}

inline json fields(const ast::delete_command& c) {
    return json{{"mailbox", to_json(c.mailbox)}};
}
/// One of RFC 4466's modifiers or parameters: {"type": name, ...its value}.
inline json modifier_json(const ast::fetch_mod_changedsince& m) {
    return json{{"type", ast::traits<ast::fetch_mod_changedsince>::info.name},
                {"modseq", m.modseq}};
}
inline json modifier_json(const ast::store_mod_unchangedsince& m) {
    return json{{"type", ast::traits<ast::store_mod_unchangedsince>::info.name},
                {"modseq", m.modseq}};
}
inline json modifier_json(const ast::fetch_mod_partial& m) {
    return json{{"type", ast::traits<ast::fetch_mod_partial>::info.name},
                {"range", to_json(m.range)}};
}
inline json modifier_json(const ast::fetch_mod_vanished&) {
    return json{{"type", ast::traits<ast::fetch_mod_vanished>::info.name}};
}
inline json modifier_json(const ast::select_param_qresync& p) {
    json j{{"type", ast::traits<ast::select_param_qresync>::info.name},
           {"uidvalidity", p.uidvalidity},
           {"modseq", p.modseq}};
    if (p.known_uids)
        j["known_uids"] = to_json(*p.known_uids);
    if (p.match)
        j["seq_match_data"] = json{{"known_sequence_set", to_json(p.match->known_sequence_set)},
                                   {"known_uid_set", to_json(p.match->known_uid_set)}};
    return j;
}
inline json modifier_json(const ast::select_param_condstore&) {
    return json{{"type", ast::traits<ast::select_param_condstore>::info.name}};
}
inline json modifier_json(const ast::create_param_use& p) {
    return json{{"type", ast::traits<ast::create_param_use>::info.name},
                {"attributes", to_json(p.attributes)}};
}
template <class Variant>
json modifiers_json(const ast::vector<Variant>& items) {
    json a = json::array();
    for (const auto& item : items)
        a.push_back(std::visit([](const auto& x) { return modifier_json(x); }, item));
    return a;
}
inline json fields(const ast::create_command& c) {
    return json{{"mailbox", to_json(c.mailbox)}, {"params", modifiers_json(c.params)}};
}
inline json fields(const ast::examine_command& c) {
    return json{{"mailbox", to_json(c.mailbox)}, {"params", modifiers_json(c.params)}};
}
inline json fields(const ast::select_command& c) {
    return json{{"mailbox", to_json(c.mailbox)}, {"params", modifiers_json(c.params)}};
}
inline json fields(const ast::subscribe_command& c) {
    return json{{"mailbox", to_json(c.mailbox)}};
}
inline json fields(const ast::unsubscribe_command& c) {
    return json{{"mailbox", to_json(c.mailbox)}};
}

/// tagged-ext-comp / option-val-comp: an array of strings and arrays.
inline json comp_json(const ast::vector<ast::ext_comp_item>& comp) {
    json a = json::array();
    for (const auto& item : comp)
        a.push_back(std::visit(
            [](const auto& x) -> json {
                if constexpr (std::is_same_v<std::decay_t<decltype(x)>, ast::astring>)
                    return to_json(x);
                else
                    return comp_json(x); // a group
            },
            item.v));
    return a;
}
/// LIST-EXTENDED options: {"type": name}, STATUS's {"items"}, an option-extension's
/// {"name", "value"}.
template <class Variant>
json list_options_json(const ast::vector<Variant>& options) {
    json a = json::array();
    for (const auto& o : options)
        a.push_back(std::visit(
            [](const auto& x) -> json {
                using T = std::decay_t<decltype(x)>;
                json j{{"type", ast::traits<T>::info.name}};
                if constexpr (std::is_same_v<T, ast::list_opt_status>) {
                    json items = json::array();
                    for (auto att : x.items)
                        items.push_back(name(att));
                    j["items"] = std::move(items);
                } else if constexpr (std::is_same_v<T, ast::list_opt_extension>) {
                    put_bytes(j, "name", x.name);
                    j["value"] = x.value ? comp_json(*x.value) : json(nullptr);
                }
                return j;
            },
            o));
    return a;
}
inline json fields(const ast::list_command& c) {
    json patterns = json::array();
    for (const auto& p : c.patterns)
        patterns.push_back(to_json(p));
    return json{
        {"reference", to_json(c.reference)},
        {"pattern", to_json(c.pattern)},
        {"select_options", c.select_options ? list_options_json(*c.select_options) : json(nullptr)},
        {"patterns", std::move(patterns)},
        {"return_options",
         c.return_options ? list_options_json(*c.return_options) : json(nullptr)}};
}
inline json fields(const ast::lsub_command& c) {
    return json{{"reference", to_json(c.reference)}, {"pattern", to_json(c.pattern)}};
}

inline json fields(const ast::rename_command& c) {
    return json{{"from", to_json(c.from)}, {"to", to_json(c.to)}};
}

inline json fields(const ast::status_command& c) {
    json items = json::array();
    for (auto a : c.items)
        items.push_back(name(a));
    return json{{"mailbox", to_json(c.mailbox)}, {"items", std::move(items)}};
}

inline json fields(const ast::login_command& c) {
    return json{{"userid", to_json(c.userid)}, {"password", to_json(c.password)}};
}

inline json fields(const ast::authenticate_command& c) {
    json j = json::object();
    put_bytes(j, "mechanism", c.mechanism);
    if (c.initial_response)
        put_bytes(j, "initial_response", *c.initial_response);
    else
        j["initial_response"] = nullptr;
    return j;
}

inline json fields(const ast::move_command& c) {
    return json{{"set", to_json(c.set)}, {"mailbox", to_json(c.mailbox)}};
}
inline json fields(const ast::copy_command& c) {
    return json{{"set", to_json(c.set)}, {"mailbox", to_json(c.mailbox)}};
}

inline json fields(const ast::fetch_command& c) {
    return json{{"set", to_json(c.set)},
                {"items", to_json(c.items)},
                {"modifiers", modifiers_json(c.modifiers)}};
}

inline json fields(const ast::store_command& c) {
    return json{{"set", to_json(c.set)},
                {"modifiers", modifiers_json(c.modifiers)},
                {"action", to_json(c.action)}};
}

inline json fields(const ast::search_command& c) {
    json j{{"charset", to_json(c.charset)}, {"keys", to_json(c.keys)}};
    if (c.return_options) { // ESEARCH: ["MIN", "COUNT", {"partial": "1:100"}, ...]
        json opts = json::array();
        for (const auto& o : *c.return_options) {
            if (const auto* k = std::get_if<ast::search_return_option>(&o))
                opts.push_back(std::string(ast::keyword(*k)));
            else
                opts.push_back(
                    json{{"partial", to_json(std::get<ast::search_return_partial>(o).range)}});
        }
        j["return"] = std::move(opts);
    }
    return j;
}

template <class Variant>
json typed(const Variant& v);

inline json fields(const ast::uid_command& c) {
    return json{{"command", typed(c.command)}};
}

/// {"type": "<name>", ...fields} for a command variant.
template <class Variant>
json typed(const Variant& v) {
    return std::visit(
        [](const auto& x) -> json {
            using T = std::decay_t<decltype(x)>;
            return with_type(ast::traits<T>::info.name, fields(x));
        },
        v);
}

} // namespace detail

/// The command name as it is written on the wire, upper case ("UID FETCH", or the x-command's
/// own atom as written).
inline std::string command_name(const ast::command_body& body) {
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::x_command>) {
                return std::string(x.name);
            } else if constexpr (std::is_same_v<T, ast::uid_command>) {
                return std::visit(
                    [](const auto& y) -> std::string {
                        using U = std::decay_t<decltype(y)>;
                        return "UID " + std::string(ast::traits<U>::info.keyword);
                    },
                    x.command);
            } else {
                return std::string(ast::traits<T>::info.keyword);
            }
        },
        body);
}

inline json to_json(const ast::command& c) {
    json j = json::object();
    put_bytes(j, "tag", c.tag);
    j["body"] = detail::typed(c.body);
    return j;
}

inline json to_json(const ast::authenticate_data& d) {
    json j{{"cancel", d.cancel}};
    put_bytes(j, "base64", d.base64);
    return j;
}

// ---- server messages -------------------------------------------------------------------------

inline const char* name(ast::condition c) {
    switch (c) {
    case ast::condition::ok:
        return "ok";
    case ast::condition::no:
        return "no";
    case ast::condition::bad:
        return "bad";
    case ast::condition::preauth:
        return "preauth";
    case ast::condition::bye:
        return "bye";
    }
    return "unknown";
}

/// The condition as it is written on the wire: "OK", "NO", "BAD", "PREAUTH", "BYE".
inline const char* wire_name(ast::condition c) {
    switch (c) {
    case ast::condition::ok:
        return "OK";
    case ast::condition::no:
        return "NO";
    case ast::condition::bad:
        return "BAD";
    case ast::condition::preauth:
        return "PREAUTH";
    case ast::condition::bye:
        return "BYE";
    }
    return "?";
}

inline const char* name(ast::msg_att_rfc822::part p) {
    switch (p) {
    case ast::msg_att_rfc822::part::whole:
        return "whole";
    case ast::msg_att_rfc822::part::header:
        return "header";
    case ast::msg_att_rfc822::part::text:
        return "text";
    }
    return "unknown";
}

/// An array of strings of the grammar (astring, string), each {"form", "value"}.
inline json to_json(const ast::vector<ast::istring>& strings) {
    json j = json::array();
    for (const auto& s : strings)
        j.push_back(to_json(s));
    return j;
}

/// An array of raw atoms (capabilities). Atoms are 7-bit by the grammar, so they need no
/// "_base64" companion.
inline json to_json(const imapwire::ast::vector<std::string_view>& atoms) {
    json j = json::array();
    for (const auto sv : atoms)
        j.push_back(std::string(sv));
    return j;
}

// -- envelope

inline json to_json(const ast::address& a) {
    return json{{"name", to_json(a.name)},
                {"adl", to_json(a.adl)},
                {"mailbox", to_json(a.mailbox)},
                {"host", to_json(a.host)}};
}

inline json to_json(const ast::address_list& list) {
    if (!list)
        return nullptr;
    json j = json::array();
    for (const auto& a : *list)
        j.push_back(to_json(a));
    return j;
}

inline json to_json(const ast::envelope& e) {
    return json{{"date", to_json(e.date)},
                {"subject", to_json(e.subject)},
                {"from", to_json(e.from)},
                {"sender", to_json(e.sender)},
                {"reply_to", to_json(e.reply_to)},
                {"to", to_json(e.to)},
                {"cc", to_json(e.cc)},
                {"bcc", to_json(e.bcc)},
                {"in_reply_to", to_json(e.in_reply_to)},
                {"message_id", to_json(e.message_id)}};
}

// -- body structure

inline json to_json(const ast::body& b);

inline json to_json(const ast::body_param& p) {
    return json{{"attribute", to_json(p.attribute)}, {"value", to_json(p.value)}};
}

inline json to_json(const ast::body_fld_param& params) {
    if (!params)
        return nullptr;
    json j = json::array();
    for (const auto& p : *params)
        j.push_back(to_json(p));
    return j;
}

/// body-fld-dsp; "type" here is the disposition type (a string), not a variant tag.
inline json to_json(const ast::body_fld_dsp& d) {
    return json{{"type", to_json(d.type)}, {"params", to_json(d.params)}};
}

inline json to_json(const ast::body_fld_lang& lang) {
    return std::visit(
        [](const auto& x) -> json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::nstring>)
                return json{{"type", "nstring"}, {"value", to_json(x)}};
            else if constexpr (std::is_same_v<T, ast::vector<ast::string>>)
                return json{{"type", "list"}, {"values", to_json(x)}};
            else
                static_assert(ast::unhandled<T>, "an alternative is not handled");
        },
        lang);
}

inline json to_json(const ast::body_extension& ext) {
    return std::visit(
        [](const auto& x) -> json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::nstring>) {
                return json{{"type", "nstring"}, {"value", to_json(x)}};
            } else if constexpr (std::is_same_v<T, std::uint32_t>) {
                return json{{"type", "number"}, {"value", x}};
            } else if constexpr (std::is_same_v<T, ast::vector<ast::body_extension>>) {
                json items = json::array();
                for (const auto& e : x)
                    items.push_back(to_json(e));
                return json{{"type", "list"}, {"items", std::move(items)}};
            } else {
                static_assert(ast::unhandled<T>, "an alternative is not handled");
            }
        },
        ext.v);
}

inline json to_json(const ast::body_fields& f) {
    return json{{"params", to_json(f.params)},
                {"id", to_json(f.id)},
                {"description", to_json(f.description)},
                {"encoding", to_json(f.encoding)},
                {"octets", f.octets}};
}

inline json to_json(const ast::body_ext_tail& t) {
    json extensions = json::array();
    for (const auto& e : t.extensions)
        extensions.push_back(to_json(e));
    return json{{"fields", t.fields},
                {"disposition", t.disposition ? to_json(*t.disposition) : json(nullptr)},
                {"language", to_json(t.language)},
                {"location", to_json(t.location)},
                {"extensions", std::move(extensions)}};
}

inline json to_json(const ast::body_ext_1part& e) {
    return json{{"md5", to_json(e.md5)}, {"tail", to_json(e.tail)}};
}

inline json to_json(const ast::body_ext_mpart& e) {
    return json{{"params", to_json(e.params)}, {"tail", to_json(e.tail)}};
}

inline json to_json(const ast::body_type_1part& p) {
    json part = std::visit(
        [](const auto& x) -> json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::body_type_basic>) {
                return json{{"type", "basic"},
                            {"media_type", to_json(x.media_type)},
                            {"media_subtype", to_json(x.media_subtype)},
                            {"fields", to_json(x.fields)}};
            } else if constexpr (std::is_same_v<T, ast::body_type_msg>) {
                return json{{"type", "msg"},
                            {"media_type", to_json(x.media_type)},
                            {"media_subtype", to_json(x.media_subtype)},
                            {"fields", to_json(x.fields)},
                            {"envelope", to_json(*x.envelope)},
                            {"body", to_json(*x.body)},
                            {"lines", x.lines}};
            } else {
                static_assert(std::is_same_v<T, ast::body_type_text>);
                return json{{"type", "text"},
                            {"media_type", to_json(x.media_type)},
                            {"media_subtype", to_json(x.media_subtype)},
                            {"fields", to_json(x.fields)},
                            {"lines", x.lines}};
            }
        },
        p.part);
    return json{{"type", "1part"},
                {"part", std::move(part)},
                {"extension", p.extension ? to_json(*p.extension) : json(nullptr)}};
}

inline json to_json(const ast::body_type_mpart& m) {
    json parts = json::array();
    for (const auto& b : m.parts)
        parts.push_back(to_json(b));
    return json{{"type", "mpart"},
                {"parts", std::move(parts)},
                {"media_subtype", to_json(m.media_subtype)},
                {"extension", m.extension ? to_json(*m.extension) : json(nullptr)}};
}

inline json to_json(const ast::body& b) {
    return std::visit([](const auto& x) -> json { return to_json(x); }, b.v);
}

// -- resp-text

inline json to_json(const ast::resp_text_code& code) {
    return std::visit(
        [](const auto& x) -> json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (ast::is_bare_code<T>) { // ALERT, ..., the RFC 5530 codes
                return json{{"type", ast::traits<T>::info.name}};
            } else if constexpr (std::is_same_v<T, ast::code_badcharset>) {
                return json{{"type", ast::traits<T>::info.name}, {"charsets", to_json(x.charsets)}};
            } else if constexpr (std::is_same_v<T, ast::code_capability>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"capabilities", to_json(x.capabilities)}};
            } else if constexpr (std::is_same_v<T, ast::code_permanentflags>) {
                return json{{"type", ast::traits<T>::info.name}, {"flags", to_json(x.flags)}};
            } else if constexpr (std::is_same_v<T, ast::code_uidnext>) {
                return json{{"type", ast::traits<T>::info.name}, {"value", x.value}};
            } else if constexpr (std::is_same_v<T, ast::code_uidvalidity>) {
                return json{{"type", ast::traits<T>::info.name}, {"value", x.value}};
            } else if constexpr (std::is_same_v<T, ast::code_unseen>) {
                return json{{"type", ast::traits<T>::info.name}, {"value", x.value}};
            } else if constexpr (std::is_same_v<T, ast::code_highestmodseq>) {
                return json{{"type", ast::traits<T>::info.name}, {"value", x.value}};
            } else if constexpr (std::is_same_v<T, ast::code_modified>) {
                return json{{"type", ast::traits<T>::info.name}, {"set", to_json(x.set)}};
            } else if constexpr (std::is_same_v<T, ast::code_appenduid>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"uidvalidity", x.uidvalidity},
                            {"uids", to_json(x.uids)}};
            } else if constexpr (std::is_same_v<T, ast::code_mailboxid>) {
                json j{{"type", ast::traits<T>::info.name}};
                put_bytes(j, "id", x.id);
                return j;
            } else if constexpr (std::is_same_v<T, ast::code_copyuid>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"uidvalidity", x.uidvalidity},
                            {"source", to_json(x.source)},
                            {"destination", to_json(x.destination)}};
            } else {
                static_assert(std::is_same_v<T, ast::code_other>);
                json j{{"type", ast::traits<T>::info.name}};
                put_bytes(j, "atom", x.atom);
                if (x.text)
                    put_bytes(j, "text", *x.text);
                else
                    j["text"] = nullptr;
                return j;
            }
        },
        code);
}

inline json to_json(const ast::resp_text& t) {
    json j{{"code", t.code ? to_json(*t.code) : json(nullptr)}};
    put_bytes(j, "text", t.text);
    return j;
}

inline json to_json(const ast::resp_cond& c) {
    return json{{"status", name(c.status)}, {"text", to_json(c.text)}};
}

inline json to_json(const ast::greeting& g) {
    return json{{"type", "greeting"}, {"cond", to_json(g.cond)}};
}

// -- response-data

/// A hierarchy delimiter: one octet, or null for NIL.
inline void put_delimiter(json& j, const std::optional<char>& delimiter) {
    if (delimiter)
        put_bytes(j, "delimiter", std::string_view(&*delimiter, 1));
    else
        j["delimiter"] = nullptr;
}

/// tagged-ext-val: {"sequence_set": ...}, {"number": n} or {"comp": [...]}
inline json to_json(const ast::tagged_ext_val& v) {
    return std::visit(
        [](const auto& x) -> json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::sequence_set>)
                return json{{"sequence_set", to_json(x)}};
            else if constexpr (std::is_same_v<T, std::uint32_t>)
                return json{{"number", x}};
            else
                return json{{"comp", detail::comp_json(x)}};
        },
        v);
}

inline json to_json(const ast::mailbox_list& l) {
    json j{{"flags", to_json(l.flags)}};
    put_delimiter(j, l.delimiter);
    j["mailbox"] = to_json(l.mailbox);
    if (l.extended) {
        json items = json::array();
        for (const auto& item : *l.extended)
            items.push_back(json{{"tag", to_json(item.tag)}, {"value", to_json(item.value)}});
        j["extended"] = std::move(items);
    } else {
        j["extended"] = nullptr;
    }
    return j;
}

/// RFC 2342 namespace: null for NIL, else [{"prefix", "delimiter", "extensions"}, ...]
inline json namespace_json(const ast::vector<ast::namespace_descr>& list) {
    if (list.empty())
        return nullptr;
    json a = json::array();
    for (const auto& d : list) {
        json j{{"prefix", to_json(d.prefix)}};
        put_delimiter(j, d.delimiter);
        json ext = json::array();
        for (const auto& e : d.extensions) {
            json values = json::array();
            for (const auto& v : e.values)
                values.push_back(to_json(v));
            ext.push_back(json{{"name", to_json(e.name)}, {"values", std::move(values)}});
        }
        j["extensions"] = std::move(ext);
        a.push_back(std::move(j));
    }
    return a;
}

inline json to_json(const ast::msg_att_item& item) {
    return std::visit(
        [](const auto& x) -> json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::msg_att_flags>) {
                return json{{"type", ast::traits<T>::info.name}, {"flags", to_json(x.flags)}};
            } else if constexpr (std::is_same_v<T, ast::msg_att_envelope>) {
                return json{{"type", ast::traits<T>::info.name}, {"envelope", to_json(x.envelope)}};
            } else if constexpr (std::is_same_v<T, ast::msg_att_internaldate>) {
                return json{{"type", ast::traits<T>::info.name}, {"date", to_json(x.date)}};
            } else if constexpr (std::is_same_v<T, ast::msg_att_savedate>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"date", x.date ? to_json(*x.date) : json(nullptr)}};
            } else if constexpr (std::is_same_v<T, ast::msg_att_rfc822>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"which", name(x.which)},
                            {"data", to_json(x.data)}};
            } else if constexpr (std::is_same_v<T, ast::msg_att_rfc822_size>) {
                return json{{"type", ast::traits<T>::info.name}, {"size", x.size}};
            } else if constexpr (std::is_same_v<T, ast::msg_att_body>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"structure", x.structure},
                            {"body", to_json(x.body)}};
            } else if constexpr (std::is_same_v<T, ast::msg_att_body_section>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"section", to_json(x.section)},
                            {"origin", x.origin ? json(*x.origin) : json(nullptr)},
                            {"data", to_json(x.data)}};
            } else if constexpr (std::is_same_v<T, ast::msg_att_uid>) {
                return json{{"type", ast::traits<T>::info.name}, {"uid", x.uid}};
            } else if constexpr (std::is_same_v<T, ast::msg_att_binary>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"part", x.part},
                            {"origin", x.origin ? json(*x.origin) : json(nullptr)},
                            {"data", to_json(x.data)}};
            } else if constexpr (std::is_same_v<T, ast::msg_att_emailid>) {
                json j{{"type", ast::traits<T>::info.name}};
                put_bytes(j, "id", x.id);
                return j;
            } else if constexpr (std::is_same_v<T, ast::msg_att_threadid>) {
                json j{{"type", ast::traits<T>::info.name}};
                if (x.id)
                    put_bytes(j, "id", *x.id);
                else
                    j["id"] = nullptr;
                return j;
            } else if constexpr (std::is_same_v<T, ast::msg_att_binary_size>) {
                return json{
                    {"type", ast::traits<T>::info.name}, {"part", x.part}, {"size", x.size}};
            } else {
                static_assert(std::is_same_v<T, ast::msg_att_modseq>);
                return json{{"type", ast::traits<T>::info.name}, {"modseq", x.value}};
            }
        },
        item);
}

/// The items of FETCH and UIDFETCH data, in order.
inline json msg_att_list_json(const ast::vector<ast::msg_att_item>& items) {
    json a = json::array();
    for (const auto& i : items)
        a.push_back(to_json(i));
    return a;
}

inline json to_json(const ast::response_data& data) {
    return std::visit(
        [](const auto& x) -> json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::resp_cond>) {
                return with_type(ast::traits<T>::info.name, to_json(x));
            } else if constexpr (std::is_same_v<T, ast::capability_data>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"capabilities", to_json(x.capabilities)}};
            } else if constexpr (std::is_same_v<T, ast::flags_data>) {
                return json{{"type", ast::traits<T>::info.name}, {"flags", to_json(x.flags)}};
            } else if constexpr (std::is_same_v<T, ast::list_data>) {
                return json{{"type", ast::traits<T>::info.name}, {"list", to_json(x.list)}};
            } else if constexpr (std::is_same_v<T, ast::lsub_data>) {
                return json{{"type", ast::traits<T>::info.name}, {"list", to_json(x.list)}};
            } else if constexpr (std::is_same_v<T, ast::search_data>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"numbers", x.numbers},
                            {"modseq", x.modseq ? json(*x.modseq) : json(nullptr)}};
            } else if constexpr (std::is_same_v<T, ast::status_data>) {
                json items = json::array();
                for (const auto& i : x.items) {
                    json item{{"att", name(i.att)},
                              {"value", i.nil ? json(nullptr) : json(i.value)}};
                    if (i.att == ast::status_att::mailboxid) // OBJECTID: its value
                        put_bytes(item, "objectid", i.objectid);
                    items.push_back(std::move(item));
                }
                return json{{"type", ast::traits<T>::info.name},
                            {"mailbox", to_json(x.mailbox)},
                            {"items", std::move(items)}};
            } else if constexpr (std::is_same_v<T, ast::exists_data>) {
                return json{{"type", ast::traits<T>::info.name}, {"count", x.count}};
            } else if constexpr (std::is_same_v<T, ast::recent_data>) {
                return json{{"type", ast::traits<T>::info.name}, {"count", x.count}};
            } else if constexpr (std::is_same_v<T, ast::expunge_data>) {
                return json{{"type", ast::traits<T>::info.name}, {"number", x.number}};
            } else if constexpr (std::is_same_v<T, ast::enabled_data>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"capabilities", to_json(x.capabilities)}};
            } else if constexpr (std::is_same_v<T, ast::id_data>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"params", detail::id_params_json(x.list)}};
            } else if constexpr (std::is_same_v<T, ast::namespace_data>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"personal", namespace_json(x.personal)},
                            {"other_users", namespace_json(x.other_users)},
                            {"shared", namespace_json(x.shared)}};
            } else if constexpr (std::is_same_v<T, ast::esearch_data>) {
                json items = json::array();
                for (const auto& item : x.items)
                    items.push_back(std::visit(
                        [](const auto& r) -> json {
                            using R = std::decay_t<decltype(r)>;
                            json v;
                            if constexpr (std::is_same_v<R, ast::esearch_all>)
                                v = to_json(r.set);
                            else if constexpr (std::is_same_v<R, ast::esearch_partial>)
                                v = json{
                                    {"range", to_json(r.range)},
                                    {"results", r.results ? to_json(*r.results) : json(nullptr)}};
                            else
                                v = r.value;
                            return json{{"type", ast::traits<R>::info.name},
                                        {"value", std::move(v)}};
                        },
                        item));
                json j{{"type", ast::traits<T>::info.name}, {"uid", x.uid}};
                j["tag"] = x.tag ? to_json(*x.tag) : json(nullptr);
                j["items"] = std::move(items);
                return j;
            } else if constexpr (std::is_same_v<T, ast::vanished_data>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"earlier", x.earlier},
                            {"uids", to_json(x.uids)}};
            } else if constexpr (std::is_same_v<T, ast::uidfetch_data>) {
                return json{{"type", ast::traits<T>::info.name},
                            {"uid", x.uid},
                            {"items", msg_att_list_json(x.items)}};
            } else {
                static_assert(std::is_same_v<T, ast::fetch_data>);
                return json{{"type", ast::traits<T>::info.name},
                            {"number", x.number},
                            {"items", msg_att_list_json(x.items)}};
            }
        },
        data);
}

// -- response

inline json to_json(const ast::continue_req& c) {
    json content = std::visit(
        [](const auto& x) -> json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::resp_text>) {
                return with_type("text", to_json(x));
            } else if constexpr (std::is_same_v<T, std::string_view>) {
                json j{{"type", "base64"}};
                put_bytes(j, "base64", x);
                return j;
            } else {
                static_assert(ast::unhandled<T>, "an alternative is not handled");
            }
        },
        c.content);
    return json{{"type", "continue"}, {"content", std::move(content)}};
}

inline json to_json(const ast::response_tagged& t) {
    json j{{"type", "tagged"}};
    put_bytes(j, "tag", t.tag);
    j["cond"] = to_json(t.cond);
    return j;
}

inline json to_json(const ast::response& r) {
    return std::visit(
        [](const auto& x) -> json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::response_data>)
                return json{{"type", "untagged"}, {"data", to_json(x)}};
            else
                return to_json(x);
        },
        r.v);
}

// -- text summaries

/// "[CODE]" for a resp-text that has one ("[UIDNEXT]", "[HIGHESTMODSEQ]" as written), else "".
inline std::string code_summary(const ast::resp_text& t) {
    if (!t.code)
        return {};
    const std::string code = std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::code_other>)
                return std::string(x.atom);
            else
                return std::string(ast::traits<T>::info.keyword);
        },
        *t.code);
    return "[" + code + "]";
}

/// "OK", "NO [TRYCREATE]", "BYE"...
inline std::string cond_summary(const ast::resp_cond& c) {
    std::string s = wire_name(c.status);
    if (std::string code = code_summary(c.text); !code.empty())
        s.append(" ").append(code);
    return s;
}

/// One-line summary of a greeting: "* OK [CAPABILITY]", "* PREAUTH", "* BYE".
inline std::string summary(const ast::greeting& g) {
    return "* " + cond_summary(g.cond);
}

/// One-line summary of a server message: "+", "+ [ALERT]", "* OK [UIDNEXT]", "* FETCH 12",
/// "* EXISTS 10", "* LIST", "A001 OK", "A002 NO [TRYCREATE]".
inline std::string summary(const ast::response& r) {
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, ast::continue_req>) {
                std::string s = "+";
                if (const auto* text = std::get_if<ast::resp_text>(&x.content))
                    if (std::string code = code_summary(*text); !code.empty())
                        s.append(" ").append(code);
                return s;
            } else if constexpr (std::is_same_v<T, ast::response_tagged>) {
                return std::string(x.tag) + " " + cond_summary(x.cond);
            } else if constexpr (std::is_same_v<T, ast::response_data>) {
                return "* " + std::visit(
                                  [](const auto& d) -> std::string {
                                      using D = std::decay_t<decltype(d)>;
                                      const std::string kw(ast::traits<D>::info.keyword);
                                      if constexpr (std::is_same_v<D, ast::resp_cond>)
                                          return cond_summary(d);
                                      else if constexpr (std::is_same_v<D, ast::exists_data> ||
                                                         std::is_same_v<D, ast::recent_data>)
                                          return kw + " " + std::to_string(d.count);
                                      else if constexpr (std::is_same_v<D, ast::expunge_data> ||
                                                         std::is_same_v<D, ast::fetch_data>)
                                          return kw + " " + std::to_string(d.number);
                                      else if constexpr (std::is_same_v<D, ast::uidfetch_data>)
                                          return kw + " " + std::to_string(d.uid);
                                      else
                                          return kw;
                                  },
                                  x);
            } else {
                static_assert(ast::unhandled<T>, "an alternative is not handled");
            }
        },
        r.v);
}

} // namespace imapwire_tool
