// Fuzz target: the text pipeline on arbitrary bytes. Feeds them to UTF-8 validation, the
// offset map, the document model (Markdown and plain text -> prose blocks), ICU segmentation
// with its ASCII fast paths, and the whole Checker::check over the build's dictionaries and
// rules (fuzz_support.hpp): as Markdown in language "auto" and in English (en-US or en-GB, by
// the input's length), and as plain text in en-US, en-GB or fr-FR (by the input's length).
// Suggestions are asked for in the English Markdown check only, of inputs up to 512 bytes: the
// other languages' come from Nuspell (not our code) at about a quarter of a second per word in
// this build, and English ones take three quarters of the time of larger inputs (a second
// check would only repeat them).
//
// Invariants:
// - find_invalid_utf8 names a byte before which the input is valid; check() throws InputError
//   for it, and otherwise only when "auto" detects a language with no dictionary installed;
//   nothing else ever escapes it.
// - OffsetMap: the UTF-16 offset and the line and column of every code-point boundary are
//   those counted from the start of the text.
// - Each prose block's pieces tile its text in order and lie within the source, in source
//   order; a verbatim piece's bytes are the source's (line breaks as spaces in plain text);
//   a block's text is valid UTF-8 and source_offset/source_end map it into the source.
// - Segmentation: the ASCII fast paths give exactly ICU's words and sentences, all within the
//   text on code-point boundaries.
// - check(): alerts within the text, on code-point boundaries, ordered (fuzz_support.hpp).
#include "fuzz_support.hpp"
#include "text/document.hpp"
#include "text/offsets.hpp"
#include "text/segmenter.hpp"

#include <array>

namespace {

using atk::fuzz::on_code_point_boundary;
using atk::fuzz::require;
namespace text = atk::text;

void require_offset_map_counts(std::string_view source) {
    const text::OffsetMap map(source);
    std::size_t utf16 = 0;
    std::size_t line = 1;
    std::size_t line_start_utf16 = 0;
    for (std::size_t pos = 0;;) {
        require(map.to_utf16(pos) == utf16, "OffsetMap::to_utf16 counts UTF-16 units");
        const auto where = map.to_line_column(pos);
        require(where.line == line && where.column == utf16 - line_start_utf16 + 1,
                "OffsetMap::to_line_column counts lines (LF, CR LF, CR) and UTF-16 columns");
        if (pos == source.size()) {
            break;
        }
        const char32_t c = text::next_code_point(source, pos);
        utf16 += c > 0xFFFF ? 2 : 1;
        const bool crlf = c == U'\r' && pos < source.size() && source[pos] == '\n';
        if (c == U'\n' || (c == U'\r' && !crlf)) {
            ++line;
            line_start_utf16 = utf16;
        }
    }
}

/// Plain text turns line breaks into spaces in its verbatim pieces; Markdown copies bytes.
bool same_prose_byte(char in_block, char in_source, text::Markup markup) {
    if (markup == text::Markup::plain_text && (in_source == '\n' || in_source == '\r')) {
        return in_block == ' ';
    }
    return in_block == in_source;
}

void require_pieces_tile_block(const text::ProseBlock& block, std::string_view source,
                               text::Markup markup) {
    require(!block.pieces.empty() && !block.text.empty(), "a prose block has text and pieces");
    std::size_t text_at = 0;
    std::size_t source_at = 0;
    for (const auto& piece : block.pieces) {
        require(piece.text_begin == text_at, "a block's pieces tile its text in order");
        require(piece.source_begin >= source_at, "a block's pieces follow the source's order");
        require(piece.source_begin + piece.source_length <= source.size(),
                "a piece lies within the source");
        if (piece.verbatim) {
            require(piece.length == piece.source_length,
                    "a verbatim piece is as long as its source");
            for (std::size_t i = 0; i < piece.length; ++i) {
                require(same_prose_byte(block.text[piece.text_begin + i],
                                        source[piece.source_begin + i], markup),
                        "a verbatim piece's bytes are the source's");
            }
        }
        text_at += piece.length;
        source_at = piece.source_begin + piece.source_length;
    }
    require(text_at == block.text.size(), "a block's pieces cover its text");
}

void require_block_maps_to_source(const text::ProseBlock& block, std::string_view source) {
    require(!text::find_invalid_utf8(block.text).has_value(), "a block's text is valid UTF-8");
    for (std::size_t at = 0; at < block.text.size(); ++at) {
        const std::size_t begin = block.source_offset(at);
        const std::size_t end = block.source_end(at + 1);
        require(begin <= end && end <= source.size(),
                "source_offset/source_end map block text into the source");
    }
}

void require_spans_within(const std::vector<text::Span>& spans, std::string_view text) {
    for (const auto& span : spans) {
        require(span.begin < span.end && span.end <= text.size(),
                "a segment is a non-empty range of the text");
        require(on_code_point_boundary(text, span.begin) && on_code_point_boundary(text, span.end),
                "a segment's ends are code-point boundaries");
    }
}

bool same_words(const std::vector<text::Word>& a, const std::vector<text::Word>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].span != b[i].span || a[i].kind != b[i].kind) {
            return false;
        }
    }
    return true;
}

void require_segmentation_is_icus(std::string_view prose) {
    for (const char* locale : {"en-US", "fr"}) {
        auto& segmenter = text::thread_segmenter(locale);
        const auto words = segmenter.words(prose);
        require(same_words(words, segmenter.words_with_icu(prose)),
                "the words of the ASCII fast path are ICU's");
        std::vector<text::Span> word_spans;
        for (const auto& word : words) {
            word_spans.push_back(word.span);
        }
        require_spans_within(word_spans, prose);
        const auto sentences = segmenter.sentences(prose);
        require(sentences == segmenter.sentences_with_icu(prose),
                "the sentences of the ASCII fast path are ICU's");
        require_spans_within(sentences, prose);
    }
}

void require_document_model(std::string_view source, text::Markup markup) {
    const auto document = text::parse_document(source, markup);
    for (const auto& block : document.blocks) {
        require_pieces_tile_block(block, source, markup);
        require_block_maps_to_source(block, source);
        require_segmentation_is_icus(block.text);
    }
}

/// Documented: "auto" may detect a language whose dictionary is not installed.
bool detected_language_missing(const atk::InputError& error, const atk::CheckOptions& options) {
    return options.language == "auto" &&
           std::string_view(error.what()).find("which has no dictionary installed") !=
               std::string_view::npos;
}

void require_check_contract(std::string_view source, const atk::CheckOptions& options,
                            bool valid_utf8) {
    try {
        const auto result = atk::fuzz::shared_checker().check(source, options);
        require(valid_utf8, "check() rejects invalid UTF-8");
        atk::fuzz::require_alerts_within(result, source);
    } catch (const atk::InputError& error) {
        require(!valid_utf8 || detected_language_missing(error, options),
                "check() throws InputError only for invalid UTF-8 or a detected language without a "
                "dictionary",
                error.what());
    }
}

atk::CheckOptions options_for(text::Markup markup, std::string language,
                              std::size_t max_suggestions) {
    atk::CheckOptions options;
    options.markup = markup;
    options.language = std::move(language);
    options.max_suggestions = max_suggestions;
    return options;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    atk::fuzz::shared_checker();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view source = atk::fuzz::as_text(data, size);
    const auto invalid = text::find_invalid_utf8(source);
    if (invalid) {
        require(*invalid < source.size() &&
                    !text::find_invalid_utf8(source.substr(0, *invalid)).has_value(),
                "the bytes before the first invalid one are valid UTF-8");
    } else {
        require_offset_map_counts(source);
        require_segmentation_is_icus(source);
        require_document_model(source, text::Markup::markdown);
        require_document_model(source, text::Markup::plain_text);
    }
    static constexpr std::array<const char*, 3> kLanguages{"en-US", "en-GB", "fr-FR"};
    require_check_contract(source, options_for(text::Markup::markdown, "auto", 0), !invalid);
    constexpr std::size_t kSuggestedUpTo = 512; // bytes of input
    require_check_contract(
        source,
        options_for(text::Markup::markdown, kLanguages[size % 2], size <= kSuggestedUpTo ? 5 : 0),
        !invalid);
    require_check_contract(
        source, options_for(text::Markup::plain_text, kLanguages[size % kLanguages.size()], 0),
        !invalid);
    return 0;
}
