// Syllables per language and the readability formulas, each against its published
// definition (core/rules/readability.hpp cites them).
#include "rules/engine.hpp"
#include "rules/readability.hpp"
#include "text/document.hpp"

#include <gtest/gtest.h>
#include <utility>
#include <vector>

using atk::rules::syllables;
using atk::rules::TextCounts;

namespace {

using WordSyllables = std::vector<std::pair<const char*, std::size_t>>;

void expect_syllables(const WordSyllables& words, const char* language) {
    for (const auto& [word, count] : words) {
        EXPECT_EQ(syllables(word, language), count) << word << " in " << language;
    }
}

TEST(Syllables, EnglishAndFrenchAreVowelGroupsLessASilentE) {
    expect_syllables({{"the", 1},
                      {"make", 1},
                      {"table", 2}, // -le keeps its syllable in English
                      {"system", 2},
                      {"beautiful", 3},
                      {"tsk", 1}, // never 0
                      {"MAKE", 1},
                      {"Table", 2}},
                     "en");
    expect_syllables({{"système", 2},
                      {"utilisateur", 5},
                      {"données", 2},
                      {"SYSTÈME", 2},
                      {"ÉTÉ", 2},
                      {"Tables", 1}}, // French: the final -es is silent too
                     "fr");
}

TEST(Syllables, SpanishSplitsHiatusesKeepsDiphthongsAndSilencesTheUOfQueAndGui) {
    expect_syllables({{"casa", 2},          // ca-sa
                      {"clase", 2},         // cla-se: no silent e
                      {"leer", 2},          // le-er: two strong vowels
                      {"paseo", 3},         // pa-se-o
                      {"aéreo", 4},         // a-é-re-o
                      {"poeta", 3},         // po-e-ta
                      {"país", 2},          // pa-ís: an accented í is a hiatus
                      {"día", 2},           // dí-a
                      {"oído", 3},          // o-í-do
                      {"baúl", 2},          // ba-úl
                      {"ciudad", 2},        // ciu-dad: two weak vowels, a diphthong
                      {"agua", 2},          // a-gua: weak and strong, a diphthong
                      {"usuario", 3},       // u-sua-rio
                      {"construir", 2},     // cons-truir
                      {"transferencia", 4}, // trans-fe-ren-cia
                      {"aplicación", 4},    // a-pli-ca-ción
                      {"electrónico", 5},   // e-lec-tró-ni-co
                      {"queso", 2},         // que-so: the u of que is silent
                      {"requisito", 4},     // re-qui-si-to
                      {"guitarra", 3},      // gui-ta-rra
                      {"aquí", 2},          // a-quí, not a-qu-í
                      {"guía", 2},          // guí-a
                      {"pingüino", 3},      // pin-güi-no: ü is sounded
                      {"búho", 2},          // bú-ho
                      {"y", 1},
                      {"muy", 1}, // y ending a word is a vowel
                      {"hoy", 1},
                      {"reyes", 2},   // re-yes: before a vowel it is not
                      {"ÁRBOL", 2},   // ár-bol, in capitals
                      {"Europa", 3}}, // Eu-ro-pa
                     "es");
    EXPECT_EQ(syllables("leer", "es-ES"), 2U); // the variant's code works as well
}

TEST(Syllables, GermanKeepsItsDigraphsAsOneAndSplitsOtherVowelPairs) {
    expect_syllables({{"Haus", 1},
                      {"Häuser", 2},          // Häu-ser
                      {"Liebe", 2},           // Lie-be: no silent e
                      {"Staat", 1},           // aa
                      {"Boot", 1},            // oo
                      {"Tee", 1},             // ee
                      {"Feuer", 2},           // Feu-er
                      {"Eier", 2},            // Ei-er: after a digraph, a new syllable
                      {"Bayern", 2},          // Bay-ern
                      {"System", 2},          // y is a vowel
                      {"Anforderung", 4},     // An-for-de-rung
                      {"Benutzer", 3},        // Be-nut-zer
                      {"Schnittstelle", 3},   // Schnitt-stel-le
                      {"Übersetzung", 4},     // Ü-ber-set-zung
                      {"müssen", 2},          // müs-sen
                      {"Straße", 2},          // Stra-ße
                      {"Zuverlässigkeit", 5}, // Zu-ver-läs-sig-keit
                      {"Datenbank", 3},       // Da-ten-bank
                      {"Theater", 3},         // The-a-ter: ea is no digraph
                      {"Information", 5},     // In-for-ma-ti-on
                      {"Qualität", 3},        // Qua-li-tät: the u of qu is no vowel
                      {"ÖFFNEN", 2},          // öff-nen, in capitals
                      {"und", 1}},
                     "de");
    // A known limit: a pair that is a digraph elsewhere but two syllables here (Mu-se-um).
    EXPECT_EQ(syllables("Museum", "de-DE"), 2U);
}

TEST(WordCounts, CountTheWordItsSyllablesAndItsLetters) {
    const auto counts = atk::rules::word_counts("Zahlung", "de");
    EXPECT_EQ(counts.sentences, 0U);
    EXPECT_EQ(counts.words, 1U);
    EXPECT_EQ(counts.syllables, 2U);
    EXPECT_EQ(counts.monosyllables, 0U);
    EXPECT_EQ(counts.polysyllables, 0U);
    EXPECT_EQ(counts.long_words, 1U);                                   // seven letters
    EXPECT_EQ(atk::rules::word_counts("System", "de").long_words, 0U);  // six are not more
    EXPECT_EQ(atk::rules::word_counts("Größter", "de").long_words, 1U); // letters, not bytes
    EXPECT_EQ(atk::rules::word_counts("E-Mails", "de").long_words, 0U); // no hyphen
    EXPECT_EQ(atk::rules::word_counts("l’usage", "fr").long_words, 0U); // no apostrophe
    EXPECT_EQ(atk::rules::word_counts("kann", "de").monosyllables, 1U);
    EXPECT_EQ(atk::rules::word_counts("Benutzer", "de").polysyllables, 1U);
    TextCounts sum = atk::rules::word_counts("kann", "de");
    sum += atk::rules::word_counts("Benutzer", "de");
    EXPECT_EQ(sum.words, 2U);
    EXPECT_EQ(sum.syllables, 4U);
    EXPECT_EQ(sum.monosyllables, 1U);
    EXPECT_EQ(sum.polysyllables, 1U);
    EXPECT_EQ(sum.long_words, 1U);
}

TEST(Readability, FormulasFollowTheirDefinitions) {
    // 2 sentences, 20 words, 36 syllables; 8 words of one syllable, 5 of three or more, 6 of
    // more than six letters: 10 words a sentence, 1.8 syllables a word; MS 25, IW 30, ES 40.
    const TextCounts counts{2, 20, 36, 8, 5, 6};
    EXPECT_NEAR(atk::rules::flesch_reading_ease(counts), 206.835 - 10.15 - 152.28, 1e-9);
    EXPECT_NEAR(atk::rules::flesch_kincaid_grade(counts), 3.9 + 21.24 - 15.59, 1e-9);
    EXPECT_NEAR(atk::rules::kandel_moles(counts), 207 - 10.15 - 132.48, 1e-9);
    EXPECT_NEAR(atk::rules::szigriszt_pazos(counts), 206.835 - 112.14 - 10, 1e-9); // 84.695
    EXPECT_NEAR(atk::rules::amstad(counts), 180 - 10 - 105.3, 1e-9);               // 64.7
    // 0.1935 * 25 + 0.1672 * 10 + 0.1297 * 30 - 0.0327 * 40 - 0.875
    EXPECT_NEAR(atk::rules::wiener_sachtextformel(counts), 8.2175, 1e-9);
    const TextCounts none;
    for (const auto formula : {atk::rules::flesch_reading_ease, atk::rules::flesch_kincaid_grade,
                               atk::rules::kandel_moles, atk::rules::szigriszt_pazos,
                               atk::rules::amstad, atk::rules::wiener_sachtextformel}) {
        EXPECT_EQ(formula(none), 0.0);
    }
}

TEST(Readability, EachLanguageHasItsFormulas) {
    const TextCounts counts{2, 20, 36, 8, 5, 6};
    const auto english = atk::rules::readability_of(counts, "en-GB");
    EXPECT_EQ(english.reading_ease, atk::rules::flesch_reading_ease(counts));
    EXPECT_EQ(english.formula, "Flesch");
    EXPECT_EQ(english.grade, atk::rules::flesch_kincaid_grade(counts));
    EXPECT_EQ(english.grade_formula, "Flesch-Kincaid");
    const auto french = atk::rules::readability_of(counts, "fr");
    EXPECT_EQ(french.reading_ease, atk::rules::kandel_moles(counts));
    EXPECT_EQ(french.formula, "Kandel-Moles");
    EXPECT_FALSE(french.grade.has_value());
    EXPECT_EQ(french.grade_formula, "");
    const auto spanish = atk::rules::readability_of(counts, "es-ES");
    EXPECT_EQ(spanish.reading_ease, atk::rules::szigriszt_pazos(counts));
    EXPECT_EQ(spanish.formula, "Szigriszt-Pazos");
    EXPECT_FALSE(spanish.grade.has_value());
    const auto german = atk::rules::readability_of(counts, "de");
    EXPECT_EQ(german.reading_ease, atk::rules::amstad(counts));
    EXPECT_EQ(german.formula, "Amstad");
    EXPECT_EQ(german.grade, atk::rules::wiener_sachtextformel(counts));
    EXPECT_EQ(german.grade_formula, "Wiener Sachtextformel");
}

/// The report of a rule set without rules in `language` on `text`: its counts and measures.
atk::rules::RulesReport measured(const char* language, const char* text) {
    atk::rules::RuleSet none;
    none.language = language;
    const atk::rules::Engine engine(std::move(none));
    return engine.run(atk::text::parse_document(text, atk::text::Markup::markdown), {});
}

TEST(Readability, ASpanishTextByHand) {
    // El(1) u-sua-rio(3) de-be(2) le-er(2) el(1) ar-chi-vo(3): 6 words, 12 syllables;
    // La(1) a-pli-ca-ción(4) guar-da(2) ca-da(2) pa-go(2): 5 words, 11 syllables.
    const auto report =
        measured("es", "El usuario debe leer el archivo. La aplicación guarda cada pago.\n");
    EXPECT_EQ(report.counts.sentences, 2U);
    EXPECT_EQ(report.counts.words, 11U);
    EXPECT_EQ(report.counts.syllables, 23U);
    // 206.835 - 62.3 * 23 / 11 - 11 / 2
    EXPECT_NEAR(report.readability.reading_ease, 71.0714, 1e-4);
    EXPECT_EQ(report.readability.formula, "Szigriszt-Pazos");
    EXPECT_FALSE(report.readability.grade.has_value());
}

TEST(Readability, AGermanTextByHand) {
    // Das(1) Sys-tem(2) spei-chert(2) je-de(2) Zah-lung(2): 5 words, 9 syllables;
    // Der(1) Be-nut-zer(3) kann(1) die(1) Da-ten(2) än-dern(2): 6 words, 10 syllables.
    // One syllable: Das, Der, kann, die; three: Benutzer; more than six letters:
    // speichert, Zahlung, Benutzer.
    const auto report =
        measured("de", "Das System speichert jede Zahlung. Der Benutzer kann die Daten ändern.\n");
    EXPECT_EQ(report.counts.sentences, 2U);
    EXPECT_EQ(report.counts.words, 11U);
    EXPECT_EQ(report.counts.syllables, 19U);
    EXPECT_EQ(report.counts.monosyllables, 4U);
    EXPECT_EQ(report.counts.polysyllables, 1U);
    EXPECT_EQ(report.counts.long_words, 3U);
    // 180 - 11 / 2 - 58.5 * 19 / 11
    EXPECT_NEAR(report.readability.reading_ease, 73.4545, 1e-4);
    EXPECT_EQ(report.readability.formula, "Amstad");
    // 0.1935 * 100/11 + 0.1672 * 11/2 + 0.1297 * 300/11 - 0.0327 * 400/11 - 0.875
    ASSERT_TRUE(report.readability.grade.has_value());
    EXPECT_NEAR(*report.readability.grade, 4.1519, 1e-4);
    EXPECT_EQ(report.readability.grade_formula, "Wiener Sachtextformel");
}

} // namespace
