#include "spell/lexicon.hpp"

#include "spell/accents.hpp"
#include "spell/ranker.hpp"
#include "spell/vocabulary.hpp"
#include "text/casing.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <nuspell/dictionary.hxx>

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

Lexicon::Lexicon(const nuspell::Dictionary& dictionary, const Language& language,
                 const Glossary& glossary, const SuggestionIndex* index, const WordCounts* counts)
    : dictionary_(dictionary), language_(language), glossary_(glossary),
      vocabulary_(builtin_vocabulary(language)), index_(index), counts_(counts) {}

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

/// Gives a suggestion back as the writer would have typed it: their apostrophes, and their
/// capitals (Recieve -> Receive, RECIEVE -> RECEIVE). Nuspell may capitalise a suggestion for
/// a lower-case word (l'evenement -> L'événement): lowered again when the dictionary agrees.
std::string Lexicon::in_writers_form(std::string suggestion, const std::string& word) const {
    if (word.find('\'') != std::string::npos) {
        suggestion = with_ascii_apostrophes(suggestion);
    }
    const text::Casing casing = text::casing_of(word);
    if (casing == text::Casing::upper && word.size() > 1) {
        return text::to_upper(suggestion);
    }
    if (casing == text::Casing::capitalised && text::casing_of(suggestion) == text::Casing::lower) {
        return text::capitalise(suggestion);
    }
    if (casing == text::Casing::lower && text::casing_of(suggestion) == text::Casing::capitalised) {
        std::string lowered = text::to_lower(suggestion);
        if (dictionary_accepts(lowered)) {
            return lowered;
        }
    }
    return suggestion;
}

Lexicon::Suggestions Lexicon::suggest(const std::string& word, std::size_t max) const {
    // Nuspell's edit-based suggestions cost time that grows with the word: about 1 ms for
    // an English word, up to 300 ms for a long German compound. Beyond this length a word
    // is rarely a typo (a pasted token, a hash) and is not worth the wait.
    if (max == 0 || word.size() > kMaxSuggestedLength) {
        return {};
    }
    Suggestions out;
    // Project terms one slip away come first; those two slips away come second (below).
    out.words = glossary_.near(word, 1);
    const bool from_project = !out.words.empty();
    auto offer = [&](std::string suggestion) {
        if (breaks_elision(suggestion)) {
            return;
        }
        suggestion = in_writers_form(std::move(suggestion), word);
        if (std::find(out.words.begin(), out.words.end(), suggestion) == out.words.end()) {
            out.words.push_back(std::move(suggestion));
        }
    };
    if (index_ != nullptr) {
        Ranked ranked = Ranker(*index_).rank(word, max + 2);
        for (auto& suggestion : ranked.words) {
            // The index holds only forms the dictionary accepts; split words and changed case
            // are checked again here, so that every suggestion is a word Nuspell accepts.
            if (is_accepted_phrase(suggestion)) {
                offer(std::move(suggestion));
            }
        }
        out.confidence = from_project ? 0.0 : ranked.confidence;
    } else {
        for (auto& suggestion : unranked_suggestions(word)) {
            offer(std::move(suggestion));
        }
    }
    for (auto& term : glossary_.near(word, 2)) {
        if (std::find(out.words.begin(), out.words.end(), term) == out.words.end()) {
            const auto second =
                std::min<std::ptrdiff_t>(1, static_cast<std::ptrdiff_t>(out.words.size()));
            out.words.insert(out.words.begin() + second, term);
            out.confidence = 0;
        }
    }
    if (out.words.size() > max) {
        out.words.resize(max);
    }
    return out;
}

std::vector<std::string> Lexicon::unranked_suggestions(const std::string& word) const {
    // Missing accents first (evenement -> événement): when accents alone make a word,
    // Nuspell's slower search (up to 150 ms a word in French) is skipped.
    std::vector<std::string> out = accent_restorations(word);
    const bool restored_accents = !out.empty();
    for (auto& term : vocabulary_.near(word)) {
        out.push_back(std::move(term));
    }
    if (restored_accents) {
        return out;
    }
    std::vector<std::string> from_dictionary;
    dictionary_.suggest(word, from_dictionary);
    for (auto& suggestion : from_dictionary) {
        // "occur-ed" adds nothing once "occur ed" is offered.
        std::string spaced = suggestion;
        std::replace(spaced.begin(), spaced.end(), '-', ' ');
        const bool redundant = spaced != suggestion && word.find('-') == std::string::npos &&
                               std::find(out.begin(), out.end(), spaced) != out.end();
        if (!redundant) {
            out.push_back(std::move(suggestion));
        }
    }
    return out;
}

std::vector<std::string> Lexicon::accent_restorations(const std::string& word) const {
    if (language_.accents.empty()) {
        return {};
    }
    const std::string lowered =
        text::casing_of(word) == text::Casing::lower ? word : text::to_lower(word);
    auto variants = accent_variants(lowered, language_.accents,
                                    [&](const std::string& w) { return dictionary_.spell(w); });
    if (counts_ != nullptr) { // the commonest spelling first; fewest changes among equals
        std::stable_sort(variants.begin(), variants.end(),
                         [&](const std::string& a, const std::string& b) {
                             return counts_->count(a) > counts_->count(b);
                         });
    }
    return variants;
}

bool Lexicon::breaks_elision(std::string_view word) const {
    if (language_.elided.empty()) {
        return false;
    }
    std::size_t apostrophe = word.find('\'');
    std::size_t after = apostrophe + 1;
    if (apostrophe == std::string_view::npos) {
        apostrophe = word.find(kRightQuote);
        after = apostrophe + kRightQuote.size();
    }
    if (apostrophe == std::string_view::npos || apostrophe == 0 || after >= word.size()) {
        return false;
    }
    const std::string elided = text::to_lower(word.substr(0, apostrophe));
    std::string_view list = language_.elided;
    bool listed = false;
    for (std::size_t begin = 0; begin < list.size() && !listed;) {
        const std::size_t end = std::min(list.find(' ', begin), list.size());
        listed = list.substr(begin, end - begin) == elided;
        begin = end + 1;
    }
    // The next letter must be a vowel or h (accented vowels are not ASCII: left alone).
    const char next = static_cast<char>(std::tolower(static_cast<unsigned char>(word[after])));
    const bool vowel_or_h = std::string_view("aeiouyh").find(next) != std::string_view::npos ||
                            (static_cast<unsigned char>(next) & 0x80) != 0;
    return listed && !vowel_or_h;
}

bool Lexicon::is_accepted_phrase(std::string_view phrase) const {
    for (std::size_t begin = 0; begin <= phrase.size();) {
        const std::size_t end = std::min(phrase.find(' ', begin), phrase.size());
        if (!dictionary_accepts(phrase.substr(begin, end - begin))) {
            return false;
        }
        begin = end + 1;
    }
    return true;
}

} // namespace atk::spell
