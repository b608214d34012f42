// imapwire: error codes, parse errors and parse results.
#pragma once

#include <imapwire/ext/registry.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <variant>

namespace imapwire {

/// Why a parse failed. Incomplete input is not an error (see parse_result::incomplete()).
enum class error {
    syntax = 1,        ///< the bytes do not match the grammar
    number_range,      ///< a number does not fit in 32 bits (RFC 3501 §9 `number`)
    literal_too_large, ///< a literal announces more octets than parse_options allows
    line_too_long,     ///< a line is longer than parse_options allows
    nesting_too_deep,  ///< parentheses nest deeper than parse_options allows
    too_many_items,    ///< a list holds more items than parse_options allows
    nul_byte,          ///< a NUL octet (forbidden everywhere, RFC 3501 §9 note 3)
    bare_cr_lf,        ///< a CR or LF that is not part of a CRLF line end
    unserializable,    ///< (serializer) the value cannot be written in valid IMAP syntax
    message_too_large, ///< a message (line plus literals) is larger than the configured limit
    truncated,         ///< the stream ended inside a message
    out_of_memory,     ///< the memory resource of the parse could not supply the AST's memory
    /// (connection) bytes after COMPRESS (RFC 4978) that cannot be inflated: not DEFLATE data, or
    /// a build without zlib
    compressed,
};

/// The enumerator's name ("syntax", "number_range", ...): what tools and JSON output print.
constexpr std::string_view error_name(error e) noexcept {
    switch (e) {
    case error::syntax:
        return "syntax";
    case error::number_range:
        return "number_range";
    case error::literal_too_large:
        return "literal_too_large";
    case error::line_too_long:
        return "line_too_long";
    case error::nesting_too_deep:
        return "nesting_too_deep";
    case error::too_many_items:
        return "too_many_items";
    case error::nul_byte:
        return "nul_byte";
    case error::bare_cr_lf:
        return "bare_cr_lf";
    case error::unserializable:
        return "unserializable";
    case error::message_too_large:
        return "message_too_large";
    case error::truncated:
        return "truncated";
    case error::out_of_memory:
        return "out_of_memory";
    case error::compressed:
        return "compressed";
    }
    return "unknown";
}

namespace detail {
class error_category_impl final : public std::error_category {
public:
    const char* name() const noexcept override { return "imapwire"; }
    std::string message(int ev) const override {
        switch (static_cast<error>(ev)) {
        case error::syntax:
            return "syntax error";
        case error::number_range:
            return "number out of range";
        case error::literal_too_large:
            return "literal larger than the configured limit";
        case error::line_too_long:
            return "line longer than the configured limit";
        case error::nesting_too_deep:
            return "nesting deeper than the configured limit";
        case error::too_many_items:
            return "list longer than the configured limit";
        case error::nul_byte:
            return "NUL octet";
        case error::bare_cr_lf:
            return "bare CR or LF";
        case error::unserializable:
            return "value cannot be written in valid IMAP syntax";
        case error::message_too_large:
            return "message larger than the configured limit";
        case error::truncated:
            return "stream ended inside a message";
        case error::out_of_memory:
            return "out of memory for the parsed value";
        case error::compressed:
            return "compressed stream that cannot be inflated";
        }
        return "unknown imapwire error";
    }
};
} // namespace detail

inline const std::error_category& error_category() noexcept {
    static const detail::error_category_impl cat;
    return cat;
}

inline std::error_code make_error_code(error e) noexcept {
    return {static_cast<int>(e), error_category()};
}

/// The words of an error, without its offset: "in search-key: expected SP (syntax error)",
/// the parts that are empty left out; just `description` when neither a production nor an
/// expectation is known. parse_error::message(), the session's findings and the tool's reports
/// all put errors into words with it.
inline std::string error_text(std::string_view production, std::string_view expected,
                              std::string_view description) {
    if (production.empty() && expected.empty())
        return std::string(description);
    std::string m;
    if (!production.empty())
        m.append("in ").append(production);
    if (!expected.empty())
        m.append(m.empty() ? "" : ": ").append("expected ").append(expected);
    return m.append(" (").append(description).append(")");
}

/// "; accepted with BINARY" (capability names joined by " + "): what error texts add when
/// parse_error::accepted_with names extensions; empty when it names none.
inline std::string accepted_with_text(const extension_set& extensions) {
    std::string t;
    for (const extension_info& e : extension_registry)
        if (e.id != extension::imap4rev1 && extensions.contains(e.id))
            t.append(t.empty() ? "; accepted with " : " + ").append(e.capability);
    return t;
}

/// A failed parse: where, in which RFC 3501 production, and what was expected there.
struct parse_error {
    std::size_t offset = 0;      ///< byte offset into the parsed input
    std::string_view production; ///< RFC 3501 §9 rule name, e.g. "search-key"
    std::string expected;        ///< what would have been accepted at `offset`
    std::error_code code;        ///< an imapwire::error
    /// When the parse ran with fewer than all extensions (parse_options::extensions) and the
    /// message is valid with some it left out: the fewest of those that accept it (one, nearly
    /// always). Empty otherwise.
    extension_set accepted_with{};

    /// "in search-key: expected SP (syntax error)" (error_text), and "; accepted with BINARY"
    /// when accepted_with names extensions.
    std::string text() const {
        return error_text(production, expected, code.message()) + accepted_with_text(accepted_with);
    }
    /// "offset 12: in search-key: expected SP (syntax error)"
    std::string message() const { return "offset " + std::to_string(offset) + ": " + text(); }
};

/// More bytes are needed before the message can be parsed.
struct incomplete_input {
    /// At least this many more bytes are needed (a lower bound; 1 when only "more" is known).
    std::size_t needed = 1;
    /// Set when the input ends inside (or right after the announcement of) a literal.
    struct literal_info {
        std::uint32_t size = 0;       ///< announced octet count
        bool synchronizing = true;    ///< `{n}` (true) or LITERAL+ `{n+}` (false)
        std::size_t announced_at = 0; ///< offset of the `{`
    };
    std::optional<literal_info> literal;
};

/// The outcome of a parse: a value, "incomplete" or an error. Never throws.
template <class T>
class parse_result {
public:
    parse_result(T value, std::size_t consumed)
        : v_(std::move(value))
        , consumed_(consumed) {}
    parse_result(incomplete_input inc)
        : v_(inc) {}
    parse_result(parse_error err)
        : v_(std::move(err)) {}
    parse_result(const parse_result&) = default;
    parse_result(parse_result&&) = default;
    parse_result& operator=(const parse_result&) = default;
    parse_result& operator=(parse_result&&) = default;
    /// Defined out of the class, so that with IMAPWIRE_SEPARATE_COMPILATION the results of the
    /// parse functions are destroyed by code compiled once in the library (parse.hpp declares
    /// those instantiations extern) instead of in every unit that parses.
    ~parse_result();

    bool ok() const noexcept { return v_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }
    bool incomplete() const noexcept { return v_.index() == 1; }
    bool failed() const noexcept { return v_.index() == 2; }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &std::get<0>(v_); }
    const T* operator->() const { return &std::get<0>(v_); }
    T& operator*() & { return std::get<0>(v_); }
    const T& operator*() const& { return std::get<0>(v_); }

    /// Bytes of input the parsed message occupied (valid when ok()).
    std::size_t consumed() const noexcept { return consumed_; }
    const incomplete_input& need() const { return std::get<1>(v_); }
    const parse_error& error() const { return std::get<2>(v_); }

private:
    std::variant<T, incomplete_input, parse_error> v_;
    std::size_t consumed_ = 0;
};

template <class T>
parse_result<T>::~parse_result() = default;

} // namespace imapwire

template <>
struct std::is_error_code_enum<imapwire::error> : std::true_type {};
