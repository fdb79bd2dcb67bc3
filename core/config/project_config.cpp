#include "config/project_config.hpp"

#include "error.hpp"
#include "text/utf8.hpp"

#include <fstream>
#include <sstream>
#include <yaml-cpp/yaml.h>

namespace atk::config {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const YAML::Mark& mark,
                       const std::string& reason) {
    const std::string line = mark.is_null() ? "" : ":" + std::to_string(mark.line + 1);
    throw InputError(path.string() + line + ": " + reason);
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError("cannot read " + path.string() + "; check its permissions");
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
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
    const std::string content = read_file(path);
    if (const auto bad = text::find_invalid_utf8(content)) {
        throw InputError(path.string() + ": invalid UTF-8 at byte " + std::to_string(*bad) +
                         "; save the file as UTF-8");
    }
    YAML::Node root;
    try {
        root = YAML::Load(content);
    } catch (const YAML::ParserException& e) {
        fail(path, e.mark, "invalid YAML: " + e.msg);
    }
    ProjectConfig config;
    config.path = path;
    if (root.IsNull()) {
        return config; // an empty file is a valid, empty configuration
    }
    if (!root.IsMap()) {
        fail(path, root.Mark(), "expected a mapping of settings (language:, glossary:)");
    }
    for (const auto& entry : root) {
        const std::string key = entry.first.as<std::string>();
        const YAML::Node& value = entry.second;
        if (key == "language") {
            if (!value.IsScalar()) {
                fail(path, value.Mark(), "'language' must be a language code such as en-US");
            }
            config.language = value.as<std::string>();
        } else if (key == "glossary") {
            if (!value.IsSequence()) {
                fail(path, value.Mark(), "'glossary' must be a list of words and phrases");
            }
            for (const auto& term : value) {
                if (!term.IsScalar()) {
                    fail(path, term.Mark(), "each glossary entry must be a word or a phrase");
                }
                config.glossary.add(term.as<std::string>());
            }
        } else {
            fail(path, entry.first.Mark(),
                 "unknown key '" + key + "'; the known keys are language and glossary");
        }
    }
    return config;
}

} // namespace atk::config
