// The installed MyThes thesauri, read in their own encodings: UTF-8 (English, French,
// German) and ISO 8859-1 (Spanish), words in and out as UTF-8.
#include "error.hpp"
#include "thesaurus/thesaurus.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <string>
#include <vector>

using atk::thesaurus::Meaning;
using atk::thesaurus::Thesaurus;
using testing::Contains;
using testing::HasSubstr;
using testing::IsEmpty;

namespace {

std::vector<std::string> words_of(const std::vector<Meaning>& meanings) {
    std::vector<std::string> words;
    for (const auto& meaning : meanings) {
        for (const auto& synonym : meaning.synonyms) {
            words.push_back(synonym.word);
        }
    }
    return words;
}

Thesaurus open(const std::string& dictionary) {
    const auto stem =
        atk::thesaurus::find_thesaurus(dictionary, atk::thesaurus::default_thesaurus_directories());
    EXPECT_FALSE(stem.empty()) << "no thesaurus for " << dictionary << ": make deps";
    return Thesaurus(stem);
}

} // namespace

TEST(Thesaurus, ALatin1ThesaurusIsAskedAndAnswersInUtf8) {
    const Thesaurus spanish = open("es_ES");
    const auto words = words_of(spanish.lookup("rápido"));
    EXPECT_THAT(words, Contains("veloz"));
    EXPECT_THAT(words, Contains("súbito")); // accented, decoded from ISO 8859-1
    EXPECT_THAT(spanish.lookup("Rápido"), testing::Not(IsEmpty())); // then in lower case
    // A word ISO 8859-1 cannot write is in no entry: no lookup of a mangled key.
    EXPECT_THAT(spanish.lookup("r\xC5\x8D"
                               "pido"),
                IsEmpty()); // ō
}

TEST(Thesaurus, EachLanguageHasOne) {
    for (const std::string dictionary : {"en_US", "en_GB", "fr_FR", "es_ES", "de_DE"}) {
        EXPECT_FALSE(atk::thesaurus::find_thesaurus(dictionary,
                                                    atk::thesaurus::default_thesaurus_directories())
                         .empty())
            << dictionary;
    }
    EXPECT_THAT(words_of(open("de_DE").lookup("Schnell")), Contains("zügig"));
    const auto english = open("en_US").lookup("fast");
    ASSERT_FALSE(english.empty());
    EXPECT_EQ(english.front().part_of_speech, "adj");
    EXPECT_THAT(english.front().synonyms,
                Contains(testing::Field(&atk::thesaurus::Synonym::relation, "antonym")));
}

TEST(Thesaurus, AMissingOneSaysSo) {
    try {
        Thesaurus missing("/nonexistent/th_xx_XX_v2");
        FAIL() << "no error";
    } catch (const atk::InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("/nonexistent/th_xx_XX_v2.idx/.dat is missing"));
    }
}
