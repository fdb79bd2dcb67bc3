// Bad input: each case gets one clear line on standard error naming the problem and the
// fix, exit status 2, and nothing on standard output (no partial result).
#include "run.hpp"
#include "scratch_dir.hpp"

#include <filesystem>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace fs = std::filesystem;
using atk::test::run_toolkit;
using atk::test::RunResult;
using testing::HasSubstr;
using testing::MatchesRegex;

namespace {

class BadInput : public atk::test::ScratchDirTest {
  protected:
    /// The contract for every bad input.
    static void expect_rejected(const RunResult& run, const std::string& problem) {
        EXPECT_EQ(run.exit_code, 2);
        EXPECT_EQ(run.out, "") << "no partial output";
        EXPECT_THAT(run.err, HasSubstr(problem));
        EXPECT_THAT(run.err, MatchesRegex("analyst-toolkit: error: [^\n]+\n")) << "one line";
    }
};

} // namespace

TEST_F(BadInput, MissingFile) {
    expect_rejected(run_toolkit({"check", (dir_ / "nope.md").string()}),
                    "nope.md: no such file; check the path");
}

TEST_F(BadInput, Directory) {
    expect_rejected(run_toolkit({"check", dir_.string()}), "is a directory; pass the files in it");
}

TEST_F(BadInput, BinaryFile) {
    const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    expect_rejected(run_toolkit({"check", write("logo.png", png)}),
                    "looks like a binary file (NUL byte at offset 8)");
}

TEST_F(BadInput, InvalidUtf8NamesLineAndByte) {
    expect_rejected(run_toolkit({"check", write("latin1.md", "Fine line.\nCaf\xE9 au lait.\n")}),
                    "latin1.md:2: invalid UTF-8 at byte offset 14; save the file as UTF-8");
}

TEST_F(BadInput, EmptyFile) {
    expect_rejected(run_toolkit({"check", write("empty.md", "")}),
                    "is empty; there is nothing to check");
}

TEST_F(BadInput, FiftyMegabyteFile) {
    const auto path = dir_ / "huge.md";
    {
        std::ofstream out(path, std::ios::binary);
        const std::string line(1023, 'a');
        for (int i = 0; i < 50 * 1024; ++i) {
            out << line << '\n';
        }
    }
    expect_rejected(
        run_toolkit({"check", path.string()}),
        "larger than the limit of 10.0 MB; split the document or raise --max-file-size");
}

TEST_F(BadInput, OversizedStandardInput) {
    expect_rejected(run_toolkit({"check", "--max-file-size", "100", "-"}, std::string(101, 'a')),
                    "<stdin>: larger than the limit of 100 bytes");
}

TEST_F(BadInput, UnknownLanguageCode) {
    expect_rejected(
        run_toolkit({"check", "--language", "klingon", write("ok.md", "Hello there.\n")}),
        "unknown language 'klingon'; use auto or one of: en-US, en-GB, fr-FR, es-ES, de-DE");
}

TEST_F(BadInput, UnreadableGlossary) {
    expect_rejected(run_toolkit({"check", "--glossary", (dir_ / "terms.txt").string(),
                                 write("ok.md", "Hello.\n")}),
                    "cannot read glossary");
    expect_rejected(
        run_toolkit({"check", "--glossary", dir_.string(), write("ok2.md", "Hello.\n")}),
        "is a directory");
}

TEST_F(BadInput, BrokenProjectFileNamesFileAndLine) {
    write(".analyst-toolkit.yml", "language: en-US\nglosary: [Acme]\n");
    expect_rejected(run_toolkit({"check", write("ok.md", "Hello.\n")}),
                    ".analyst-toolkit.yml:2: unknown key 'glosary'");
}

TEST_F(BadInput, OneBadFileAmongGoodOnesStopsEverything) {
    const auto run = run_toolkit(
        {"check", write("good.md", "The systme works.\n"), (dir_ / "missing.md").string()});
    expect_rejected(run, "missing.md: no such file");
}

TEST_F(BadInput, UsageErrorsExitTwo) {
    expect_rejected(run_toolkit({"check", "--format", "xml", "x.md"}),
                    "--format: xml not in {text,json,sarif}");
    expect_rejected(run_toolkit({"check", "--min-severity", "fatal", "x.md"}),
                    "--min-severity: fatal not in");
    expect_rejected(run_toolkit({"check", "--bogus"}), "--bogus");
    expect_rejected(run_toolkit({"frobnicate"}),
                    "unknown command 'frobnicate'; the commands are check, languages");
    expect_rejected(run_toolkit({}), "no command; the commands are check, languages");
    expect_rejected(run_toolkit({"check"}),
                    "no input; name one or more files, or - for standard input");
}
