#include "spell/suggestion_cache.hpp"

#include <functional>

namespace atk::spell {

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

} // namespace atk::spell
