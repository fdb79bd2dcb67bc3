#include "text/segmenter.hpp"
#include "text/utf8.hpp"

#include <cstdint>
#include <fstream>
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
    EXPECT_THAT(words_of("en-US", "Users don\xE2\x80\x99t wait."),
                ElementsAre("Users", "don\xE2\x80\x99t", "wait"));
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
    EXPECT_THAT(words_of("es-ES", "¿Dónde está el niño?"),
                ElementsAre("Dónde", "está", "el", "niño"));
}

TEST(Sentences, DoNotEndAfterAbbreviations) {
    // ICU's English list: e.g., i.e., Mr., Mrs., etc. ("Dr." is not on it: it may be "Drive".)
    EXPECT_THAT(
        sentences_of("en-US", "Use a tool, e.g. a linter. Then stop. Ask Mr. Smith etc. next."),
        ElementsAre("Use a tool, e.g. a linter.", "Then stop.", "Ask Mr. Smith etc. next."));
    EXPECT_THAT(sentences_of("en-US", "Data, i.e. records, are kept. Done!"),
                ElementsAre("Data, i.e. records, are kept.", "Done!"));
}

TEST(Sentences, SplitFrenchSpanishAndGerman) {
    EXPECT_THAT(sentences_of("fr-FR", "M. Dupont valide la demande. Le système répond."),
                ElementsAre("M. Dupont valide la demande.", "Le système répond."));
    EXPECT_THAT(sentences_of("es-ES", "¿Funciona? ¡Sí! Bien."),
                ElementsAre("¿Funciona?", "¡Sí!", "Bien."));
    EXPECT_THAT(sentences_of("de-DE", "Das System startet. Es läuft."),
                ElementsAre("Das System startet.", "Es läuft."));
}

TEST(Sentences, EmptyTextHasNone) {
    EXPECT_TRUE(sentences_of("en-US", "   ").empty());
}

namespace {

std::string describe(std::string_view text, const std::vector<atk::text::Word>& words) {
    std::string out;
    for (const auto& word : words) {
        out += "{" + std::string(text.substr(word.span.begin, word.span.end - word.span.begin)) +
               "|" + (word.kind == WordKind::number ? "number" : "letters") + "}";
    }
    return out;
}

} // namespace

// The ASCII fast path must give exactly ICU's words and kinds, for every language we check.
TEST(AsciiWords, AgreeWithIcuOnTrickyCases) {
    Segmenter segmenter("en-US");
    for (const char* text :
         {"don't e.g. U.S.A. v2.3.1 3,5 1'000 a1.b 1.a x_y _x 1_ 1__ __ _ a_ @bobb a@b.c",
          "a..b a''b a:b a-b a;b 1;2 1,_ _,1 1_,2 3.5GHz 1st C++ #tag $var 50% a\x7f"
          "b",
          "", "   ", "...", "\t\n\r\v", "end."}) {
        EXPECT_EQ(describe(text, atk::text::ascii_words(text)),
                  describe(text, segmenter.words_with_icu(text)))
            << "text: " << text;
    }
}

TEST(AsciiWords, AgreeWithIcuOnRandomText) {
    // Characters chosen to exercise every class and rule; a fixed seed keeps failures reproducible.
    const std::string alphabet = "aZq09.',;_@-:/ #\t\n!x(";
    std::uint32_t state = 12345;
    auto next = [&] { return state = state * 1664525U + 1013904223U; };
    for (const char* locale : {"en-US", "fr-FR", "es-ES", "de-DE"}) {
        Segmenter segmenter(locale);
        for (int round = 0; round < 3000; ++round) {
            std::string text;
            const std::size_t length = next() % 24;
            for (std::size_t i = 0; i < length; ++i) {
                text += alphabet[(next() >> 8) % alphabet.size()];
            }
            ASSERT_EQ(describe(text, atk::text::ascii_words(text)),
                      describe(text, segmenter.words_with_icu(text)))
                << locale << " text: [" << text << "]";
        }
    }
}

TEST(AsciiWords, AgreeWithIcuOnTheSampleDocuments) {
    Segmenter segmenter("en-US");
    for (const char* name : {"user-stories.md", "functional-spec.md"}) {
        std::ifstream in(std::string(ATK_TEST_DATA) + "/" + name);
        for (std::string line; std::getline(in, line);) {
            if (!atk::text::has_non_ascii(line)) {
                EXPECT_EQ(describe(line, atk::text::ascii_words(line)),
                          describe(line, segmenter.words_with_icu(line)))
                    << name << ": " << line;
            }
        }
    }
}

namespace {

std::string describe_sentences(std::string_view text, const std::vector<atk::text::Span>& spans) {
    std::string out;
    for (const auto& span : spans) {
        out += "[" + std::string(text.substr(span.begin, span.end - span.begin)) + "]";
    }
    return out;
}

/// The fast path (ASCII text) and ICU itself give the same sentences for `text`.
void expect_same_sentences(Segmenter& segmenter, std::string_view text, const std::string& where) {
    ASSERT_FALSE(atk::text::has_non_ascii(text)) << where;
    ASSERT_EQ(describe_sentences(text, segmenter.sentences(text)),
              describe_sentences(text, segmenter.sentences_with_icu(text)))
        << where << " text: [" << text << "]";
}

} // namespace

TEST(AsciiSentences, AgreeWithIcuOnTrickyCases) {
    Segmenter segmenter("en-US");
    for (const char* text : {"",
                             " ",
                             "a",
                             ".",
                             "Hello. World",
                             "Hello.World",
                             "Hello.  World",
                             "Hello. world",
                             "It costs 3.5 dollars. Then",
                             "The U.S. Army. It",
                             "See e.g. the list. Then",
                             "Mr. Brown met Dr. Smith. They",
                             "Mr.  Brown",
                             "xMr. Brown",
                             "Ph.D. Smith",
                             "U. Smith",
                             "A.S. B",
                             "Stop!Go",
                             "Stop! go",
                             "Stop!? Go",
                             "Wait... What",
                             "Wait, what? Yes.",
                             "He said \"Go.\" Then",
                             "(See above.) Next",
                             "Done.) Next",
                             "Done.\nNext",
                             "Done.\r\nNext",
                             "line one\nline two\n\nthree",
                             "a\rb",
                             "Items: a. b; c. D",
                             "etc. (see below) X",
                             "Version 1. 2 items",
                             "end.\t\tNext",
                             "Q. What? A. This.",
                             "Inc. Corp. Ltd. Co. X",
                             "I.e. this. E.g. that.",
                             "Approx. 5 units. Fine",
                             "No. 5 is here. Yes",
                             "\"Quote.\"  Next"}) {
        expect_same_sentences(segmenter, text, "en-US");
    }
}

TEST(AsciiSentences, AgreeWithIcuOnRandomText) {
    // Pieces that exercise every rule of UAX #29 and the abbreviations ICU suppresses; a
    // fixed seed keeps failures reproducible.
    const std::vector<std::string> pieces = {
        ".",    ". ", "  ",       " ",   "!",    "?",    "\n",   "\r\n", "\r",  ",",
        ";",    ":",  "-",        "\"",  "'",    "(",    ")",    "[",    "]",   "a",
        "b",    "Z",  "Q",        "1",   "42",   "the",  "The",  "Mr.",  "Dr.", "U.S.",
        "U.",   "S.", "Ph.D.",    "Ph.", "e.g.", "E.g.", "etc.", "Inc.", "No.", "A.",
        "a.m.", "M.", "P.-D. G.", "\t",  "...",  "x",    "_",    "#",    "/",   "$"};
    std::uint32_t state = 2024;
    auto next = [&] { return state = state * 1664525U + 1013904223U; };
    for (const char* locale : {"en-US", "fr-FR", "de-DE", "es-ES", "en-GB"}) {
        Segmenter segmenter(locale);
        for (int round = 0; round < 4000; ++round) {
            std::string text;
            const std::size_t count = next() % 14;
            for (std::size_t i = 0; i < count; ++i) {
                text += pieces[(next() >> 8) % pieces.size()];
            }
            expect_same_sentences(segmenter, text, locale);
        }
    }
}

TEST(AsciiSentences, AgreeWithIcuOnTheSampleDocuments) {
    Segmenter english("en-US");
    Segmenter french("fr-FR");
    for (const char* name : {"user-stories.md", "functional-spec.md", "requirements-en.md",
                             "exigences-fr.md", "specification-fr.md"}) {
        std::ifstream in(std::string(ATK_TEST_DATA) + "/" + name);
        std::string paragraph;
        Segmenter& segmenter =
            std::string_view(name).find("fr") != std::string_view::npos ? french : english;
        for (std::string line; std::getline(in, line);) {
            if (!atk::text::has_non_ascii(line)) {
                expect_same_sentences(segmenter, line, name);
                paragraph += line + "\n";
            }
        }
        expect_same_sentences(segmenter, paragraph, name); // every ASCII line of it, as one text
    }
}
