#pragma once
// Recent suggestions, shared by every check of a Checker. A server sees the same misspellings
// again and again (an editor sends its whole document again as the user types) and ranking
// suggestions costs far more than finding them again here.
#include "spell/glossary.hpp"
#include "spell/lexicon.hpp"

#include <array>
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace atk::spell {

/// Bounded, least recently used entries out first; thread-safe (shards with a mutex each, so
/// the workers seldom wait for one another).
class SuggestionCache {
  public:
    /// Holds up to `capacity` words' suggestions (rounded up to a multiple of `shards`, at
    /// most kMaxShards); 0 holds none.
    explicit SuggestionCache(std::size_t capacity, std::size_t shards = kMaxShards);

    static constexpr std::size_t kMaxShards = 16;

    /// What the suggestions of a word depend on besides the word: the language, the glossary
    /// (its terms are offered as corrections) and how many are asked for. One per check.
    static std::string scope(std::string_view language, const Glossary& glossary, std::size_t max);

    std::optional<Lexicon::Suggestions> find(const std::string& scope, std::string_view word) const;
    void insert(const std::string& scope, std::string_view word,
                const Lexicon::Suggestions& suggestions) const;

  private:
    struct Shard {
        using Entry = std::pair<std::string, Lexicon::Suggestions>;
        std::mutex mutex;
        std::list<Entry> recent; ///< most recently used first
        std::unordered_map<std::string_view, std::list<Entry>::iterator> by_key;
    };
    Shard& shard_of(const std::string& key) const;

    std::size_t shard_count_;
    std::size_t per_shard_;
    mutable std::array<Shard, kMaxShards> shards_;
};

} // namespace atk::spell
