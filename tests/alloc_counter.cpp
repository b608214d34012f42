// Replacement global operator new/delete that count live heap bytes (see alloc_counter.hpp).
#include "alloc_counter.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<std::size_t> live{0};
std::atomic<std::size_t> peak{0};
constexpr std::size_t header = alignof(std::max_align_t); // room to remember the size

void* allocate(std::size_t n) {
    void* p = std::malloc(n + header);
    if (!p)
        throw std::bad_alloc();
    *static_cast<std::size_t*>(p) = n;
    const std::size_t now = live.fetch_add(n, std::memory_order_relaxed) + n;
    std::size_t seen = peak.load(std::memory_order_relaxed);
    while (now > seen && !peak.compare_exchange_weak(seen, now, std::memory_order_relaxed)) {
    }
    return static_cast<char*>(p) + header;
}

void release(void* p) noexcept {
    if (!p)
        return;
    char* base = static_cast<char*>(p) - header;
    live.fetch_sub(*reinterpret_cast<std::size_t*>(base), std::memory_order_relaxed);
    std::free(base);
}
} // namespace

void* operator new(std::size_t n) {
    return allocate(n);
}
void* operator new[](std::size_t n) {
    return allocate(n);
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return allocate(n);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return allocate(n);
    } catch (...) {
        return nullptr;
    }
}
void operator delete(void* p) noexcept {
    release(p);
}
void operator delete[](void* p) noexcept {
    release(p);
}
void operator delete(void* p, std::size_t) noexcept {
    release(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    release(p);
}

namespace imapwire::test {
std::size_t heap_live() noexcept {
    return live.load(std::memory_order_relaxed);
}
std::size_t heap_peak() noexcept {
    return peak.load(std::memory_order_relaxed);
}
void reset_heap_peak() noexcept {
    peak.store(live.load(std::memory_order_relaxed));
}
} // namespace imapwire::test
