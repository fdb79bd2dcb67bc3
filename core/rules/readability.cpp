#include "rules/readability.hpp"

#include "text/casing.hpp"
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

/// syllables(): ASCII letters are lowered here, byte by byte (no copy for the common case);
/// a word with other letters is lowered first, unless `lowered` says it is already.
std::size_t count_syllables(std::string_view word, bool french, bool lowered) {
    std::size_t groups = 0;
    bool in_vowels = false;
    char32_t last[4] = {}; // the word's last four code points, the final one first
    std::size_t n = 0;
    for (std::size_t at = 0; at < word.size();) {
        const auto byte = static_cast<unsigned char>(word[at]);
        char32_t c = byte;
        if (byte < 0x80) {
            c = (byte >= 'A' && byte <= 'Z') ? byte + ('a' - 'A') : byte;
            ++at;
        } else if (!lowered) {
            return count_syllables(text::to_lower(word), french, true);
        } else {
            c = text::next_code_point(word, at);
        }
        const bool vowel = is_vowel(c, french);
        groups += vowel && !in_vowels ? 1 : 0;
        in_vowels = vowel;
        last[3] = last[2];
        last[2] = last[1];
        last[1] = last[0];
        last[0] = c;
        ++n;
    }
    // A final e after a consonant is silent: make, table(s); but not English "-le" (table
    // has two syllables in English) nor a word whose only vowel it is (the, le).
    // `back`: 0 for the final code point, 1 for the one before it.
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

} // namespace

std::size_t syllables(std::string_view word, std::string_view language) {
    return count_syllables(word, language.substr(0, 2) == "fr", false);
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
