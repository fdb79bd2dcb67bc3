#pragma once
// The one place where UTF-8 byte offsets (what core uses) become the positions users and
// clients see: UTF-16 code units (JavaScript, LanguageTool clients, SARIF's default) and
// 1-based line and column numbers (column counted in UTF-16 code units).
#include <cstddef>
#include <string_view>
#include <vector>

namespace atk::text {

struct LineColumn {
    std::size_t line = 1;   ///< 1-based
    std::size_t column = 1; ///< 1-based, in UTF-16 code units from the start of the line
};

/// Built once per document; immutable afterwards, so safe to share between threads.
/// Precondition for every query: `byte_offset` lies on a code-point boundary of the valid
/// UTF-8 text the map was built from (0 and text.size() included).
class OffsetMap {
  public:
    explicit OffsetMap(std::string_view text);

    std::size_t to_utf16(std::size_t byte_offset) const;
    LineColumn to_line_column(std::size_t byte_offset) const;

  private:
    struct Checkpoint {
        std::size_t byte;
        std::size_t utf16;
    };
    std::string_view text_;
    std::vector<Checkpoint> checkpoints_;  // every ~kStride bytes, on code-point boundaries
    std::vector<std::size_t> line_starts_; // byte offset of each line's first byte
};

} // namespace atk::text
