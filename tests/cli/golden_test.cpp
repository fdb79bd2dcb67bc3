// Golden tests: `analyst-toolkit check` on the sample documents in tests/data, in each
// output format, compared byte for byte with tests/golden. After an intended change,
// regenerate with `make golden` and review the diff.
#include "run.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sstream>

namespace fs = std::filesystem;
using atk::test::read_file;
using atk::test::run_toolkit;

namespace {

std::vector<std::string> sample_documents() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(fs::path(ATK_SOURCE_DIR) / "tests" / "data")) {
        if (entry.is_regular_file() && entry.path().extension() == ".md") {
            names.push_back(entry.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

struct GoldenCase {
    std::string document;
    std::string format;
    friend void PrintTo(const GoldenCase& c, std::ostream* out) {
        *out << c.document << " as " << c.format;
    }
};

std::string case_name(const testing::TestParamInfo<GoldenCase>& info) {
    std::string name = info.param.document + "_" + info.param.format;
    std::replace_if(
        name.begin(), name.end(),
        [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
    return name;
}

std::vector<GoldenCase> golden_cases() {
    std::vector<GoldenCase> cases;
    for (const auto& document : sample_documents()) {
        for (const char* format : {"text", "json", "sarif"}) {
            cases.push_back({document, format});
        }
    }
    return cases;
}

class Golden : public testing::TestWithParam<GoldenCase> {};

} // namespace

TEST(GoldenSamples, ThereAreSampleDocuments) {
    EXPECT_GE(sample_documents().size(), 4U);
}

TEST_P(Golden, OutputMatchesTheRecordedOne) {
    const auto& [document, format] = GetParam();
    const auto run = run_toolkit({"check", "--format", format, "tests/data/" + document});
    ASSERT_EQ(run.exit_code, 1) << "the samples contain deliberate typos\n" << run.err;
    EXPECT_EQ(run.err, "");
    const auto golden = fs::path(ATK_SOURCE_DIR) / "tests" / "golden" / (document + "." + format);
    if (std::getenv("ATK_UPDATE_GOLDEN") != nullptr) {
        fs::create_directories(golden.parent_path());
        std::ofstream(golden, std::ios::binary) << run.out;
        GTEST_SKIP() << "rewrote " << golden;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run make golden";
    EXPECT_EQ(run.out, read_file(golden))
        << "output differs from " << golden << "; if the change is intended, run make golden";
}

INSTANTIATE_TEST_SUITE_P(Samples, Golden, testing::ValuesIn(golden_cases()), case_name);

// Each sample has a companion .typos file listing its deliberate typos and the intended
// words: every one must be found, and the intended word offered.
TEST(GoldenSamples, EveryDeliberateTypoIsFoundAndItsCorrectionOffered) {
    for (const auto& document : sample_documents()) {
        const std::string typos =
            read_file(std::string(ATK_SOURCE_DIR) + "/tests/data/" + document + ".typos");
        ASSERT_FALSE(typos.empty()) << document << " has no .typos companion";
        const auto run = run_toolkit({"check", "tests/data/" + document});
        std::istringstream lines(typos);
        for (std::string line; std::getline(lines, line);) {
            const auto tab = line.find('\t');
            ASSERT_NE(tab, std::string::npos) << "bad line in " << document << ".typos: " << line;
            const std::string typo = line.substr(0, tab);
            const std::string intended = line.substr(tab + 1);
            // A French typo may be reported with its elided article: "l’aplication".
            const auto end = run.out.find(typo + "\" [spelling]");
            const auto at = end == std::string::npos ? end : run.out.rfind("mistake: \"", end);
            ASSERT_NE(at, std::string::npos) << typo << " not found in " << document;
            const std::string finding = run.out.substr(at, run.out.find('\n', at) - at);
            EXPECT_THAT(finding, testing::HasSubstr(intended)) << "in " << document;
        }
    }
}

// A sample may have a companion .findings file: "rule-id<TAB>line" must be reported on that
// line, "clean<TAB>line" must get no rule finding; "#" starts a comment.
TEST(GoldenSamples, EveryDeliberateWordingProblemIsReportedAndCleanLinesAreLeftAlone) {
    std::size_t checked = 0;
    for (const auto& document : sample_documents()) {
        const std::string expected =
            read_file(std::string(ATK_SOURCE_DIR) + "/tests/data/" + document + ".findings");
        if (expected.empty()) {
            continue;
        }
        ++checked;
        const auto run = run_toolkit({"check", "tests/data/" + document});
        // "tests/data/x.md:LINE:COL: severity: message [rule-id]..." -> "rule-id@LINE"
        std::vector<std::string> found;
        std::istringstream out(run.out);
        const std::string prefix = "tests/data/" + document + ":";
        for (std::string line; std::getline(out, line);) {
            const auto open = line.rfind(" [");
            const auto close = line.find(']', open == std::string::npos ? 0 : open);
            if (line.rfind(prefix, 0) != 0 || open == std::string::npos ||
                close == std::string::npos) {
                continue;
            }
            const std::string number =
                line.substr(prefix.size(), line.find(':', prefix.size()) - prefix.size());
            found.push_back(line.substr(open + 2, close - open - 2) + "@" + number);
        }
        std::istringstream lines(expected);
        for (std::string line; std::getline(lines, line);) {
            if (line.empty() || line[0] == '#') {
                continue;
            }
            const auto tab = line.find('\t');
            ASSERT_NE(tab, std::string::npos)
                << "bad line in " << document << ".findings: " << line;
            const std::string rule = line.substr(0, tab);
            const std::string number = line.substr(tab + 1);
            if (rule == "clean") {
                for (const auto& finding : found) {
                    const bool on_line = finding.ends_with("@" + number);
                    EXPECT_FALSE(on_line && !finding.starts_with("spelling@"))
                        << document << ":" << number << " should be clean but has " << finding;
                }
            } else {
                EXPECT_THAT(found, testing::Contains(rule + "@" + number)) << "in " << document;
            }
        }
    }
    EXPECT_GE(checked, 2U) << "the English and French requirement samples have .findings";
}
