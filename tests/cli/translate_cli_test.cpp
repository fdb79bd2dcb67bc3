// The translate command: a document in, its translation out, untranslated words on stderr.
#include "run.hpp"
#include "scratch_dir.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

using atk::test::run_toolkit;
using testing::HasSubstr;

class TranslateCli : public atk::test::ScratchDirTest {};

TEST_F(TranslateCli, TranslatesStandardInputAndListsUnknownWords) {
    const auto run = run_toolkit({"translate", "--from", "en", "--to", "es"},
                                 "The frobnicator shall send the report.\n");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "El frobnicator enviará el informe.\n");
    EXPECT_EQ(run.err, "analyst-toolkit: untranslated: frobnicator\n");
}

TEST_F(TranslateCli, MarkdownByExtensionWithAGlossaryAndMarksOnRequest) {
    const auto doc = write("spec.md", "# The house\n\nAcme Cloud sends the `frob` file.\n");
    const auto glossary = write("glossary.txt", "Acme Cloud\n");
    auto run =
        run_toolkit({"translate", "--from", "en", "--to", "es", "--glossary", glossary, doc});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, testing::StartsWith("# La casa\n\nAcme Cloud "));
    EXPECT_THAT(run.out, HasSubstr("`frob`"));
    run = run_toolkit(
        {"translate", "--from", "en", "--to", "es", "--mark-unknown", "--format", "text"},
        "The frobnicator works.");
    EXPECT_THAT(run.out, HasSubstr("*frobnicator"));
}

TEST_F(TranslateCli, PairsListsDirectAndPivotedRoutes) {
    const auto run = run_toolkit({"translate", "--pairs"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_THAT(run.out, HasSubstr("en\tes\teng-spa\n"));
    EXPECT_THAT(run.out, HasSubstr("en\tfr\teng-spa+es-fr\n"));
}

TEST_F(TranslateCli, EmptyInputGivesEmptyOutput) {
    const auto run = run_toolkit({"translate", "--from", "en", "--to", "es"}, "");
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "");
}

TEST_F(TranslateCli, BadInvocationsSayWhatToDo) {
    auto run = run_toolkit({"translate", "--to", "es"}, "Hello.");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_THAT(run.err, HasSubstr("--from CODE --to CODE"));
    run = run_toolkit({"translate", "--from", "en", "--to", "de"}, "Hello.");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_THAT(run.err, HasSubstr("no translation from 'en' to 'de'; the pairs are: "));
    const auto binary = write("bad.txt", std::string("caf\xe9\n"));
    run = run_toolkit({"translate", "--from", "fr", "--to", "es", binary});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_THAT(run.err, HasSubstr("invalid UTF-8"));
    run = run_toolkit({"translate", "--from", "en", "--to", "es", (dir_ / "none.md").string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_THAT(run.err, HasSubstr("no such file"));
    run = run_toolkit(
        {"translate", "--from", "en", "--to", "es", "--glossary", (dir_ / "none.txt").string()},
        "Hello.");
    EXPECT_EQ(run.exit_code, 2);
}
