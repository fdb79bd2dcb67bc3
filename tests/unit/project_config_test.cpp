#include "config/project_config.hpp"
#include "error.hpp"
#include "scratch_dir.hpp"

#include <filesystem>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

using atk::config::find_project_config;
using atk::config::load_project_config;
using testing::ElementsAre;
using testing::HasSubstr;

namespace {

class ProjectConfigTest : public atk::test::ScratchDirTest {
  protected:
    void SetUp() override {
        ScratchDirTest::SetUp();
        std::filesystem::create_directories(dir_ / "docs" / "specs");
    }

    std::string error_of(const std::string& content) {
        const auto path = write(".analyst-toolkit.yml", content);
        try {
            load_project_config(path);
        } catch (const atk::InputError& e) {
            return e.what();
        }
        return "(no error)";
    }
};

} // namespace

TEST_F(ProjectConfigTest, IsFoundInTheNearestParentDirectory) {
    EXPECT_EQ(find_project_config(dir_ / "docs" / "specs"), std::nullopt);
    const std::filesystem::path top = write(".analyst-toolkit.yml", "glossary: [Acme]\n");
    EXPECT_EQ(find_project_config(dir_ / "docs" / "specs"), top);
    const std::filesystem::path nearer = write("docs/.analyst-toolkit.yml", "glossary: [Zorbo]\n");
    EXPECT_EQ(find_project_config(dir_ / "docs" / "specs"), nearer);
}

TEST_F(ProjectConfigTest, ReadsLanguageAndGlossary) {
    const auto path =
        write(".analyst-toolkit.yml",
              "# project settings\nlanguage: fr-FR\nglossary:\n  - Acmezon\n  - Zorbo Cloud\n");
    const auto config = load_project_config(path);
    EXPECT_EQ(config.language, "fr-FR");
    EXPECT_THAT(config.glossary.terms(), ElementsAre("Acmezon", "Zorbo Cloud"));
}

TEST_F(ProjectConfigTest, AnEmptyFileIsAnEmptyConfiguration) {
    const auto config = load_project_config(write(".analyst-toolkit.yml", ""));
    EXPECT_EQ(config.language, std::nullopt);
    EXPECT_TRUE(config.glossary.empty());
}

TEST_F(ProjectConfigTest, UnknownKeysFailWithFileAndLine) {
    const std::string error = error_of("language: en\nglosary:\n  - Acme\n");
    EXPECT_THAT(error, HasSubstr(".analyst-toolkit.yml:2: unknown key 'glosary'"));
    EXPECT_THAT(error, HasSubstr("known keys are language, glossary and rules"));
}

TEST_F(ProjectConfigTest, WrongTypesFailWithFileAndLine) {
    EXPECT_THAT(error_of("glossary: Acme\n"), HasSubstr(":1: 'glossary' must be a list"));
    EXPECT_THAT(error_of("glossary:\n  - [a, b]\n"), HasSubstr(":2: each glossary entry"));
    EXPECT_THAT(error_of("language: [en]\n"), HasSubstr(":1: 'language' must be"));
    EXPECT_THAT(error_of("- just\n- a list\n"), HasSubstr("expected a mapping"));
}

TEST_F(ProjectConfigTest, InvalidYamlFailsWithFileAndLine) {
    EXPECT_THAT(error_of("language: en\nglossary: [unclosed\n"), HasSubstr("invalid YAML"));
    EXPECT_THAT(error_of("language: \"a\xFF\"\n"), HasSubstr("invalid UTF-8 at byte 12"));
}

TEST_F(ProjectConfigTest, KeysAndValuesThatAreNotTextFailWithFileAndLine) {
    // Found by fuzzing: these threw yaml-cpp's own exceptions instead of a file:line error.
    EXPECT_THAT(error_of("[a, b]: en\n"), HasSubstr(":1: a key must be a single value"));
    EXPECT_THAT(error_of("rules:\n  {x: 1}: general\n"),
                HasSubstr(":2: a key of 'rules' must be a single value"));
    // Valid UTF-8 in the file, but an escape of half a surrogate pair.
    EXPECT_THAT(error_of("language: \"en\\uD800\"\n"),
                HasSubstr(".analyst-toolkit.yml:1: invalid YAML: invalid unicode"));
}

TEST_F(ProjectConfigTest, ReadsTheRulesProfileAndSelection) {
    const auto config = load_project_config(write(
        ".analyst-toolkit.yml", "rules:\n  profile: general\n  enable: [incose/negatives]\n  "
                                "disable: [WORDINESS, style/hedging]\n"
                                "  preferred_terms:\n    client: customer\n    log on: sign in\n"));
    EXPECT_THAT(config.preferred_terms,
                ElementsAre(std::pair<std::string, std::string>("client", "customer"),
                            std::pair<std::string, std::string>("log on", "sign in")));
    EXPECT_THAT(error_of("rules:\n  preferred_terms: [client]\n"),
                HasSubstr(":2: 'rules: preferred_terms' must map"));
    EXPECT_EQ(config.profile, "general");
    EXPECT_THAT(config.enable_rules, ElementsAre("incose/negatives"));
    EXPECT_THAT(config.disable_rules, ElementsAre("WORDINESS", "style/hedging"));
    EXPECT_THAT(error_of("rules:\n  profile: strict\n"), HasSubstr(":2: 'rules: profile' must be"));
    EXPECT_THAT(error_of("rules:\n  disabled: [X]\n"),
                HasSubstr(":2: unknown key 'rules: disabled'"));
    EXPECT_THAT(error_of("rules: [X]\n"), HasSubstr(":1: 'rules' must be a mapping"));
}
