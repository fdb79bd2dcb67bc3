#include "server/metrics.hpp"

#include <cstdio>

namespace atk::server {

void Metrics::finished(std::string_view route, unsigned status, double seconds) {
    --in_flight_;
    const std::lock_guard lock(mutex_);
    ++requests_[{std::string(route), status}];
    for (std::size_t b = 0; b < kBucketCount; ++b) {
        if (seconds <= kBuckets[b]) {
            ++latency_counts_[b];
            break;
        }
    }
    ++latency_count_;
    latency_sum_ += seconds;
}

void Metrics::rejected(std::string_view reason) {
    const std::lock_guard lock(mutex_);
    ++rejected_[std::string(reason)];
}

std::string Metrics::prometheus() const {
    std::string out;
    char line[256];
    const std::lock_guard lock(mutex_);
    out += "# HELP atk_http_requests_total Requests answered, by route and status.\n"
           "# TYPE atk_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
        std::snprintf(line, sizeof line,
                      "atk_http_requests_total{route=\"%s\",status=\"%u\"} %llu\n",
                      key.first.c_str(), key.second, static_cast<unsigned long long>(count));
        out += line;
    }
    out += "# HELP atk_http_request_duration_seconds Time from a whole request read to its answer "
           "ready to write.\n"
           "# TYPE atk_http_request_duration_seconds histogram\n";
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < kBucketCount; ++b) {
        cumulative += latency_counts_[b];
        std::snprintf(line, sizeof line,
                      "atk_http_request_duration_seconds_bucket{le=\"%g\"} %llu\n", kBuckets[b],
                      static_cast<unsigned long long>(cumulative));
        out += line;
    }
    std::snprintf(line, sizeof line,
                  "atk_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n"
                  "atk_http_request_duration_seconds_sum %.6f\n"
                  "atk_http_request_duration_seconds_count %llu\n",
                  static_cast<unsigned long long>(latency_count_), latency_sum_,
                  static_cast<unsigned long long>(latency_count_));
    out += line;
    std::snprintf(line, sizeof line,
                  "# HELP atk_http_requests_in_flight Requests being answered.\n"
                  "# TYPE atk_http_requests_in_flight gauge\n"
                  "atk_http_requests_in_flight %lld\n"
                  "# HELP atk_words_checked_total Words of prose checked.\n"
                  "# TYPE atk_words_checked_total counter\n"
                  "atk_words_checked_total %llu\n",
                  static_cast<long long>(in_flight_.load()),
                  static_cast<unsigned long long>(words_.load()));
    out += line;
    out += "# HELP atk_http_rejected_total Requests refused before any route, by reason.\n"
           "# TYPE atk_http_rejected_total counter\n";
    for (const auto& [reason, count] : rejected_) {
        std::snprintf(line, sizeof line, "atk_http_rejected_total{reason=\"%s\"} %llu\n",
                      reason.c_str(), static_cast<unsigned long long>(count));
        out += line;
    }
    return out;
}

} // namespace atk::server
