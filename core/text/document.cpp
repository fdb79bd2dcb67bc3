#include "text/document.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <md4c.h>

namespace atk::text {

std::size_t ProseBlock::source_offset(std::size_t text_offset) const {
    auto after = std::upper_bound(
        pieces.begin(), pieces.end(), text_offset,
        [](std::size_t offset, const Piece& piece) { return offset < piece.text_begin; });
    assert(after != pieces.begin());
    const Piece& piece = *std::prev(after);
    return piece.verbatim ? piece.source_begin + (text_offset - piece.text_begin)
                          : piece.source_begin;
}

std::size_t ProseBlock::source_end(std::size_t text_end) const {
    assert(text_end > 0);
    auto after = std::upper_bound(
        pieces.begin(), pieces.end(), text_end - 1,
        [](std::size_t offset, const Piece& piece) { return offset < piece.text_begin; });
    const Piece& piece = *std::prev(after);
    return piece.verbatim ? piece.source_begin + (text_end - piece.text_begin)
                          : piece.source_begin + piece.source_length;
}

namespace {

/// Accumulates the text of one block, piece by piece, and hands finished blocks over.
class BlockBuilder {
  public:
    explicit BlockBuilder(std::vector<ProseBlock>& out) : out_(out) {}

    void append_verbatim(std::size_t source_begin, std::string_view bytes) {
        if (bytes.empty()) {
            return;
        }
        Piece* last = current_.pieces.empty() ? nullptr : &current_.pieces.back();
        if (last != nullptr && last->verbatim &&
            last->source_begin + last->length == source_begin) {
            last->length += bytes.size(); // contiguous in the source: extend
            last->source_length += bytes.size();
        } else {
            current_.pieces.push_back(
                {current_.text.size(), source_begin, bytes.size(), bytes.size(), true});
        }
        current_.text.append(bytes);
        has_prose_ = true;
        source_cursor_ = source_begin + bytes.size();
    }

    /// Replaces the source range [source_pos, source_pos + source_length) with `replacement`.
    void append_stand_in(std::string_view replacement, std::size_t source_pos,
                         std::size_t source_length) {
        current_.pieces.push_back(
            {current_.text.size(), source_pos, replacement.size(), source_length, false});
        current_.text.append(replacement);
        source_cursor_ = source_pos + source_length;
    }
    /// Inserts `replacement` where the previous piece ended (a line break, for instance).
    void append_stand_in(std::string_view replacement) {
        append_stand_in(replacement, source_cursor_, 0);
    }

    void flush(BlockKind kind) {
        if (has_prose_) {
            current_.kind = kind;
            out_.push_back(std::move(current_));
        }
        current_ = ProseBlock{};
        has_prose_ = false;
    }

  private:
    std::vector<ProseBlock>& out_;
    ProseBlock current_;
    bool has_prose_ = false;
    std::size_t source_cursor_ = 0;
};

/// The text an HTML entity (&amp;, &#233;, &#xE9;) stands for. Named entities outside the
/// common ones separate words like a space, which is what most of them are used for.
std::string decode_entity(std::string_view entity) {
    std::string out;
    if (entity.size() > 3 && entity[1] == '#') {
        const bool hex = entity[2] == 'x' || entity[2] == 'X';
        const std::string digits(entity.substr(hex ? 3 : 2, entity.size() - (hex ? 4 : 3)));
        const unsigned long code = std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10);
        const bool valid = code > 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF);
        append_utf8(out, valid ? static_cast<char32_t>(code) : U'\uFFFD');
        return out;
    }
    static const std::pair<std::string_view, char32_t> named[] = {
        {"&amp;", U'&'},         {"&lt;", U'<'},          {"&gt;", U'>'},
        {"&quot;", U'"'},        {"&apos;", U'\''},       {"&nbsp;", U'\u00A0'},
        {"&ndash;", U'\u2013'},  {"&mdash;", U'\u2014'},  {"&hellip;", U'\u2026'},
        {"&rsquo;", U'\u2019'},  {"&lsquo;", U'\u2018'},  {"&ldquo;", U'\u201C'},
        {"&rdquo;", U'\u201D'},  {"&eacute;", U'\u00E9'}, {"&egrave;", U'\u00E8'},
        {"&agrave;", U'\u00E0'}, {"&ccedil;", U'\u00E7'}, {"&euro;", U'\u20AC'},
        {"&copy;", U'\u00A9'},   {"&reg;", U'\u00AE'},    {"&trade;", U'\u2122'},
        {"&deg;", U'\u00B0'},    {"&times;", U'\u00D7'},
    };
    for (const auto& [name, c] : named) {
        if (entity == name) {
            append_utf8(out, c);
            return out;
        }
    }
    return " ";
}

/// md4c callbacks: tracks which block and span the parser is in, and feeds BlockBuilder.
class MarkdownReader {
  public:
    MarkdownReader(std::string_view source, std::vector<ProseBlock>& out)
        : source_(source), builder_(out) {}

    void read(std::size_t begin) {
        MD_PARSER parser{};
        parser.flags = MD_DIALECT_GITHUB;
        parser.enter_block = [](MD_BLOCKTYPE type, void*, void* self) {
            return static_cast<MarkdownReader*>(self)->enter_block(type);
        };
        parser.leave_block = [](MD_BLOCKTYPE type, void*, void* self) {
            return static_cast<MarkdownReader*>(self)->leave_block(type);
        };
        parser.enter_span = [](MD_SPANTYPE type, void* detail, void* self) {
            return static_cast<MarkdownReader*>(self)->enter_span(type, detail);
        };
        parser.leave_span = [](MD_SPANTYPE type, void*, void* self) {
            return static_cast<MarkdownReader*>(self)->leave_span(type);
        };
        parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
            return static_cast<MarkdownReader*>(self)->on_text(type, text, size);
        };
        const std::string_view body = source_.substr(begin);
        md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, this);
        builder_.flush(current_kind());
    }

  private:
    int enter_block(MD_BLOCKTYPE type) {
        builder_.flush(current_kind());
        blocks_.push_back(type);
        return 0;
    }

    int leave_block(MD_BLOCKTYPE type) {
        builder_.flush(current_kind());
        if (!blocks_.empty() && blocks_.back() == type) {
            blocks_.pop_back();
        }
        return 0;
    }

    int enter_span(MD_SPANTYPE type, void* detail) {
        if (type == MD_SPAN_A) {
            const auto* link = static_cast<const MD_SPAN_A_DETAIL*>(detail);
            link_targets_.emplace_back(link->href.text, link->href.size);
        }
        return 0;
    }

    int leave_span(MD_SPANTYPE type) {
        if (type == MD_SPAN_A && !link_targets_.empty()) {
            link_targets_.pop_back();
        }
        return 0;
    }

    int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
        const std::string_view chunk(text, size);
        const bool in_source =
            text >= source_.data() && text + size <= source_.data() + source_.size();
        if (!in_source) { // md4c's own strings: line breaks and NUL replacements
            builder_.append_stand_in(type == MD_TEXT_NULLCHAR ? kStandIn : " ");
            return 0;
        }
        const auto offset = static_cast<std::size_t>(text - source_.data());
        switch (type) {
        case MD_TEXT_NORMAL:
            if (is_autolink_text(chunk)) {
                builder_.append_stand_in(kStandIn, offset, size);
            } else {
                builder_.append_verbatim(offset, chunk);
            }
            break;
        case MD_TEXT_ENTITY:
            builder_.append_stand_in(decode_entity(chunk), offset, size);
            break;
        case MD_TEXT_HTML: // an inline tag separates words like a space: <b>word</b>
            builder_.append_stand_in(" ", offset, size);
            break;
        default: // inline code, maths: not prose
            builder_.append_stand_in(kStandIn, offset, size);
            break;
        }
        return 0;
    }

    /// An autolink (<https://...>, a bare URL or e-mail address) shows its own target as
    /// its text; a written link ([the spec](https://...)) shows prose.
    bool is_autolink_text(std::string_view chunk) const {
        if (link_targets_.empty() || chunk.empty()) {
            return false;
        }
        const std::string_view target = link_targets_.back();
        return target.size() >= chunk.size() &&
               target.substr(target.size() - chunk.size()) == chunk;
    }

    BlockKind current_kind() const {
        BlockKind kind = BlockKind::paragraph;
        for (const MD_BLOCKTYPE type : blocks_) {
            if (type == MD_BLOCK_H) {
                kind = BlockKind::heading;
            } else if (type == MD_BLOCK_LI) {
                kind = BlockKind::list_item;
            } else if (type == MD_BLOCK_TD || type == MD_BLOCK_TH) {
                kind = BlockKind::table_cell;
            }
        }
        return kind;
    }

    std::string_view source_;
    BlockBuilder builder_;
    std::vector<MD_BLOCKTYPE> blocks_;
    /// Copies: md4c may build a link's href in a buffer it frees after enter_span returns
    /// (a reference link's, [text][ref]).
    std::vector<std::string> link_targets_;
};

/// Byte offset just past a leading YAML front matter block ("---" ... "---" or "..."), or 0.
std::size_t front_matter_end(std::string_view source) {
    auto line_end = [&](std::size_t pos) {
        const std::size_t nl = source.find('\n', pos);
        return nl == std::string_view::npos ? source.size() : nl + 1;
    };
    auto trimmed_line = [&](std::size_t pos) {
        std::string_view line = source.substr(pos, line_end(pos) - pos);
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ' ||
                                 line.back() == '\t')) {
            line.remove_suffix(1);
        }
        return line;
    };
    if (trimmed_line(0) != "---") {
        return 0;
    }
    for (std::size_t pos = line_end(0); pos < source.size(); pos = line_end(pos)) {
        const std::string_view line = trimmed_line(pos);
        if (line == "---" || line == "...") {
            return line_end(pos);
        }
    }
    return 0; // never closed: not front matter, just a thematic break
}

void read_plain_text(std::string_view source, std::vector<ProseBlock>& out) {
    BlockBuilder builder(out);
    std::size_t pos = 0;
    while (pos < source.size()) {
        std::size_t end = source.find('\n', pos);
        end = end == std::string_view::npos ? source.size() : end + 1;
        const std::string_view line = source.substr(pos, end - pos);
        if (line.find_first_not_of(" \t\r\n") == std::string_view::npos) {
            builder.flush(BlockKind::paragraph);
        } else {
            std::string text(line);
            std::replace(text.begin(), text.end(), '\n', ' ');
            std::replace(text.begin(), text.end(), '\r', ' ');
            builder.append_verbatim(pos, text);
        }
        pos = end;
    }
    builder.flush(BlockKind::paragraph);
}

} // namespace

Document parse_document(std::string_view source, Markup markup) {
    Document document{source, {}};
    if (markup == Markup::plain_text) {
        read_plain_text(source, document.blocks);
    } else {
        MarkdownReader(source, document.blocks).read(front_matter_end(source));
    }
    return document;
}

} // namespace atk::text
