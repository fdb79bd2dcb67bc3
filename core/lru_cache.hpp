#pragma once
// A bounded map from strings to values, least recently used entries out first; thread-safe
// (shards with a mutex each, so that threads seldom wait for one another).
#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace atk {

template <typename Value>
class LruCache {
  public:
    static constexpr std::size_t kMaxShards = 16;

    /// Holds up to `capacity` entries (rounded up to a multiple of `shards`, at most
    /// kMaxShards); 0 holds none.
    explicit LruCache(std::size_t capacity, std::size_t shards = kMaxShards)
        : shard_count_(std::clamp<std::size_t>(shards, 1, kMaxShards)),
          per_shard_((capacity + shard_count_ - 1) / shard_count_) {}

    /// The value of `key`, now the most recently used; nothing when absent.
    std::optional<Value> find(const std::string& key) const {
        if (per_shard_ == 0) {
            return std::nullopt;
        }
        Shard& shard = shard_of(key);
        const std::lock_guard lock(shard.mutex);
        const auto found = shard.by_key.find(key);
        if (found == shard.by_key.end()) {
            return std::nullopt;
        }
        shard.recent.splice(shard.recent.begin(), shard.recent, found->second);
        return found->second->second;
    }

    /// Keeps `value` under `key` (a key already there keeps its value), making room.
    void insert(std::string key, const Value& value) const {
        if (per_shard_ == 0) {
            return;
        }
        Shard& shard = shard_of(key);
        const std::lock_guard lock(shard.mutex);
        if (shard.by_key.contains(key)) {
            return; // another thread got there first
        }
        if (shard.recent.size() >= per_shard_) {
            shard.by_key.erase(shard.recent.back().first);
            shard.recent.pop_back();
        }
        shard.recent.emplace_front(std::move(key), value);
        // The map's key views the list's string, which stays put while its entry lives.
        shard.by_key.emplace(shard.recent.front().first, shard.recent.begin());
    }

  private:
    struct Shard {
        using Entry = std::pair<std::string, Value>;
        std::mutex mutex;
        std::list<Entry> recent; ///< most recently used first
        std::unordered_map<std::string_view, typename std::list<Entry>::iterator> by_key;
    };

    Shard& shard_of(const std::string& key) const {
        return shards_[std::hash<std::string>{}(key) % shard_count_];
    }

    std::size_t shard_count_;
    std::size_t per_shard_;
    mutable std::array<Shard, kMaxShards> shards_;
};

} // namespace atk
