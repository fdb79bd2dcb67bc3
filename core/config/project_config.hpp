#pragma once
// .analyst-toolkit.yml: per-project settings, found like .editorconfig by walking up from
// the checked file. Documented in docs/configuration.md.
#include "spell/glossary.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace atk::config {

inline constexpr const char* kProjectFileName = ".analyst-toolkit.yml";

struct ProjectConfig {
    std::filesystem::path path;          ///< the file it came from
    std::optional<std::string> language; ///< default language for the project's documents
    spell::Glossary glossary;            ///< accepted project vocabulary
    /// rules: the profile (requirements | general) and the rules or categories turned on
    /// and off (docs/rules.md).
    std::optional<std::string> profile;
    std::vector<std::string> enable_rules;
    std::vector<std::string> disable_rules;
    /// The project's preferred terms: "client" -> "customer".
    std::vector<std::pair<std::string, std::string>> preferred_terms;
};

/// The nearest .analyst-toolkit.yml in `directory` or one of its parents, if any.
std::optional<std::filesystem::path> find_project_config(const std::filesystem::path& directory);

/// Reads and validates a project file. Throws atk::InputError "FILE:LINE: reason; fix" for
/// invalid YAML, unknown keys and values of the wrong type.
ProjectConfig load_project_config(const std::filesystem::path& path);

} // namespace atk::config
