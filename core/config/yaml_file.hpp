#pragma once
// Reading the YAML files users and rule authors write (.analyst-toolkit.yml, rules/*.yml):
// every error names the file and the line, and says what to do.
#include <filesystem>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace atk::config {

/// Throws atk::InputError "FILE:LINE: reason" (without the line when `mark` has none).
[[noreturn]] void fail(const std::filesystem::path& path, const YAML::Mark& mark,
                       const std::string& reason);

/// Parses a UTF-8 YAML file. Throws atk::InputError when it cannot be read, is not UTF-8
/// (naming the byte) or is not valid YAML (naming the line).
YAML::Node read_yaml(const std::filesystem::path& path);

/// `node` as a string; fails naming `what` unless it is a scalar of valid UTF-8.
std::string scalar(const std::filesystem::path& path, const YAML::Node& node,
                   const std::string& what);

/// `node` as a list of strings (a lone scalar counts as a list of one); fails naming `what`.
std::vector<std::string> strings(const std::filesystem::path& path, const YAML::Node& node,
                                 const std::string& what);

} // namespace atk::config
