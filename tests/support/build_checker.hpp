#pragma once
// One checker for a whole test suite, over the build's data (dictionaries, suggestion
// indexes, rules): loaded once, as in the server. Needs ATK_BUILD_DATA_DIR.
#include "check.hpp"

#include <filesystem>

namespace atk::test {

inline const Checker& build_checker() {
    static const Checker instance([] {
        CheckerConfig config;
        config.data_directory = ATK_BUILD_DATA_DIR;
        config.rules_directory = std::filesystem::path(ATK_BUILD_DATA_DIR) / "rules";
        return config;
    }());
    return instance;
}

} // namespace atk::test
