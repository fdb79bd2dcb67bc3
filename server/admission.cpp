#include "server/admission.hpp"

#include <algorithm>

namespace atk::server {

namespace {

/// Adds `delta` to `value` (std::atomic<double>::fetch_add is C++20 but not in GCC 12).
void add(std::atomic<double>& value, double delta) {
    double seen = value.load();
    while (!value.compare_exchange_weak(seen, seen + delta)) {
    }
}

} // namespace

Admission::Admission(std::size_t workers, std::chrono::nanoseconds max_wait)
    : workers_(static_cast<double>(std::max<std::size_t>(1, workers))), max_wait_(max_wait) {}

double Admission::weight(std::size_t bytes) {
    return static_cast<double>(std::max<std::size_t>(bytes, 1024));
}

bool Admission::would_wait_too_long(std::size_t bytes) const {
    if (queued_.load() == 0) {
        return false;
    }
    const double ahead = queued_weight_.load() + weight(bytes);
    const double estimate_ns = ahead * ns_per_weight_.load() / workers_;
    return estimate_ns > static_cast<double>(max_wait_.count()) ||
           last_wait_ns_.load() > max_wait_.count();
}

bool Admission::admit(std::size_t bytes) {
    if (would_wait_too_long(bytes)) {
        return false;
    }
    ++queued_;
    add(queued_weight_, weight(bytes));
    return true;
}

void Admission::started(std::size_t bytes, std::chrono::nanoseconds waited) {
    add(queued_weight_, -weight(bytes));
    --queued_;
    last_wait_ns_ = waited.count();
}

void Admission::finished(std::size_t bytes, std::chrono::nanoseconds took) {
    // A mean over the last few dozen checks: quick to follow a change of load, steady enough.
    const double sample = static_cast<double>(took.count()) / weight(bytes);
    const double mean = ns_per_weight_.load();
    ns_per_weight_ = mean == 0 ? sample : mean + (sample - mean) / 32;
}

} // namespace atk::server
