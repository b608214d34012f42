// imapwire grammar, OBJECTID (RFC 8474 §7): rule definitions. Included by the FETCH grammar
// (msg-att-static), the response grammar (resp-text-code, status-att-val) and the search
// grammar (search-key); the fetch-atts and the status-att are keyword table entries of the core
// grammar.
#pragma once

#include <imapwire/ext/objectid/grammar.hpp>
#include <imapwire/grammar/core_def.hpp>

namespace imapwire::grammar {

/// 1*255(ALPHA / DIGIT / "_" / "-"): a 256th character is refused where it stands.
struct objectid_parser : x3::parser<objectid_parser> {
    using attribute_type = std::string_view;
    static constexpr bool has_attribute = true;
    static constexpr bool id_char(char c) noexcept {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    }
    template <class It, class Ctx, class RCtx, class Attr>
    bool parse(It& first, const It& last, const Ctx& ctx, RCtx&, Attr& attr) const {
        It i = first;
        while (i != last && id_char(*i)) {
            if (static_cast<std::size_t>(i - first) == ast::max_objectid_length) {
                if (!state(ctx).soft)
                    fail_with(state(ctx), i, error::syntax, "objectid",
                              "the end of an objectid (at most 255 characters)");
                return false;
            }
            ++i;
        }
        if (i == first)
            return false;
        x3::traits::move_to(std::string_view(first, static_cast<std::size_t>(i - first)), attr);
        first = i;
        return true;
    }
};

// RFC 8474 §7
// objectid = 1*255(ALPHA / DIGIT / "_" / "-")
//         ; characters in object identifiers are case
//         ; significant
inline const auto objectid_def = objectid_parser{};
// fetch-att =/ "EMAILID" / "THREADID"
// (keywords of the core's fetch-att table)
// fetch-emailid-resp = "EMAILID" SP "(" objectid ")"
//         ; follows tagged-ext production from [RFC4466]
// (what follows the keyword: the FETCH item dispatch has read it)
inline const auto fetch_emailid_resp_def =
    SP_ > '(' > objectid[set<&ast::msg_att_emailid::id>] > ')';
// fetch-threadid-resp = "THREADID" SP ( "(" objectid ")" / nil )
//         ; follows tagged-ext production from [RFC4466]
inline const auto
    fetch_threadid_resp_def = SP_ > (('(' > objectid[set<&ast::msg_att_threadid::id>] > ')') | nil);
// msg-att-static =/ fetch-emailid-resp / fetch-threadid-resp
// resp-text-code =/ "MAILBOXID" SP "(" objectid ")"
//         ; incorporated before the expansion rule of
//         ;  atom [SP 1*<any TEXT-CHAR except "]">]
//         ; that appears in [RFC3501]
// (no expectation points: a code of another form is the generic one)
inline const auto code_mailboxid__def = kw("MAILBOXID") >> SP_ >> '(' >>
                                        objectid[set<&ast::code_mailboxid::id>] >> ')' >>
                                        &x3::lit(']');
// search-key =/ "EMAILID" SP objectid / "THREADID" SP objectid
template <ast::search_objectid::kind K>
inline constexpr auto objectid_key = set_value<&ast::search_objectid::which, K>;
inline const auto search_objectid__def =
    ((kw("EMAILID")[objectid_key<ast::search_objectid::kind::emailid>] |
      kw("THREADID")[objectid_key<ast::search_objectid::kind::threadid>]) >>
     SP_) > objectid[set<&ast::search_objectid::id>];
// status-att =/ "MAILBOXID"
// status-att-val =/ "MAILBOXID" SP "(" objectid ")"
//         ; follows tagged-ext production from [RFC4466]
// (status_att::mailboxid, and a branch of the core's status_item_)

IMAPWIRE_DEFINE(objectid, fetch_emailid_resp, fetch_threadid_resp, code_mailboxid_,
                search_objectid_)

} // namespace imapwire::grammar
