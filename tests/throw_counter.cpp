// Test helper: counts the C++ exceptions this program's own code throws. The test program is
// linked with --wrap=__cxa_throw (tests/CMakeLists.txt), so every throw compiled into the
// library and the tests comes through here before it is thrown as usual.
#include "throw_counter.hpp"

#include <atomic>
#include <typeinfo>

namespace {
std::atomic<std::size_t> thrown{0};
}

#if defined(IMAPWIRE_TEST_COUNT_THROWS)
extern "C" {
[[noreturn]] void __real___cxa_throw(void*, std::type_info*, void (*)(void*));
[[noreturn]] void __wrap___cxa_throw(void* object, std::type_info* type, void (*destroy)(void*)) {
    thrown.fetch_add(1, std::memory_order_relaxed);
    __real___cxa_throw(object, type, destroy);
}
}
#endif

namespace imapwire::test {
bool counting_throws() noexcept {
#if defined(IMAPWIRE_TEST_COUNT_THROWS)
    return true;
#else
    return false;
#endif
}
std::size_t throws() noexcept {
    return thrown.load(std::memory_order_relaxed);
}
} // namespace imapwire::test
