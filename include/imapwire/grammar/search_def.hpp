// imapwire grammar: definitions of RFC 3501 §9 search keys. Included by impl/search.ipp only.
#pragma once

#include <imapwire/grammar/core_def.hpp>
#include <imapwire/grammar/search.hpp>
// extensions that add search keys (one line each; ext/registry.hpp)
#include <imapwire/ext/condstore/grammar_def.hpp>
#include <imapwire/ext/objectid/grammar_def.hpp>

namespace imapwire::grammar {

// search-key: each keyword family dispatches through a symbol table (a trie), no keyword
// is a prefix of one in another family, and "(" / digits / "*" start the other alternatives.
inline const keyword_symbols<ast::search_string_kind> search_string_words;
inline const keyword_symbols<ast::search_keyword_kind> search_keyword_words;
inline const keyword_symbols<ast::search_size_kind> search_size_words;

// (the keys without an argument and those taking a date are looked up as whole words, with
// the extension of each: SAVEDATE adds to both tables)
inline const auto search_simple__def =
    keyword_enum_parser<ast::search_flag_key>{}[set<&ast::search_simple::which>];
inline const auto search_string__def =
    x3::no_case[search_string_words][set<&ast::search_string::which>] >> SP_ >
    astring[set<&ast::search_string::value>];
inline const auto search_date__def =
    (keyword_enum_parser<ast::search_date_kind>{}[set<&ast::search_date::which>] >> SP_) >
    date[set<&ast::search_date::date>];
inline const auto search_keyword__def =
    x3::no_case[search_keyword_words][set<&ast::search_keyword::which>] >> SP_ >
    flag_keyword[set<&ast::search_keyword::keyword>];
// "LARGER" SP number / "SMALLER" SP number (RFC 9051 §9, IMAP4rev2: number64)
inline const auto search_size__def =
    x3::no_case[search_size_words][set<&ast::search_size::which>] >> SP_ >
    number_or_64[set<&ast::search_size::octets>];
inline const auto search_header__def = (kw("HEADER") >> SP_) >
                                       header_fld_name[set<&ast::search_header::field>] > SP_ >
                                       astring[set<&ast::search_header::value>];
inline const auto search_uid__def = (kw("UID") >> SP_) > sequence_set[set<&ast::search_uid::set>];
inline const auto search_set__def = sequence_set[set<&ast::search_set::set>];
inline const auto search_not__def = (kw("NOT") >> SP_) > search_key[set<&ast::search_not::key>];
inline const auto search_or__def = (kw("OR") >> SP_) > search_key[set<&ast::search_or::left>] >
                                   SP_ > search_key[set<&ast::search_or::right>];
inline const auto search_group__def = '(' > (search_key[push<&ast::search_group::keys>] % SP_) >
                                      ')';

// search-key      = "ALL" / "ANSWERED" / "BCC" SP astring /
//                   "BEFORE" SP date / "BODY" SP astring /
//                   "CC" SP astring / "DELETED" / "FLAGGED" /
//                   "FROM" SP astring / "KEYWORD" SP flag-keyword /
//                   "NEW" / "OLD" / "ON" SP date / "RECENT" / "SEEN" /
//                   "SINCE" SP date / "SUBJECT" SP astring /
//                   "TEXT" SP astring / "TO" SP astring /
//                   "UNANSWERED" / "UNDELETED" / "UNFLAGGED" /
//                   "UNKEYWORD" SP flag-keyword / "UNSEEN" /
//                   "DRAFT" / "HEADER" SP header-fld-name SP astring /
//                   "LARGER" SP number / "NOT" SP search-key /
//                   "OR" SP search-key SP search-key /
//                   "SENTBEFORE" SP date / "SENTON" SP date /
//                   "SENTSINCE" SP date / "SMALLER" SP number /
//                   "UID" SP sequence-set / "UNDRAFT" / sequence-set /
//                   "(" search-key *(SP search-key) ")"
// (recursive: NOT, OR and groups nest, bounded by parse_options::max_depth)
inline const auto search_key_def =
    depth_guard[search_simple_[assign] | search_string_[assign] | search_date_[assign] |
                search_keyword_[assign] | search_size_[assign] | search_header_[assign] |
                search_uid_[assign] | search_not_[assign] | search_or_[assign] |
                // extensions
                (enabled(extension::condstore) >> search_modsequence[assign]) |
                (enabled(extension::objectid) >> search_objectid_[assign]) | search_set_[assign] |
                search_group_[assign]];

IMAPWIRE_DEFINE(search_simple_, search_string_, search_date_, search_keyword_, search_size_,
                search_header_, search_uid_, search_set_, search_not_, search_or_, search_group_,
                search_key)

} // namespace imapwire::grammar
