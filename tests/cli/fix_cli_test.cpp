// check --fix: confident corrections written in place, atomically, nothing else touched.
#include "run.hpp"
#include "scratch_dir.hpp"

#include <cstdlib>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

namespace fs = std::filesystem;
using atk::test::read_file;
using atk::test::run_toolkit;
using testing::HasSubstr;

using FixCli = atk::test::ScratchDirTest;

TEST_F(FixCli, CorrectsConfidentTyposAndReportsTheRest) {
    const auto path =
        write("spec.md", "# Billing\n\nThe customer shall recieve the invoice.\nA qwzx stays.\n");
    const auto run = run_toolkit({"check", "--fix", path});
    EXPECT_EQ(run.exit_code, 1) << run.err; // "qwzx" has no confident correction
    EXPECT_EQ(read_file(path),
              "# Billing\n\nThe customer shall receive the invoice.\nA qwzx stays.\n");
    EXPECT_THAT(run.out, HasSubstr(path + ":3:20: fixed: \"recieve\" -> \"receive\"\n"));
    EXPECT_THAT(run.out, HasSubstr(path + ":4:3: error: Possible spelling mistake: \"qwzx\""));
    EXPECT_FALSE(fs::exists(path + ".orig"));
}

TEST_F(FixCli, NeverTouchesCodeUrlsOrGlossaryTerms) {
    write(".analyst-toolkit.yml", "glossary: [Recievr]\n");
    const std::string content =
        "Run `recieve()` on https://exmaple.com/recieve for Recievr.\n\n```\nrecieve\n```\n";
    const auto path = write("code.md", content);
    const auto run = run_toolkit({"check", "--fix", path});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    EXPECT_EQ(read_file(path), content);
    EXPECT_EQ(run.out, "");
}

TEST_F(FixCli, KeepsTheOriginalOnRequestAndThePermissions) {
    const std::string content = "We recieve it.\n";
    const auto path = write("keep.md", content);
    ::chmod(path.c_str(), 0640);
    const auto run = run_toolkit({"check", "--fix", "--keep-original", path});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(read_file(path + ".orig"), content);
    EXPECT_EQ(read_file(path), "We receive it.\n");
    EXPECT_EQ(fs::status(path).permissions() & fs::perms::all, fs::perms(0640));
}

TEST_F(FixCli, JsonListsTheFixes) {
    const auto path = write("j.md", "We recieve it.\n");
    const auto run = run_toolkit({"check", "--fix", "--format", "json", path});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto json = nlohmann::json::parse(run.out);
    const auto& fixed = json["files"][0]["fixed"][0];
    EXPECT_EQ(fixed["original"], "recieve");
    EXPECT_EQ(fixed["replacement"], "receive");
    EXPECT_EQ(fixed["offset"], 3);
    EXPECT_EQ(fixed["length"], 7);
    EXPECT_GE(fixed["confidence"].get<double>(), 0.9);
}

TEST_F(FixCli, AnUnwritableFolderLeavesTheOriginalIntact) {
    const std::string content = "We recieve it.\n";
    const auto path = write("locked/spec.md", content);
    const auto folder = (dir_ / "locked").string();
    if (std::system(("chattr +i '" + folder + "' 2>/dev/null").c_str()) != 0) {
        GTEST_SKIP() << "chattr +i is not available here (needs root on ext4 or similar)";
    }
    const auto run = run_toolkit({"check", "--fix", path});
    std::system(("chattr -i '" + folder + "'").c_str());
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_THAT(run.err, HasSubstr("cannot write " + path));
    EXPECT_THAT(run.err, HasSubstr("the original is unchanged"));
    EXPECT_EQ(read_file(path), content);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "locked"), fs::directory_iterator()), 1);
}

/// A small tmpfs mounted on a folder of the scratch directory, for the file-system faults
/// (needs root, or CAP_SYS_ADMIN; the tests that use it skip where mounting is refused).
class FixCliOnTmpfs : public atk::test::ScratchDirTest {
  protected:
    void SetUp() override {
        ScratchDirTest::SetUp();
        mount_ = (dir_ / "mnt").string();
        std::filesystem::create_directories(mount_);
        if (std::system(("mount -t tmpfs -o size=8k tmpfs '" + mount_ + "' 2>/dev/null").c_str()) !=
            0) {
            GTEST_SKIP() << "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)";
        }
        mounted_ = true;
    }
    void TearDown() override {
        if (mounted_) {
            std::system(("umount '" + mount_ + "'").c_str());
        }
        ScratchDirTest::TearDown();
    }
    /// A document with one confident typo that fills the 8 KiB tmpfs, so that no copy fits.
    static std::string filling_document() {
        std::string text = "We recieve it.\n";
        while (text.size() < 8000) {
            text += "The system shall export the report.\n";
        }
        return text;
    }
    bool remount_read_only() const {
        return std::system(("mount -o remount,ro '" + mount_ + "'").c_str()) == 0;
    }
    std::size_t entries() const {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(mount_),
                                                      fs::directory_iterator()));
    }

    std::string mount_;
    bool mounted_ = false;
};

TEST_F(FixCliOnTmpfs, AFullDiskLeavesTheOriginalIntactAndSaysSo) {
    const std::string content = filling_document();
    const auto path = mount_ + "/spec.md";
    std::ofstream(path, std::ios::binary) << content;
    ASSERT_EQ(read_file(path), content) << "the document itself should fit";
    const auto run = run_toolkit({"check", "--fix", path});
    EXPECT_EQ(run.exit_code, 2) << run.out;
    EXPECT_THAT(run.err, HasSubstr("cannot write " + path));
    EXPECT_THAT(run.err, HasSubstr("No space left on device"));
    EXPECT_THAT(run.err, HasSubstr("the original is unchanged"));
    EXPECT_EQ(read_file(path), content);
    EXPECT_EQ(entries(), 1U) << "the temporary file is removed";
}

TEST_F(FixCliOnTmpfs, AFullDiskWhileKeepingTheOriginalLeavesItIntact) {
    const std::string content = filling_document().substr(0, 3000);
    const auto path = mount_ + "/spec.md";
    std::ofstream(path, std::ios::binary) << content;
    // 3,000 bytes take one of the two pages and the fixed copy the other: no room for .orig.
    const auto run = run_toolkit({"check", "--fix", "--keep-original", path});
    EXPECT_EQ(run.exit_code, 2) << run.out;
    EXPECT_THAT(run.err, HasSubstr("cannot write " + path));
    EXPECT_THAT(run.err, HasSubstr("the original is unchanged"));
    EXPECT_EQ(read_file(path), content);
    EXPECT_FALSE(fs::exists(path + ".orig")) << "a partial .orig is never left behind";
    EXPECT_EQ(entries(), 1U) << "nor a temporary file";
}

TEST_F(FixCliOnTmpfs, AReadOnlyFileSystemLeavesTheOriginalIntactAndSaysSo) {
    const std::string content = "We recieve it.\n";
    const auto path = mount_ + "/spec.md";
    std::ofstream(path, std::ios::binary) << content;
    ASSERT_TRUE(remount_read_only());
    const auto run = run_toolkit({"check", "--fix", path});
    EXPECT_EQ(run.exit_code, 2) << run.out;
    EXPECT_THAT(run.err, HasSubstr("cannot write " + path));
    EXPECT_THAT(run.err, HasSubstr("Read-only file system"));
    EXPECT_THAT(run.err, HasSubstr("the original is unchanged"));
    EXPECT_EQ(read_file(path), content);
    EXPECT_EQ(entries(), 1U);
}

TEST_F(FixCli, RefusesStandardInput) {
    const auto run = run_toolkit({"check", "--fix", "-"}, "We recieve it.\n");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_THAT(run.err, HasSubstr("cannot fix standard input"));
    EXPECT_EQ(run.out, "");
}
