#include "check.hpp"
#include "error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <thread>

using atk::Checker;
using atk::CheckOptions;
using testing::Contains;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;

namespace {

/// One checker for the whole suite: dictionaries and suggestion indexes load once, as in
/// production.
const Checker& checker() {
    static const Checker instance([] {
        atk::CheckerConfig config;
        config.data_directory = ATK_BUILD_DATA_DIR;
        return config;
    }());
    return instance;
}

CheckOptions in(const std::string& language, const atk::spell::Glossary* glossary = nullptr) {
    CheckOptions options;
    options.language = language;
    options.glossary = glossary;
    return options;
}

/// The message of the InputError that checking `text` throws, or "(no error)".
std::string input_error(std::string_view text, const CheckOptions& options) {
    try {
        checker().check(text, options);
    } catch (const atk::InputError& e) {
        return e.what();
    }
    return "(no error)";
}

/// The flagged words of `text`, in order.
std::vector<std::string> flagged(std::string_view text, const CheckOptions& options) {
    std::vector<std::string> out;
    for (const auto& alert : checker().check(text, options).alerts) {
        out.emplace_back(text.substr(alert.begin, alert.end - alert.begin));
    }
    return out;
}

} // namespace

TEST(Check, FlagsMisspellingsWithRankedSuggestions) {
    const std::string text = "The systme shall recieve the paymnet.";
    const auto result = checker().check(text, in("en-US"));
    ASSERT_EQ(result.alerts.size(), 3U);
    const auto& first = result.alerts[0];
    EXPECT_EQ(text.substr(first.begin, first.end - first.begin), "systme");
    EXPECT_EQ(first.rule_id, "spelling");
    EXPECT_EQ(first.category, "TYPOS");
    EXPECT_EQ(first.severity, atk::Severity::error);
    EXPECT_THAT(first.message, HasSubstr("\"systme\""));
    EXPECT_EQ(first.replacements.front(), "system");
    EXPECT_EQ(result.alerts[1].replacements.front(), "receive");
    EXPECT_EQ(result.alerts[2].replacements.front(), "payment");
    EXPECT_EQ(result.words, 6U);
}

TEST(Check, KeepsTheCaseOfTheOriginal) {
    const auto result = checker().check("Recieve it.", in("en-US"));
    ASSERT_EQ(result.alerts.size(), 1U);
    EXPECT_EQ(result.alerts[0].replacements.front(), "Receive");
}

TEST(Check, CleanProseHasNoAlerts) {
    EXPECT_THAT(flagged("Users don't wait; the well-known e-mail arrives in real time, e.g. now.",
                        in("en-US")),
                IsEmpty());
    EXPECT_THAT(flagged("Users don\xE2\x80\x99t wait.", in("en-US")),
                IsEmpty()); // typographic apostrophe
}

TEST(Check, NeverFlagsCodeUrlsOrIdentifiers) {
    const std::string text =
        "Call `recieve_paymnet()` at https://exmaple.com/paymnet or <mailto:bobb@exmaple.com>, "
        "see [the gide](https://exmaple.com/gide) and getPaymnet, order_idd, v2.3.1, APIs.\n\n"
        "```\nteh codde\n```\n";
    EXPECT_THAT(flagged(text, in("en-US")), ElementsAre("gide"));
}

TEST(Check, ChecksWordsBetweenHtmlTagsAndEntities) {
    EXPECT_THAT(
        flagged("Some <strong>teh</strong> word, a paymnet&nbsp;due, 5&nbsp;MB.", in("en-US")),
        ElementsAre("teh", "paymnet"));
}

TEST(Check, EnglishAcceptsLoanwordsWithOrWithoutAccents) {
    EXPECT_THAT(flagged("A naïve café résumé on the façade; a naive cafe resume.", in("en-US")),
                IsEmpty());
    // Where accents tell words apart they must be right: "cote" is French, "cötè" is not.
    EXPECT_THAT(flagged("La cötè est haute.", in("fr-FR")), ElementsAre("cötè"));
}

TEST(Check, KnowsEverydaySoftwareVocabulary) {
    EXPECT_THAT(flagged("The backend sends webhooks; the Frontend shows a dropdown and a tooltip.",
                        in("en-US")),
                IsEmpty());
    const auto result = checker().check("The dashbord shows the webhok.", in("en-GB"));
    ASSERT_EQ(result.alerts.size(), 2U);
    EXPECT_THAT(result.alerts[1].replacements, Contains("webhook"));
}

TEST(Check, FlagsOnlyTheMisspelledPartOfACompound) {
    EXPECT_THAT(flagged("A well-knwon fact.", in("en-US")), ElementsAre("knwon"));
}

TEST(Check, AcceptsGermanCompoundsWhoseFirstPartEndsInAHyphen) {
    // de_DE lists "Bestätigungs-" as the first element of hyphenated compounds (issue 20).
    EXPECT_THAT(flagged("Die Bestätigungs-E-Mail und die Kunden-Nummer kommen.", in("de-DE")),
                IsEmpty());
    EXPECT_THAT(flagged("Die Bestätigungs-E-Mial kommt.", in("de-DE")), ElementsAre("Mial"));
    EXPECT_THAT(flagged("Die Bestätigungs kommt.", in("de-DE")), ElementsAre("Bestätigungs"));
}

TEST(Check, GlossaryTermsAreAcceptedAndSuggested) {
    atk::spell::Glossary glossary;
    glossary.add("Acmezon");
    glossary.add("Zorbo Cloud");
    EXPECT_THAT(flagged("Acmezon runs on Zorbo Cloud.", in("en-US", &glossary)), IsEmpty());
    const auto result = checker().check("Acmezonn is down.", in("en-US", &glossary));
    ASSERT_EQ(result.alerts.size(), 1U);
    EXPECT_EQ(result.alerts[0].replacements.front(), "Acmezon");
    EXPECT_THAT(flagged("Acmezon runs.", in("en-US")), ElementsAre("Acmezon")); // not without it
}

TEST(Check, ChecksFrenchWithElisionsAndAccents) {
    EXPECT_THAT(flagged("L'utilisateur reçoit aujourd'hui l’évènement qu'il attend.", in("fr")),
                IsEmpty());
    const auto result = checker().check("Le developpement de l'evenement.", in("fr-FR"));
    ASSERT_EQ(result.alerts.size(), 2U);
    EXPECT_EQ(result.alerts[0].replacements.front(), "développement");
    EXPECT_THAT(result.alerts[1].replacements,
                Contains("l'événement")); // keeps the ASCII apostrophe
}

TEST(Check, NeverSuggestsAFrenchElisionBeforeAConsonant) {
    const auto suggestions = checker().suggest("d'atente", "fr", nullptr, 10);
    ASSERT_FALSE(suggestions.words.empty());
    EXPECT_EQ(suggestions.words.front(), "d'attente");
    for (const auto& word : suggestions.words) {
        EXPECT_THAT(word, testing::Not(testing::MatchesRegex("d'[bcdfgjklmnpqrstvwxz].*"))) << word;
    }
}

TEST(Check, RestoresMissingFrenchAccentsCommonestFirst) {
    const auto result = checker().check("Le developpement du systeme a la meme date.", in("fr-FR"));
    ASSERT_EQ(result.alerts.size(), 3U); // "a" is a word: à is a matter of context
    EXPECT_EQ(result.alerts[0].replacements.front(), "développement");
    EXPECT_EQ(result.alerts[1].replacements.front(), "système");
    EXPECT_EQ(result.alerts[2].replacements.front(), "même"); // not the rarer "mème"
    EXPECT_THAT(flagged("La aplicacion y la configuracion.", in("es")),
                ElementsAre("aplicacion", "configuracion"));
    EXPECT_EQ(checker().check("La aplicacion.", in("es")).alerts[0].replacements.front(),
              "aplicación");
}

TEST(Check, ChecksSpanishAndGerman) {
    EXPECT_THAT(flagged("El usario abre la aplicación.", in("es")), ElementsAre("usario"));
    EXPECT_THAT(flagged("Der Benutzer öffnet die Anwendnug.", in("de")), ElementsAre("Anwendnug"));
}

TEST(Check, BritishAndAmericanSpellingsFollowTheVariant) {
    EXPECT_THAT(flagged("The colour of the organisation.", in("en-US")),
                ElementsAre("colour", "organisation"));
    EXPECT_THAT(flagged("The colour of the organisation.", in("en-GB")), IsEmpty());
}

TEST(Check, DetectsTheLanguageWhenAskedToAndSaysSo) {
    const auto result = checker().check(
        "Le système doit envoyer une facture au client lorsque la commande est expédiée.",
        in("auto"));
    EXPECT_EQ(result.language.code, "fr-FR");
    EXPECT_TRUE(result.language_detected);
    EXPECT_GT(result.language_confidence, 0.5);
    EXPECT_TRUE(result.alerts.empty());
}

TEST(Check, DetectionUsesThePreferredVariantOfTheLanguageItFinds) {
    const std::string english =
        "The system shall send an invoice to the customer when the order has been shipped.";
    auto options = in("auto");
    EXPECT_EQ(checker().check(english, options).language.code, "en-US");
    options.preferred_variants = {"fr-FR", "en-GB"};
    const auto result = checker().check(english, options);
    EXPECT_EQ(result.language.code, "en-GB");
    EXPECT_TRUE(result.language_detected);
    options.preferred_variants = {"xx-YY"};
    EXPECT_THAT(input_error(english, options), HasSubstr("unknown language 'xx-YY'"));
}

TEST(Check, FallsBackToTheDefaultLanguageWhenDetectionCannotTell) {
    const auto result = checker().check("OK", in("auto"));
    EXPECT_EQ(result.language.code, "en-US");
    EXPECT_FALSE(result.language_detected);
}

TEST(Check, ReliablyDetectedLanguagesWithoutADictionaryAreAnError) {
    const std::string italian =
        "Il sistema deve inviare una fattura al cliente quando l'ordine viene spedito e il "
        "pagamento viene ricevuto. Ogni fattura deve contenere il numero dell'ordine.";
    const std::string error = input_error(italian, in("auto"));
    EXPECT_THAT(error, HasSubstr("'it'"));
    EXPECT_THAT(error, HasSubstr("--language"));
}

TEST(Check, UnknownLanguagesAreAnErrorListingTheInstalledOnes) {
    const std::string error = input_error("text", in("xx-YY"));
    EXPECT_THAT(error, HasSubstr("unknown language 'xx-YY'"));
    EXPECT_THAT(error, HasSubstr("en-US"));
}

TEST(Check, InvalidUtf8IsAnErrorNamingTheByte) {
    EXPECT_THAT(input_error("fine\xC3(", in("en-US")), HasSubstr("invalid UTF-8 at byte 4"));
}

TEST(Check, NoSuggestionsWhenNoneAreWanted) {
    CheckOptions options = in("en-US");
    options.max_suggestions = 0;
    const auto result = checker().check("recieve", options);
    ASSERT_EQ(result.alerts.size(), 1U);
    EXPECT_TRUE(result.alerts[0].replacements.empty());
}

TEST(Check, IsSafeToCallFromManyThreadsAtOnce) {
    const std::string text = "The systme shall recieve the paymnet. Le developpement avance.";
    const auto expected = flagged(text, in("en-US"));
    std::vector<std::vector<std::string>> results(4);
    {
        std::vector<std::jthread> threads;
        for (auto& result : results) {
            threads.emplace_back([&] {
                for (int i = 0; i < 20; ++i) {
                    result = flagged(text, in("en-US"));
                }
            });
        }
    }
    for (const auto& result : results) {
        EXPECT_EQ(result, expected);
    }
}

// This suite's checker has no rules directory: each language is still measured, and the note
// says why nothing is scored; with the rules turned off there is no report at all.
TEST(Check, WithoutAnyRulesTheTextIsMeasuredAndTheNoteSaysWhyNothingIsScored) {
    const std::string text = "The system shall store each order. It shall send a receipt.";
    const auto result = checker().check(text, in("en-US"));
    ASSERT_TRUE(result.rules.has_value());
    EXPECT_EQ(result.rules->note, "no wording rules are installed, so requirements are not scored");
    EXPECT_THAT(result.rules->requirements, IsEmpty());
    EXPECT_FALSE(result.rules->quality.has_value());
    EXPECT_EQ(result.rules->counts.sentences, 2U);
    EXPECT_EQ(result.rules->counts.words, 11U);
    EXPECT_EQ(result.rules->readability.formula, "Flesch");
    EXPECT_TRUE(result.rules->readability.grade.has_value());
    auto options = in("en-US");
    options.rules = false;
    EXPECT_FALSE(checker().check(text, options).rules.has_value());
}
