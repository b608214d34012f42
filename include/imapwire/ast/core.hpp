// imapwire AST: strings as they appear on the wire (RFC 3501 §4.1-§4.5).
#pragma once

#include <imapwire/ast/allocator.hpp>

#include <cstdint>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace imapwire::ast {

/// The largest number64 (RFC 9051 §9: "Unsigned 63-bit integer"), which is also the largest
/// mod-sequence-value of RFC 7162.
inline constexpr std::uint64_t max_number64 = 0x7fffffffffffffffull;

/// How a string was (or is to be) written.
enum class string_form : std::uint8_t {
    value,            ///< built in code: `data` is the plain value; the serializer picks the form
    atom,             ///< written bare (atom, ASTRING-CHARs, list-chars)
    quoted,           ///< written as "..." (`data` keeps the escapes, as on the wire)
    literal,          ///< written as {n} CRLF octets
    literal_nonsync,  ///< written as {n+} CRLF octets (LITERAL+, RFC 7888)
    literal8,         ///< written as ~{n} CRLF octets, NUL allowed (BINARY, RFC 3516): only
                      ///< where the grammar takes a literal8, else the serializer picks a form
    literal8_nonsync, ///< written as ~{n+} CRLF octets (BINARY with LITERAL+, RFC 4466)
};

/// A string of the IMAP grammar: atom, quoted or literal. Zero-copy: `data` views the input
/// buffer (or, for form `value`, the caller's own text). Equality compares values, not forms:
/// `"a\"b"` (quoted) equals the value `a"b`.
struct istring {
    std::string_view data;
    string_form form = string_form::value;

    constexpr istring() = default;
    constexpr istring(std::string_view value)
        : data(value) {}
    constexpr istring(const char* value)
        : data(value) {}
    /// Views `value`, which must outlive this istring (as with std::string_view).
    istring(const std::string& value) noexcept
        : data(value) {}
    constexpr istring(std::string_view d, string_form f)
        : data(d)
        , form(f) {}

    /// True when `data` holds escapes that value() removes.
    bool escaped() const noexcept {
        return form == string_form::quoted && data.find('\\') != std::string_view::npos;
    }

    /// Calls f(char) for each octet of the value (escapes removed).
    template <class F>
    void for_each_octet(F&& f) const {
        if (!escaped()) {
            for (char c : data)
                f(c);
            return;
        }
        for (std::size_t i = 0; i < data.size(); ++i) {
            if (data[i] == '\\' && i + 1 < data.size())
                ++i;
            f(data[i]);
        }
    }

    /// The value, escapes removed.
    std::string value() const {
        if (!escaped())
            return std::string(data);
        std::string out;
        out.reserve(data.size());
        for_each_octet([&](char c) { out.push_back(c); });
        return out;
    }

    /// Length of the value in octets.
    std::size_t size() const noexcept {
        if (!escaped())
            return data.size();
        std::size_t n = 0;
        for_each_octet([&](char) { ++n; });
        return n;
    }

    friend bool operator==(const istring& a, const istring& b) noexcept {
        if (!a.escaped() && !b.escaped())
            return a.data == b.data;
        if (a.size() != b.size())
            return false;
        std::string va = a.value();
        std::string vb = b.value();
        return va == vb;
    }
};

/// RFC 3501 `astring`: atom-like ASTRING-CHARs or a string.
using astring = istring;
/// RFC 3501 `string`: quoted or literal.
using string = istring;
/// RFC 3501 `nstring`: a string or NIL (std::nullopt).
using nstring = std::optional<istring>;

/// True when T is one of the alternatives of the std::variant V.
template <class T, class V>
inline constexpr bool is_alternative = false;
template <class T, class... Ts>
inline constexpr bool is_alternative<T, std::variant<Ts...>> = (std::is_same_v<T, Ts> || ...);

/// A box giving a recursive type value semantics (copy = deep copy, == compares values). Its
/// storage comes from the AST's memory resource (see allocator.hpp), like the AST's vectors.
/// A moved-from box is empty, like a moved-from std::unique_ptr.
template <class T>
class box {
public:
    box()
        : r_(detail::current_resource())
        , p_(make(r_)) {}
    box(T v)
        : r_(detail::current_resource())
        , p_(make(r_, std::move(v))) {}
    /// Boxes anything T can be made from (e.g. one alternative of a variant-like T).
    // std::conjunction stops at the first false test, so copying a box never asks whether an
    // (as yet incomplete) T is constructible.
    template <class U,
              class = std::enable_if_t<std::conjunction_v<
                  std::negation<std::is_same<std::decay_t<U>, box>>,
                  std::negation<std::is_same<std::decay_t<U>, T>>, std::is_constructible<T, U&&>>>>
    box(U&& u)
        : r_(detail::current_resource())
        , p_(make(r_, std::forward<U>(u))) {}
    box(const box& o)
        : r_(detail::current_resource())
        , p_(make(r_, *o.p_)) {}
    box(box&& o) noexcept
        : r_(o.r_)
        , p_(std::exchange(o.p_, nullptr)) {}
    box& operator=(const box& o) {
        if (this != &o) {
            box copy(o);
            swap(copy);
        }
        return *this;
    }
    box& operator=(box&& o) noexcept {
        if (this != &o) {
            destroy();
            r_ = o.r_;
            p_ = std::exchange(o.p_, nullptr);
        }
        return *this;
    }
    ~box() { destroy(); }

    void swap(box& o) noexcept {
        std::swap(r_, o.r_);
        std::swap(p_, o.p_);
    }

    T& operator*() noexcept { return *p_; }
    const T& operator*() const noexcept { return *p_; }
    T* operator->() noexcept { return p_; }
    const T* operator->() const noexcept { return p_; }
    T* get() noexcept { return p_; }
    const T* get() const noexcept { return p_; }

    /// Compares the boxed values; an empty (moved-from) box equals only another empty one.
    friend bool operator==(const box& a, const box& b) {
        if (!a.p_ || !b.p_)
            return !a.p_ && !b.p_;
        return *a.p_ == *b.p_;
    }

private:
    template <class... Args>
    static T* make(std::pmr::memory_resource* r, Args&&... args) {
        void* m = r->allocate(sizeof(T), alignof(T));
        try {
            return ::new (m) T(std::forward<Args>(args)...);
        } catch (...) {
            r->deallocate(m, sizeof(T), alignof(T));
            throw;
        }
    }
    void destroy() noexcept {
        if (p_) {
            p_->~T();
            r_->deallocate(p_, sizeof(T), alignof(T));
            p_ = nullptr;
        }
    }

    std::pmr::memory_resource* r_;
    T* p_;
};

} // namespace imapwire::ast
