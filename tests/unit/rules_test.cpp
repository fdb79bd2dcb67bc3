#include "error.hpp"
#include "rules/engine.hpp"
#include "rules/text_units.hpp"
#include "rules/rule_loader.hpp"
#include "scratch_dir.hpp"
#include "spell/glossary.hpp"
#include "text/document.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <map>

using atk::rules::Engine;
using atk::rules::load_rule_set;
using testing::HasSubstr;

namespace {

// --- every shipped rule, every example ------------------------------------------------------

TEST(ShippedRules, EveryExampleOfEveryRuleInEveryLanguageBehaves) {
    const auto languages = atk::rules::rule_languages(ATK_RULES_DIR);
    ASSERT_FALSE(languages.empty());
    for (const auto& language : languages) { // one language's bad file must not hide another's
        try {
            const Engine engine(load_rule_set(ATK_RULES_DIR, language));
            const auto failures = engine.failing_examples();
            EXPECT_TRUE(failures.empty()) << language << ":\n" << testing::PrintToString(failures);
        } catch (const atk::InputError& e) {
            ADD_FAILURE() << language << ": " << e.what();
        }
    }
}

TEST(ShippedRules, EnglishAndFrenchCoverTheCatalogue) {
    const auto english = load_rule_set(ATK_RULES_DIR, "en");
    const auto french = load_rule_set(ATK_RULES_DIR, "fr");
    EXPECT_GE(english.rules.size(), 40U);
    EXPECT_GE(french.rules.size(), 25U);
    // A French rule that is the counterpart of an English one has its id, so that turning
    // an id off works in both languages: most of the French ids are English ones.
    std::size_t shared = 0;
    for (const auto& rule : french.rules) {
        shared += std::any_of(english.rules.begin(), english.rules.end(),
                              [&](const atk::rules::Rule& r) { return r.id == rule.id; });
    }
    EXPECT_GE(shared, french.rules.size() - 3);
}

// --- a scratch rule set, to specify the engine ------------------------------------------------

constexpr const char* kLanguage = R"(requirement_words: [shall, must]
ears:
  state_driven: [while]
  event_driven: [when]
  optional_feature: [where]
  unwanted_behaviour: [if]
)";

/// A rule file's common keys, with two examples of each kind that suit most test rules.
std::string rule(const std::string& type_specific, const std::string& extra = "") {
    return "type: " + type_specific + R"(
description: Test rule
message: 'Found "{match}"{replacement}{value}.'
explanation: Because.
link: https://example.org/source
category: TESTING
severity: warning
must_fire: [one, two]
must_not_fire: [three, four]
)" + extra;
}

class RulesEngineTest : public atk::test::ScratchDirTest {
  protected:
    void add_rule(const std::string& name, const std::string& yaml) {
        write("rules/en/" + name + ".yml", yaml);
    }

    /// The alerts `text` (Markdown) gets from the scratch rule set, as "rule: flagged text".
    std::vector<std::string> findings(const std::string& text,
                                      atk::rules::RunOptions options = {}) {
        write("rules/en/language.yml", kLanguage);
        const Engine engine(load_rule_set(dir_ / "rules", "en"));
        source_ = text;
        const auto document = atk::text::parse_document(source_, atk::text::Markup::markdown);
        report_ = engine.run(document, options);
        std::vector<std::string> out;
        for (const auto& alert : report_.alerts) {
            out.push_back(alert.rule_id + ": " +
                          source_.substr(alert.begin, alert.end - alert.begin));
        }
        return out;
    }

    std::string load_error() {
        try {
            write("rules/en/language.yml", kLanguage);
            load_rule_set(dir_ / "rules", "en");
        } catch (const atk::InputError& e) {
            return e.what();
        }
        return "loaded without error";
    }

    std::string source_;
    atk::rules::RulesReport report_;
};

using testing::ElementsAre;
using testing::IsEmpty;

TEST_F(RulesEngineTest, ExistenceFindsPhrasesWhateverTheirCaseButNotInsideExceptions) {
    add_rule("vague",
             rule("existence", "phrases: [some, a lot of]\nexceptions: [some of the following]\n"));
    EXPECT_THAT(findings("Some users send A LOT OF mail. Read some of the following."),
                ElementsAre("vague: Some", "vague: A LOT OF"));
}

TEST_F(RulesEngineTest, APatternsCapturingGroupIsWhatIsFlagged) {
    add_rule("slash", rule("existence", "patterns: ['\\b([a-z]+/[a-z]+)(?:\\s|$)']\n"));
    EXPECT_THAT(findings("Use read/write access or km/h."), ElementsAre("slash: read/write"));
}

TEST_F(RulesEngineTest, APatternMatchRightAfterANotAfterWordIsNotReported) {
    add_rule("will",
             rule("existence", "not_after: [that, which]\npatterns: ['\\bthe system will\\b']\n"));
    EXPECT_THAT(findings("The system will log it."), ElementsAre("will: The system will"));
    EXPECT_THAT(findings("Keep what that the system will log."), IsEmpty());
    EXPECT_THAT(findings("Keep what WHICH  the system will log."), IsEmpty()); // any case, spaces
    // Punctuation between: the word is not right before. A later match is still found.
    EXPECT_THAT(findings("Keep that, the system will log."), ElementsAre("will: the system will"));
    EXPECT_THAT(findings("Say that the system will stop and the system will wait."),
                ElementsAre("will: the system will"));
    EXPECT_EQ(source_.substr(report_.alerts.at(0).begin, 4), "the ");
    EXPECT_EQ(report_.alerts.at(0).begin, source_.rfind("the system"));
}

TEST_F(RulesEngineTest, TheMessageIsFilledInOnceWhateverTheMatchSays) {
    // Text that looks like a placeholder stays as written; so does a stray brace.
    add_rule("braces", rule("existence", "patterns: ['\\{\\w+\\}']\n"));
    ASSERT_THAT(findings("Set {value} and {max} here."),
                ElementsAre("braces: {value}", "braces: {max}"));
    EXPECT_EQ(report_.alerts[0].message, "Found \"{value}\".");
    EXPECT_EQ(report_.alerts[1].message, "Found \"{max}\".");
}

TEST(TextUnits, QuotedRangesPairEachKindOfMarkWhereverTheyFall) {
    using atk::rules::quoted_ranges;
    const auto texts_of = [](std::string_view text) {
        std::vector<std::string> out;
        for (const auto& span : quoted_ranges(text)) {
            out.emplace_back(text.substr(span.begin, span.end - span.begin));
        }
        return out;
    };
    // Marks before, across and after eight-byte boundaries; the three kinds; an unclosed one.
    EXPECT_THAT(texts_of("Say \"yes\" or \"no\"."), ElementsAre("\"yes\"", "\"no\""));
    EXPECT_THAT(texts_of("A much longer lead-in text: \xE2\x80\x9Cquoted\xE2\x80\x9D then \xC2\xAB fr \xC2\xBB."),
                ElementsAre("\xE2\x80\x9Cquoted\xE2\x80\x9D", "\xC2\xAB fr \xC2\xBB"));
    EXPECT_THAT(texts_of("An en\xE2\x80\x93" "dash and a \xE2\x80\x9Elow\xE2\x80\x9C quote"),
                ElementsAre("\xE2\x80\x9Elow\xE2\x80\x9C"));
    EXPECT_THAT(texts_of("No quotes at all in this rather long sentence."), IsEmpty());
    EXPECT_THAT(texts_of("An \"unclosed quotation runs on"), IsEmpty());
}

TEST(RuleText, UpperCaseLiteralsInPatternsAreFoundOutsideEscapes) {
    using atk::rules::upper_case_literal;
    EXPECT_EQ(upper_case_literal("\\bfoo\\S+\\p{Lu}\\pL\\W\\B(?P<Name>x)"), std::string::npos);
    EXPECT_EQ(upper_case_literal("\\bfoO"), 4U);
    EXPECT_EQ(upper_case_literal("a\\Qb.C\\Ed"), 5U);
}

TEST_F(RulesEngineTest, LowerCasePatternsMatchWhateverTheCaseEvenWhenLowerCaseChangesLengths) {
    add_rule("tbd", rule("existence", "patterns: ['\\btbd\\b']\n"));
    EXPECT_THAT(findings("Cost is TBD. Limit: Tbd."), ElementsAre("tbd: TBD", "tbd: Tbd"));
    // "İ" is two bytes and its lower case three: the sentence is matched with case folding.
    EXPECT_THAT(findings("İstanbul office: TBD."), ElementsAre("tbd: TBD"));
}

TEST_F(RulesEngineTest, APatternAnchoredWithACaretLooksAtEachSentencesStart) {
    add_rule("opener", rule("existence", "patterns: ['^it\\b']\n"));
    EXPECT_THAT(findings("It works. And it runs. It stops."),
                ElementsAre("opener: It", "opener: It"));
}

TEST_F(RulesEngineTest, APhraseWrittenWithAFullStopFlagsTheStop) {
    add_rule("latin", rule("substitution", "swap:\n  e.g.: for example\n"));
    EXPECT_THAT(findings("Images, e.g. PNG files."), ElementsAre("latin: e.g."));
}

TEST_F(RulesEngineTest, QuotedTextCodeAndHeadingsAreLeftAlone) {
    add_rule("vague", rule("existence", "phrases: [some]\npatterns: ['\\bfoo+\\b']\n"));
    EXPECT_THAT(findings("# Some heading\n\nHe wrote \"some foo\" and `some` but some fooo.\n"),
                ElementsAre("vague: some", "vague: fooo"));
}

TEST_F(RulesEngineTest, SubstitutionOffersTheReplacementInTheWritersCase) {
    add_rule("wordy", rule("substitution", "swap:\n  in order to: to\n"));
    findings("In order to log in, type it in order to go.");
    ASSERT_EQ(report_.alerts.size(), 2U);
    EXPECT_THAT(report_.alerts[0].replacements, ElementsAre("To"));
    EXPECT_THAT(report_.alerts[1].replacements, ElementsAre("to"));
    EXPECT_EQ(report_.alerts[0].message, "Found \"In order to\"To.");
    EXPECT_EQ(report_.alerts[0].link, "https://example.org/source");
    EXPECT_EQ(report_.alerts[0].category, "TESTING");
}

TEST_F(RulesEngineTest, RequirementRulesLookOnlyAtRequirementsAndItemsOfTheirLists) {
    add_rule("weak", rule("existence", "phrases: [fast]\napplies: requirements\n"));
    EXPECT_THAT(findings("The car is fast. Shall it be fast? The system shall be fast.\n\n"
                         "The system shall:\n\n- be fast\n- be cheap\n\nA list:\n\n- fast food\n"),
                ElementsAre("weak: fast", "weak: fast"));
    EXPECT_EQ(report_.alerts[0].begin, source_.find("shall be fast") + 9);
    atk::rules::RunOptions general;
    general.profile = atk::rules::Profile::general;
    EXPECT_TRUE(findings("The system shall be fast.", general).empty());
}

TEST_F(RulesEngineTest, RulesAreSelectedByIdOrCategory) {
    add_rule("a", rule("existence", "phrases: [alpha]\n"));
    add_rule("b", rule("existence", "phrases: [beta]\nenabled: false\n"));
    EXPECT_THAT(findings("alpha beta"), ElementsAre("a: alpha"));
    atk::rules::RunOptions options;
    options.selection.enabled = {"b"};
    options.selection.disabled = {"TESTING"};
    EXPECT_THAT(findings("alpha beta", options), ElementsAre("b: beta"));
}

TEST_F(RulesEngineTest, ASentenceStartingWithANumberIsASentence) {
    add_rule("long", rule("occurrence", "max: 5\n"));
    // Unicode's sentence rules would join these (the next letter, "of", is lower case).
    EXPECT_THAT(findings("It flows well.  90% of tasks shall end. Version 2. 5 more."),
                ElementsAre());
}

TEST_F(RulesEngineTest, AnInlineBulletStartsASentence) {
    add_rule("long", rule("occurrence", "max: 5\n"));
    // Without the bullet's cut, one sentence of nine words (no sentence punctuation but the
    // full stop before the bullet, and "7" is no capital).
    EXPECT_THAT(
        findings("Load the data. \xE2\x80\xA2 7 files arrive daily. \xE2\x80\xA2 Send them."),
        ElementsAre());
    EXPECT_THAT(findings("Load the data \xE2\x80\xA2 then send all of it now."),
                ElementsAre("long: then send all of it now."));
}

TEST_F(RulesEngineTest, ADoubledWordIsASlipNotAColumnOrAHeading) {
    add_rule("twice", rule("repetition", ""));
    EXPECT_THAT(findings("The the form. Save  save it."), ElementsAre("twice: The the", "twice: Save  save"));
    // Columns lined up with tabs or many spaces, and capitals beside lower case, are layout.
    EXPECT_THAT(findings("FILE\tFILE names. Usage      Usage here. TYPE type here."), IsEmpty());
    EXPECT_THAT(findings("Use two two-point links from list list-2."), IsEmpty()); // compounds
}

TEST_F(RulesEngineTest, OccurrenceRepetitionAndPassive) {
    add_rule("long", rule("occurrence", "max: 5\n"));
    add_rule("twice", rule("repetition", "exceptions: [had had]\n"));
    add_rule("passive", rule("passive", "be_forms: [be, is, been]\nparticiples: [sent]\n"
                                        "participle_endings: [ed]\nnot_participles: [need]\n"
                                        "agent_words: [by]\nadverb_endings: [ly]\n"));
    EXPECT_THAT(findings("One two three four five six. The the end. He had had tea."),
                ElementsAre("long: One two three four five six.", "twice: The the"));
    EXPECT_THAT(report_.alerts[1].replacements, ElementsAre("The"));
    EXPECT_THAT(findings("It is sent. It is mailed by Al. It is quickly checked. It is need."),
                ElementsAre("passive: is sent", "passive: is quickly checked"));
}

TEST_F(RulesEngineTest, ConsistencyKeepsTheFirstSpellingUsed) {
    add_rule("variants", rule("consistency", "variants: [[e-mail, email], [log in, sign in]]\n"));
    EXPECT_THAT(findings("Send an e-mail. Read the email. Sign in, then sign in again."),
                ElementsAre("variants: email"));
    EXPECT_THAT(report_.alerts[0].replacements, ElementsAre("e-mail"));
}

TEST_F(RulesEngineTest, AcronymsNeedADefinitionTheGlossaryOrTheWellKnownList) {
    add_rule("acronyms", rule("conditional", "well_known: [PDF]\n"));
    EXPECT_THAT(findings("Use SSO and MFA. Single Sign-On (SSO) is a PDF thing. MFA again. GDPR."),
                ElementsAre("acronyms: MFA", "acronyms: GDPR"));
    atk::spell::Glossary glossary;
    glossary.add("GDPR");
    atk::rules::RunOptions options;
    options.glossary = &glossary;
    EXPECT_THAT(findings("MFA (multi-factor authentication). GDPR.", options), ElementsAre());
    // Words in capitals in a row are shouted text, not acronyms; two short ones may be both.
    EXPECT_THAT(findings("THE SOFTWARE IS PROVIDED AS IS. GOVERNMENT USE: none. Call the REST API."),
                ElementsAre("acronyms: REST", "acronyms: API"));
}

TEST_F(RulesEngineTest, ReadabilityFlagsHardParagraphsOnly) {
    add_rule("grade", rule("readability", "metric: flesch-kincaid\nmax: 12\nscope: paragraph\n"));
    const std::string hard =
        "Notwithstanding institutional considerations, comprehensive organisational "
        "authentication infrastructure modernisation necessitates interdepartmental "
        "collaboration, substantial administrative reconfiguration, extraordinary "
        "documentation, and unprecedented operational standardisation across "
        "geographically distributed international subsidiaries everywhere, for every single "
        "one of us.";
    const std::string easy = "The cat sat on the mat. It was a good day. We went home and had tea. "
                             "The sun was out. The dog ran in the park. We all had fun there.";
    EXPECT_THAT(findings(hard + "\n\n" + easy), ElementsAre("grade: " + hard));
    ASSERT_TRUE(report_.readability.grade.has_value());
    EXPECT_GT(report_.counts.words, 60U);
}

TEST_F(RulesEngineTest, RequirementsAreScoredAndTheirEarsTemplateNamed) {
    add_rule("vague", rule("existence", "phrases: [fast]\n"));
    findings("The system shall respond. When a user logs in, the system shall be fast. "
             "While offline, when asked, the app shall queue it. Shall respond. Shall it? No.");
    ASSERT_EQ(report_.requirements.size(), 4U);
    EXPECT_EQ(report_.requirements[0].ears, atk::rules::EarsTemplate::ubiquitous);
    EXPECT_EQ(report_.requirements[0].score, 100);
    EXPECT_EQ(report_.requirements[1].ears, atk::rules::EarsTemplate::event_driven);
    EXPECT_EQ(report_.requirements[1].score, 100 - atk::rules::cost_of(atk::Severity::warning));
    ASSERT_EQ(report_.requirements[1].costs.size(), 1U);
    EXPECT_EQ(report_.requirements[1].costs[0].rule_id, "vague");
    EXPECT_EQ(report_.requirements[2].ears, atk::rules::EarsTemplate::complex);
    EXPECT_EQ(report_.requirements[3].ears, atk::rules::EarsTemplate::none);
    ASSERT_TRUE(report_.quality.has_value());
    EXPECT_EQ(*report_.quality, (100 + 85 + 100 + 100 + 2) / 4);
}

TEST_F(RulesEngineTest, TheProjectsPreferredTermsAreSwappedByTheRuleMarkedForThem) {
    add_rule("preferred", rule("substitution", "swap:\n  one: two\nproject_terms: true\n"));
    atk::rules::RunOptions options;
    options.preferred_terms = {{"client", "customer"}, {"log on", "sign in"}};
    // Its own swap ("one") only serves its examples.
    EXPECT_THAT(findings("The Client must log on. One client.", options),
                ElementsAre("preferred: Client", "preferred: log on", "preferred: client"));
    EXPECT_THAT(report_.alerts[0].replacements, ElementsAre("Customer"));
    EXPECT_THAT(report_.alerts[1].replacements, ElementsAre("sign in"));
    options.selection.disabled = {"preferred"};
    EXPECT_THAT(findings("The client must log on.", options), ElementsAre());
}

TEST_F(RulesEngineTest, ALargeDocumentCheckedInPartsGivesWhatOneThreadGives) {
    add_rule("vague", rule("existence", "phrases: [some]\n"));
    add_rule("twice", rule("repetition", ""));
    add_rule("variants", rule("consistency", "variants: [[e-mail, email]]\n"));
    add_rule("acronyms", rule("conditional", ""));
    std::string text;
    for (int i = 0; i < 3000; ++i) { // about 300 KiB: several parts of 64 KiB
        text += "Some users send an " + std::string(i % 7 == 0 ? "email" : "e-mail") +
                " to the the ABC" + std::to_string(i % 5) + "X team. The system shall log it.\n\n";
    }
    const auto one = findings(text);
    atk::rules::RunOptions parts;
    parts.threads = 4;
    EXPECT_EQ(findings(text, parts), one);
    EXPECT_GT(one.size(), 6000U);
}

// --- bad rule files ----------------------------------------------------------------------------

TEST_F(RulesEngineTest, BadRuleFilesNameTheFileTheLineAndTheReason) {
    add_rule("typo", rule("existence", "phrases: [x]\nphrasez: [y]\n"));
    EXPECT_THAT(load_error(), HasSubstr("typo.yml:11: unknown key 'phrasez' for a existence rule"));
}

TEST_F(RulesEngineTest, MissingFieldsBadValuesAndFewExamplesAreRefused) {
    const std::map<std::string, std::string> cases{
        {"type: existence\nphrases: [x]\n", "missing 'description'"},
        {rule("existance", "phrases: [x]\n"), "unknown rule type 'existance'"},
        {rule("existence"), "needs 'phrases' or 'patterns'"},
        {rule("existence", "patterns: ['a(b']\n"), "bad pattern 'a(b'"},
        {rule("existence", "phrases: [x]\nnot_after: [that]\n"),
         "needs 'patterns' for its 'not_after'"},
        {rule("occurrence", "max: many\n"), "'max' must be a whole number"},
        {rule("existence", "patterns: ['\\bTODO\\b']\n"), "has the capital 'T'"},
        {rule("existence", "phrases: [x]\nscope: chapter\n"), "unknown scope 'chapter'"},
        {"type: existence\nphrases: [x]\ndescription: d\nmessage: m\nexplanation: e\n"
         "link: https://x.org\ncategory: TYPOS\nseverity: error\nmust_fire: [a, b]\n"
         "must_not_fire: [c, d]\n",
         "category TYPOS belongs to spelling"},
        {"type: existence\nphrases: [x]\ndescription: d\nmessage: m\nexplanation: e\n"
         "link: https://x.org\ncategory: X\nseverity: error\nmust_fire: [a]\n"
         "must_not_fire: [c, d]\n",
         "at least two must_fire and two must_not_fire examples"},
        {"type: [existence\n", "invalid YAML"},
    };
    for (const auto& [yaml, error] : cases) {
        std::filesystem::remove_all(dir_ / "rules");
        add_rule("bad", yaml);
        EXPECT_THAT(load_error(), HasSubstr(error)) << yaml;
        EXPECT_THAT(load_error(), HasSubstr("bad.yml")) << yaml;
    }
}

TEST_F(RulesEngineTest, AMissingRuleSetOrLanguageFileIsExplained) {
    EXPECT_THROW(load_rule_set(dir_ / "rules", "en"), atk::InputError);
    write("rules/en/a.yml", rule("existence", "phrases: [x]\n"));
    try {
        load_rule_set(dir_ / "rules", "en");
        FAIL() << "a rule set without language.yml must not load";
    } catch (const atk::InputError& e) {
        EXPECT_THAT(e.what(), HasSubstr("language.yml is missing"));
    }
}

TEST_F(RulesEngineTest, ExamplesThatMisbehaveAreReported) {
    add_rule("vague", R"(type: existence
description: d
message: m
explanation: e
link: https://example.org/x
category: TESTING
severity: warning
phrases: [some]
must_fire: [some day, no match here]
must_not_fire: [nothing, some again]
)");
    write("rules/en/language.yml", kLanguage);
    const Engine engine(load_rule_set(dir_ / "rules", "en"));
    EXPECT_THAT(engine.failing_examples(),
                ElementsAre(HasSubstr("must fire but does not: no match here"),
                            HasSubstr("must not fire but does: some again")));
}

TEST(RuleText, FrenchElisionsAreSplitOffLikeTheText) {
    atk::rules::LanguageProfile profile;
    profile.elided = {"l", "d", "qu"};
    EXPECT_THAT(atk::rules::phrase_words("l’utilisateur d'environ", "fr", profile),
                ElementsAre("l’", "utilisateur", "d'", "environ"));
    EXPECT_THAT(atk::rules::phrase_words("afin d'", "fr", profile), ElementsAre("afin", "d'"));
    EXPECT_THAT(atk::rules::phrase_words("aujourd'hui", "fr", profile), ElementsAre("aujourd'hui"));
}

} // namespace
