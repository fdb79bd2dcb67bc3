#pragma once
// Readability formulas over counts of sentences, words and syllables: Flesch reading ease
// and Flesch-Kincaid grade for English, Kandel-Moles (Flesch adapted to French) for French.
#include <cstddef>
#include <string>
#include <string_view>

namespace atk::rules {

/// Syllables of one word, in any case, by vowel groups: a silent final e (English: "make";
/// French: "table", "tables") is not one. At least 1.
std::size_t syllables(std::string_view word, std::string_view language);

struct TextCounts {
    std::size_t sentences = 0;
    std::size_t words = 0;
    std::size_t syllables = 0;
    TextCounts& operator+=(const TextCounts& other);
};

/// 206.835 - 1.015 words/sentence - 84.6 syllables/word: 60-70 is plain English; higher
/// is easier. 0 for empty counts.
double flesch_reading_ease(const TextCounts& counts);
/// 0.39 words/sentence + 11.8 syllables/word - 15.59: the US school grade needed.
double flesch_kincaid_grade(const TextCounts& counts);
/// 207 - 1.015 words/sentence - 73.6 syllables/word: Flesch's scale for French.
double kandel_moles(const TextCounts& counts);

/// The reading-ease formula of a language ("en" Flesch, "fr" Kandel-Moles).
double reading_ease(const TextCounts& counts, std::string_view language);

} // namespace atk::rules
