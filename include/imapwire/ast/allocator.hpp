// imapwire AST: the allocator of the AST's sequences and boxes.
//
// Parsing builds vectors and boxes. By default they use the global operator new, like any
// std::vector. A caller that passes a std::pmr::memory_resource in parse_options makes every
// allocation of that parse come from the resource instead (for example a
// std::pmr::monotonic_buffer_resource reused from one message to the next: no heap allocation
// at all in steady state). Each container remembers the resource it was built with, so the
// resource must outlive the AST.
#pragma once

#include <cstddef>
#include <memory_resource>
#include <type_traits>
#include <vector>

namespace imapwire::detail {
/// The resource new AST containers take on this thread (set for the duration of a parse).
inline std::pmr::memory_resource*& current_resource() noexcept {
    thread_local std::pmr::memory_resource* r = std::pmr::new_delete_resource();
    return r;
}
} // namespace imapwire::detail

namespace imapwire::ast {

/// Makes `r` the resource of AST containers built on this thread until destroyed.
class resource_scope {
public:
    explicit resource_scope(std::pmr::memory_resource* r) noexcept
        : saved_(detail::current_resource()) {
        if (r)
            detail::current_resource() = r;
    }
    ~resource_scope() { detail::current_resource() = saved_; }
    resource_scope(const resource_scope&) = delete;
    resource_scope& operator=(const resource_scope&) = delete;

private:
    std::pmr::memory_resource* saved_;
};

/// A std::pmr-style allocator whose default is the thread's current resource (see above).
/// Copies of a container take the current resource of the thread that copies; moves keep theirs.
template <class T>
class allocator {
public:
    using value_type = T;
    using propagate_on_container_move_assignment = std::true_type;
    using propagate_on_container_swap = std::true_type;
    using is_always_equal = std::false_type;

    allocator() noexcept
        : r_(detail::current_resource()) {}
    explicit allocator(std::pmr::memory_resource* r) noexcept
        : r_(r) {}
    template <class U>
    allocator(const allocator<U>& o) noexcept
        : r_(o.resource()) {}

    T* allocate(std::size_t n) { return static_cast<T*>(r_->allocate(n * sizeof(T), alignof(T))); }
    void deallocate(T* p, std::size_t n) noexcept { r_->deallocate(p, n * sizeof(T), alignof(T)); }

    allocator select_on_container_copy_construction() const noexcept { return allocator(); }
    std::pmr::memory_resource* resource() const noexcept { return r_; }

    template <class U>
    friend bool operator==(const allocator& a, const allocator<U>& b) noexcept {
        return a.resource() == b.resource() || *a.resource() == *b.resource();
    }

private:
    std::pmr::memory_resource* r_;
};

/// The AST's sequence type: a std::vector with the allocator above.
template <class T>
using vector = std::vector<T, allocator<T>>;

} // namespace imapwire::ast
