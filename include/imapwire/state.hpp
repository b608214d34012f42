// imapwire: the protocol states of RFC 3501 §3 (IMAP4rev2: RFC 9051 §3).
#pragma once

#include <cstdint>
#include <initializer_list>

namespace imapwire {

/// Where a connection is in the protocol (RFC 3501 §3).
enum class protocol_state : std::uint8_t {
    greeting,          ///< before the server's greeting
    not_authenticated, ///< §3.1
    authenticated,     ///< §3.2
    selected,          ///< §3.3
    logout,            ///< §3.4
};

inline const char* to_string(protocol_state s) noexcept {
    switch (s) {
    case protocol_state::greeting:
        return "greeting";
    case protocol_state::not_authenticated:
        return "not authenticated";
    case protocol_state::authenticated:
        return "authenticated";
    case protocol_state::selected:
        return "selected";
    case protocol_state::logout:
        return "logout";
    }
    return "?";
}

/// A set of protocol states (the states a command is allowed in).
class state_set {
public:
    constexpr state_set() noexcept = default;
    constexpr state_set(std::initializer_list<protocol_state> states) noexcept {
        for (protocol_state s : states)
            bits_ |= bit(s);
    }
    constexpr bool contains(protocol_state s) const noexcept { return (bits_ & bit(s)) != 0; }
    friend constexpr bool operator==(state_set, state_set) noexcept = default;

private:
    static constexpr std::uint8_t bit(protocol_state s) noexcept {
        return static_cast<std::uint8_t>(1u << static_cast<unsigned>(s));
    }
    std::uint8_t bits_ = 0;
};

} // namespace imapwire
