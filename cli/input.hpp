#pragma once
// Reading the documents named on the command line, with every way that can go wrong
// turned into one clear sentence.
#include "text/document.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <variant>

namespace atk::cli {

struct InputDocument {
    std::string path;                ///< as the user gave it; "-" for standard input
    std::filesystem::path directory; ///< where to look for .analyst-toolkit.yml
    std::string text;                ///< valid UTF-8
    text::Markup markup = text::Markup::markdown;
};

enum class MarkupChoice { automatic, markdown, plain_text };

/// Reads `path` ("-" for standard input) and checks it is a UTF-8 text file of at most
/// `max_bytes`, and not empty unless `allow_empty`. On failure returns the message to show,
/// starting with the path.
std::variant<InputDocument, std::string> read_input(const std::string& path, std::size_t max_bytes,
                                                    MarkupChoice markup, bool allow_empty = false);

} // namespace atk::cli
