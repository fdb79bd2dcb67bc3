// The check and languages commands as users see them: formats, exit status, inputs,
// project configuration.
#include "run.hpp"
#include "scratch_dir.hpp"

#include <filesystem>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using atk::test::run_toolkit;
using testing::HasSubstr;
using testing::MatchesRegex;

namespace {

using CheckCli = atk::test::ScratchDirTest;

} // namespace

TEST_F(CheckCli, CleanDocumentExitsZeroSilently) {
    const auto run = run_toolkit(
        {"check", write("clean.md", "# Orders\n\nThe system shall store each order.\n")});
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "");
}

TEST_F(CheckCli, FindingsPrintLikeACompilerAndExitOne) {
    const auto path = write("spec.md", "# Orders\n\nThe system shall recieve orders.\n");
    const auto run = run_toolkit({"check", path});
    EXPECT_EQ(run.exit_code, 1);
    // The ranking of the later suggestions is the suggestion engine's business (bench/suggest).
    EXPECT_THAT(run.out,
                testing::StartsWith(path + ":3:18: error: Possible spelling mistake: \"recieve\" "
                                           "[spelling] (did you mean: receive, "));
    EXPECT_THAT(run.out, testing::EndsWith(")\n"));
    EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1);
}

TEST_F(CheckCli, JsonOffsetsAreUtf16CodeUnits) {
    // 😀 is 4 bytes and 2 UTF-16 code units; é is 2 bytes and 1 unit.
    const auto run = run_toolkit({"check", "--format", "json", "--language", "en-US",
                                  write("emoji.md", "Caf\xC3\xA9 \xF0\x9F\x98\x80 teh end\n")});
    ASSERT_EQ(run.exit_code, 1) << run.err;
    const auto json = nlohmann::json::parse(run.out);
    const auto& match = json["files"][0]["matches"][0];
    EXPECT_EQ(match["offset"], 8);
    EXPECT_EQ(match["length"], 3);
    EXPECT_EQ(match["line"], 1);
    EXPECT_EQ(match["column"], 9);
    EXPECT_EQ(match["replacements"][0], "the");
    EXPECT_EQ(json["files"][0]["language"], "en-US");
}

TEST_F(CheckCli, SarifIsVersion210WithFixes) {
    const auto run = run_toolkit({"check", "--format", "sarif", write("s.md", "We recieve.\n")});
    ASSERT_EQ(run.exit_code, 1) << run.err;
    const auto sarif = nlohmann::json::parse(run.out);
    EXPECT_EQ(sarif["version"], "2.1.0");
    const auto& run0 = sarif["runs"][0];
    EXPECT_EQ(run0["tool"]["driver"]["name"], "analyst-toolkit");
    EXPECT_EQ(run0["tool"]["driver"]["rules"][0]["id"], "spelling");
    const auto& result = run0["results"][0];
    EXPECT_EQ(result["ruleId"], "spelling");
    EXPECT_EQ(result["level"], "error");
    EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"]["startColumn"], 4);
    EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"]["endColumn"], 11);
    EXPECT_EQ(
        result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "receive");
}

// SARIF 2.1.0 (3.4.3) wants a URI: an absolute path is a file:// URI (RFC 8089), a relative
// one a relative reference; either way each byte that is not unreserved is percent-encoded.
TEST_F(CheckCli, SarifLocationsAreUris) {
    const std::string name = "spéc #1 100%.md";
    const std::string encoded = "sp%C3%A9c%20%231%20100%25.md";
    const auto absolute = write(name, "We recieve.\n");
    const auto uri_of = [](const atk::test::RunResult& run) {
        return nlohmann::json::parse(run.out)["runs"][0]["results"][0]["locations"][0]
                                             ["physicalLocation"]["artifactLocation"]["uri"]
                                                 .get<std::string>();
    };
    // The scratch folder's own path has only unreserved characters (/tmp/atk-Suite-Test).
    EXPECT_EQ(uri_of(run_toolkit({"check", "--format", "sarif", absolute})),
              "file://" + dir_.string() + "/" + encoded);
    // run_toolkit runs from the source folder: the same file, named from there.
    const std::string relative = fs::relative(absolute, ATK_SOURCE_DIR).generic_string();
    ASSERT_TRUE(relative.starts_with("..")) << relative;
    EXPECT_EQ(uri_of(run_toolkit({"check", "--format", "sarif", relative})),
              relative.substr(0, relative.size() - name.size()) + encoded);
    EXPECT_EQ(uri_of(run_toolkit({"check", "--format", "sarif", "-"}, "We recieve.\n")), "stdin");
}

// With --scores, SARIF carries what the text format prints: each file checked is an artifact
// of the run whose property bag (SARIF 2.1.0, 3.8) holds its language, quality and
// readability, as the JSON format gives them; each result points at its file's artifact by
// index. Without --scores, none of it.
TEST_F(CheckCli, SarifWithScoresPutsEachFilesMeasuresInItsArtifactsPropertyBag) {
    const auto english =
        write("spec.md", "# Orders\n\nThe system shall recieve each order in a reasonable time.\n");
    const std::string spanish = "tests/data/especificacion-es.md";
    const auto run = run_toolkit({"check", "--format", "sarif", "--scores", english, spanish});
    ASSERT_EQ(run.exit_code, 1) << run.err;
    const auto sarif = nlohmann::json::parse(run.out);
    const auto& artifacts = sarif["runs"][0]["artifacts"];
    ASSERT_EQ(artifacts.size(), 2U) << artifacts;
    EXPECT_EQ(artifacts[0]["location"]["uri"], "file://" + english);
    EXPECT_EQ(artifacts[1]["location"]["uri"], spanish);
    const auto json = nlohmann::json::parse(
        run_toolkit({"check", "--format", "json", english, spanish}).out)["files"];
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& properties = artifacts[i]["properties"];
        EXPECT_EQ(properties["language"], json[i]["language"]);
        EXPECT_EQ(properties["quality"], json[i]["quality"]);
        EXPECT_EQ(properties["readability"], json[i]["readability"]);
    }
    const auto& requirement = artifacts[0]["properties"]["quality"]["requirements"].at(0);
    EXPECT_EQ(requirement["line"], 3);
    EXPECT_EQ(requirement["column"], 1);
    EXPECT_LT(requirement["score"], 100); // "reasonable" is vague
    EXPECT_EQ(requirement["ears"], "ubiquitous");
    EXPECT_FALSE(requirement["costs"].empty());
    EXPECT_EQ(artifacts[1]["properties"]["quality"]["note"],
              "no wording rules for Spanish yet, so requirements are not scored");
    EXPECT_EQ(artifacts[1]["properties"]["readability"]["formula"], "Szigriszt-Pazos");
    std::size_t results_per_artifact[2] = {0, 0};
    for (const auto& result : sarif["runs"][0]["results"]) {
        const auto& location = result["locations"][0]["physicalLocation"]["artifactLocation"];
        const std::size_t index = location["index"];
        ASSERT_LT(index, 2U);
        EXPECT_EQ(location["uri"], artifacts[index]["location"]["uri"]); // 3.4.5
        ++results_per_artifact[index];
        if (result.contains("fixes")) {
            EXPECT_EQ(result["fixes"][0]["artifactChanges"][0]["artifactLocation"], location);
        }
    }
    EXPECT_GT(results_per_artifact[0], 0U);
    EXPECT_GT(results_per_artifact[1], 0U);

    const auto plain = nlohmann::json::parse(
        run_toolkit({"check", "--format", "sarif", english, spanish}).out)["runs"][0];
    EXPECT_FALSE(plain.contains("artifacts"));
    EXPECT_FALSE(
        plain["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"].contains(
            "index"));
}

TEST_F(CheckCli, ReadsStandardInput) {
    const auto run = run_toolkit({"check", "-"}, "A paymnet arrives.\n");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_THAT(run.out, HasSubstr("<stdin>:1:3: error: Possible spelling mistake: \"paymnet\""));
}

TEST_F(CheckCli, ReportsFilesInArgumentOrderWhateverTheThreads) {
    std::vector<std::string> args{"check"};
    std::string expected;
    for (int i = 0; i < 12; ++i) {
        const auto path = write("doc" + std::to_string(i) + ".md", "Text with a tpyo here.\n");
        args.push_back(path);
        expected += path + ":1:13: error: Possible spelling mistake: \"tpyo\" [spelling]";
    }
    const auto run = run_toolkit(args);
    EXPECT_EQ(run.exit_code, 1);
    std::string got;
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line);) {
        got += line.substr(0, line.find(" (did you mean"));
    }
    EXPECT_EQ(got, expected);
}

TEST_F(CheckCli, MinSeverityErrorStillFailsOnSpellingMistakes) {
    const auto run = run_toolkit({"check", "--min-severity", "error", write("m.md", "A tpyo.\n")});
    EXPECT_EQ(run.exit_code, 1);
}

TEST_F(CheckCli, PlainTextFilesAreNotReadAsMarkdown) {
    // In Markdown the indented line is code; in a .txt file it is prose.
    const std::string content = "Intro line.\n\n    An indented tpyo.\n";
    EXPECT_EQ(run_toolkit({"check", write("notes.md", content)}).exit_code, 0);
    EXPECT_EQ(run_toolkit({"check", write("notes.txt", content)}).exit_code, 1);
    EXPECT_EQ(
        run_toolkit({"check", "--input-format", "text", write("notes2.md", content)}).exit_code, 1);
}

TEST_F(CheckCli, ProjectFileGlossaryAndLanguageApply) {
    write(".analyst-toolkit.yml", "language: en-GB\nglossary:\n  - Acmezon\n");
    const auto doc = write("specs/deep/spec.md", "Acmezon sets the colour.\n");
    EXPECT_EQ(run_toolkit({"check", doc}).exit_code, 0);
    // The command line wins over the project file.
    const auto run = run_toolkit({"check", "--language", "en-US", doc});
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_THAT(run.out, HasSubstr("\"colour\""));
}

TEST_F(CheckCli, GlossaryFileAddsTerms) {
    const auto doc = write("g.md", "Zorbo Cloud hosts Acmezon.\n");
    EXPECT_EQ(run_toolkit({"check", doc}).exit_code, 1);
    const auto terms = write("terms.txt", "# names\nZorbo Cloud\nAcmezon\n");
    EXPECT_EQ(run_toolkit({"check", "--glossary", terms, doc}).exit_code, 0);
}

TEST_F(CheckCli, DetectedLanguageIsReported) {
    const auto run = run_toolkit({"check", "--format", "json",
                                  write("fr.md", "Le système doit envoyer une facture au client "
                                                 "lorsque la commande est expédiée.\n")});
    EXPECT_EQ(run.exit_code, 0) << run.out;
    const auto json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json["files"][0]["language"], "fr-FR");
    EXPECT_EQ(json["files"][0]["language_detected"], true);
}

TEST(LanguagesCli, ListsTheInstalledLanguages) {
    const auto run = run_toolkit({"languages"});
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_EQ(run.out, "en-US\tEnglish (US)\nen-GB\tEnglish "
                       "(GB)\nfr-FR\tFrench\nes-ES\tSpanish\nde-DE\tGerman (Germany)\n");
}

TEST(VersionCli, PrintsTheVersion) {
    const auto run = run_toolkit({"--version"});
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_THAT(run.out, MatchesRegex("[0-9]+\\.[0-9]+\\.[0-9]+\n"));
}
