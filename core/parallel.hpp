#pragma once
// Runs independent pieces of work on a few threads.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace atk {

/// Calls body(i) for every i in [0, count), on up to `threads` threads (the caller's
/// included), and returns when all calls have returned. Each i is taken by exactly one
/// thread; body must be safe to run concurrently for different i. If a call throws, the
/// remaining indexes are skipped and the first exception is rethrown in the caller.
template <typename Body>
void parallel_for(std::size_t count, std::size_t threads, Body&& body) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto worker = [&] {
        for (std::size_t i = next++; i < count; i = next++) {
            try {
                body(i);
            } catch (...) {
                const std::lock_guard lock(failure_mutex);
                failure = failure ? failure : std::current_exception();
                next = count;
            }
        }
    };
    {
        std::vector<std::jthread> helpers;
        for (std::size_t t = 1; t < std::min(threads, count); ++t) {
            helpers.emplace_back(worker);
        }
        worker();
    } // the helpers join here
    if (failure) {
        std::rethrow_exception(failure);
    }
}

/// Threads worth using on this machine.
inline std::size_t hardware_threads() {
    return std::max(1U, std::thread::hardware_concurrency());
}

} // namespace atk
