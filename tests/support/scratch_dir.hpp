#pragma once
// A fresh scratch folder per test, named after the test and removed afterwards.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <string>

namespace atk::test {

class ScratchDirTest : public testing::Test {
  protected:
    void SetUp() override {
        const auto* test = testing::UnitTest::GetInstance()->current_test_info();
        dir_ = std::filesystem::temp_directory_path() /
               ("atk-" + std::string(test->test_suite_name()) + "-" + test->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    /// Writes `content` to `relative` (folders created as needed); returns the full path.
    std::string write(const std::filesystem::path& relative, const std::string& content) {
        const auto path = dir_ / relative;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << content;
        return path.string();
    }

    std::filesystem::path dir_;
};

} // namespace atk::test
