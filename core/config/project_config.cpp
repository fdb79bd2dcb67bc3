#include "config/project_config.hpp"

#include "config/yaml_file.hpp"

namespace atk::config {
namespace {

void read_rules(const std::filesystem::path& path, const YAML::Node& value, ProjectConfig& config) {
    if (!value.IsMap()) {
        fail(path, value.Mark(),
             "'rules' must be a mapping (profile:, enable:, disable:, preferred_terms:)");
    }
    for (const auto& entry : value) {
        const std::string key = scalar(path, entry.first, "a key of 'rules'");
        if (key == "profile") {
            config.profile = scalar(path, entry.second, "'rules: profile'");
            if (*config.profile != "requirements" && *config.profile != "general") {
                fail(path, entry.second.Mark(), "'rules: profile' must be requirements or general");
            }
        } else if (key == "enable") {
            config.enable_rules = strings(path, entry.second, "'rules: enable'");
        } else if (key == "disable") {
            config.disable_rules = strings(path, entry.second, "'rules: disable'");
        } else if (key == "preferred_terms") {
            if (!entry.second.IsMap()) {
                fail(path, entry.second.Mark(),
                     "'rules: preferred_terms' must map each term to avoid to the one to use");
            }
            for (const auto& term : entry.second) {
                config.preferred_terms.emplace_back(
                    scalar(path, term.first, "a term of 'preferred_terms'"),
                    scalar(path, term.second, "a preferred term"));
            }
        } else {
            fail(path, entry.first.Mark(),
                 "unknown key 'rules: " + key +
                     "'; the known keys are profile, enable, disable and preferred_terms");
        }
    }
}

} // namespace

std::optional<std::filesystem::path> find_project_config(const std::filesystem::path& directory) {
    std::error_code error;
    auto dir = std::filesystem::absolute(directory, error);
    if (error) {
        return std::nullopt;
    }
    for (;;) {
        auto candidate = dir / kProjectFileName;
        if (std::filesystem::is_regular_file(candidate, error)) {
            return candidate;
        }
        if (!dir.has_parent_path() || dir.parent_path() == dir) {
            return std::nullopt;
        }
        dir = dir.parent_path();
    }
}

ProjectConfig load_project_config(const std::filesystem::path& path) {
    const YAML::Node root = read_yaml(path);
    ProjectConfig config;
    config.path = path;
    if (root.IsNull()) {
        return config; // an empty file is a valid, empty configuration
    }
    if (!root.IsMap()) {
        fail(path, root.Mark(), "expected a mapping of settings (language:, glossary:, rules:)");
    }
    for (const auto& entry : root) {
        const std::string key = scalar(path, entry.first, "a key");
        const YAML::Node& value = entry.second;
        if (key == "language") {
            if (!value.IsScalar()) {
                fail(path, value.Mark(), "'language' must be a language code such as en-US");
            }
            config.language = scalar(path, value, "'language'");
        } else if (key == "glossary") {
            if (!value.IsSequence()) {
                fail(path, value.Mark(), "'glossary' must be a list of words and phrases");
            }
            for (const auto& term : value) {
                if (!term.IsScalar()) {
                    fail(path, term.Mark(), "each glossary entry must be a word or a phrase");
                }
                config.glossary.add(scalar(path, term, "a glossary entry"));
            }
        } else if (key == "rules") {
            read_rules(path, value, config);
        } else {
            fail(path, entry.first.Mark(),
                 "unknown key '" + key + "'; the known keys are language, glossary and rules");
        }
    }
    return config;
}

} // namespace atk::config
