#include "rules/readability.hpp"

#include "text/casing.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <array>

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

/// `groups` of vowels less a silent final e: make, table(s); but not English "-le" (table
/// has two syllables in English) nor a word whose only vowel it is (the, le). `last`: the
/// word's last four letters in lower case, the final one first; `n`: its length.
std::size_t less_silent_e(std::size_t groups, const std::array<char32_t, 4>& last, std::size_t n,
                          bool french) {
    // `back`: 0 for the final letter, 1 for the one before it.
    const auto silent_e_at = [&](std::size_t back) {
        const auto before = [&](std::size_t k) { return last[back + k]; }; // back + k <= 3
        return n >= back + 2 && last[back] == U'e' && !is_vowel(before(1), french) && groups > 1 &&
               (french || !(before(1) == U'l' && n >= back + 3 && !is_vowel(before(2), french)));
    };
    if (silent_e_at(0)) {
        --groups;
    } else if (french && n >= 3 && last[0] == U's' && silent_e_at(1)) {
        --groups;
    }
    return std::max<std::size_t>(groups, 1);
}

/// syllables() for any word: code point by code point, lowered first.
std::size_t count_syllables(std::string_view word, bool french) {
    const std::u32string letters = text::to_code_points(text::to_lower(word));
    std::size_t groups = 0;
    bool in_vowels = false;
    for (const char32_t c : letters) {
        const bool vowel = is_vowel(c, french);
        groups += vowel && !in_vowels ? 1 : 0;
        in_vowels = vowel;
    }
    std::array<char32_t, 4> last{};
    for (std::size_t k = 0; k < last.size() && k < letters.size(); ++k) {
        last[k] = letters[letters.size() - 1 - k];
    }
    return less_silent_e(groups, last, letters.size(), french);
}

/// ASCII vowels in either case, for the common case.
constexpr std::array<bool, 128> make_ascii_vowels() {
    std::array<bool, 128> vowels{};
    for (const char c : std::string_view("aeiouyAEIOUY")) {
        vowels[static_cast<unsigned char>(c)] = true;
    }
    return vowels;
}
constexpr std::array<bool, 128> kAsciiVowels = make_ascii_vowels();

} // namespace

std::size_t syllables(std::string_view word, std::string_view language) {
    const bool french = language.substr(0, 2) == "fr";
    // Most words are ASCII: their bytes are their letters, counted without a copy.
    std::size_t groups = 0;
    bool in_vowels = false;
    unsigned bits = 0; // the bytes or'ed: 0x80 set when one is not ASCII
    for (const char c : word) {
        const auto byte = static_cast<unsigned char>(c);
        bits |= byte;
        const bool vowel = kAsciiVowels[byte & 0x7FU];
        groups += vowel && !in_vowels ? 1 : 0;
        in_vowels = vowel;
    }
    if ((bits & 0x80U) != 0) {
        return count_syllables(word, french);
    }
    std::array<char32_t, 4> last{};
    for (std::size_t k = 0; k < last.size() && k < word.size(); ++k) {
        const char c = word[word.size() - 1 - k];
        last[k] = static_cast<unsigned char>(text::ascii_lower(c));
    }
    return less_silent_e(groups, last, word.size(), french);
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
