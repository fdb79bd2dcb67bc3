#include "text/offsets.hpp"

#include "text/utf8.hpp"

#include <algorithm>

namespace atk::text {
namespace {
// A query scans at most this many bytes (plus one code point) from its checkpoint.
constexpr std::size_t kStride = 128;
} // namespace

OffsetMap::OffsetMap(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    std::size_t units = 0;
    std::size_t next_checkpoint = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        if (pos >= next_checkpoint) {
            checkpoints_.push_back({pos, units});
            next_checkpoint = pos + kStride;
        }
        const char32_t c = next_code_point(text, pos);
        units += c > 0xFFFF ? 2 : 1;
        // A line ends at LF, or at a CR not followed by LF (old Mac files).
        if (c == U'\n' || (c == U'\r' && (pos >= text.size() || text[pos] != '\n'))) {
            line_starts_.push_back(pos);
        }
    }
    if (checkpoints_.empty()) {
        checkpoints_.push_back({0, 0});
    }
}

std::size_t OffsetMap::to_utf16(std::size_t byte_offset) const {
    auto after = std::upper_bound(
        checkpoints_.begin(), checkpoints_.end(), byte_offset,
        [](std::size_t offset, const Checkpoint& checkpoint) { return offset < checkpoint.byte; });
    const Checkpoint& from = *std::prev(after);
    return from.utf16 + utf16_length(text_.substr(from.byte, byte_offset - from.byte));
}

LineColumn OffsetMap::to_line_column(std::size_t byte_offset) const {
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
    const auto line_index = static_cast<std::size_t>(after - line_starts_.begin()) - 1;
    const std::size_t line_start = line_starts_[line_index];
    return {line_index + 1, to_utf16(byte_offset) - to_utf16(line_start) + 1};
}

} // namespace atk::text
