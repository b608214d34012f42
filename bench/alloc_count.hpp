// imapwire benchmarks: counts the allocations made through the global operator new.
//
// alloc_count.cpp replaces the global operator new and delete of the benchmark program with
// versions that count calls and bytes, then forward to malloc/free. The counters are plain
// integers: the benchmarks run on one thread. Allocations made with malloc directly (libetpan,
// C code) are not counted.
#pragma once

#include <cstdint>

namespace imapwire_bench {

struct alloc_totals {
    std::uint64_t count = 0; ///< calls to any operator new since the program started
    std::uint64_t bytes = 0; ///< bytes those calls asked for
};

/// The totals so far.
alloc_totals allocations() noexcept;

} // namespace imapwire_bench
