#pragma once
// Every phrase of every rule in one trie over words, so that a sentence is walked once
// whatever the number of rules: at each word, the trie is followed as far as the next words
// allow and every phrase ending on the way is reported.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/string_hash.hpp"

namespace atk::rules {

class PhraseMatcher {
  public:
    /// Adds a phrase (its words, as they will be compared) with a caller's value.
    void add(const std::vector<std::string>& words, std::uint32_t value);

    struct Match {
        std::size_t first = 0; ///< index of the phrase's first word
        std::size_t last = 0;  ///< index of its last word
        std::uint32_t value = 0;
    };

    /// Every occurrence of every phrase in `words`, by first word then length.
    /// `words[i]` is whatever add() compared: lower case for case-insensitive phrases.
    template <typename WordAt>
    void match(std::size_t count, WordAt word_at, std::vector<Match>& out) const {
        for (std::size_t first = 0; first < count; ++first) {
            std::uint32_t node = 0;
            for (std::size_t at = first; at < count; ++at) {
                const auto& children = nodes_[node].children;
                const auto next = children.find(std::string_view(word_at(at)));
                if (next == children.end()) {
                    break;
                }
                node = next->second;
                for (const std::uint32_t value : nodes_[node].values) {
                    out.push_back({first, at, value});
                }
            }
        }
    }

    bool empty() const { return nodes_.size() == 1; }

  private:
    struct Node {
        std::unordered_map<std::string, std::uint32_t, text::StringHash, std::equal_to<>> children;
        std::vector<std::uint32_t> values;
    };
    std::vector<Node> nodes_{Node{}};
};

} // namespace atk::rules
