#include "rules/phrase_matcher.hpp"

#include <algorithm>

namespace atk::rules {

std::uint32_t PhraseMatcher::child(std::uint32_t node, std::uint32_t word) const {
    if (node == kRoot) {
        return word < first_words_.size() ? first_words_[word] : kRoot;
    }
    const auto& children = nodes_[node].children;
    const auto found =
        std::lower_bound(children.begin(), children.end(), word,
                         [](const auto& entry, std::uint32_t w) { return entry.first < w; });
    return found != children.end() && found->first == word ? found->second : kRoot;
}

void PhraseMatcher::add(const std::vector<std::uint32_t>& words, std::uint32_t value) {
    std::uint32_t node = kRoot;
    for (const std::uint32_t word : words) {
        if (const std::uint32_t next = child(node, word); next != kRoot) {
            node = next;
            continue;
        }
        const auto next = static_cast<std::uint32_t>(nodes_.size());
        nodes_.emplace_back();
        if (node == kRoot) {
            if (word >= first_words_.size()) {
                first_words_.resize(word + 1, kRoot);
            }
            first_words_[word] = next;
        } else {
            auto& children = nodes_[node].children;
            children.insert(
                std::lower_bound(children.begin(), children.end(), std::make_pair(word, 0U)),
                {word, next});
        }
        node = next;
    }
    nodes_[node].values.push_back(value);
}

} // namespace atk::rules
