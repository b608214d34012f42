// Shared by the command and response round-trip tests: the gathered serializer must write what
// serialize() into a string writes.
#pragma once

#include <imapwire/serialize.hpp>

#include <cstddef>
#include <string>

namespace test {

/// serialize() into a gathered_message, at thresholds that leave every literal, some, or none
/// in place, must give the same bytes as serialize() into a string. Returns what went wrong.
template <class T>
std::string check_gathered(const T& x, const std::string& expected,
                           const imapwire::serialize_options& so) {
    std::string problem;
    if constexpr (requires(imapwire::gathered_message & g) { imapwire::serialize(g, x, so); }) {
        imapwire::gathered_message g;
        for (const std::size_t min :
             {std::size_t{0}, std::size_t{1}, std::size_t{8}, std::size_t{4096}}) {
            auto gso = so;
            gso.gather_min_literal = min;
            if (auto ec = imapwire::serialize(g, x, gso))
                problem += "gathered serialize (min " + std::to_string(min) +
                           ") refused: " + ec.message() + "; ";
            else if (g.joined() != expected)
                problem += "gathered pieces (min " + std::to_string(min) + ") differ; ";
            else if (g.size() != expected.size())
                problem += "gathered size differs; ";
        }
    }
    return problem;
}

} // namespace test
