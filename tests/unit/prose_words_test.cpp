#include "text/document.hpp"
#include "text/prose_words.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using atk::text::is_technical_token;
using testing::ElementsAre;
using testing::IsEmpty;

namespace {

/// Each candidate as its text; compounds as "part+part".
std::vector<std::string> candidates(std::string_view text) {
    atk::text::Segmenter segmenter("en-US");
    const auto words = segmenter.words(text);
    std::vector<std::string> out;
    for (const auto& candidate : atk::text::spelling_candidates(text, words)) {
        std::string joined;
        for (std::size_t i = candidate.first_word; i < candidate.first_word + candidate.word_count;
             ++i) {
            const auto& part = words[i].span;
            joined += (joined.empty() ? "" : "+") +
                      std::string(text.substr(part.begin, part.end - part.begin));
        }
        EXPECT_EQ(candidate.span.begin, words[candidate.first_word].span.begin);
        out.push_back(joined);
    }
    return out;
}

} // namespace

TEST(TechnicalTokens, IdentifiersAreNotProse) {
    for (const char* token : {"getUserName", "iPhone", "order_id", "config.yaml", "v2", "10ms",
                              "API", "APIs", "GDPR", "HTTP2", "x86"}) {
        EXPECT_TRUE(is_technical_token(token)) << token;
    }
}

TEST(TechnicalTokens, OrdinaryWordsAreProse) {
    for (const char* token :
         {"receive", "Receive", "don't", "I", "A", "Straße", "évènement",
          "McDonald's" /* capitals, but no lower-to-upper hump after the first */}) {
        EXPECT_EQ(is_technical_token(token), std::string_view(token) == "McDonald's") << token;
    }
}

TEST(SpellingCandidates, LeaveOutUrlsEmailsAndPaths) {
    EXPECT_THAT(candidates("Open https://exmaple.com/paymnet?x=1, mail bob@exmaple.org or read "
                           "/var/log/paymnet.log and ./scripts/run and C:\\Temp\\fille now."),
                ElementsAre("Open", "mail", "or", "read", "and", "and", "now"));
    EXPECT_THAT(candidates("Visit www.exmaple.com today."), ElementsAre("Visit", "today"));
}

TEST(SpellingCandidates, LeaveOutIdentifiersAcronymsNumbersAndTags) {
    EXPECT_THAT(
        candidates("Call getUserName with order_id on v2.3.1 via the API in 200ms, @bobb #tagg"),
        ElementsAre("Call", "with", "on", "via", "the", "in"));
}

TEST(SpellingCandidates, LeaveOutWordsGluedToStandIns) {
    const std::string text = std::string("the ") + std::string(atk::text::kStandIn) + "s list";
    EXPECT_THAT(candidates(text), ElementsAre("the", "list"));
}

TEST(SpellingCandidates, GroupHyphenatedCompounds) {
    EXPECT_THAT(candidates("A well-known real-time e-mail."),
                ElementsAre("A", "well+known", "real+time", "e+mail"));
    // A technical part leaves the prose parts to be checked alone.
    EXPECT_THAT(candidates("COVID-19 and JSON-based input"), ElementsAre("and", "based", "input"));
}

TEST(SpellingCandidates, SlashSeparatedWordsAreStillProse) {
    EXPECT_THAT(candidates("input/output and/or"), ElementsAre("input", "output", "and", "or"));
}

TEST(SpellingCandidates, NothingInNothingOut) {
    EXPECT_THAT(candidates(""), IsEmpty());
}
