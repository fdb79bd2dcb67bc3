#include "error.hpp"
#include "scratch_dir.hpp"
#include "spell/accents.hpp"
#include "spell/word_counts.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <set>

using atk::spell::accent_variants;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;

namespace {
constexpr std::string_view kFrench = "eéèêë aàâ iîï oô uùûü cç";

auto accepting(std::set<std::string> words) {
    return [words = std::move(words)](const std::string& word) { return words.contains(word); };
}
} // namespace

TEST(AccentVariants, RestoresMissingAccentsFewestChangesFirst) {
    EXPECT_THAT(accent_variants("evenement", kFrench, accepting({"événement", "évènement"})),
                ElementsAre("événement", "évènement"));
    EXPECT_THAT(accent_variants("execute", kFrench, accepting({"exécuté", "exécute"})),
                ElementsAre("exécute", "exécuté"));
    EXPECT_THAT(accent_variants("facade", kFrench, accepting({"façade"})), ElementsAre("façade"));
}

TEST(AccentVariants, NeverOffersTheWordItselfOrUnacceptedSpellings) {
    EXPECT_THAT(accent_variants("cote", kFrench, accepting({"cote"})), IsEmpty());
    EXPECT_THAT(accent_variants("xyz", kFrench, accepting({"xyz"})), IsEmpty());
}

TEST(AccentVariants, BoundsTheWorkOnLongWords) {
    std::size_t tries = 0;
    const auto counting = [&](const std::string&) {
        ++tries;
        return false;
    };
    accent_variants("eeeeeeeeeeeeeeeeeeee", kFrench, counting, 500); // 5^20 spellings exist
    EXPECT_LE(tries, 500U);
}

using WordCountsTest = atk::test::ScratchDirTest;

TEST_F(WordCountsTest, ReadsWordsAndCounts) {
    const auto counts = atk::spell::WordCounts::load(write("fr.counts", "même\t777\nmème\t2\n"));
    EXPECT_EQ(counts.size(), 2U);
    EXPECT_EQ(counts.count("même"), 777U);
    EXPECT_EQ(counts.count("absent"), 0U);
}

TEST_F(WordCountsTest, MalformedLinesAreErrorsWithTheLine) {
    try {
        atk::spell::WordCounts::load(write("bad.counts", "même\t777\nmème two\n"));
        FAIL() << "expected an InputError";
    } catch (const atk::InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("bad.counts:2: expected WORD<TAB>COUNT"));
    }
    EXPECT_THROW(atk::spell::WordCounts::load(dir_ / "missing.counts"), atk::InputError);
}
