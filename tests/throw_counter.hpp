// Test helper: how many exceptions this program's code has thrown (see throw_counter.cpp).
#pragma once

#include <cstddef>

namespace imapwire::test {
/// False where the linker cannot wrap __cxa_throw: throws() then stays 0.
bool counting_throws() noexcept;
/// Exceptions thrown so far by code compiled into the test program (the library included).
std::size_t throws() noexcept;
} // namespace imapwire::test
