#pragma once
// The document model: a plain-text or Markdown source reduced to the prose blocks worth
// checking, each with a map back to byte offsets in the source.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace atk::text {

enum class Markup { plain_text, markdown };

enum class BlockKind { paragraph, heading, list_item, table_cell };

/// Where the pieces of a block's text come from. A verbatim piece maps byte for byte onto
/// the source (line breaks inside a paragraph are turned into spaces, byte for byte); a
/// stand-in piece replaces a source range as a whole: something that is not prose (inline
/// code, a URL: kStandIn), a separator (an HTML tag, a line break: a space) or an entity
/// (&nbsp;, &eacute;: the character it names).
struct Piece {
    std::size_t text_begin;
    std::size_t source_begin;
    std::size_t length;        ///< bytes of block text
    std::size_t source_length; ///< bytes of source; equal to length for verbatim pieces
    bool verbatim;
};

/// One block of prose. `text` is UTF-8 in which every non-prose element is replaced by
/// kStandIn, so that words never run across it and sentences stay whole.
struct ProseBlock {
    BlockKind kind = BlockKind::paragraph;
    std::string text;
    std::vector<Piece> pieces;

    /// Source byte offset of the block-text byte offset `text_offset` (< text.size()).
    std::size_t source_offset(std::size_t text_offset) const;
    /// Source byte offset just past the block-text byte range ending at `text_end` (> 0).
    std::size_t source_end(std::size_t text_end) const;
};

/// U+FFFC OBJECT REPLACEMENT CHARACTER: stands in for an element that is not prose.
inline constexpr std::string_view kStandIn = "\xEF\xBF\xBC";

/// Everything in a source worth checking. `source` is not owned: it must outlive the
/// document. Precondition: `source` is valid UTF-8 (see find_invalid_utf8).
struct Document {
    std::string_view source;
    std::vector<ProseBlock> blocks;
};

/// Parses `source` and keeps only prose. Markdown follows CommonMark with GitHub's tables,
/// task lists, strikethrough and bare-URL autolinks; fenced and indented code, inline code,
/// HTML, autolinks, link and image targets and YAML front matter are left out. Plain text
/// is split into paragraphs at blank lines.
Document parse_document(std::string_view source, Markup markup);

} // namespace atk::text
