#include "error.hpp"
#include "scratch_dir.hpp"
#include "spell/ranker.hpp"
#include "spell/suggestion_index.hpp"
#include "spell/typo_model.hpp"
#include "text/casing.hpp"

#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

using atk::spell::fold;
using atk::spell::Ranker;
using atk::spell::SuggestionIndex;
using atk::spell::typo_cost;
using testing::ElementsAre;
using testing::HasSubstr;

TEST(TypoModel, FoldsCaseOverCodePoints) {
    EXPECT_EQ(fold("ReCieve"), U"recieve");
    EXPECT_EQ(fold("ÉTÉ"), U"été");
}

TEST(TypoModel, EditDistanceStopsAtTheLimit) {
    EXPECT_EQ(atk::spell::edit_distance(U"recieve", U"receive", 2), 1); // one transposition
    EXPECT_EQ(atk::spell::edit_distance(U"abc", U"abc", 2), 0);
    EXPECT_EQ(atk::spell::edit_distance(U"a", U"abcdef", 2), 3); // length alone exceeds it
    EXPECT_EQ(atk::spell::edit_distance(U"kitten", U"sitting", 2), 3);
}

TEST(TypoModel, CommonSlipsCostLessThanArbitraryEdits) {
    EXPECT_LT(typo_cost(U"recieve", U"receive"), 1.0);       // swapped pair
    EXPECT_LT(typo_cost(U"acomodate", U"accommodate"), 1.0); // two undoubled letters
    EXPECT_LT(typo_cost(U"tge", U"the"), 1.0);               // neighbouring key
    EXPECT_LT(typo_cost(U"evenement", U"événement"), 0.5);   // missing accents
    EXPECT_GT(typo_cost(U"xat", U"cat"),
              typo_cost(U"cxt", U"cat")); // first letters are rarely wrong
    EXPECT_GT(typo_cost(U"cpt", U"cat"),
              typo_cost(U"cst", U"cat")); // p is far from a; s is next to it
    EXPECT_LT(typo_cost(U"cat", U"cat"), 0.001);
    EXPECT_DOUBLE_EQ(typo_cost(U"cpt", U"cat"), 1.0); // an arbitrary substitution
    EXPECT_LT(typo_cost(U"cut", U"cat"), 1.0);        // a vowel for a vowel
}

TEST(TypoModel, SoundKeysMatchWordsThatSoundAlike) {
    using atk::spell::sound_key;
    EXPECT_EQ(sound_key(U"semetary"), sound_key(U"cemetery"));
    EXPECT_EQ(sound_key(U"fone"), sound_key(U"phone"));
    EXPECT_EQ(sound_key(U"kwik"), sound_key(U"quick"));
    EXPECT_EQ(sound_key(U"rite"), sound_key(U"write"));
    EXPECT_NE(sound_key(U"cat"), sound_key(U"dog"));
    EXPECT_EQ(sound_key(U""), U"");
}

TEST(Casing, RecognisesAndAppliesCase) {
    using atk::text::Casing;
    EXPECT_EQ(atk::text::casing_of("receive"), Casing::lower);
    EXPECT_EQ(atk::text::casing_of("Receive"), Casing::capitalised);
    EXPECT_EQ(atk::text::casing_of("RECEIVE"), Casing::upper);
    EXPECT_EQ(atk::text::casing_of("iPhone"), Casing::mixed);
    EXPECT_EQ(atk::text::casing_of("Été"), Casing::capitalised);
    EXPECT_EQ(atk::text::to_upper("straße"), "STRASSE");
    EXPECT_EQ(atk::text::capitalise("été"), "Été");
}

namespace {

class SuggestionIndexTest : public atk::test::ScratchDirTest {
  protected:
    std::unique_ptr<SuggestionIndex> build(std::vector<SuggestionIndex::Form> forms) {
        const auto path = dir_ / "test.index";
        SuggestionIndex::write(std::move(forms), path);
        return SuggestionIndex::open(path);
    }

    static std::vector<std::string> words_of(const SuggestionIndex& index,
                                             const std::vector<std::uint32_t>& ids) {
        std::vector<std::string> out;
        for (const auto id : ids) {
            out.emplace_back(index.word(id));
        }
        std::sort(out.begin(), out.end());
        return out;
    }
};

} // namespace

TEST_F(SuggestionIndexTest, FindsEveryFormWithinTwoEdits) {
    const auto index =
        build({{"receive", 10}, {"relieve", 5}, {"recipe", 3}, {"banana", 1}, {"receive", 10}});
    EXPECT_EQ(index->size(), 4U); // the duplicate is dropped
    std::vector<std::uint32_t> ids;
    index->candidates(fold("recieve"), ids);
    const auto found = words_of(*index, ids);
    EXPECT_THAT(found, testing::Contains("receive"));
    EXPECT_THAT(found, testing::Contains("relieve"));
    EXPECT_THAT(found, testing::Not(testing::Contains("banana")));
}

TEST_F(SuggestionIndexTest, FindsExactFoldedFormsAndKeepsFrequencies) {
    const auto index = build({{"Paris", 50}, {"paris", 1}, {"lot", 100}});
    const auto paris = index->find(fold("PARIS"));
    ASSERT_TRUE(paris.has_value());
    EXPECT_EQ(index->word(*paris), "Paris"); // the more frequent of the two
    EXPECT_FALSE(index->find(fold("lots")).has_value());
    EXPECT_GT(index->log_frequency(*index->find(fold("lot"))), index->log_frequency(*paris));
}

TEST_F(SuggestionIndexTest, RejectsMissingTruncatedAndForeignFiles) {
    EXPECT_THROW(SuggestionIndex::open(dir_ / "missing.index"), atk::InputError);
    const auto path = dir_ / "bad.index";
    SuggestionIndex::write({{"word", 1}}, path);
    std::filesystem::resize_file(path, std::filesystem::file_size(path) - 8);
    try {
        SuggestionIndex::open(path);
        FAIL() << "a truncated index must not open";
    } catch (const atk::InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("truncated or damaged; rebuild it"));
    }
    write("foreign.index", std::string(200, 'x'));
    EXPECT_THROW(SuggestionIndex::open(dir_ / "foreign.index"), atk::InputError);
}

TEST_F(SuggestionIndexTest, RankerPrefersCommonWordsAndCheapSlips) {
    const auto index = build({{"the", 1000},
                              {"ten", 50},
                              {"tea", 20},
                              {"thee", 2},
                              {"cold", 100},
                              {"cord", 100},
                              {"a", 5000},
                              {"lot", 400},
                              {"alto", 3},
                              {"Tehran", 30}});
    const Ranker ranker(*index);
    EXPECT_EQ(ranker.rank("teh", 5).words.front(), "the");
    EXPECT_EQ(ranker.rank("cld", 5).words.front(), "cold");   // one missed key beats two slips
    EXPECT_EQ(ranker.rank("alot", 5).words.front(), "a lot"); // a missing space
    const auto ranked = ranker.rank("teh", 3);
    EXPECT_EQ(ranked.words.size(), 3U);
    EXPECT_GT(ranked.confidence, 0.5);
    EXPECT_LE(ranked.confidence, 1.0);
    EXPECT_TRUE(ranker.rank("zzzzzzz", 5).words.empty());
    EXPECT_EQ(ranker.rank("zzzzzzz", 5).confidence, 0.0);
}

TEST_F(SuggestionIndexTest, RankerReachesThreeEditsForLongWordsWhenNothingCloserFits) {
    const auto index = build({{"necessary", 500}, {"nearer", 100}, {"cat", 100}});
    const Ranker ranker(*index);
    const auto far = ranker.rank("nessasary", 5);
    ASSERT_FALSE(far.words.empty());
    EXPECT_EQ(far.words.front(), "necessary");        // three edits away
    EXPECT_TRUE(ranker.rank("dog", 5).words.empty()); // three edits from "cat": too short to reach
}

TEST_F(SuggestionIndexTest, FindsFormsThatSoundAlikeHoweverFarApart) {
    const auto index = build({{"immediately", 500}, {"imitate", 50}, {"night", 300}, {"cat", 1}});
    std::vector<std::uint32_t> ids;
    index->sounding_like(fold("imidatly"), ids); // four edits from immediately
    EXPECT_THAT(words_of(*index, ids), testing::Contains("immediately"));
    EXPECT_THAT(words_of(*index, ids), testing::Not(testing::Contains("imitate")));

    const Ranker ranker(*index);
    EXPECT_EQ(ranker.rank("imidatly", 5).words.front(), "immediately");
    EXPECT_EQ(ranker.rank("nite", 5).words.front(), "night"); // three edits, a short word
    // Sounding alike does not stretch the reach of words that do not.
    EXPECT_THAT(ranker.rank("imidatly", 5).words, testing::Not(testing::Contains("cat")));
}

TEST_F(SuggestionIndexTest, FarLessLikelyCandidatesAreLeftOut) {
    const auto index = build({{"payment", 5000}, {"payments", 800}, {"pimento", 2}});
    const Ranker ranker(*index);
    EXPECT_THAT(ranker.rank("paymnet", 5).words, testing::ElementsAre("payment", "payments"));
    EXPECT_THAT(ranker.rank("pimentto", 5).words, testing::Contains("pimento")); // alone, it stays
}

TEST_F(SuggestionIndexTest, AMissingSpaceSoundsLikeTheTwoWords) {
    // "alto" and "allot" sound like "alot" too; the split sounds exactly like it.
    const auto index = build({{"a", 100000}, {"lot", 3000}, {"alto", 300}, {"allot", 30}});
    EXPECT_EQ(Ranker(*index).rank("alot", 5).words.front(), "a lot");
}
