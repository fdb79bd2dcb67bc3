#include "checker_config.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

namespace atk::cli {

CheckerConfig checker_config() {
    CheckerConfig config;
    if (const char* from_environment = std::getenv("ATK_DATA_DIR");
        from_environment != nullptr && *from_environment) {
        config.data_directory = from_environment;
    } else {
        std::error_code error;
        const auto binary = std::filesystem::read_symlink("/proc/self/exe", error);
        if (!error) {
            config.data_directory =
                binary.parent_path().parent_path() / "share" / "analyst-toolkit";
        }
    }
    if (const char* rules = std::getenv("ATK_RULES_DIR"); rules != nullptr && *rules) {
        config.rules_directory = rules;
    } else if (!config.data_directory.empty()) {
        config.rules_directory = config.data_directory / "rules";
    }
    if (const char* modes = std::getenv("ATK_APERTIUM_MODES"); modes != nullptr && *modes) {
        config.apertium_modes_directory = modes; // as serve's --apertium-modes
    }
    config.warn = [](const std::string& message) {
        std::cerr << "analyst-toolkit: warning: " + message + "\n"; // one write: lines whole
    };
    return config;
}

} // namespace atk::cli
