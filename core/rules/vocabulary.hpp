#pragma once
// Every word the rules name (phrase words, forms of "be", requirement words...), numbered,
// so that a document's words are looked up once each and the rules then compare numbers.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace atk::rules {

class Vocabulary {
  public:
    /// The id no word has: what find() gives a word the vocabulary does not know.
    static constexpr std::uint32_t kUnknown = 0;

    Vocabulary();
    /// A vocabulary that extends `base` (which must outlive it): ids go on after base's,
    /// and base's words keep theirs. For words a single run adds (a project's terms).
    static Vocabulary extending(const Vocabulary& base);

    /// The id of `lower` (a word as normalised_lower gives it), added if new. Never kUnknown.
    std::uint32_t add(std::string_view lower);
    /// The id of `written` in any case (The, THE, the), or kUnknown.
    std::uint32_t find(std::string_view written) const;
    /// Ids run from 1 to size() - 1, base's included.
    std::uint32_t size() const { return next_; }

  private:
    /// An open-addressing table: looking a document's every word up is the hot path of
    /// cutting it into tokens, and one probe in one array finds most.
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t id = kUnknown; ///< kUnknown: an empty slot
    };

    static std::uint64_t hash_of(std::string_view lower);
    std::uint32_t find_lower(std::string_view lower, std::uint64_t hash) const;
    void grow();

    const Vocabulary* base_ = nullptr;
    std::vector<std::string> words_; ///< this vocabulary's own words, by id - first_
    std::vector<Slot> slots_;        ///< a power of two of them, at most half full
    std::uint32_t first_ = 1;        ///< the id of words_[0]
    std::uint32_t next_ = 1;
};

/// A set of vocabulary ids.
class WordSet {
  public:
    void add(std::uint32_t id);
    bool contains(std::uint32_t id) const { return id < members_.size() && members_[id]; }

  private:
    std::vector<bool> members_;
};

} // namespace atk::rules
