#pragma once
// One checker for a whole test suite, over the build's data (dictionaries, suggestion
// indexes, rules): loaded once, as in the server. Needs ATK_BUILD_DATA_DIR. And one
// translator, over the installed Apertium pairs.
#include "check.hpp"
#include "translate/translator.hpp"

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

/// One translator for a whole test suite, over the installed Apertium pairs.
inline const translate::Translator& build_translator() {
    static const translate::Translator instance;
    return instance;
}

} // namespace atk::test
