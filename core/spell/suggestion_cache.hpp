#pragma once
// Recent suggestions, shared by every check of a Checker. A server sees the same misspellings
// again and again (an editor sends its whole document again as the user types) and ranking
// suggestions costs far more than finding them again here.
#include "lru_cache.hpp"
#include "spell/glossary.hpp"
#include "spell/lexicon.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace atk::spell {

/// Bounded, least recently used entries out first; thread-safe.
class SuggestionCache {
  public:
    /// Holds up to `capacity` words' suggestions (see LruCache); 0 holds none.
    explicit SuggestionCache(std::size_t capacity, std::size_t shards = LruCache<int>::kMaxShards)
        : entries_(capacity, shards) {}

    /// What the suggestions of a word depend on besides the word: the language, the glossary
    /// (its terms are offered as corrections) and how many are asked for. One per check.
    static std::string scope(std::string_view language, const Glossary& glossary, std::size_t max);

    std::optional<Lexicon::Suggestions> find(const std::string& scope,
                                             std::string_view word) const {
        return entries_.find(scope + std::string(word));
    }
    void insert(const std::string& scope, std::string_view word,
                const Lexicon::Suggestions& suggestions) const {
        entries_.insert(scope + std::string(word), suggestions);
    }

  private:
    LruCache<Lexicon::Suggestions> entries_;
};

} // namespace atk::spell
