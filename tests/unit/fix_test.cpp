#include "fix.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using atk::Alert;
using atk::apply_confident_fixes;

namespace {

Alert typo(std::size_t begin, std::size_t end, std::vector<std::string> replacements,
           double confidence) {
    Alert alert;
    alert.begin = begin;
    alert.end = end;
    alert.category = "TYPOS";
    alert.replacements = std::move(replacements);
    alert.confidence = confidence;
    return alert;
}

} // namespace

TEST(ApplyConfidentFixes, ReplacesOnlyConfidentTypos) {
    const std::string text = "We recieve teh paymnet.";
    const auto result =
        apply_confident_fixes(text,
                              {typo(3, 10, {"receive"}, 0.95), typo(11, 14, {"the", "ten"}, 0.5),
                               typo(15, 22, {"payment"}, 0.9)},
                              0.9);
    EXPECT_EQ(result.text, "We receive teh payment.");
    ASSERT_EQ(result.applied.size(), 2U);
    EXPECT_EQ(result.applied[0].original, "recieve");
    EXPECT_EQ(result.applied[1].replacement, "payment");
    ASSERT_EQ(result.remaining.size(), 1U);
    EXPECT_EQ(result.remaining[0].begin, 11U);
}

TEST(ApplyConfidentFixes, LeavesOtherCategoriesAndEmptySuggestionsAlone) {
    Alert style = typo(0, 2, {"Us"}, 1.0);
    style.category = "STYLE";
    const auto result = apply_confident_fixes("We go", {style, typo(3, 5, {}, 1.0)}, 0.5);
    EXPECT_EQ(result.text, "We go");
    EXPECT_TRUE(result.applied.empty());
    EXPECT_EQ(result.remaining.size(), 2U);
}

TEST(ApplyConfidentFixes, SkipsOverlapsAndKeepsTheRestOfTheText) {
    const auto result =
        apply_confident_fixes("abcdef", {typo(0, 3, {"X"}, 1), typo(2, 4, {"Y"}, 1)}, 0.5);
    EXPECT_EQ(result.text, "Xdef");
    EXPECT_EQ(result.remaining.size(), 1U);
    EXPECT_EQ(apply_confident_fixes("", {}, 0.5).text, "");
}
