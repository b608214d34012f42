// Test helper: counts the bytes the whole test program holds on the heap, so a test can assert
// that memory stays bounded. The replacement operator new/delete live in alloc_counter.cpp.
#pragma once

#include <cstddef>

namespace imapwire::test {
/// Bytes currently allocated through operator new.
std::size_t heap_live() noexcept;
/// The highest heap_live() since the last reset_heap_peak().
std::size_t heap_peak() noexcept;
void reset_heap_peak() noexcept;
} // namespace imapwire::test
