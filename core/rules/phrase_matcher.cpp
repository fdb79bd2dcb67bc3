#include "rules/phrase_matcher.hpp"

namespace atk::rules {

void PhraseMatcher::add(const std::vector<std::string>& words, std::uint32_t value) {
    std::uint32_t node = 0;
    for (const auto& word : words) {
        const auto found = nodes_[node].children.find(word);
        if (found != nodes_[node].children.end()) {
            node = found->second;
            continue;
        }
        const auto next = static_cast<std::uint32_t>(nodes_.size());
        nodes_[node].children.emplace(word, next);
        nodes_.emplace_back();
        node = next;
    }
    nodes_[node].values.push_back(value);
}

} // namespace atk::rules
