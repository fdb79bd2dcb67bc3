#include "config/yaml_file.hpp"

#include "error.hpp"
#include "text/utf8.hpp"

#include <fstream>
#include <sstream>

namespace atk::config {

void fail(const std::filesystem::path& path, const YAML::Mark& mark, const std::string& reason) {
    const std::string line = mark.is_null() ? "" : ":" + std::to_string(mark.line + 1);
    throw InputError(path.string() + line + ": " + reason);
}

YAML::Node read_yaml(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError("cannot read " + path.string() +
                         "; check that it exists and its permissions");
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string content = buffer.str();
    if (const auto bad = text::find_invalid_utf8(content)) {
        throw InputError(path.string() + ": invalid UTF-8 at byte " + std::to_string(*bad) +
                         "; save the file as UTF-8");
    }
    try {
        return YAML::Load(content);
    } catch (const YAML::ParserException& e) {
        fail(path, e.mark, "invalid YAML: " + e.msg);
    }
}

std::string scalar(const std::filesystem::path& path, const YAML::Node& node,
                   const std::string& what) {
    if (!node.IsScalar()) {
        fail(path, node.Mark(), what + " must be a single value");
    }
    std::string value = node.as<std::string>();
    // The file is valid UTF-8, but yaml-cpp can still make a value that is not: from an
    // escape such as "\uD800", or around a NUL byte, which YAML does not allow.
    if (const auto bad = text::find_invalid_utf8(value)) {
        fail(path, node.Mark(),
             what + " is not valid UTF-8 (byte " + std::to_string(*bad) +
                 "): remove NUL bytes and escapes of surrogates");
    }
    return value;
}

std::vector<std::string> strings(const std::filesystem::path& path, const YAML::Node& node,
                                 const std::string& what) {
    if (node.IsScalar()) {
        return {scalar(path, node, what)};
    }
    if (!node.IsSequence()) {
        fail(path, node.Mark(), what + " must be a list");
    }
    std::vector<std::string> out;
    for (const auto& item : node) {
        out.push_back(scalar(path, item, "each entry of " + what));
    }
    return out;
}

} // namespace atk::config
