// imapwire: the owning form of an AST value.
#pragma once

#include <imapwire/parse.hpp>
#include <imapwire/serialize.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <system_error>

namespace imapwire {

namespace detail {
inline parse_result<ast::command> parse_as(const ast::command*, std::string_view b) {
    return parse_command(b);
}
inline parse_result<ast::authenticate_data> parse_as(const ast::authenticate_data*,
                                                     std::string_view b) {
    return parse_authenticate_data(b);
}
inline parse_result<ast::greeting> parse_as(const ast::greeting*, std::string_view b) {
    return parse_greeting(b);
}
inline parse_result<ast::response> parse_as(const ast::response*, std::string_view b) {
    return parse_response(b);
}
} // namespace detail

/// An AST value together with the bytes its views point into, so it outlives the buffer it
/// was parsed from. Copies share the (immutable) bytes.
template <class T>
class owned {
public:
    const T& get() const noexcept { return value_; }
    const T& operator*() const noexcept { return value_; }
    const T* operator->() const noexcept { return &value_; }
    /// The message's wire form, which the views of get() point into.
    std::string_view bytes() const noexcept { return *bytes_; }

    friend bool operator==(const owned& a, const owned& b) { return a.value_ == b.value_; }

    /// Takes the first message of `bytes`; nullopt unless it parses completely.
    static std::optional<owned> parse(std::string bytes) {
        auto buf = std::make_shared<const std::string>(std::move(bytes));
        auto r = detail::parse_as(static_cast<const T*>(nullptr), *buf);
        if (!r.ok() || r.consumed() != buf->size())
            return std::nullopt;
        return owned(std::move(buf), std::move(r).value());
    }

private:
    owned(std::shared_ptr<const std::string> b, T v)
        : bytes_(std::move(b))
        , value_(std::move(v)) {}
    std::shared_ptr<const std::string> bytes_;
    T value_;
};

/// Copies `x` into an owning value: serializes it and parses the bytes back, so the result
/// holds no views into anything the caller owns. Throws std::system_error for a value
/// serialize() refuses.
template <class T>
owned<T> own(const T& x, const serialize_options& options = {}) {
    std::string bytes;
    if (auto ec = serialize(bytes, x, options))
        throw std::system_error(ec);
    auto o = owned<T>::parse(std::move(bytes));
    if (!o)
        throw std::system_error(make_error_code(error::unserializable));
    return std::move(*o);
}

} // namespace imapwire
