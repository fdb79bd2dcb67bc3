#pragma once
// Readability formulas over counts of sentences, words and syllables, one pair per language:
// English: Flesch reading ease and the Flesch-Kincaid grade; French: Kandel-Moles (Flesch
// adapted to French), no grade; Spanish: Szigriszt-Pazos' perspicuity, no grade; German:
// Amstad's adaptation of Flesch and the first Wiener Sachtextformel as the grade.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace atk::rules {

/// Syllables of one word, in any case, at least 1, by the spelling rules of `language` (a
/// code such as "en", "fr-FR", "es", "de-DE"):
/// - English and French: vowel groups less a silent final e ("make"; French "table",
///   "tables"; not English "table", whose -le is a syllable).
/// - Spanish: á é í ó ú ü are vowels too; two strong vowels side by side (a, e, o, accented
///   or not) are two syllables (le-er, pa-se-o), as is an accented í or ú beside any vowel
///   (pa-ís, dí-a); other pairs are diphthongs (ciu-dad, a-gua); the u of que, qui, gue, gui
///   is silent; y is a vowel unless a vowel follows it (muy, but re-yes).
/// - German: ä ö ü and y are vowels; ei, ey, ai, ay, au, äu, eu, ie, aa, ee, oo are one
///   syllable, any other pair of vowels two (The-a-ter, Na-ti-on); the u of qu is not a
///   vowel (Qua-li-tät). Words with a vowel pair that is not a digraph there (Mu-se-um) are
///   counted one short.
/// No language has a silent e but English and French.
std::size_t syllables(std::string_view word, std::string_view language);

struct TextCounts {
    std::size_t sentences = 0;
    std::size_t words = 0;
    std::size_t syllables = 0;
    std::size_t monosyllables = 0; ///< words of one syllable
    std::size_t polysyllables = 0; ///< words of three syllables or more
    std::size_t long_words = 0;    ///< words of more than six letters
    TextCounts& operator+=(const TextCounts& other);
};

/// The counts of one word (`words` 1, `sentences` 0) in `language`. Its letters are its code
/// points less apostrophes and hyphens.
TextCounts word_counts(std::string_view word, std::string_view language);

// Each formula is 0 for counts without words or sentences.

/// Flesch (1948): 206.835 - 1.015 words/sentence - 84.6 syllables/word: 60-70 is plain
/// English; higher is easier.
double flesch_reading_ease(const TextCounts& counts);
/// Kincaid et al. (1975): 0.39 words/sentence + 11.8 syllables/word - 15.59, the US school
/// grade needed.
double flesch_kincaid_grade(const TextCounts& counts);
/// Kandel and Moles (1958): 207 - 1.015 words/sentence - 73.6 syllables/word, Flesch's scale
/// for French.
double kandel_moles(const TextCounts& counts);
/// Szigriszt-Pazos (1993): 206.835 - 62.3 syllables/word - words/sentence, Flesch's scale
/// for Spanish (perspicuity); INFLESZ (Barrio-Cantalejo, 2008) reads it as very hard below
/// 40, somewhat hard to 55, normal to 65, fairly easy to 80, very easy above.
double szigriszt_pazos(const TextCounts& counts);
/// Amstad (1978): 180 - words/sentence - 58.5 syllables/word, Flesch's scale for German.
double amstad(const TextCounts& counts);
/// The first Wiener Sachtextformel (Bamberger and Vanecek, 1984), the Austrian school grade
/// (4 to 15) a German non-fiction text needs: 0.1935 MS + 0.1672 SL + 0.1297 IW - 0.0327 ES
/// - 0.875, where MS is the percentage of words of three syllables or more, SL the mean
/// sentence length in words, IW the percentage of words of more than six letters and ES the
/// percentage of words of one syllable.
double wiener_sachtextformel(const TextCounts& counts);

/// A text's readability by the formulas of its language.
struct Readability {
    double reading_ease = 0;
    std::string_view formula;    ///< Flesch, Kandel-Moles, Szigriszt-Pazos or Amstad
    std::optional<double> grade; ///< English and German only
    std::string_view
        grade_formula; ///< Flesch-Kincaid, Wiener Sachtextformel; empty without a grade
};

/// `counts` measured by the formulas of `language` (a code such as "en", "fr-FR"): Flesch
/// and Flesch-Kincaid for English and for any language that has no formula of its own.
Readability readability_of(const TextCounts& counts, std::string_view language);

} // namespace atk::rules
