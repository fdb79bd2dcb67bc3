#include "spell/speller.hpp"

#include "spell/vocabulary.hpp"
#include "text/prose_words.hpp"
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

bool inside_any(const std::vector<text::Span>& ranges, const text::Span& span) {
    return std::any_of(ranges.begin(), ranges.end(), [&](const text::Span& range) {
        return range.begin <= span.begin && span.end <= range.end;
    });
}

} // namespace

DocumentSpeller::DocumentSpeller(const nuspell::Dictionary& dictionary, const Language& language,
                                 const Glossary& glossary)
    : dictionary_(dictionary), language_(language), glossary_(glossary),
      vocabulary_(builtin_vocabulary(language)), segmenter_(language.code) {}

bool DocumentSpeller::dictionary_accepts(std::string_view word) const {
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

bool DocumentSpeller::is_correct(std::string_view word) {
    if (const auto known = verdicts_.find(word); known != verdicts_.end()) {
        return known->second;
    }
    const bool correct = glossary_.accepts(word) || dictionary_accepts(word);
    verdicts_.emplace(word, correct);
    return correct;
}

void DocumentSpeller::check(const text::ProseBlock& block, std::vector<Misspelling>& out) {
    const std::string_view text = block.text;
    const auto words = segmenter_.words(text);
    word_count_ += static_cast<std::size_t>(std::count_if(words.begin(), words.end(), [](const text::Word& w) {
        return w.kind != text::WordKind::ideographic;
    }));
    const auto phrases = glossary_.empty() ? std::vector<text::Span>{} : glossary_.phrase_matches(text);
    auto slice = [&](const text::Span& span) { return text.substr(span.begin, span.end - span.begin); };

    for (const auto& candidate : text::spelling_candidates(text, words)) {
        if (inside_any(phrases, candidate.span) || is_correct(slice(candidate.span))) {
            continue;
        }
        if (candidate.parts.size() == 1) {
            out.push_back({block.source_offset(candidate.span.begin),
                           block.source_end(candidate.span.end), std::string(slice(candidate.span))});
            continue;
        }
        // A compound the dictionary does not list is fine when each of its parts is a word.
        for (const auto& part : candidate.parts) {
            if (!is_correct(slice(part))) {
                out.push_back({block.source_offset(part.begin), block.source_end(part.end),
                               std::string(slice(part))});
            }
        }
    }
}

/// Nuspell may capitalise a suggestion for a lower-case word (l'evenement -> L'événement)
/// and writes apostrophes its own way; give it back as the writer would have typed it.
std::string DocumentSpeller::in_writers_form(std::string suggestion, const std::string& word) const {
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

const std::vector<std::string>& DocumentSpeller::suggestions(const std::string& word,
                                                              std::size_t max) {
    auto [it, inserted] = suggestions_.try_emplace(word);
    if (!inserted) {
        return it->second;
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
    it->second = std::move(all);
    return it->second;
}

} // namespace atk::spell
