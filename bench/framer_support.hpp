// imapwire benchmarks: includes <imapwire/framer.hpp>.
#pragma once

// g++ 12 at -O3 reports a false -Wrestrict in std::string::replace once framer::next() is
// inlined into a benchmark loop (the warning is located in the header, so this covers it).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <imapwire/framer.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
