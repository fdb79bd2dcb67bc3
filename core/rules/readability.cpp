#include "rules/readability.hpp"

#include "text/casing.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <array>

namespace atk::rules {
namespace {

/// The languages whose syllables and formulas differ.
enum class Family { english, french, spanish, german };

/// English for any language without rules of its own.
Family family_of(std::string_view language) {
    const auto family = language.substr(0, 2);
    if (family == "fr") {
        return Family::french;
    }
    if (family == "es") {
        return Family::spanish;
    }
    if (family == "de") {
        return Family::german;
    }
    return Family::english;
}

bool contains(std::u32string_view letters, char32_t c) {
    return letters.find(c) != std::u32string_view::npos;
}

// --- English and French ----------------------------------------------------------------------

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
    return french && c >= 0x80 && contains(U"àâäéèêëîïôöùûüÿœæ", c);
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

/// English or French syllables of any word: code point by code point, lowered first.
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

/// English or French syllables. Most words are ASCII: their bytes are their letters,
/// counted without a copy.
std::size_t english_or_french_syllables(std::string_view word, bool french) {
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

// --- Spanish and German: letter by letter, each looking at its neighbours --------------------

/// `word` in lower case, as code points, in a buffer of the calling thread that the next
/// call overwrites: reused from word to word, so that counting allocates nothing for ASCII
/// words once it has grown.
std::u32string_view lowered(std::string_view word) {
    thread_local std::u32string letters;
    if (text::has_non_ascii(word)) {
        letters = text::to_code_points(text::to_lower(word));
    } else {
        letters.clear();
        for (const char c : word) {
            letters += static_cast<unsigned char>(text::ascii_lower(c));
        }
    }
    return letters;
}

bool spanish_vowel_letter(char32_t c) {
    return contains(U"aeiouáéíóúü", c);
}

/// Letter `i` of the lowered `letters` is sounded as a vowel in Spanish: not the u of que,
/// qui, gue, gui (güe, güi sound it); y only where no vowel follows it (hoy, muy, y; not
/// ya, re-yes).
bool spanish_vowel_at(std::u32string_view letters, std::size_t i) {
    const char32_t c = letters[i];
    const char32_t next = i + 1 < letters.size() ? letters[i + 1] : 0;
    if (c == U'y') {
        return !spanish_vowel_letter(next);
    }
    if (c == U'u' && i > 0 && (letters[i - 1] == U'q' || letters[i - 1] == U'g') &&
        contains(U"eiéí", next)) {
        return false;
    }
    return spanish_vowel_letter(c);
}

/// Two Spanish vowels side by side are two syllables (a hiatus) when both are strong (a, e,
/// o, accented or not: le-er, a-é-re-o) or one is an accented í or ú (pa-ís, dí-a); any
/// other pair is a diphthong (ciu-dad, a-gua, hay).
bool spanish_hiatus(char32_t first, char32_t second) {
    const auto strong = [](char32_t c) { return contains(U"aeoáéó", c); };
    const auto stressed_weak = [](char32_t c) { return c == U'í' || c == U'ú'; };
    return (strong(first) && strong(second)) || stressed_weak(first) || stressed_weak(second);
}

std::size_t spanish_syllables(std::u32string_view letters) {
    std::size_t count = 0;
    char32_t previous = 0; // the vowel just before, or 0 after a consonant
    for (std::size_t i = 0; i < letters.size(); ++i) {
        if (!spanish_vowel_at(letters, i)) {
            previous = 0;
            continue;
        }
        const char32_t vowel = letters[i] == U'y' ? U'i' : letters[i];
        if (previous == 0 || spanish_hiatus(previous, vowel)) {
            ++count;
        }
        previous = vowel;
    }
    return std::max<std::size_t>(count, 1);
}

/// ei, ey, ai, ay, au, äu, eu, ie, aa, ee, oo: two German vowels that are one.
bool german_digraph(char32_t first, char32_t second) {
    static constexpr std::array<std::u32string_view, 11> kDigraphs = {
        U"ei", U"ey", U"ai", U"ay", U"au", U"äu", U"eu", U"ie", U"aa", U"ee", U"oo"};
    return std::any_of(kDigraphs.begin(), kDigraphs.end(), [&](std::u32string_view pair) {
        return pair[0] == first && pair[1] == second;
    });
}

std::size_t german_syllables(std::u32string_view letters) {
    std::size_t count = 0;
    // The vowel just before when it may still make a digraph with this one; 0 after a
    // consonant or a digraph (Fei-er: the second e starts a syllable).
    char32_t open = 0;
    for (std::size_t i = 0; i < letters.size(); ++i) {
        const char32_t c = letters[i];
        const bool after_q = i > 0 && letters[i - 1] == U'q'; // qu sounds kv: no vowel
        if (!contains(U"aeiouyäöü", c) || (c == U'u' && after_q)) {
            open = 0;
        } else if (open != 0 && german_digraph(open, c)) {
            open = 0;
        } else {
            ++count;
            open = c;
        }
    }
    return std::max<std::size_t>(count, 1);
}

/// Letters of a word: its code points less apostrophes (' ’) and hyphens (- ‐).
std::size_t letter_count(std::string_view word) {
    std::size_t letters = 0;
    for (std::size_t at = 0; at < word.size();) {
        const char32_t c = text::next_code_point(word, at);
        letters += (c == U'\'' || c == U'’' || c == U'-' || c == U'‐') ? 0 : 1;
    }
    return letters;
}

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

std::size_t syllables(std::string_view word, std::string_view language) {
    switch (family_of(language)) {
    case Family::spanish:
        return spanish_syllables(lowered(word));
    case Family::german:
        return german_syllables(lowered(word));
    case Family::french:
        return english_or_french_syllables(word, true);
    case Family::english:
        break;
    }
    return english_or_french_syllables(word, false);
}

TextCounts& TextCounts::operator+=(const TextCounts& other) {
    sentences += other.sentences;
    words += other.words;
    syllables += other.syllables;
    monosyllables += other.monosyllables;
    polysyllables += other.polysyllables;
    long_words += other.long_words;
    return *this;
}

TextCounts word_counts(std::string_view word, std::string_view language) {
    TextCounts counts;
    counts.words = 1;
    counts.syllables = syllables(word, language);
    counts.monosyllables = counts.syllables == 1 ? 1 : 0;
    counts.polysyllables = counts.syllables >= 3 ? 1 : 0;
    counts.long_words = letter_count(word) > 6 ? 1 : 0;
    return counts;
}

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

// Szigriszt Pazos, F. (1993). Sistemas predictivos de legibilidad del mensaje escrito:
// fórmula de perspicuidad. Doctoral thesis, Universidad Complutense de Madrid. The INFLESZ
// bands: Barrio-Cantalejo, I. M. et al. (2008). Validación de la Escala INFLESZ para evaluar
// la legibilidad de los textos dirigidos a pacientes. An. Sist. Sanit. Navar. 31(2), 135-152.
double szigriszt_pazos(const TextCounts& counts) {
    if (counts.words == 0) {
        return 0;
    }
    const auto r = ratios(counts);
    return 206.835 - 62.3 * r.syllables_per_word - r.words_per_sentence;
}

// Amstad, T. (1978). Wie verständlich sind unsere Zeitungen? Doctoral thesis, Universität
// Zürich.
double amstad(const TextCounts& counts) {
    if (counts.words == 0) {
        return 0;
    }
    const auto r = ratios(counts);
    return 180.0 - r.words_per_sentence - 58.5 * r.syllables_per_word;
}

// Bamberger, R. and Vanecek, E. (1984). Lesen - Verstehen - Lernen - Schreiben: die
// Schwierigkeitsstufen von Texten in deutscher Sprache. Jugend und Volk, Wien.
double wiener_sachtextformel(const TextCounts& counts) {
    if (counts.words == 0) {
        return 0;
    }
    const auto percent = [&](std::size_t n) {
        return 100.0 * static_cast<double>(n) / static_cast<double>(counts.words);
    };
    return 0.1935 * percent(counts.polysyllables) + 0.1672 * ratios(counts).words_per_sentence +
           0.1297 * percent(counts.long_words) - 0.0327 * percent(counts.monosyllables) - 0.875;
}

Readability readability_of(const TextCounts& counts, std::string_view language) {
    switch (family_of(language)) {
    case Family::french:
        return {kandel_moles(counts), "Kandel-Moles", std::nullopt, ""};
    case Family::spanish:
        return {szigriszt_pazos(counts), "Szigriszt-Pazos", std::nullopt, ""};
    case Family::german:
        return {amstad(counts), "Amstad", wiener_sachtextformel(counts), "Wiener Sachtextformel"};
    case Family::english:
        break;
    }
    return {flesch_reading_ease(counts), "Flesch", flesch_kincaid_grade(counts), "Flesch-Kincaid"};
}

} // namespace atk::rules
