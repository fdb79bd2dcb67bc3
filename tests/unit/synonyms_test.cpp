// Synonyms a writer can use in a word's place: repeats, antonyms and the word itself dropped,
// the sense of the word's use first, each synonym in the word's form (describes -> depicts).
// The first tests build the senses by hand; the last ones use the installed thesauri and
// Apertium data through the checker, as the server does.
#include "build_checker.hpp"
#include "error.hpp"
#include "morphology/morphology.hpp"
#include "scratch_dir.hpp"
#include "text/casing.hpp"
#include "thesaurus/parts_of_speech.hpp"
#include "thesaurus/synonyms.hpp"

#include <algorithm>
#include <atomic>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

using atk::Checker;
using atk::InputError;
using atk::morphology::Reading;
using atk::thesaurus::OfferedSynonym;
using atk::thesaurus::PartOfSpeech;
using atk::thesaurus::Sense;
using atk::thesaurus::WordUse;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;

namespace {

/// A sense of `lemma` with `words` as the thesaurus writes them ("slow (antonym)" gives the
/// relation in brackets).
Sense sense(std::string part_of_speech, std::string lemma, std::vector<std::string> words) {
    Sense made{std::move(part_of_speech), std::move(lemma), false, {}};
    for (auto& word : words) {
        std::string relation;
        if (const auto open = word.find(" ("); open != std::string::npos) {
            relation = word.substr(open + 2, word.size() - open - 3);
            word.resize(open);
        }
        made.synonyms.push_back({word, word, relation});
    }
    return made;
}

std::vector<std::string> words_of(const Sense& sense) {
    std::vector<std::string> words;
    for (const auto& synonym : sense.synonyms) {
        words.push_back(synonym.word);
    }
    return words;
}

std::vector<std::string> parts_of(const std::vector<Sense>& senses) {
    std::vector<std::string> parts;
    for (const auto& s : senses) {
        parts.push_back(s.part_of_speech);
    }
    return parts;
}

/// Every word offered, in order.
std::vector<std::string> all_words(const std::vector<Sense>& senses) {
    std::vector<std::string> words;
    for (const auto& s : senses) {
        const auto more = words_of(s);
        words.insert(words.end(), more.begin(), more.end());
    }
    return words;
}

/// A generator that knows the forms listed ("depict<vblex><pri><p3><sg>" -> "depicts") and
/// remembers what it was asked.
struct FakeGenerator {
    std::map<std::string, std::string> known;
    std::vector<std::string> asked;

    static std::string key(const Reading& form) {
        std::string text = form.lemma;
        for (const auto& tag : form.tags) {
            text += "<" + tag + ">";
        }
        return text;
    }

    atk::thesaurus::Generator generator() {
        return [this](const std::vector<Reading>& forms) {
            std::vector<std::optional<std::string>> out;
            for (const auto& form : forms) {
                asked.push_back(key(form));
                const auto found = known.find(key(form));
                out.push_back(found == known.end() ? std::nullopt
                                                   : std::optional<std::string>(found->second));
            }
            return out;
        };
    }
};

const Reading kDescribes{"describe", {"vblex", "pri", "p3", "sg"}};

} // namespace

TEST(PartsOfSpeech, ApertiumTagsByTheirFirstTag) {
    EXPECT_EQ(atk::thesaurus::from_apertium_tags({"vblex", "pri", "p3", "sg"}), PartOfSpeech::verb);
    EXPECT_EQ(atk::thesaurus::from_apertium_tags({"vbser", "inf"}), PartOfSpeech::verb);
    EXPECT_EQ(atk::thesaurus::from_apertium_tags({"n", "pl"}), PartOfSpeech::noun);
    EXPECT_EQ(atk::thesaurus::from_apertium_tags({"adj", "sint"}), PartOfSpeech::adjective);
    EXPECT_EQ(atk::thesaurus::from_apertium_tags({"adv"}), PartOfSpeech::adverb);
    EXPECT_EQ(atk::thesaurus::from_apertium_tags({"sent"}), PartOfSpeech::none);
    EXPECT_EQ(atk::thesaurus::from_apertium_tags({}), PartOfSpeech::none);
}

TEST(PartsOfSpeech, EachThesaurusLabelling) {
    using atk::thesaurus::from_thesaurus_label;
    EXPECT_THAT(from_thesaurus_label("noun"), ElementsAre(PartOfSpeech::noun));
    EXPECT_THAT(from_thesaurus_label("adj"), ElementsAre(PartOfSpeech::adjective));
    EXPECT_THAT(from_thesaurus_label("Adjectif Nom Verbe"),
                ElementsAre(PartOfSpeech::adjective, PartOfSpeech::noun, PartOfSpeech::verb));
    EXPECT_THAT(from_thesaurus_label("Adverbe"), ElementsAre(PartOfSpeech::adverb));
    EXPECT_THAT(from_thesaurus_label("m. fig."), ElementsAre(PartOfSpeech::noun));
    EXPECT_THAT(from_thesaurus_label("intr.-prnl."), ElementsAre(PartOfSpeech::verb));
    EXPECT_THAT(from_thesaurus_label("tr."), ElementsAre(PartOfSpeech::verb));
    EXPECT_THAT(from_thesaurus_label("adj."), ElementsAre(PartOfSpeech::adjective));
    EXPECT_THAT(from_thesaurus_label("-"), IsEmpty());
    EXPECT_THAT(from_thesaurus_label("?"), IsEmpty());
    EXPECT_THAT(from_thesaurus_label(""), IsEmpty());
}

TEST(DropRepeats, KeepsTheFirstOfEachWordWhateverItsCaseAcrossSenses) {
    std::vector<Sense> senses{sense("adj", "fast", {"quick", "speedy", "Quick", "speedy"}),
                              sense("adj", "fast", {"speedy", "rapid", "QUICK"})};
    atk::thesaurus::drop_repeats(senses, {"fast", {}, false});
    ASSERT_EQ(senses.size(), 2U);
    EXPECT_THAT(words_of(senses[0]), ElementsAre("quick", "speedy"));
    EXPECT_THAT(words_of(senses[1]), ElementsAre("rapid"));
}

TEST(DropRepeats, DropsAntonymsTheWordItselfItsLemmaAndSensesLeftEmpty) {
    std::vector<Sense> senses{
        sense("adj", "describe", {"slow (antonym)"}),
        sense("verb", "describe",
              {"Describes", "describe", "depict", "draw (similar term)", "slow (antonym)"})};
    atk::thesaurus::drop_repeats(senses, {"describes", {kDescribes}, true});
    ASSERT_EQ(senses.size(), 1U);
    EXPECT_EQ(senses[0].part_of_speech, "verb");
    EXPECT_THAT(words_of(senses[0]), ElementsAre("depict", "draw"));
    EXPECT_EQ(senses[0].synonyms[1].relation, "similar term"); // other relations stay
}

TEST(OrderByContext, TheSensesOfTheWordsUseComeFirstTheRestInOrder) {
    const std::vector<Sense> thesaurus_order{
        sense("adj", "clear", {"open"}), sense("verb", "clear", {"empty"}),
        sense("adj", "clear", {"readable"}), sense("verb", "clear", {"acquit"})};
    const WordUse as_verb{"clear", {{"clear", {"vblex", "inf"}}, {"clear", {"adj", "sint"}}}, true};
    auto senses = thesaurus_order;
    atk::thesaurus::order_by_context(senses, as_verb);
    EXPECT_THAT(parts_of(senses), ElementsAre("verb", "verb", "adj", "adj"));
    EXPECT_THAT(words_of(senses[0]), ElementsAre("empty")); // stable within each group
    EXPECT_THAT(words_of(senses[2]), ElementsAre("open"));
    EXPECT_TRUE(senses[0].matches_context && senses[1].matches_context);
    EXPECT_FALSE(senses[2].matches_context || senses[3].matches_context);

    const WordUse as_adjective{
        "clear", {{"clear", {"adj", "sint"}}, {"clear", {"vblex", "inf"}}}, true};
    senses = thesaurus_order;
    atk::thesaurus::order_by_context(senses, as_adjective);
    EXPECT_THAT(parts_of(senses), ElementsAre("adj", "adj", "verb", "verb"));
}

TEST(OrderByContext, WithoutAContextTheThesaurusOrderStaysAndNothingMatches) {
    auto senses =
        std::vector<Sense>{sense("adj", "clear", {"open"}), sense("verb", "clear", {"empty"})};
    atk::thesaurus::order_by_context(senses, {"clear", {{"clear", {"vblex", "inf"}}}, false});
    EXPECT_THAT(parts_of(senses), ElementsAre("adj", "verb"));
    EXPECT_FALSE(senses[0].matches_context || senses[1].matches_context);
}

TEST(OrderByContext, ASenseOfAnotherLemmaOrWithoutALabelDoesNotMatch) {
    auto senses =
        std::vector<Sense>{sense("-", "rápido", {"veloz"}), sense("verb", "found", {"establish"}),
                           sense("verb", "find", {"discover"})};
    atk::thesaurus::order_by_context(senses, {"found", {{"find", {"vblex", "pp"}}}, true});
    EXPECT_THAT(parts_of(senses), ElementsAre("verb", "-", "verb"));
    EXPECT_EQ(senses[0].lemma, "find");
    EXPECT_FALSE(senses[1].matches_context || senses[2].matches_context);
}

TEST(Inflect, EachSynonymTakesTheWordsFormItsLemmaKept) {
    FakeGenerator generator{{{"depict<vblex><pri><p3><sg>", "depicts"}}, {}};
    std::vector<Sense> senses{sense("verb", "describe", {"depict", "zzz"})};
    atk::thesaurus::inflect(senses, {"describes", {kDescribes}, true}, generator.generator());
    ASSERT_EQ(senses[0].synonyms.size(), 1U); // zzz cannot be inflected, so it is dropped
    EXPECT_EQ(senses[0].synonyms[0].word, "depicts");
    EXPECT_EQ(senses[0].synonyms[0].lemma, "depict");
}

TEST(Inflect, AMultiwordVerbInflectsItsFirstWord) {
    FakeGenerator generator{{{"set<vblex><pri><p3><sg>", "sets"}}, {}};
    std::vector<Sense> senses{sense("verb", "describe", {"set forth"})};
    atk::thesaurus::inflect(senses, {"describes", {kDescribes}, true}, generator.generator());
    EXPECT_THAT(words_of(senses[0]), ElementsAre("sets forth"));
    EXPECT_THAT(generator.asked,
                ElementsAre("set forth<vblex><pri><p3><sg>", "set<vblex><pri><p3><sg>"));
}

TEST(Inflect, ASynonymThatCannotBeInflectedIsKeptWhenTheWordIsInItsDictionaryForm) {
    FakeGenerator generator{{{"quick<adj><sint>", "quick"}}, {}};
    std::vector<Sense> senses{sense("adj", "fast", {"quick", "rapid", "fast-paced"})};
    atk::thesaurus::inflect(senses, {"fast", {{"fast", {"adj", "sint"}}}, true},
                            generator.generator());
    EXPECT_THAT(words_of(senses[0]), ElementsAre("quick", "rapid", "fast-paced"));
}

TEST(Inflect, ASenseOfAPartOfSpeechTheWordDoesNotHaveIsKeptOnlyForADictionaryForm) {
    FakeGenerator generator{{{"fasting<n><pl>", "fastings"}}, {}};
    const WordUse fasts{"fasts", {{"fast", {"n", "pl"}}}, false};
    std::vector<Sense> senses{sense("verb", "fast", {"abstain"}),
                              sense("noun", "fast", {"fasting"})};
    atk::thesaurus::inflect(senses, fasts, generator.generator());
    EXPECT_THAT(words_of(senses[0]), IsEmpty()); // abstain would not fit where "fasts" is
    EXPECT_THAT(words_of(senses[1]), ElementsAre("fastings"));
}

TEST(Inflect, ANounKeepsItsOwnGenderAnAdjectiveTakesTheCommonOne) {
    FakeGenerator generator{{{"mandato<n><m><pl>", "mandatos"},
                             {"veloz<adj><mf><pl>", "veloces"},
                             {"ligero<adj><m><pl>", "ligeros"}},
                            {}};
    std::vector<Sense> nouns{sense("-", "orden", {"mandato"})};
    atk::thesaurus::inflect(nouns, {"órdenes", {{"orden", {"n", "f", "pl"}}}, true},
                            generator.generator());
    EXPECT_THAT(words_of(nouns[0]), ElementsAre("mandatos"));
    std::vector<Sense> adjectives{sense("-", "rápido", {"veloz", "ligero", "presto"})};
    atk::thesaurus::inflect(adjectives, {"rápidos", {{"rápido", {"adj", "m", "pl"}}}, true},
                            generator.generator());
    EXPECT_THAT(words_of(adjectives[0]), ElementsAre("veloces", "ligeros"));
    // An adjective's other gender would not agree with its noun: never tried.
    EXPECT_THAT(generator.asked, testing::Not(testing::Contains("presto<adj><f><pl>")));
}

TEST(Inflect, TheWordsCaseIsGivenToEverySynonym) {
    FakeGenerator generator{{{"depict<vblex><pri><p3><sg>", "depicts"}}, {}};
    std::vector<Sense> senses{sense("verb", "describe", {"depict"})};
    atk::thesaurus::inflect(senses, {"Describes", {kDescribes}, true}, generator.generator());
    EXPECT_THAT(words_of(senses[0]), ElementsAre("Depicts"));
    senses = {sense("adj", "fast", {"quick"})};
    atk::thesaurus::inflect(senses, {"FAST", {}, false}, {});
    EXPECT_THAT(words_of(senses[0]), ElementsAre("QUICK"));
}

TEST(Inflect, WhatAGeneratorLeavesUnansweredIsNotGenerated) {
    const atk::thesaurus::Generator short_answers = [](const std::vector<Reading>&) {
        return std::vector<std::optional<std::string>>{"depicts"}; // one answer for two forms
    };
    std::vector<Sense> senses{sense("verb", "describe", {"depict", "draw"})};
    atk::thesaurus::inflect(senses, {"describes", {kDescribes}, true}, short_answers);
    EXPECT_THAT(words_of(senses[0]), ElementsAre("depicts")); // draw: no form, so left out
}

TEST(Inflect, WithoutAGeneratorSynonymsStayAsWritten) {
    std::vector<Sense> senses{sense("-", "schnell", {"rasch", "zügig"})};
    atk::thesaurus::inflect(senses, {"schnell", {}, false}, {});
    EXPECT_THAT(words_of(senses[0]), ElementsAre("rasch", "zügig"));
}

// The installed data, through the checker.

namespace {

const Checker& checker() {
    return atk::test::build_checker();
}

std::vector<Sense> synonyms(std::string_view word, std::string_view language,
                            std::string_view sentence = {},
                            std::optional<std::size_t> offset = std::nullopt) {
    return checker().synonyms(word, language, {sentence, offset});
}

void expect_no_repeats(const std::vector<Sense>& senses) {
    std::set<std::string> seen;
    for (const auto& word : all_words(senses)) {
        EXPECT_TRUE(seen.insert(atk::text::to_lower(word)).second) << word << " offered twice";
    }
}

} // namespace

TEST(Synonyms, FastWithoutRepeatsAntonymsOrItself) {
    const auto senses = synonyms("fast", "en-US");
    ASSERT_FALSE(senses.empty());
    expect_no_repeats(senses);
    const auto words = all_words(senses);
    EXPECT_THAT(words, testing::Contains("quick"));
    EXPECT_THAT(words, testing::Not(testing::Contains("slow")));
    EXPECT_THAT(words, testing::Not(testing::Contains("fast")));
    for (const auto& s : senses) {
        EXPECT_FALSE(s.synonyms.empty());
        EXPECT_FALSE(s.matches_context); // no context
        EXPECT_EQ(s.lemma, "fast");
    }
    EXPECT_EQ(senses.front().part_of_speech, "adj"); // the thesaurus's order without a context
}

TEST(Synonyms, FastAsAnAdjectiveOrANounInItsSentence) {
    const auto adjective = synonyms("fast", "en-US", "The export shall be fast.");
    ASSERT_FALSE(adjective.empty());
    // Every adjective sense first, marked; the noun, verb and adverb senses after.
    const auto first_other = std::find_if(adjective.begin(), adjective.end(),
                                          [](const Sense& s) { return s.part_of_speech != "adj"; });
    ASSERT_NE(first_other, adjective.begin());
    EXPECT_TRUE(std::all_of(adjective.begin(), first_other,
                            [](const Sense& s) { return s.matches_context; }));
    EXPECT_TRUE(std::none_of(first_other, adjective.end(), [](const Sense& s) {
        return s.part_of_speech == "adj" || s.matches_context;
    }));

    const auto noun = synonyms("fast", "en-US", "The fast lasted a week.");
    ASSERT_FALSE(noun.empty());
    EXPECT_EQ(noun.front().part_of_speech, "noun");
    EXPECT_TRUE(noun.front().matches_context);
    EXPECT_THAT(words_of(noun.front()), testing::Contains("fasting"));
    EXPECT_EQ(
        std::count_if(noun.begin(), noun.end(), [](const Sense& s) { return s.matches_context; }),
        1);
}

TEST(Synonyms, ClearAsAnAdjectiveOrAVerbInItsSentence) {
    // Apertium's English knows no verb "fast": "clear" shows the adjective and the verb apart.
    const auto verb = synonyms("clear", "en-US", "The operator shall clear the alarm.");
    ASSERT_FALSE(verb.empty());
    EXPECT_EQ(verb.front().part_of_speech, "verb");
    const auto adjective = synonyms("clear", "en-US", "The message shall be clear.");
    ASSERT_FALSE(adjective.empty());
    EXPECT_EQ(adjective.front().part_of_speech, "adj");
    for (const auto* senses : {&verb, &adjective}) {
        const auto first_other = std::find_if(senses->begin(), senses->end(),
                                              [](const Sense& s) { return !s.matches_context; });
        EXPECT_TRUE(std::none_of(first_other, senses->end(),
                                 [](const Sense& s) { return s.matches_context; }));
        expect_no_repeats(*senses);
    }
}

TEST(Synonyms, DescribesIsLookedUpAsDescribeAndItsSynonymsInflected) {
    const std::string sentence = "The report describes the order.";
    const auto senses = synonyms("describes", "en-US", sentence, 11);
    ASSERT_FALSE(senses.empty());
    EXPECT_EQ(senses.front().lemma, "describe");
    EXPECT_TRUE(senses.front().matches_context);
    ASSERT_FALSE(senses.front().synonyms.empty());
    EXPECT_EQ(senses.front().synonyms.front().word, "depicts");
    EXPECT_EQ(senses.front().synonyms.front().lemma, "depict");
    const auto words = all_words(senses);
    EXPECT_THAT(words, testing::Contains("sets forth")); // a multiword verb, its verb inflected
    EXPECT_THAT(words, testing::Not(testing::Contains("depict")));
    EXPECT_THAT(words, testing::Not(testing::Contains("describe")));
    // The same without the offset (found by search) and without the context (analysed alone).
    EXPECT_EQ(all_words(synonyms("describes", "en-US", sentence)), words);
    EXPECT_EQ(synonyms("describes", "en-US").front().synonyms.front().word, "depicts");
    EXPECT_EQ(synonyms("Describes", "en-US", "Describes the order.").front().synonyms.front().word,
              "Depicts");
}

TEST(Synonyms, FrenchSynonymsTakeTheWordsForm) {
    const auto senses = synonyms("décrivaient", "fr-FR", "Elles décrivaient les commandes.");
    ASSERT_FALSE(senses.empty());
    EXPECT_EQ(senses.front().lemma, "décrire");
    EXPECT_EQ(senses.front().part_of_speech, "Verbe");
    EXPECT_TRUE(senses.front().matches_context);
    const auto words = all_words(senses);
    EXPECT_THAT(words, testing::Contains("racontaient"));
    EXPECT_THAT(words, testing::Contains("représentaient"));
    EXPECT_THAT(words, testing::Not(testing::Contains("raconter")));
}

TEST(Synonyms, SpanishSynonymsTakeTheWordsForm) {
    // The Spanish thesaurus is in ISO 8859-1: "rápidos" must reach it so and its words come
    // back as UTF-8.
    const auto senses = synonyms("rápidos", "es-ES", "Los sistemas son rápidos.");
    ASSERT_FALSE(senses.empty());
    EXPECT_EQ(senses.front().lemma, "rápido");
    const auto words = all_words(senses);
    EXPECT_THAT(words, testing::Contains("veloces")); // veloz: one form for both genders
    EXPECT_THAT(words, testing::Contains("ligeros"));
    EXPECT_THAT(words, testing::Not(testing::Contains("veloz")));
    expect_no_repeats(senses);
}

TEST(Synonyms, GermanIsLookedUpAsWrittenThenInLowerCase) {
    const auto senses = synonyms("Schnell", "de-DE", "Schnell läuft das System.");
    ASSERT_FALSE(senses.empty());
    EXPECT_EQ(senses.front().lemma, "Schnell");
    EXPECT_FALSE(senses.front().matches_context); // German has no analyser: no part of speech
    const auto words = all_words(senses);
    EXPECT_THAT(words, testing::Contains("Rasch")); // in the word's case
    EXPECT_THAT(words, testing::Not(testing::Contains("Schnell")));
    expect_no_repeats(senses);
    // No lemma: an inflected form the thesaurus does not list is not found.
    EXPECT_TRUE(synonyms("beschreibt", "de-DE").empty());
    EXPECT_FALSE(synonyms("beschreiben", "de-DE").empty());
}

TEST(Synonyms, LookupsFromManyThreadsAtOnceGetTheSameAnswers) {
    // As the server's workers ask: more threads than the two pipelines of each kind.
    const std::vector<std::pair<std::string, std::string>> asked{
        {"describes", "The report describes the order."},
        {"clear", "The operator shall clear the alarm."},
        {"fast", "The export shall be fast."}};
    std::vector<std::vector<std::string>> expected;
    for (const auto& [word, sentence] : asked) {
        expected.push_back(all_words(synonyms(word, "en-US", sentence)));
    }
    std::vector<std::thread> threads;
    std::atomic<int> different{0};
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i) {
                const std::size_t k = static_cast<std::size_t>(t + i) % asked.size();
                if (all_words(synonyms(asked[k].first, "en-US", asked[k].second)) != expected[k]) {
                    ++different;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(different, 0);
}

TEST(Synonyms, AnUnknownWordHasNone) {
    EXPECT_TRUE(synonyms("xyzzyq", "en-US").empty());
    EXPECT_TRUE(synonyms("xyzzyq", "en-US", "The xyzzyq runs.").empty());
}

TEST(Synonyms, BadOffsetsAreRefusedSayingWhy) {
    const std::string sentence = "The report describes the order.";
    const auto error_of = [&](std::string_view word, std::string_view text,
                              std::optional<std::size_t> offset) {
        try {
            synonyms(word, "en-US", text, offset);
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_THAT(error_of("describes", sentence, 99),
                HasSubstr("offset 99 is past the end of the context (31"));
    EXPECT_THAT(error_of("describes", sentence, 4),
                HasSubstr("does not hold 'describes' at offset 4 but 'report de'"));
    EXPECT_THAT(error_of("describes", "", 0), HasSubstr("an offset needs the context"));
    EXPECT_THAT(error_of("shipped", sentence, std::nullopt),
                HasSubstr("'shipped' does not occur in the context"));
    EXPECT_THAT(error_of("port", sentence, std::nullopt),
                HasSubstr("as a whole word")); // in "report"
    // UTF-16 code units: the emoji before "fast" counts two.
    EXPECT_THAT(error_of("fast", "\xF0\x9F\x9A\x80 fast", 1),
                HasSubstr("falls inside a character"));
    EXPECT_EQ(error_of("fast", "\xF0\x9F\x9A\x80 fast", 3), "no error");
    EXPECT_EQ(error_of("fast", "déjà fast", 5), "no error");
    EXPECT_THAT(error_of("", sentence, std::nullopt), HasSubstr("give the word"));
    EXPECT_THAT(error_of("fa\xFFst", "", std::nullopt),
                HasSubstr("invalid UTF-8 at byte 2 of the word"));
    EXPECT_THAT(error_of("fast", std::string("fast\0x", 6), std::nullopt),
                HasSubstr("NUL byte at byte 4"));
    EXPECT_THAT(error_of("fast", std::string(10'001, 'a'), std::nullopt),
                HasSubstr("at most 10000 bytes"));
    EXPECT_THAT(error_of(std::string(10'001, 'a'), "", std::nullopt),
                HasSubstr("the word is 10001 bytes long"));
}

TEST(Synonyms, WithoutApertiumDataTheWordIsLookedUpAsWrittenAndTheLogTold) {
    std::vector<std::string> warnings;
    atk::CheckerConfig config;
    config.data_directory = ATK_BUILD_DATA_DIR;
    config.apertium_modes_directory = "/nonexistent/modes";
    config.warn = [&](const std::string& message) { warnings.push_back(message); };
    const Checker bare(config);
    const auto senses = bare.synonyms("describes", "en-US");
    EXPECT_TRUE(senses.empty()); // the thesaurus has no entry "describes"
    const auto fast = bare.synonyms("fast", "en-US", {"The export shall be fast.", std::nullopt});
    ASSERT_FALSE(fast.empty());
    EXPECT_FALSE(fast.front().matches_context);
    expect_no_repeats(fast);
    ASSERT_EQ(warnings.size(), 1U); // once per language
    EXPECT_THAT(warnings[0],
                HasSubstr("en-US synonyms: no Apertium pair from English in /nonexistent/modes"));
}

TEST(Synonyms, NoThesaurusSaysWhichPackageToInstall) {
    atk::CheckerConfig config;
    config.data_directory = ATK_BUILD_DATA_DIR;
    config.thesaurus_directories = {"/nonexistent/mythes"};
    const Checker bare(config);
    try {
        bare.synonyms("rápido", "es-ES");
        FAIL() << "no error";
    } catch (const InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("no thesaurus is installed for es-ES; install mythes-es"));
    }
}

namespace {

class BrokenApertium : public atk::test::ScratchDirTest {};

} // namespace

TEST_F(BrokenApertium, AnAnalyserThatDiesDegradesToTheWordAsWrittenAndIsReported) {
    // Modes whose stages start but stop at once: their data files are missing.
    write("modes/eng-spa.mode", "lt-proc '" + (dir_ / "missing.automorf.bin").string() +
                                    "' | apertium-tagger -g $2 '" +
                                    (dir_ / "missing.prob").string() + "'\n");
    write("modes/spa-eng.mode", "lt-proc $1 '" + (dir_ / "missing.autogen.bin").string() + "'\n");
    std::vector<std::string> warnings;
    atk::CheckerConfig config;
    config.data_directory = ATK_BUILD_DATA_DIR;
    config.apertium_modes_directory = dir_ / "modes";
    config.warn = [&](const std::string& message) { warnings.push_back(message); };
    const Checker broken(config);
    for (int attempt = 0; attempt < 2; ++attempt) { // restarted, and failing again
        const auto fast = broken.synonyms("fast", "en-US", {"It is fast.", std::nullopt});
        ASSERT_FALSE(fast.empty());
        EXPECT_THAT(all_words(fast), testing::Contains("quick"));
        EXPECT_THAT(all_words(fast), testing::Not(testing::Contains("slow")));
    }
    ASSERT_EQ(warnings.size(), 2U);
    EXPECT_THAT(warnings[0], HasSubstr("en-US synonyms: the analyser failed"));
    EXPECT_THAT(warnings[0], HasSubstr("this lookup is made as written"));
}
