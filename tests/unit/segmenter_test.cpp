#include "text/segmenter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using atk::text::Segmenter;
using atk::text::WordKind;
using testing::ElementsAre;

namespace {

std::vector<std::string> words_of(const std::string& locale, std::string_view text) {
    Segmenter segmenter(locale);
    std::vector<std::string> out;
    for (const auto& word : segmenter.words(text)) {
        out.emplace_back(text.substr(word.span.begin, word.span.end - word.span.begin));
    }
    return out;
}

std::vector<std::string> sentences_of(const std::string& locale, std::string_view text) {
    Segmenter segmenter(locale);
    std::vector<std::string> out;
    for (const auto& span : segmenter.sentences(text)) {
        out.emplace_back(text.substr(span.begin, span.end - span.begin));
    }
    return out;
}

} // namespace

TEST(Words, KeepApostrophesInsideWords) {
    EXPECT_THAT(words_of("en-US", "Users don't wait."), ElementsAre("Users", "don't", "wait"));
    EXPECT_THAT(words_of("en-US", "Users don\xE2\x80\x99t wait."), ElementsAre("Users", "don\xE2\x80\x99t", "wait"));
    EXPECT_THAT(words_of("fr-FR", "l'utilisateur arrive aujourd'hui"),
                ElementsAre("l'utilisateur", "arrive", "aujourd'hui"));
}

TEST(Words, SplitHyphenatedWordsAndLeaveOutPunctuation) {
    EXPECT_THAT(words_of("en-US", "A well-known, real-time (e-mail) system!"),
                ElementsAre("A", "well", "known", "real", "time", "e", "mail", "system"));
}

TEST(Words, ClassifyNumbersAndLetters) {
    Segmenter segmenter("en-US");
    const auto words = segmenter.words("Wait 200 ms or 3.5 s");
    ASSERT_EQ(words.size(), 6U);
    EXPECT_EQ(words[0].kind, WordKind::letters);
    EXPECT_EQ(words[1].kind, WordKind::number);
    EXPECT_EQ(words[2].kind, WordKind::letters);
    EXPECT_EQ(words[4].kind, WordKind::number);
}

TEST(Words, HandleAccentsAndGerman) {
    EXPECT_THAT(words_of("de-DE", "Die Straße ist für Fußgänger."),
                ElementsAre("Die", "Straße", "ist", "für", "Fußgänger"));
    EXPECT_THAT(words_of("es-ES", "¿Dónde está el niño?"), ElementsAre("Dónde", "está", "el", "niño"));
}

TEST(Sentences, DoNotEndAfterAbbreviations) {
    // ICU's English list: e.g., i.e., Mr., Mrs., etc. ("Dr." is not on it: it may be "Drive".)
    EXPECT_THAT(sentences_of("en-US", "Use a tool, e.g. a linter. Then stop. Ask Mr. Smith etc. next."),
                ElementsAre("Use a tool, e.g. a linter.", "Then stop.", "Ask Mr. Smith etc. next."));
    EXPECT_THAT(sentences_of("en-US", "Data, i.e. records, are kept. Done!"),
                ElementsAre("Data, i.e. records, are kept.", "Done!"));
}

TEST(Sentences, SplitFrenchSpanishAndGerman) {
    EXPECT_THAT(sentences_of("fr-FR", "M. Dupont valide la demande. Le système répond."),
                ElementsAre("M. Dupont valide la demande.", "Le système répond."));
    EXPECT_THAT(sentences_of("es-ES", "¿Funciona? ¡Sí! Bien."), ElementsAre("¿Funciona?", "¡Sí!", "Bien."));
    EXPECT_THAT(sentences_of("de-DE", "Das System startet. Es läuft."),
                ElementsAre("Das System startet.", "Es läuft."));
}

TEST(Sentences, EmptyTextHasNone) { EXPECT_TRUE(sentences_of("en-US", "   ").empty()); }
