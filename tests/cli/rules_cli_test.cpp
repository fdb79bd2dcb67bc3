// The vocabulary and requirements-quality rules as users drive them: check's rule options,
// the project file's rules section, scores, and the rules and synonyms commands. A scratch
// rule set (ATK_RULES_DIR) keeps these tests independent of the shipped rules' wording; the
// scores of each language (ScoresCli) come from the shipped rules, on the sample documents.
#include "run.hpp"
#include "scratch_dir.hpp"

#include <cmath>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using atk::test::run_toolkit;
using testing::HasSubstr;
using testing::Not;

namespace {

class RulesCli : public atk::test::ScratchDirTest {
  protected:
    void SetUp() override {
        ScratchDirTest::SetUp();
        write("rules/en/language.yml",
              "requirement_words: [shall]\nears:\n  event_driven: [when]\n");
        write("rules/en/vague/reasonable.yml",
              rule("existence", "VAGUENESS", "phrases: [reasonable]\nsynonyms: true\n"));
        write("rules/en/wordy.yml",
              rule("substitution", "WORDINESS", "swap:\n  in order to: to\n"));
        write("rules/en/preferred.yml",
              rule("substitution", "CONSISTENCY",
                   "swap:\n  in order to: so as to\nproject_terms: true\n"));
        write("rules/en/negatives.yml",
              rule("existence", "STYLE", "phrases: [not]\nenabled: false\n"));
        environment_ = {"ATK_RULES_DIR=" + (dir_ / "rules").string()};
    }

    static std::string rule(const std::string& type, const std::string& category,
                            const std::string& extra) {
        return "type: " + type +
               "\ndescription: d\nmessage: 'Avoid \"{match}\"'\nexplanation: e\n"
               "link: https://example.org/rule\ncategory: " +
               category +
               "\nseverity: warning\nmust_fire: [reasonable, in order to, not]\n"
               "must_not_fire: [slow, so, yes]\n" +
               extra;
    }

    atk::test::RunResult check(std::vector<std::string> args, const std::string& text) {
        args.insert(args.begin(), "check");
        args.push_back(write("spec.md", text));
        return run_toolkit(args, "", environment_);
    }

    std::vector<std::string> environment_;
};

constexpr const char* kSpec =
    "When asked, the system shall be reasonable in order to please. It is not slow.\n";

} // namespace

TEST_F(RulesCli, RuleFindingsComeOutNextToSpellingOnes) {
    const auto run = check({"--language", "en-US"}, kSpec + std::string("Teh end.\n"));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_THAT(
        run.out,
        HasSubstr(
            ":1:33: warning: Avoid \"reasonable\" [vague/reasonable] (did you mean: sensible)"));
    EXPECT_THAT(run.out,
                HasSubstr(":1:44: warning: Avoid \"in order to\" [wordy] (did you mean: to)"));
    EXPECT_THAT(run.out, HasSubstr(":2:1: error: Possible spelling mistake: \"Teh\""));
    EXPECT_THAT(run.out, testing::Not(HasSubstr("[negatives]"))); // off by default
}

TEST_F(RulesCli, VagueWordsGetThesaurusAlternatives) {
    const auto run = check({"--language", "en-US", "--format", "json"}, kSpec);
    const auto json = nlohmann::json::parse(run.out);
    const auto& vague = json["files"][0]["matches"][0];
    ASSERT_EQ(vague["rule_id"], "vague/reasonable");
    EXPECT_FALSE(vague["replacements"].empty());
    EXPECT_EQ(vague["link"], "https://example.org/rule");
    EXPECT_EQ(vague["category"], "VAGUENESS");
}

TEST_F(RulesCli, RulesAreTurnedOnAndOffByIdOrCategoryPerRunAndPerProject) {
    auto run =
        check({"--language", "en-US", "--disable", "VAGUENESS", "--enable", "negatives"}, kSpec);
    EXPECT_THAT(run.out, testing::Not(HasSubstr("[vague/reasonable]")));
    EXPECT_THAT(run.out, HasSubstr("[negatives]"));
    EXPECT_THAT(run.out, HasSubstr("[wordy]"));

    write(".analyst-toolkit.yml", "rules:\n  disable: [wordy]\n  enable: [negatives]\n");
    run = check({"--language", "en-US"}, kSpec);
    EXPECT_THAT(run.out, testing::Not(HasSubstr("[wordy]")));
    EXPECT_THAT(run.out, HasSubstr("[negatives]"));
    run = check({"--language", "en-US", "--enable", "wordy", "--disable", "negatives"}, kSpec);
    EXPECT_THAT(run.out, HasSubstr("[wordy]")); // the run's choice wins over the project's
    EXPECT_THAT(run.out, testing::Not(HasSubstr("[negatives]")));

    run = check({"--language", "en-US", "--no-rules"}, kSpec);
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_EQ(run.out, "");
}

TEST_F(RulesCli, TheProjectsPreferredTermsAreReportedWithTheTermToUse) {
    write(".analyst-toolkit.yml", "rules:\n  preferred_terms:\n    system: platform\n");
    const auto run = check({"--language", "en-US"}, kSpec);
    EXPECT_THAT(run.out,
                HasSubstr(":1:17: warning: Avoid \"system\" [preferred] (did you mean: platform)"));
}

TEST_F(RulesCli, AMisspeltRuleNameIsAnErrorNotASilentNoOp) {
    const auto run = check({"--language", "en-US", "--disable", "VAGUENES"}, kSpec);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_THAT(run.err, HasSubstr("no rule or category is called 'VAGUENES'"));
}

TEST_F(RulesCli, AnUnknownProfileIsAUsageError) {
    const auto run = check({"--language", "en-US", "--profile", "strict"}, kSpec);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_THAT(run.err, HasSubstr("--profile"));
    EXPECT_THAT(run.err, HasSubstr("requirements"));
}

TEST_F(RulesCli, ABadRuleFileStopsTheRunNamingFileAndLine) {
    write("rules/en/broken.yml", rule("existence", "STYLE", "phrases: [x]\nphrasez: [y]\n"));
    const auto run = check({"--language", "en-US"}, kSpec);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_THAT(run.err, HasSubstr("broken.yml:11: unknown key 'phrasez'"));
}

TEST_F(RulesCli, ScoresShowEachRequirementAndTheDocument) {
    auto run = check({"--language", "en-US", "--scores"}, kSpec);
    EXPECT_THAT(
        run.out,
        HasSubstr(
            ":1:1: requirement 70/100, EARS event-driven: vague/reasonable -15, wordy -15\n"));
    EXPECT_THAT(run.out, HasSubstr("spec.md: quality 70/100 over 1 requirement (0 follow no EARS "
                                   "template); reading ease "));
    run = check({"--language", "en-US", "--format", "json"}, kSpec);
    const auto file = nlohmann::json::parse(run.out)["files"][0];
    EXPECT_EQ(file["quality"]["score"], 70);
    EXPECT_EQ(file["quality"]["requirements"][0]["ears"], "event-driven");
    EXPECT_EQ(file["quality"]["requirements"][0]["costs"].size(), 2U);
    EXPECT_EQ(file["readability"]["sentences"], 2);
    EXPECT_TRUE(file["readability"]["grade"].is_number());
}

TEST_F(RulesCli, ProfileGeneralTurnsRequirementRulesOff) {
    write("rules/en/modal.yml",
          rule("existence", "MODALS", "phrases: [shall]\napplies: requirements\n"));
    EXPECT_THAT(check({"--language", "en-US"}, kSpec).out, HasSubstr("[modal]"));
    EXPECT_THAT(check({"--language", "en-US", "--profile", "general"}, kSpec).out,
                testing::Not(HasSubstr("[modal]")));
}

TEST_F(RulesCli, RulesCommandListsEachRule) {
    const auto run = run_toolkit({"rules"}, "", environment_);
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_THAT(run.out, HasSubstr("en\tnegatives\tSTYLE\twarning\toff\teverywhere\td\n"));
    EXPECT_THAT(run.out,
                HasSubstr("en\tvague/reasonable\tVAGUENESS\twarning\ton\teverywhere\td\n"));
    const auto none = run_toolkit({"rules", "--language", "es"}, "", environment_);
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_THAT(none.err, HasSubstr("no rules for es"));
}

TEST(SynonymsCli, PrintsMeaningsAndSaysWhenAWordIsUnknown) {
    const auto run = run_toolkit({"synonyms", "--language", "en", "quick"});
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_THAT(run.out, HasSubstr("(adj) speedy, fast (similar term)\n"));
    const auto french = run_toolkit({"synonyms", "--language", "fr", "adéquat"});
    EXPECT_THAT(french.out, HasSubstr("approprié"));
    const auto unknown = run_toolkit({"synonyms", "xyzzyq"});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_THAT(unknown.err, HasSubstr("does not know 'xyzzyq'"));
    const auto spanish = run_toolkit({"synonyms", "--language", "es", "rápido"});
    EXPECT_EQ(spanish.exit_code, 0);
    EXPECT_THAT(spanish.out, HasSubstr("veloz"));
    const auto german = run_toolkit({"synonyms", "--language", "de", "schnell"});
    EXPECT_EQ(german.exit_code, 0);
    EXPECT_THAT(german.out, HasSubstr("zügig"));
    EXPECT_THAT(german.err, HasSubstr("warning: de-DE synonyms: no Apertium pair from German"));
}

TEST(SynonymsCli, TheSenseOfTheWordInItsSentenceComesFirstInTheWordsForm) {
    const auto run =
        run_toolkit({"synonyms", "--context", "The report describes the order.", "describes"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, testing::StartsWith("(verb, describe, in context) depicts, draws, "
                                             "sets forth (generic term)\n"));
    const auto adjective = run_toolkit(
        {"synonyms", "--context", "The export shall be fast.", "--offset", "20", "fast"});
    EXPECT_EQ(adjective.exit_code, 0) << adjective.err;
    EXPECT_THAT(adjective.out, testing::StartsWith("(adj, in context) "));
    EXPECT_THAT(adjective.out, Not(HasSubstr("slow")));
    EXPECT_THAT(adjective.out, HasSubstr("\n(noun) fasting, abstinence (generic term)\n"));
}

TEST(SynonymsCli, WithoutApertiumTheWordIsLookedUpAsWrittenSayingSo) {
    const auto run =
        run_toolkit({"synonyms", "describes"}, "", {"ATK_APERTIUM_MODES=/nonexistent"});
    EXPECT_EQ(run.exit_code, 1); // no entry "describes": its lemma is not known without Apertium
    EXPECT_THAT(run.err, HasSubstr("warning: en-US synonyms: no Apertium pair from English in "
                                   "/nonexistent; they are looked up as written"));
    EXPECT_THAT(run.err, HasSubstr("does not know 'describes'"));
}

TEST(SynonymsCli, AWordNotWhereTheOffsetSaysIsAnError) {
    const auto misplaced = run_toolkit(
        {"synonyms", "--context", "The export shall be fast.", "--offset", "3", "fast"});
    EXPECT_EQ(misplaced.exit_code, 2);
    EXPECT_THAT(misplaced.err, HasSubstr("error: the context does not hold 'fast' at offset 3"));
    const auto absent =
        run_toolkit({"synonyms", "--context", "The export shall be quick.", "fast"});
    EXPECT_EQ(absent.exit_code, 2);
    EXPECT_THAT(absent.err, HasSubstr("'fast' does not occur in the context"));
    const auto two =
        run_toolkit({"synonyms", "--context", "It is fast.", "--offset", "6", "fast", "it"});
    EXPECT_EQ(two.exit_code, 2);
    EXPECT_THAT(two.err, HasSubstr("--offset places one word"));
}

namespace {

std::string last_line(const std::string& out) {
    const auto end = out.size() - (out.ends_with('\n') ? 1 : 0);
    const auto start = out.rfind('\n', end - 1);
    return out.substr(start == std::string::npos ? 0 : start + 1, end - start - 1);
}

/// The number right after `label` in `line`; NaN when there is none.
double number_after(const std::string& line, const std::string& label) {
    const auto at = line.find(label);
    return at == std::string::npos ? std::nan("") : std::stod(line.substr(at + label.size()));
}

/// `check --format json` of `path`'s one file.
nlohmann::json json_of(const std::string& path) {
    return nlohmann::json::parse(run_toolkit({"check", "--format", "json", path}).out)["files"][0];
}

} // namespace

// Spanish and German have no wording rules (yet): their documents are still measured, each by
// its own formulas, and the summary says why requirements are not scored rather than print
// nothing, or 100/100 for each. The text and the JSON give the same figures.
TEST(ScoresCli, ALanguageWithoutRulesIsMeasuredAndSaysWhyItsRequirementsAreNotScored) {
    const std::string spanish = "tests/data/especificacion-es.md";
    const auto run = run_toolkit({"check", "--scores", spanish});
    EXPECT_EQ(run.exit_code, 1) << run.err; // its deliberate typos
    EXPECT_THAT(run.out, testing::Not(HasSubstr(": requirement ")));
    const std::string summary = last_line(run.out);
    EXPECT_THAT(summary,
                testing::MatchesRegex(spanish + ": no wording rules for Spanish yet, so "
                                                "requirements are not scored; reading ease "
                                                "[0-9]+\\.[0-9] \\(Szigriszt-Pazos\\)"));
    auto file = json_of(spanish);
    EXPECT_EQ(file["language"], "es-ES");
    EXPECT_TRUE(file["quality"]["score"].is_null());
    EXPECT_EQ(file["quality"]["requirements"], nlohmann::json::array());
    EXPECT_EQ(file["quality"]["note"],
              "no wording rules for Spanish yet, so requirements are not scored");
    EXPECT_GT(file["readability"]["sentences"], 10);
    EXPECT_GT(file["readability"]["words"], 100);
    EXPECT_EQ(file["readability"]["formula"], "Szigriszt-Pazos");
    EXPECT_TRUE(file["readability"]["grade"].is_null());
    EXPECT_FALSE(file["readability"].contains("grade_formula"));
    EXPECT_NEAR(number_after(summary, "reading ease "), file["readability"]["reading_ease"], 0.051);

    const std::string german = "tests/data/anforderungen-de.md";
    const std::string german_summary = last_line(run_toolkit({"check", "--scores", german}).out);
    EXPECT_THAT(german_summary,
                testing::MatchesRegex(german +
                                      ": no wording rules for German yet, so requirements are not "
                                      "scored; reading ease -?[0-9]+\\.[0-9] \\(Amstad\\), grade "
                                      "[0-9]+\\.[0-9] \\(Wiener Sachtextformel\\)"));
    file = json_of(german);
    EXPECT_EQ(file["language"], "de-DE");
    EXPECT_EQ(file["quality"]["note"],
              "no wording rules for German yet, so requirements are not scored");
    EXPECT_EQ(file["readability"]["formula"], "Amstad");
    EXPECT_EQ(file["readability"]["grade_formula"], "Wiener Sachtextformel");
    EXPECT_NEAR(number_after(german_summary, "reading ease "), file["readability"]["reading_ease"],
                0.051);
    EXPECT_NEAR(number_after(german_summary, "grade "), file["readability"]["grade"], 0.051);
}

// With rules, the requirements are scored, no note is given, and the formulas are named.
TEST(ScoresCli, ALanguageWithRulesNamesItsFormulasAndGivesNoNote) {
    const std::string english = "tests/data/requirements-en.md";
    const std::string summary = last_line(run_toolkit({"check", "--scores", english}).out);
    EXPECT_THAT(summary, testing::MatchesRegex(
                             english + ": quality [0-9]+/100 over [0-9]+ requirements "
                                       "\\(.*\\); reading ease [0-9]+\\.[0-9] \\(Flesch\\), "
                                       "grade [0-9]+\\.[0-9] \\(Flesch-Kincaid\\)"));
    auto file = json_of(english);
    EXPECT_TRUE(file["quality"]["score"].is_number());
    EXPECT_FALSE(file["quality"].contains("note"));
    EXPECT_EQ(file["readability"]["formula"], "Flesch");
    EXPECT_EQ(file["readability"]["grade_formula"], "Flesch-Kincaid");
    file = json_of("tests/data/exigences-fr.md");
    EXPECT_FALSE(file["quality"].contains("note"));
    EXPECT_EQ(file["readability"]["formula"], "Kandel-Moles");
    EXPECT_TRUE(file["readability"]["grade"].is_null());
    EXPECT_FALSE(file["readability"].contains("grade_formula"));
}
