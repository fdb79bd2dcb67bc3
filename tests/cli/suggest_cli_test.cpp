// The suggest command: words in, one line each out.
#include "run.hpp"
#include "scratch_dir.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using atk::test::run_toolkit;
using testing::HasSubstr;
using testing::MatchesRegex;
using testing::StartsWith;

TEST(SuggestCli, WritesOneLinePerWordBestFirst) {
    const auto run =
        run_toolkit({"suggest", "--language", "en-US"}, "recieve\nhello\nRecieve\nthankyou\n");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::istringstream lines(run.out);
    std::string line;
    std::getline(lines, line);
    EXPECT_THAT(line, StartsWith("recieve\treceive\t"));
    std::getline(lines, line);
    EXPECT_EQ(line, "hello\t"); // correct: nothing after the tab
    std::getline(lines, line);
    EXPECT_THAT(line, StartsWith("Recieve\tReceive\t")); // the writer's case
    std::getline(lines, line);
    EXPECT_THAT(line, StartsWith("thankyou\tthank you")); // a missing space
    EXPECT_FALSE(std::getline(lines, line));
}

TEST(SuggestCli, LimitsSuggestionsAndReportsConfidence) {
    const auto run = run_toolkit({"suggest", "--max", "2", "--confidence"}, "teh\n");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, MatchesRegex("teh\t(0|1)\\.[0-9]{3}\tthe\t[a-z]+\n"));
}

using SuggestCliWithFiles = atk::test::ScratchDirTest;

TEST_F(SuggestCliWithFiles, UsesTheGlossary) {
    const auto terms = write("terms.txt", "Acmezon\n");
    const auto run = run_toolkit({"suggest", "--glossary", terms}, "Acmezon\nAcmezonn\n");
    // The glossary term is accepted, and offered first for a near miss.
    EXPECT_THAT(run.out, MatchesRegex("Acmezon\t\nAcmezonn\tAcmezon(\t[^\n]*)?\n"));
}

TEST(SuggestCli, BadInputExitsTwoWithOneLine) {
    const auto bad_language = run_toolkit({"suggest", "--language", "xx"}, "word\n");
    EXPECT_EQ(bad_language.exit_code, 2);
    EXPECT_THAT(bad_language.err, HasSubstr("unknown language 'xx'"));
    const auto bad_bytes = run_toolkit({"suggest"}, "fine\nbr\xFFken\n");
    EXPECT_EQ(bad_bytes.exit_code, 2);
    EXPECT_THAT(bad_bytes.err, HasSubstr("<stdin>:2: invalid UTF-8 at byte 2"));
}

TEST(SuggestCli, StatsGoToStandardError) {
    const auto run = run_toolkit({"suggest", "--stats"}, "recieve\nteh\n");
    ASSERT_EQ(run.exit_code, 0);
    EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 2);
    EXPECT_THAT(run.err, MatchesRegex("suggest: 2 words, [0-9]+ words/s; per word p50 [0-9]+ us, "
                                      "p99 [0-9]+ us, max [0-9]+ us\n"));
}

TEST_F(SuggestCliWithFiles, WithoutAnIndexSuggestionsComeFromTheDictionary) {
    std::filesystem::create_directories(dir_ / "spelling");
    const auto run = run_toolkit({"suggest"}, "recieve\n", {"ATK_DATA_DIR=" + dir_.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, StartsWith("recieve\treceive")); // Nuspell's answer, unranked
}

TEST_F(SuggestCliWithFiles, ADamagedIndexIsAClearError) {
    write("spelling/en-US.index", std::string(100, 'x'));
    const auto run = run_toolkit({"suggest"}, "recieve\n", {"ATK_DATA_DIR=" + dir_.string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_THAT(run.err, HasSubstr("spelling index " + (dir_ / "spelling/en-US.index").string()));
    EXPECT_THAT(run.err, HasSubstr("rebuild it (make build)"));
    EXPECT_EQ(run.out, "");
}
