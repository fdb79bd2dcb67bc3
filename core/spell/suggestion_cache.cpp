#include "spell/suggestion_cache.hpp"

#include <algorithm>
#include <functional>

namespace atk::spell {

SuggestionCache::SuggestionCache(std::size_t capacity, std::size_t shards)
    : shard_count_(std::clamp<std::size_t>(shards, 1, kMaxShards)),
      per_shard_((capacity + shard_count_ - 1) / shard_count_) {}

std::string SuggestionCache::scope(std::string_view language, const Glossary& glossary,
                                   std::size_t max) {
    std::size_t terms = 0;
    for (const auto& term : glossary.terms()) {
        terms = terms * 1'000'003 ^ std::hash<std::string>{}(term);
    }
    std::string scope(language);
    scope += '\n';
    scope += std::to_string(terms);
    scope += '\n';
    scope += std::to_string(max);
    scope += '\n';
    return scope;
}

SuggestionCache::Shard& SuggestionCache::shard_of(const std::string& key) const {
    return shards_[std::hash<std::string>{}(key) % shard_count_];
}

std::optional<Lexicon::Suggestions> SuggestionCache::find(const std::string& scope,
                                                          std::string_view word) const {
    if (per_shard_ == 0) {
        return std::nullopt;
    }
    const std::string key = scope + std::string(word);
    Shard& shard = shard_of(key);
    const std::lock_guard lock(shard.mutex);
    const auto found = shard.by_key.find(key);
    if (found == shard.by_key.end()) {
        return std::nullopt;
    }
    shard.recent.splice(shard.recent.begin(), shard.recent, found->second);
    return found->second->second;
}

void SuggestionCache::insert(const std::string& scope, std::string_view word,
                             const Lexicon::Suggestions& suggestions) const {
    if (per_shard_ == 0) {
        return;
    }
    std::string key = scope + std::string(word);
    Shard& shard = shard_of(key);
    const std::lock_guard lock(shard.mutex);
    if (shard.by_key.contains(key)) {
        return; // another thread found the same word meanwhile
    }
    if (shard.recent.size() >= per_shard_) {
        shard.by_key.erase(shard.recent.back().first);
        shard.recent.pop_back();
    }
    shard.recent.emplace_front(std::move(key), suggestions);
    // The map's key views the list's string, which stays put while its entry lives.
    shard.by_key.emplace(shard.recent.front().first, shard.recent.begin());
}

} // namespace atk::spell
