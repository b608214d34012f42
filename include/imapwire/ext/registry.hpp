// imapwire: the registry of the protocol extensions the library implements, and sets of them.
//
// Every extension is one enumerator and one line of the registry below: its name (what
// --extensions= and parse_options take), the capability a server advertises for it, its RFC
// and what it adds. Its grammar, AST, serializer and traits live in include/imapwire/ext/NAME/.
// parse_options::extensions says which of them a parse accepts: all by default, none for
// strict RFC 3501, or what a server advertised.
#pragma once

#include <imapwire/detail/charset.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace imapwire {

/// An IMAP extension imapwire implements. `imap4rev1` is the core (RFC 3501) itself: what every
/// construct belongs to unless an extension adds it.
enum class extension : std::uint8_t {
    imap4rev1,
    enable,             ///< RFC 5161
    idle,               ///< RFC 2177
    condstore,          ///< RFC 7162 (CONDSTORE)
    sasl_ir,            ///< RFC 4959
    unselect,           ///< RFC 3691
    id,                 ///< RFC 2971
    move,               ///< RFC 6851
    namespace_,         ///< RFC 2342 (NAMESPACE; the trailing _ because namespace is a C++ keyword)
    uidplus,            ///< RFC 4315
    qresync,            ///< RFC 7162 (QRESYNC)
    esearch,            ///< RFC 4731
    status_size,        ///< RFC 8438 (STATUS=SIZE)
    savedate,           ///< RFC 8514
    literal_plus,       ///< RFC 7888 (LITERAL+)
    literal_minus,      ///< RFC 7888 (LITERAL-)
    binary,             ///< RFC 3516
    list_extended,      ///< RFC 5258 (LIST-EXTENDED)
    special_use,        ///< RFC 6154 (SPECIAL-USE)
    create_special_use, ///< RFC 6154 (CREATE-SPECIAL-USE)
    list_status,        ///< RFC 5819 (LIST-STATUS)
    children,           ///< RFC 3348 (CHILDREN)
    objectid,           ///< RFC 8474 (OBJECTID)
    rfc5530,            ///< RFC 5530 (IMAP response codes; no capability)
    searchres,          ///< RFC 5182 (SEARCHRES)
    partial,            ///< RFC 9394 (PARTIAL)
    appendlimit,        ///< RFC 7889 (APPENDLIMIT)
    uidonly,            ///< RFC 9586 (UIDONLY)
    multiappend,        ///< RFC 3502 (MULTIAPPEND)
    compress,           ///< RFC 4978 (COMPRESS=DEFLATE)
    utf8_accept,        ///< RFC 9755 (UTF8=ACCEPT; UTF8=ONLY implies it)
    imap4rev2,          ///< RFC 9051 (IMAP4rev2): its own grammar; extension_set::imap4rev2()
                        ///< is the named set with the extensions it folds in
};

/// One line of the registry.
struct extension_info {
    extension id;
    std::string_view name;       ///< lower case, as --extensions= and the docs spell it
    std::string_view capability; ///< what a server's CAPABILITY lists for it
    std::string_view rfc;
    std::string_view adds; ///< what it adds, in a few words
};

/// The registry: every extension, in enumerator order.
inline constexpr std::array<extension_info, 32> extension_registry{{
    {extension::imap4rev1, "imap4rev1", "IMAP4rev1", "RFC 3501", "the core protocol"},
    {extension::enable, "enable", "ENABLE", "RFC 5161",
     "the ENABLE command and the ENABLED response"},
    {extension::idle, "idle", "IDLE", "RFC 2177",
     "the IDLE command, its continuation and DONE, the idle state"},
    {extension::condstore, "condstore", "CONDSTORE", "RFC 7162",
     "mod-sequences: the MODSEQ FETCH item, the HIGHESTMODSEQ, NOMODSEQ and MODIFIED codes"},
    {extension::sasl_ir, "sasl-ir", "SASL-IR", "RFC 4959",
     "AUTHENTICATE's initial response (authenticate_command::initial_response)"},
    {extension::unselect, "unselect", "UNSELECT", "RFC 3691",
     "the UNSELECT command: leaving the selected state without expunging"},
    {extension::id, "id", "ID", "RFC 2971", "the ID command and the ID response"},
    {extension::move, "move", "MOVE", "RFC 6851", "the MOVE and UID MOVE commands"},
    {extension::namespace_, "namespace", "NAMESPACE", "RFC 2342",
     "the NAMESPACE command and the NAMESPACE response"},
    {extension::uidplus, "uidplus", "UIDPLUS", "RFC 4315",
     "UID EXPUNGE and the APPENDUID, COPYUID and UIDNOTSTICKY response codes"},
    {extension::qresync, "qresync", "QRESYNC", "RFC 7162",
     "SELECT/EXAMINE (QRESYNC ...), UID FETCH's VANISHED modifier, the VANISHED response and "
     "the CLOSED code"},
    {extension::esearch, "esearch", "ESEARCH", "RFC 4731",
     "SEARCH RETURN (MIN MAX ALL COUNT) and the ESEARCH response"},
    {extension::status_size, "status=size", "STATUS=SIZE", "RFC 8438",
     "the STATUS item SIZE: a mailbox's size in octets (a number64)"},
    {extension::savedate, "savedate", "SAVEDATE", "RFC 8514",
     "the SAVEDATE FETCH item and the SAVEDBEFORE, SAVEDON, SAVEDSINCE, SAVEDATESUPPORTED search "
     "keys"},
    {extension::literal_plus, "literal+", "LITERAL+", "RFC 7888",
     "non-synchronizing literals {n+} of any size in what the client sends"},
    {extension::literal_minus, "literal-", "LITERAL-", "RFC 7888",
     "non-synchronizing literals {n+} of at most 4096 octets in what the client sends"},
    {extension::binary, "binary", "BINARY", "RFC 3516",
     "the BINARY[], BINARY.PEEK[] and BINARY.SIZE[] FETCH items, literal8 ~{n} (NUL allowed) "
     "in them and in APPEND, the UNKNOWN-CTE code"},
    {extension::list_extended, "list-extended", "LIST-EXTENDED", "RFC 5258",
     "LIST's selection options, several patterns and return options, \\NonExistent, and the "
     "extended data items of a LIST response (CHILDINFO...)"},
    {extension::special_use, "special-use", "SPECIAL-USE", "RFC 6154",
     "the SPECIAL-USE LIST selection and return option and the USEATTR code"},
    {extension::create_special_use, "create-special-use", "CREATE-SPECIAL-USE", "RFC 6154",
     "CREATE's USE parameter: CREATE name (USE (\\Sent))"},
    {extension::list_status, "list-status", "LIST-STATUS", "RFC 5819",
     "LIST's STATUS return option, answered by STATUS responses during the LIST"},
    {extension::children, "children", "CHILDREN", "RFC 3348",
     "the \\HasChildren and \\HasNoChildren mailbox attributes (flag-extensions: no syntax of "
     "their own)"},
    {extension::objectid, "objectid", "OBJECTID", "RFC 8474",
     "the EMAILID and THREADID FETCH items and search keys, the MAILBOXID STATUS item and code"},
    {extension::rfc5530, "rfc5530", "", "RFC 5530",
     "the response codes UNAVAILABLE, AUTHENTICATIONFAILED ... NONEXISTENT as codes of their "
     "own (servers send them unannounced: no capability)"},
    {extension::searchres, "searchres", "SEARCHRES", "RFC 5182",
     "SEARCH RETURN (SAVE), the $ sequence set that names the saved result, the NOTSAVED code"},
    {extension::partial, "partial", "PARTIAL", "RFC 9394",
     "SEARCH RETURN (PARTIAL first:last), its PARTIAL ESEARCH data, and UID FETCH's PARTIAL "
     "modifier: one page of a large result"},
    {extension::appendlimit, "appendlimit", "APPENDLIMIT", "RFC 7889",
     "the APPENDLIMIT STATUS item (a number, or NIL for no limit) and the APPENDLIMIT=n "
     "capability"},
    {extension::uidonly, "uidonly", "UIDONLY", "RFC 9586",
     "the UIDFETCH response (a FETCH by UID, no message numbers) and the UIDREQUIRED code"},
    {extension::multiappend, "multiappend", "MULTIAPPEND", "RFC 3502",
     "APPEND of several messages in one command"},
    {extension::compress, "compress=deflate", "COMPRESS=DEFLATE", "RFC 4978",
     "the COMPRESS DEFLATE command and the COMPRESSIONACTIVE code; after its OK the connection "
     "and the validator inflate both directions"},
    {extension::utf8_accept, "utf8=accept", "UTF8=ACCEPT", "RFC 9755",
     "UTF-8 in quoted strings (checked to be well-formed UTF-8) and MESSAGE/GLOBAL read like "
     "MESSAGE/RFC822 in a body structure; UTF8=ONLY implies it"},
    {extension::imap4rev2, "imap4rev2", "IMAP4rev2", "RFC 9051",
     "IMAP4rev2's own grammar: 63-bit sizes, counts and offsets (number64), the STATUS item "
     "DELETED, the HASCHILDREN code, empty response text, UTF-8 in quoted strings and text, "
     "IMAP4rev2 in place of IMAP4rev1 in a capability list, MESSAGE/GLOBAL; --extensions=IMAP4rev2 "
     "and an advertised IMAP4rev2 also bring the extensions RFC 9051 folds in"},
}};

/// The extensions RFC 9051 (Appendix E) folds into IMAP4rev2, itself included: what a server
/// that advertises IMAP4rev2 supports, and what extension_set::imap4rev2() holds. (SPECIAL-USE's
/// mailbox attributes are flag-extensions, which need no extension; BINARY comes whole, though
/// RFC 9051 takes only its FETCH side.)
inline constexpr std::array<extension, 17> imap4rev2_includes{{
    extension::imap4rev2,
    extension::namespace_,
    extension::unselect,
    extension::uidplus,
    extension::esearch,
    extension::searchres,
    extension::enable,
    extension::idle,
    extension::sasl_ir,
    extension::list_extended,
    extension::list_status,
    extension::move,
    extension::literal_minus,
    extension::rfc5530,
    extension::binary,
    extension::status_size,
    extension::children,
}};

/// The largest non-synchronizing literal LITERAL- allows (RFC 7888 §5).
inline constexpr std::size_t literal_minus_max = 4096;

/// True when a client may send a literal of `size` octets as `{n+}` to a peer with these
/// extensions (RFC 7888): any size with LITERAL+, up to literal_minus_max with LITERAL- alone.
class extension_set;
constexpr bool nonsync_literal_allowed(const extension_set& s, std::size_t size) noexcept;

constexpr const extension_info& info(extension e) noexcept {
    return extension_registry[static_cast<std::size_t>(e)];
}

/// The extension named `name` (case-insensitive), if there is one.
constexpr std::optional<extension> find_extension(std::string_view name) noexcept {
    for (const extension_info& e : extension_registry)
        if (detail::iequals(e.name, name))
            return e.id;
    return std::nullopt;
}

/// A set of extensions. The core (imap4rev1) is always in it.
class extension_set {
public:
    /// Strict RFC 3501: no extension.
    constexpr extension_set() noexcept = default;
    constexpr extension_set(std::initializer_list<extension> list) noexcept {
        for (extension e : list)
            add(e);
    }
    /// Every extension the library implements.
    static constexpr extension_set all() noexcept {
        extension_set s;
        for (const extension_info& e : extension_registry)
            s.add(e.id);
        return s;
    }
    /// Strict RFC 3501.
    static constexpr extension_set none() noexcept { return {}; }
    /// IMAP4rev2 (RFC 9051) as a named set: its own grammar and the extensions it folds in
    /// (imap4rev2_includes).
    static constexpr extension_set imap4rev2() noexcept {
        extension_set s;
        for (extension e : imap4rev2_includes)
            s.add(e);
        return s;
    }

    constexpr bool contains(extension e) const noexcept {
        return e == extension::imap4rev1 || (bits_ & bit(e)) != 0;
    }
    constexpr extension_set& add(extension e) noexcept {
        bits_ |= bit(e);
        return *this;
    }
    constexpr extension_set& remove(extension e) noexcept {
        bits_ &= ~bit(e);
        return *this;
    }
    constexpr bool empty() const noexcept { return (bits_ & ~bit(extension::imap4rev1)) == 0; }
    friend constexpr bool operator==(extension_set a, extension_set b) noexcept {
        return (a.bits_ | bit(extension::imap4rev1)) == (b.bits_ | bit(extension::imap4rev1));
    }

private:
    static constexpr std::uint64_t bit(extension e) noexcept {
        return std::uint64_t{1} << static_cast<unsigned>(e);
    }
    std::uint64_t bits_ = 0;
};

constexpr bool nonsync_literal_allowed(const extension_set& s, std::size_t size) noexcept {
    return s.contains(extension::literal_plus) ||
           (s.contains(extension::literal_minus) && size <= literal_minus_max);
}

/// True when quoted strings may hold UTF-8 (RFC 9755's uQUOTED-CHAR, RFC 9051's QUOTED-CHAR),
/// and MESSAGE/GLOBAL is read like MESSAGE/RFC822: with UTF8=ACCEPT or IMAP4rev2. The grammar
/// and the serializer both ask this.
constexpr bool utf8_quoted_allowed(const extension_set& s) noexcept {
    return s.contains(extension::utf8_accept) || s.contains(extension::imap4rev2);
}

/// The extensions a server's CAPABILITY list names (capabilities the library does not implement
/// are left out), and those that have no capability to announce them (RFC 5530's codes): what a
/// client narrows parse_options::extensions to. `Range` is any range of string-like capability
/// names, such as ast::capability_data::capabilities. A capability with a value counts for its
/// name: APPENDLIMIT=35651584 is APPENDLIMIT.
template <class Range>
constexpr extension_set extensions_advertised(const Range& capabilities) noexcept {
    extension_set set;
    for (const extension_info& e : extension_registry)
        if (e.capability.empty())
            set.add(e.id);
    for (const auto& cap : capabilities) {
        const std::string_view name(cap);
        for (const extension_info& e : extension_registry)
            if (e.id != extension::imap4rev1 && !e.capability.empty() &&
                (detail::iequals(e.capability, name) ||
                 // a capability with a value: APPENDLIMIT=35651584 (RFC 7889 §2)
                 (name.size() > e.capability.size() && name[e.capability.size()] == '=' &&
                  detail::iequals(e.capability, name.substr(0, e.capability.size())))))
                set.add(e.id);
        if (detail::iequals(name, "IMAP4rev2"))
            for (extension e : imap4rev2_includes)
                set.add(e);
        if (detail::iequals(name, "UTF8=ONLY")) // RFC 9755 §3: it implies UTF8=ACCEPT
            set.add(extension::utf8_accept);
    }
    return set;
}

/// Reads `all`, `none` or a comma-separated list of extension names (`enable,idle`; any case, so
/// the capability names `CONDSTORE,IMAP4rev2` too), as the command-line tool's --extensions=
/// takes it; `imap4rev2` brings the extensions it folds in (imap4rev2_includes); nullopt when a
/// name is not in the registry.
constexpr std::optional<extension_set> parse_extension_list(std::string_view list) noexcept {
    if (list == "all")
        return extension_set::all();
    if (list == "none")
        return extension_set::none();
    extension_set set;
    while (true) {
        const std::size_t comma = list.find(',');
        const auto e = find_extension(list.substr(0, comma));
        if (!e)
            return std::nullopt;
        if (*e == extension::imap4rev2) // the named set
            for (extension i : imap4rev2_includes)
                set.add(i);
        set.add(*e);
        if (comma == std::string_view::npos)
            return set;
        list.remove_prefix(comma + 1);
    }
}

} // namespace imapwire
