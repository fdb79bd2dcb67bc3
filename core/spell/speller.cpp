#include "spell/speller.hpp"

#include "text/prose_words.hpp"

#include <nuspell/dictionary.hxx>

#include <algorithm>

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

DocumentSpeller::DocumentSpeller(const nuspell::Dictionary& dictionary, const Glossary& glossary,
                                 const std::string& locale)
    : dictionary_(dictionary), glossary_(glossary), segmenter_(locale) {}

bool DocumentSpeller::is_correct(std::string_view word) {
    if (const auto known = verdicts_.find(word); known != verdicts_.end()) {
        return known->second;
    }
    const bool correct = glossary_.accepts(word) || dictionary_.spell(word) ||
                         (word.find(kRightQuote) != std::string_view::npos &&
                          dictionary_.spell(with_ascii_apostrophes(word)));
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

const std::vector<std::string>& DocumentSpeller::suggestions(const std::string& word,
                                                              std::size_t max) {
    auto [it, inserted] = suggestions_.try_emplace(word);
    if (inserted) {
        std::vector<std::string> all = glossary_.near(word);
        std::vector<std::string> from_dictionary;
        dictionary_.suggest(word, from_dictionary);
        const bool ascii_apostrophe = word.find('\'') != std::string::npos;
        for (auto& suggestion : from_dictionary) {
            if (ascii_apostrophe) {
                suggestion = with_ascii_apostrophes(suggestion); // keep the writer's apostrophe
            }
            if (std::find(all.begin(), all.end(), suggestion) == all.end()) {
                all.push_back(std::move(suggestion));
            }
        }
        if (all.size() > max) {
            all.resize(max);
        }
        it->second = std::move(all);
    }
    return it->second;
}

} // namespace atk::spell
