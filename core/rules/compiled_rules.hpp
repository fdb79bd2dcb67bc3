#pragma once
// The engine's inside, shared by its files (engine.cpp, run.cpp, document_checks.cpp): a rule
// set compiled once (every phrase in one trie over vocabulary ids, every pattern in RE2 sets),
// and what a run finds before it becomes an Alert. Not an interface for other modules.
#include "rules/engine.hpp"
#include "rules/pattern_sets.hpp"
#include "rules/phrase_matcher.hpp"
#include "rules/vocabulary.hpp"

#include <cstdint>
#include <memory>
#include <re2/re2.h>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace atk::rules {

/// What a phrase in the trie stands for.
struct PhraseRef {
    enum class Kind { phrase, exception, variant };
    std::uint32_t rule = 0;
    Kind kind = Kind::phrase;
    std::uint32_t index = 0;   ///< phrase, exception or variant group
    std::uint32_t variant = 0; ///< variant within its group
    /// Its rule is case-sensitive: the trie matched the words in any case, and the match
    /// counts only where they are written as in the rule.
    bool exact = false;
};

/// A finding before it becomes an Alert: block-text offsets.
struct Finding {
    std::uint32_t rule = 0;
    std::size_t block = 0;
    text::Span span;
    std::string replacement;
    std::string value; ///< fills "{value}" in the message: a count, a score
};

/// Block kinds a rule looks at, from its scopes.
bool in_scope(const Rule& rule, text::BlockKind kind);

/// `replacement` in the case of `written`: Capitalised or UPPER when it is.
std::string in_case_of(std::string_view written, const std::string& replacement);

/// Words joined by single spaces, in lower case when `lower`.
std::string joined(const std::vector<std::string>& words, bool lower = false);

/// A rule's word lists as vocabulary ids.
struct RuleWords {
    WordSet be_forms; ///< passive
    WordSet participles;
    WordSet not_participles;
    WordSet agent_words;
    WordSet not_after; ///< existence patterns, passive
};

/// A rule set compiled once, then read by any number of runs at once.
struct CompiledRules {
    Vocabulary vocabulary; ///< every word the rules name
    WordSet requirement_words;
    std::vector<std::pair<EarsTemplate, WordSet>> ears; ///< the words that open each template
    PhraseMatcher phrases;             ///< every phrase, exception and variant, in any case
    std::vector<PhraseRef> refs;       ///< by the phrases' values
    std::vector<RuleWords> word_lists; ///< per rule
    /// Per rule, its exceptions as ids: the word pairs a repetition rule lets through.
    std::vector<std::vector<std::vector<std::uint32_t>>> exception_ids;
    /// Per pattern, in the order of the rules: "(?i)" before the patterns of rules that are
    /// not case-sensitive.
    std::vector<std::unique_ptr<RE2>> regexes;
    std::vector<std::uint32_t> regex_rule;
    std::set<std::string, std::less<>> flagged; ///< phrases of phrase rules, words joined by spaces
    /// Rules that walk a sentence's words themselves: occurrence, repetition, passive.
    std::vector<std::uint32_t> token_rules;
    PatternPool pattern_pool; ///< the patterns again, as the sets runs borrow

    /// Compiles `rules` (which must outlive it). Throws atk::InputError naming the rule file
    /// when a pattern does not compile.
    explicit CompiledRules(const RuleSet& rules);

  private:
    std::vector<std::uint32_t> ids_of(const std::vector<std::string>& words);
    WordSet set_of(const std::vector<std::string>& words);
    void add(const Rule& rule, const std::vector<std::string>& words, PhraseRef ref);
    /// The words of the language profile and of the rules' word lists, numbered.
    void add_words(const RuleSet& rules);
};

} // namespace atk::rules
