#include "spell/speller.hpp"

#include "text/prose_words.hpp"

#include <algorithm>

namespace atk::spell {
namespace {

bool inside_any(const std::vector<text::Span>& ranges, const text::Span& span) {
    return std::any_of(ranges.begin(), ranges.end(), [&](const text::Span& range) {
        return range.begin <= span.begin && span.end <= range.end;
    });
}

} // namespace

DocumentSpeller::DocumentSpeller(const Lexicon& lexicon)
    : lexicon_(lexicon), segmenter_(lexicon.language().code) {}

bool DocumentSpeller::is_correct(std::string_view word) {
    if (const auto known = verdicts_.find(word); known != verdicts_.end()) {
        return known->second;
    }
    const bool correct = lexicon_.accepts(word);
    verdicts_.emplace(word, correct);
    return correct;
}

void DocumentSpeller::check(const text::ProseBlock& block, std::vector<Misspelling>& out) {
    const std::string_view text = block.text;
    const auto words = segmenter_.words(text);
    word_count_ += static_cast<std::size_t>(std::count_if(words.begin(), words.end(), [](const text::Word& w) {
        return w.kind != text::WordKind::ideographic;
    }));
    const auto& glossary = lexicon_.glossary();
    const auto phrases = glossary.empty() ? std::vector<text::Span>{} : glossary.phrase_matches(text);
    auto slice = [&](const text::Span& span) { return text.substr(span.begin, span.end - span.begin); };
    auto report = [&](const text::Span& span) {
        out.push_back({block.source_offset(span.begin), block.source_end(span.end), std::string(slice(span))});
    };

    for (const auto& candidate : text::spelling_candidates(text, words)) {
        if (inside_any(phrases, candidate.span) || is_correct(slice(candidate.span))) {
            continue;
        }
        if (candidate.word_count == 1) {
            report(candidate.span);
            continue;
        }
        // A compound the dictionary does not list is fine when each of its parts is a word.
        for (std::size_t i = candidate.first_word; i < candidate.first_word + candidate.word_count; ++i) {
            if (!is_correct(slice(words[i].span))) {
                report(words[i].span);
            }
        }
    }
}

} // namespace atk::spell
