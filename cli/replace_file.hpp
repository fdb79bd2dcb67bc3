#pragma once
// Rewriting a user's file without ever losing it.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace atk::cli {

/// Replaces the contents of `path` with `content` atomically: writes a temporary file in the
/// same folder (same permissions), flushes it to disk, then renames it over `path`, so that
/// a reader sees either the old or the new file, never a part. With `keep_original`, the old
/// file is first copied to `path` + ".orig". On failure the original is untouched, the
/// temporary file removed, and the message to show is returned.
std::optional<std::string> replace_file(const std::filesystem::path& path, std::string_view content,
                                        bool keep_original);

} // namespace atk::cli
