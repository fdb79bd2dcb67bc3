#include "checker_config.hpp"

#include <cstdlib>
#include <filesystem>

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
    return config;
}

} // namespace atk::cli
