#include "input.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

namespace atk::cli {
namespace {

std::string human_size(std::size_t bytes) {
    if (bytes < std::size_t{1024} * 1024) {
        return std::to_string(bytes) + " bytes";
    }
    std::ostringstream out;
    out.precision(1);
    out << std::fixed << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MB";
    return out.str();
}

/// Reads at most max_bytes + 1 bytes, so an over-long input is detected without reading it
/// all (standard input may be endless).
std::string read_capped(std::istream& in, std::size_t max_bytes) {
    std::string content;
    std::array<char, std::size_t{64} * 1024> buffer{};
    while (content.size() <= max_bytes && in.read(buffer.data(), buffer.size()).gcount() > 0) {
        content.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    return content;
}

text::Markup markup_for(const std::string& path, MarkupChoice choice) {
    if (choice != MarkupChoice::automatic) {
        return choice == MarkupChoice::markdown ? text::Markup::markdown : text::Markup::plain_text;
    }
    const std::string extension = std::filesystem::path(path).extension().string();
    return extension == ".txt" || extension == ".text" ? text::Markup::plain_text
                                                       : text::Markup::markdown;
}

} // namespace

std::variant<InputDocument, std::string> read_input(const std::string& path, std::size_t max_bytes,
                                                    MarkupChoice markup, bool allow_empty) {
    const bool from_stdin = path == "-";
    const std::string name = from_stdin ? "<stdin>" : path;
    std::string content;
    if (from_stdin) {
        content = read_capped(std::cin, max_bytes);
    } else {
        std::error_code error;
        const auto status = std::filesystem::status(path, error);
        if (!std::filesystem::exists(status)) {
            return name + ": no such file; check the path";
        }
        if (std::filesystem::is_directory(status)) {
            return name + ": is a directory; pass the files in it instead (for example " + path +
                   "/*.md)";
        }
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            return name + ": cannot be read (" + std::strerror(errno) + "); check its permissions";
        }
        content = read_capped(in, max_bytes);
    }
    if (content.size() > max_bytes) {
        return name + ": larger than the limit of " + human_size(max_bytes) +
               "; split the document or raise --max-file-size";
    }
    if (content.empty() && !allow_empty) {
        return name + ": is empty; there is nothing to check";
    }
    if (const auto nul = content.find('\0'); nul != std::string::npos) {
        return name + ": looks like a binary file (NUL byte at offset " + std::to_string(nul) +
               "); pass a UTF-8 text or Markdown file";
    }
    if (const auto bad = text::find_invalid_utf8(content)) {
        const auto line = 1 + std::count(content.begin(),
                                         content.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
        return name + ":" + std::to_string(line) + ": invalid UTF-8 at byte offset " +
               std::to_string(*bad) + "; save the file as UTF-8";
    }
    const auto directory = from_stdin ? std::filesystem::current_path()
                                      : std::filesystem::absolute(path).parent_path();
    return InputDocument{path, directory, std::move(content), markup_for(path, markup)};
}

} // namespace atk::cli
