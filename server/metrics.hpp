#pragma once
// What the server counts, exposed at GET /metrics in Prometheus's text format: requests by
// route and status, their latency, requests in flight, words checked, rejected requests by
// reason. Thread-safe.
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace atk::server {

class Metrics {
  public:
    void started() { ++in_flight_; }
    /// A request answered; `route` is a known route or "unmatched" (labels stay few).
    void finished(std::string_view route, unsigned status, double seconds);
    void words_checked(std::size_t words) { words_ += words; }
    /// A request refused before any route saw it: "body_too_large", "read_timeout"...
    void rejected(std::string_view reason);

    /// The text exposition format (version 0.0.4).
    std::string prometheus() const;

  private:
    /// Upper bounds of the latency histogram's buckets, in seconds.
    static constexpr double kBuckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                          0.25,  0.5,    1,     2.5,  5,     10};
    static constexpr std::size_t kBucketCount = sizeof kBuckets / sizeof kBuckets[0];

    std::atomic<std::int64_t> in_flight_{0};
    std::atomic<std::uint64_t> words_{0};
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, unsigned>, std::uint64_t> requests_;
    std::map<std::string, std::uint64_t> rejected_;
    std::uint64_t latency_counts_[kBucketCount] = {}; ///< per bucket, not cumulative
    std::uint64_t latency_count_ = 0;
    double latency_sum_ = 0;
};

} // namespace atk::server
