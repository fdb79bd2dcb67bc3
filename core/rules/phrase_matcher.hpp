#pragma once
// Every phrase of every rule in one trie over word ids (rules/vocabulary.hpp), so that a
// sentence is walked once whatever the number of rules: at each word, the trie is followed
// as far as the next words allow and every phrase ending on the way is reported.
#include <cstdint>
#include <utility>
#include <vector>

namespace atk::rules {

class PhraseMatcher {
  public:
    /// Adds a phrase (the ids of its words, none of them Vocabulary::kUnknown) with a
    /// caller's value.
    void add(const std::vector<std::uint32_t>& words, std::uint32_t value);

    struct Match {
        std::size_t first = 0; ///< index of the phrase's first word
        std::size_t last = 0;  ///< index of its last word
        std::uint32_t value = 0;
    };

    /// Every occurrence of every phrase in the words `id_at(0)` .. `id_at(count - 1)`, by
    /// first word then length.
    template <typename IdAt>
    void match(std::size_t count, IdAt id_at, std::vector<Match>& out) const {
        for (std::size_t first = 0; first < count; ++first) {
            std::uint32_t node = kRoot;
            for (std::size_t at = first; at < count; ++at) {
                node = child(node, id_at(at));
                if (node == kRoot) {
                    break;
                }
                for (const std::uint32_t value : nodes_[node].values) {
                    out.push_back({first, at, value});
                }
            }
        }
    }

    bool empty() const { return nodes_.size() == 1; }

  private:
    static constexpr std::uint32_t kRoot = 0; ///< also "no such child": nothing leads back to it

    /// The node `word` leads to from `node`, or kRoot.
    std::uint32_t child(std::uint32_t node, std::uint32_t word) const;

    struct Node {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> children; ///< (word, node), by word
        std::vector<std::uint32_t> values;
    };
    std::vector<std::uint32_t> first_words_; ///< the root's children, indexed by word: most
                                             ///< words start no phrase, found in one step
    std::vector<Node> nodes_{Node{}};
};

} // namespace atk::rules
