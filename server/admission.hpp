#pragma once
// Load shedding for the checks waiting for a worker: a check that would wait longer than the
// limit is refused on arrival (503 at once) instead of queueing, so that under any overload the
// queue stays about that long and the checks let in are answered in time.
//
// The wait a new check would have is estimated from the work queued ahead of it: its bytes
// times the recent cost of a byte, shared among the workers (checks and translations cost
// roughly their text's length; a floor of 1 KiB stands for a request's fixed cost). The wait
// the last check to start really had is the check on that estimate: while it is over the
// limit and checks still wait, new ones are refused too. An empty queue always admits.
// Thread-safe; the figures are approximate under races, which only moves the edge a little.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>

namespace atk::server {

class Admission {
  public:
    Admission(std::size_t workers, std::chrono::nanoseconds max_wait);

    /// A check of `bytes` arrives: true when it may queue (then started() follows when a
    /// worker takes it up), false when it would wait too long.
    bool admit(std::size_t bytes);
    /// An admitted check of `bytes` reaches a worker after waiting `waited`.
    void started(std::size_t bytes, std::chrono::nanoseconds waited);
    /// A check of `bytes` took `took` to run.
    void finished(std::size_t bytes, std::chrono::nanoseconds took);

    /// Checks waiting for a worker now.
    std::size_t queued() const { return queued_.load(); }
    /// True while a new check would be refused, even the smallest.
    bool shedding() const { return would_wait_too_long(1); }

  private:
    static double weight(std::size_t bytes);
    bool would_wait_too_long(std::size_t bytes) const;

    const double workers_;
    const std::chrono::nanoseconds max_wait_;
    std::atomic<std::size_t> queued_{0};
    std::atomic<double> queued_weight_{0};  ///< the weights of the queued checks' bytes
    std::atomic<double> ns_per_weight_{0};  ///< a running mean of what a unit of weight costs
    std::atomic<std::int64_t> last_wait_ns_{0};
};

} // namespace atk::server
