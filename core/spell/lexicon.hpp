#pragma once
// What counts as a word in one language for one project, and how to correct one that does not.
#include "spell/glossary.hpp"
#include "spell/languages.hpp"
#include "spell/nuspell_fwd.hpp"
#include "spell/suggestion_index.hpp"
#include "spell/word_counts.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace atk::spell {

/// A dictionary, the built-in vocabulary and a project glossary, seen as one word list.
/// Const and thread-safe; cheap to make. All referenced objects must outlive it.
class Lexicon {
  public:
    /// `index` may be null: suggestions then come from the dictionary alone (Nuspell).
    Lexicon(const nuspell::Dictionary& dictionary, const Language& language,
            const Glossary& glossary, const SuggestionIndex* index = nullptr,
            const WordCounts* counts = nullptr);

    const Language& language() const { return language_; }
    const Glossary& glossary() const { return glossary_; }

    /// True for glossary terms, built-in vocabulary and dictionary words, with typographic
    /// apostrophes (don’t) and, where the language allows it, optional accents (café).
    bool accepts(std::string_view word) const;

    struct Suggestions {
        std::vector<std::string> words; ///< best first
        double confidence = 0; ///< estimated probability that words[0] was meant; 0 when unknown
    };

    /// Corrections for `word`, best first, at most `max`: close glossary and vocabulary
    /// terms, then the ranked index's (or else the dictionary's) suggestions, each accepted
    /// by the dictionary, in the writer's case and apostrophes. Words longer than
    /// kMaxSuggestedLength bytes get none (see lexicon.cpp).
    Suggestions suggest(const std::string& word, std::size_t max) const;

    static constexpr std::size_t kMaxSuggestedLength = 50;

  private:
    bool dictionary_accepts(std::string_view word) const;
    /// Without an index: restored accents, vocabulary terms, then Nuspell's suggestions.
    std::vector<std::string> unranked_suggestions(const std::string& word) const;
    /// Spellings of `word` with accents the dictionary accepts, commonest first.
    std::vector<std::string> accent_restorations(const std::string& word) const;
    /// True when each space-separated word of `phrase` is a dictionary word.
    /// French "d'tente": an elided word before a consonant, which no writer means.
    bool breaks_elision(std::string_view word) const;
    bool is_accepted_phrase(std::string_view phrase) const;
    std::string in_writers_form(std::string suggestion, const std::string& word) const;

    const nuspell::Dictionary& dictionary_;
    const Language& language_;
    const Glossary& glossary_;
    const Glossary& vocabulary_;
    const SuggestionIndex* index_;
    const WordCounts* counts_;
};

} // namespace atk::spell
