// The suggestion cache: what it keeps, what it keeps apart, and its bound.
#include "check.hpp"
#include "spell/suggestion_cache.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <thread>
#include <vector>

using atk::spell::Glossary;
using atk::spell::Lexicon;
using atk::spell::SuggestionCache;
using testing::Contains;
using testing::ElementsAre;
using testing::Not;

namespace {

Lexicon::Suggestions suggestions(std::vector<std::string> words) {
    return {std::move(words), 0.5};
}

const Glossary kNoGlossary;

} // namespace

TEST(SuggestionCache, KeepsWhatWasInsertedUnderItsScope) {
    const SuggestionCache cache(100);
    const auto scope = SuggestionCache::scope("en-US", kNoGlossary, 5);
    EXPECT_FALSE(cache.find(scope, "recieve"));
    cache.insert(scope, "recieve", suggestions({"receive", "relieve"}));
    const auto found = cache.find(scope, "recieve");
    ASSERT_TRUE(found);
    EXPECT_THAT(found->words, ElementsAre("receive", "relieve"));
    EXPECT_EQ(found->confidence, 0.5);
    EXPECT_FALSE(cache.find(scope, "recieved"));
}

TEST(SuggestionCache, LanguageGlossaryAndCountAreApart) {
    Glossary glossary;
    glossary.add("Acmesoft");
    Glossary other;
    other.add("Acmezon");
    const auto base = SuggestionCache::scope("en-US", kNoGlossary, 5);
    const SuggestionCache cache(100);
    cache.insert(base, "acmesof", suggestions({"acme"}));
    for (const auto& scope :
         {SuggestionCache::scope("en-GB", kNoGlossary, 5),
          SuggestionCache::scope("en-US", glossary, 5), SuggestionCache::scope("en-US", other, 5),
          SuggestionCache::scope("en-US", kNoGlossary, 3)}) {
        EXPECT_NE(scope, base);
        EXPECT_FALSE(cache.find(scope, "acmesof")) << scope;
    }
    EXPECT_EQ(SuggestionCache::scope("en-US", glossary, 5),
              SuggestionCache::scope("en-US", glossary, 5));
}

TEST(SuggestionCache, HoldsNoMoreThanItsCapacityAndKeepsTheLatest) {
    const SuggestionCache cache(64);
    const auto scope = SuggestionCache::scope("en-US", kNoGlossary, 5);
    for (int i = 0; i < 1000; ++i) {
        cache.insert(scope, "word" + std::to_string(i), suggestions({"w"}));
    }
    int kept = 0;
    for (int i = 0; i < 1000; ++i) {
        kept += cache.find(scope, "word" + std::to_string(i)).has_value() ? 1 : 0;
    }
    EXPECT_LE(kept, 64);
    EXPECT_GT(kept, 0);
    EXPECT_TRUE(cache.find(scope, "word999"));
}

TEST(SuggestionCache, TheLeastRecentlyUsedGoesFirst) {
    const SuggestionCache cache(2, 1); // one shard of two
    const auto scope = SuggestionCache::scope("en-US", kNoGlossary, 5);
    cache.insert(scope, "older", suggestions({"o"}));
    cache.insert(scope, "newer", suggestions({"n"}));
    EXPECT_TRUE(cache.find(scope, "older")); // now the most recently used
    cache.insert(scope, "third", suggestions({"t"}));
    EXPECT_TRUE(cache.find(scope, "older"));
    EXPECT_FALSE(cache.find(scope, "newer"));
    EXPECT_TRUE(cache.find(scope, "third"));
}

TEST(SuggestionCache, CapacityZeroKeepsNothing) {
    const SuggestionCache cache(0);
    const auto scope = SuggestionCache::scope("en-US", kNoGlossary, 5);
    cache.insert(scope, "recieve", suggestions({"receive"}));
    EXPECT_FALSE(cache.find(scope, "recieve"));
}

TEST(SuggestionCache, ManyThreadsAtOnce) {
    const SuggestionCache cache(256);
    const auto scope = SuggestionCache::scope("en-US", kNoGlossary, 5);
    std::vector<std::jthread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&cache, &scope, t] {
            for (int i = 0; i < 2000; ++i) {
                const std::string word = "w" + std::to_string((i * 7 + t) % 500);
                if (const auto found = cache.find(scope, word)) {
                    EXPECT_THAT(found->words, ElementsAre(word + "!"));
                } else {
                    cache.insert(scope, word, suggestions({word + "!"}));
                }
            }
        });
    }
}

TEST(SuggestionCache, ACheckerWithACacheAnswersAsOneWithout) {
    atk::CheckerConfig config;
    config.data_directory = ATK_BUILD_DATA_DIR;
    const atk::Checker plain(config);
    config.suggestion_cache = 1000;
    const atk::Checker cached(config);
    atk::CheckOptions options;
    options.language = "en-US";
    const std::string text = "The sytem shall recieve the Acmesof file and recieve it again.";
    const auto replacements = [&](const atk::Checker& checker) {
        std::vector<std::vector<std::string>> all;
        for (const auto& alert : checker.check(text, options).alerts) {
            all.push_back(alert.replacements);
        }
        return all;
    };
    const auto expected = replacements(plain);
    EXPECT_EQ(replacements(cached), expected); // filled
    EXPECT_EQ(replacements(cached), expected); // from the cache
    // A glossary changes the suggestions: the cached ones without it must not be served.
    Glossary glossary;
    glossary.add("Acmesoft");
    options.glossary = &glossary;
    const auto with_glossary = replacements(cached);
    EXPECT_EQ(with_glossary, replacements(plain));
    EXPECT_THAT(with_glossary, Contains(Contains("Acmesoft")));
    EXPECT_THAT(expected, Not(Contains(Contains("Acmesoft"))));
    EXPECT_EQ(cached.suggest("recieve", "en-US", nullptr, 5).words,
              plain.suggest("recieve", "en-US", nullptr, 5).words);
}
