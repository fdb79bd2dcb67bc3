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

/// True when only spaces, quotes or brackets stand between the start of a sentence (or of
/// the block) and `offset`.
bool starts_sentence(std::string_view text, std::size_t offset) {
    while (offset > 0) {
        const char c = text[offset - 1];
        if (c == '.' || c == '!' || c == '?' || c == ':') {
            return true;
        }
        if (std::string_view(" \t\"'(*_[").find(c) == std::string_view::npos) {
            return false;
        }
        --offset;
    }
    return true;
}

std::string_view slice(const text::ProseBlock& block, const text::Span& span) {
    return std::string_view(block.text).substr(span.begin, span.end - span.begin);
}

} // namespace

DocumentSpeller::DocumentSpeller(const Glossary& glossary) : glossary_(glossary) {}

void DocumentSpeller::collect(const text::ProseBlock& block, const std::vector<text::Word>& words) {
    word_count_ +=
        static_cast<std::size_t>(std::count_if(words.begin(), words.end(), [](const text::Word& w) {
            return w.kind != text::WordKind::ideographic;
        }));
    const auto phrases =
        glossary_.empty() ? std::vector<text::Span>{} : glossary_.phrase_matches(block.text);
    for (const auto& candidate : text::spelling_candidates(block.text, words)) {
        if (inside_any(phrases, candidate.span)) {
            continue;
        }
        Pending pending{&block, candidate.span, static_cast<std::uint32_t>(parts_.size()), 0};
        if (candidate.word_count > 1) {
            for (std::size_t i = candidate.first_word;
                 i < candidate.first_word + candidate.word_count; ++i) {
                parts_.push_back(words[i].span);
            }
            pending.part_count = static_cast<std::uint32_t>(candidate.word_count);
        }
        pending_.push_back(pending);
    }
}

bool DocumentSpeller::is_correct(const Lexicon& lexicon, std::string_view word) {
    if (const auto known = verdicts_.find(word); known != verdicts_.end()) {
        return known->second;
    }
    const bool correct = lexicon.accepts(word);
    verdicts_.emplace(word, correct);
    return correct;
}

void DocumentSpeller::judge(const Lexicon& lexicon, std::vector<Misspelling>& out) {
    auto report = [&](const text::ProseBlock& block, const text::Span& span) {
        out.push_back({block.source_offset(span.begin), block.source_end(span.end),
                       std::string(slice(block, span)), starts_sentence(block.text, span.begin)});
    };
    for (const Pending& pending : pending_) {
        const text::ProseBlock& block = *pending.block;
        if (is_correct(lexicon, slice(block, pending.span))) {
            continue;
        }
        if (pending.part_count == 0) {
            report(block, pending.span);
            continue;
        }
        // A compound the dictionary does not list is fine when each of its parts is a word,
        // or (before a hyphen) a compound's first element: German dictionaries list those
        // with their hyphen ("Bestätigungs-" of Bestätigungs-E-Mail), not alone.
        const std::uint32_t end = pending.first_part + pending.part_count;
        for (std::uint32_t i = pending.first_part; i < end; ++i) {
            const std::string_view part = slice(block, parts_[i]);
            if (!is_correct(lexicon, part) &&
                (i + 1 == end || !is_correct(lexicon, std::string(part) + '-'))) {
                report(block, parts_[i]);
            }
        }
    }
    pending_.clear();
    parts_.clear();
}

} // namespace atk::spell
