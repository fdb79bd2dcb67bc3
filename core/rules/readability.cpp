#include "rules/readability.hpp"

#include "text/utf8.hpp"

#include <algorithm>

namespace atk::rules {
namespace {

bool is_vowel(char32_t c, bool french) {
    switch (c) {
    case U'a':
    case U'e':
    case U'i':
    case U'o':
    case U'u':
    case U'y':
        return true;
    default:
        break;
    }
    static constexpr std::u32string_view kFrenchAccented = U"àâäéèêëîïôöùûüÿœæ";
    return french && c >= 0x80 && kFrenchAccented.find(c) != std::u32string_view::npos;
}

} // namespace

std::size_t syllables(std::string_view lower_word, std::string_view language) {
    const bool french = language.substr(0, 2) == "fr";
    const bool ascii = !text::has_non_ascii(lower_word);
    // Most words are ASCII: count over bytes, without decoding.
    const std::u32string word = ascii ? std::u32string(lower_word.begin(), lower_word.end())
                                      : text::to_code_points(lower_word);
    std::size_t groups = 0;
    bool in_vowels = false;
    for (const char32_t c : word) {
        const bool vowel = is_vowel(c, french);
        groups += vowel && !in_vowels ? 1 : 0;
        in_vowels = vowel;
    }
    // A final e after a consonant is silent: make, table(s); but not English "-le" (table
    // has two syllables in English) nor a word whose only vowel it is (the, le).
    const auto n = word.size();
    const auto silent_e_at = [&](std::size_t at) {
        return at >= 1 && word[at] == U'e' && !is_vowel(word[at - 1], french) && groups > 1 &&
               (french || !(word[at - 1] == U'l' && at >= 2 && !is_vowel(word[at - 2], french)));
    };
    if (n >= 2 && silent_e_at(n - 1)) {
        --groups;
    } else if (french && n >= 3 && word[n - 1] == U's' && silent_e_at(n - 2)) {
        --groups;
    }
    return std::max<std::size_t>(groups, 1);
}

TextCounts& TextCounts::operator+=(const TextCounts& other) {
    sentences += other.sentences;
    words += other.words;
    syllables += other.syllables;
    return *this;
}

namespace {

struct Ratios {
    double words_per_sentence;
    double syllables_per_word;
};

Ratios ratios(const TextCounts& counts) {
    if (counts.sentences == 0 || counts.words == 0) {
        return {0, 0};
    }
    return {static_cast<double>(counts.words) / static_cast<double>(counts.sentences),
            static_cast<double>(counts.syllables) / static_cast<double>(counts.words)};
}

} // namespace

double flesch_reading_ease(const TextCounts& counts) {
    if (counts.words == 0) {
        return 0;
    }
    const auto r = ratios(counts);
    return 206.835 - 1.015 * r.words_per_sentence - 84.6 * r.syllables_per_word;
}

double flesch_kincaid_grade(const TextCounts& counts) {
    if (counts.words == 0) {
        return 0;
    }
    const auto r = ratios(counts);
    return 0.39 * r.words_per_sentence + 11.8 * r.syllables_per_word - 15.59;
}

double kandel_moles(const TextCounts& counts) {
    if (counts.words == 0) {
        return 0;
    }
    const auto r = ratios(counts);
    return 207.0 - 1.015 * r.words_per_sentence - 73.6 * r.syllables_per_word;
}

double reading_ease(const TextCounts& counts, std::string_view language) {
    return language.substr(0, 2) == "fr" ? kandel_moles(counts) : flesch_reading_ease(counts);
}

} // namespace atk::rules
