#include "spell/lexicon.hpp"

#include "spell/vocabulary.hpp"
#include "text/utf8.hpp"

#include <nuspell/dictionary.hxx>

#include <algorithm>
#include <cctype>

namespace atk::spell {
namespace {

constexpr std::string_view kRightQuote = "\u2019"; // ’, as word processors write apostrophes

/// Dictionaries spell apostrophes as ASCII; typographic ones are as good.
std::string with_ascii_apostrophes(std::string_view word) {
    std::string out;
    for (std::size_t pos = 0;;) {
        const std::size_t quote = word.find(kRightQuote, pos);
        out.append(word.substr(pos, quote - pos));
        if (quote == std::string_view::npos) {
            return out;
        }
        out += '\'';
        pos = quote + kRightQuote.size();
    }
}

} // namespace

Lexicon::Lexicon(const nuspell::Dictionary& dictionary, const Language& language, const Glossary& glossary)
    : dictionary_(dictionary), language_(language), glossary_(glossary),
      vocabulary_(builtin_vocabulary(language)) {}

bool Lexicon::accepts(std::string_view word) const {
    return glossary_.accepts(word) || dictionary_accepts(word);
}

bool Lexicon::dictionary_accepts(std::string_view word) const {
    if (dictionary_.spell(word) || vocabulary_.accepts(word)) {
        return true;
    }
    if (!text::has_non_ascii(word)) {
        return false;
    }
    if (word.find(kRightQuote) != std::string_view::npos &&
        dictionary_.spell(with_ascii_apostrophes(word))) {
        return true;
    }
    return language_.diacritics_optional && dictionary_.spell(text::without_diacritics(word));
}

/// Nuspell may capitalise a suggestion for a lower-case word (l'evenement -> L'événement)
/// and writes apostrophes its own way; give it back as the writer would have typed it.
std::string Lexicon::in_writers_form(std::string suggestion, const std::string& word) const {
    if (word.find('\'') != std::string::npos) {
        suggestion = with_ascii_apostrophes(suggestion);
    }
    const bool word_starts_lower = !word.empty() && std::islower(static_cast<unsigned char>(word[0]));
    if (word_starts_lower && !suggestion.empty() && std::isupper(static_cast<unsigned char>(suggestion[0]))) {
        std::string lowered = suggestion;
        lowered[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lowered[0])));
        if (dictionary_accepts(lowered)) {
            return lowered;
        }
    }
    return suggestion;
}

std::vector<std::string> Lexicon::suggest(const std::string& word, std::size_t max) const {
    // Nuspell's edit-based suggestions cost time that grows with the word: about 1 ms for
    // an English word, up to 300 ms for a long German compound. Beyond this length a word
    // is rarely a typo (a pasted token, a hash) and is not worth the wait.
    if (max == 0 || word.size() > kMaxSuggestedLength) {
        return {};
    }
    std::vector<std::string> all = glossary_.near(word);
    for (auto& term : vocabulary_.near(word)) {
        all.push_back(std::move(term));
    }
    std::vector<std::string> from_dictionary;
    dictionary_.suggest(word, from_dictionary);
    for (auto& raw : from_dictionary) {
        std::string suggestion = in_writers_form(std::move(raw), word);
        // "occur-ed" adds nothing once "occur ed" is offered.
        std::string spaced = suggestion;
        std::replace(spaced.begin(), spaced.end(), '-', ' ');
        const bool redundant_hyphenation = spaced != suggestion && word.find('-') == std::string::npos &&
                                           std::find(all.begin(), all.end(), spaced) != all.end();
        if (!redundant_hyphenation && std::find(all.begin(), all.end(), suggestion) == all.end()) {
            all.push_back(std::move(suggestion));
        }
    }
    if (all.size() > max) {
        all.resize(max);
    }
    return all;
}

} // namespace atk::spell
