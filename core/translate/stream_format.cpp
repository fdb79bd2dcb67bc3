#include "translate/stream_format.hpp"

#include "text/segmenter.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

namespace atk::translate {
namespace {

constexpr std::string_view kHiddenPrefix = "atk:";
/// Between the opening and the closing markup of a word-bound hidden piece.
constexpr char kBoundSeparator = '\0';

/// The characters apertium-destxt escapes with a backslash (and apertium-retxt unescapes).
bool escaped_in_stream(char c) {
    return std::string_view("\\[]^$/@<>{}").find(c) != std::string_view::npos;
}

/// What apertium-destxt takes for blank: a run of these is one blank.
bool blank_char(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '~';
}

/// A reference to hidden piece `number`: a superblank [atk:3], or (`bound` to the words that
/// follow) a word-bound blank [[atk:3]].
std::string hidden_reference(std::size_t number, bool bound) {
    const std::string reference = std::string(kHiddenPrefix) + std::to_string(number);
    return bound ? "[[" + reference + "]]" : "[" + reference + "]";
}

/// The number of a hidden reference's content ("atk:12" -> 12), or nothing.
std::optional<std::size_t> hidden_number(std::string_view content) {
    if (!content.starts_with(kHiddenPrefix)) {
        return std::nullopt;
    }
    const auto digits = content.substr(kHiddenPrefix.size());
    std::size_t number = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (error != std::errc() || end != digits.data() + digits.size()) {
        return std::nullopt;
    }
    return number;
}

/// The hidden piece a reference's content ("atk:3") stands for; nothing for a number we did
/// not give out.
std::string_view hidden_piece(std::string_view content, const std::vector<std::string>& hidden) {
    const auto number = hidden_number(content);
    return number && *number < hidden.size() ? std::string_view(hidden[*number])
                                             : std::string_view();
}

/// Builds a stream: escaped text, blanks and superblanks as apertium-destxt writes them.
class StreamWriter {
  public:
    /// Appends `text` as prose, the `kept` spans of it hidden.
    void prose(std::string_view text, const std::vector<text::Span>& kept) {
        std::size_t k = 0;
        for (std::size_t i = 0; i < text.size();) {
            if (k < kept.size() && kept[k].begin == i) {
                blank_run_end();
                open_sentence_ = true;
                hide(text.substr(i, kept[k].end - i));
                i = kept[k++].end;
                continue;
            }
            const char c = text[i++];
            if (blank_char(c)) {
                blank_ += c;
                continue;
            }
            blank_run_end();
            open_sentence_ = true;
            if (escaped_in_stream(c)) {
                stream_.text += '\\';
            }
            stream_.text += c;
        }
    }

    /// Hides `content` (markup, a kept term) in a superblank.
    void hide(std::string_view content) {
        blank_run_end();
        stream_.text += hidden_reference(stream_.hidden.size(), false);
        stream_.hidden.emplace_back(content);
    }

    /// Binds the words that follow, up to unbind(), to the markup around them (`open`
    /// before, `close` after: emphasis, an inline HTML element): each word carries it through
    /// the pipeline in a word-bound blank [[atk:i]]...[[/]].
    void bind(std::string_view open, std::string_view close) {
        blank_run_end();
        stream_.text += hidden_reference(stream_.hidden.size(), true);
        stream_.hidden.push_back(std::string(open) + kBoundSeparator + std::string(close));
    }

    void unbind() {
        blank_run_end();
        stream_.text += "[[/]]";
    }

    /// Ends the sentence if prose was written since the last end (HTML's block elements).
    void end_open_sentence() {
        if (open_sentence_) {
            end_sentence();
        }
    }

    /// Ends a sentence as the deformatter does at a blank line: ".[]" before the blank.
    void end_sentence() {
        const std::string blank = std::move(blank_);
        blank_.clear();
        stream_.text += ".[]";
        open_sentence_ = false;
        write_blank(blank);
    }

    /// The stream, its sentence ended as apertium-destxt ends the input: before any blank.
    Stream finish() {
        if (!blank_.empty() || !stream_.text.ends_with(".[]")) {
            end_sentence();
        }
        return std::move(stream_);
    }

  private:
    /// Writes the pending blank run: one space as itself, any other run in a superblank;
    /// a run holding a blank line ends the sentence first.
    void blank_run_end() {
        if (blank_.empty()) {
            return;
        }
        if (blank_.find("\n\n") != std::string::npos) {
            end_sentence();
            return;
        }
        write_blank(blank_);
        blank_.clear();
    }

    void write_blank(const std::string& blank) {
        if (blank == " ") {
            stream_.text += ' ';
        } else if (!blank.empty()) {
            stream_.text += '[' + blank + ']';
        }
    }

    Stream stream_;
    std::string blank_;
    bool open_sentence_ = false; ///< prose written since the last sentence end
};

/// The spans of `text` that are `keep`'s terms, whole words only, in order, not overlapping.
std::vector<text::Span> kept_spans(std::string_view text, const spell::Glossary* keep) {
    std::vector<text::Span> spans;
    if (keep == nullptr || keep->empty()) {
        return spans;
    }
    spans = keep->phrase_matches(text);
    for (const auto& word : text::thread_segmenter("en").words(text)) {
        if (keep->accepts(text.substr(word.span.begin, word.span.end - word.span.begin))) {
            spans.push_back(word.span);
        }
    }
    std::sort(spans.begin(), spans.end(),
              [](const text::Span& a, const text::Span& b) { return a.begin < b.begin; });
    std::vector<text::Span> disjoint;
    for (const auto& span : spans) {
        if (disjoint.empty() || span.begin >= disjoint.back().end) {
            disjoint.push_back(span);
        }
    }
    return disjoint;
}

/// The end of the superblank or word-bound blank that starts at `at` ('['), or npos.
std::size_t blank_end(std::string_view stream, std::size_t at) {
    if (stream.substr(at, 2) == "[[") {
        const auto close = stream.find("]]", at + 2);
        return close == std::string_view::npos ? close : close + 2;
    }
    const auto close = stream.find(']', at + 1);
    return close == std::string_view::npos ? close : close + 1;
}

} // namespace

Stream deformat_text(std::string_view text, const spell::Glossary* keep) {
    StreamWriter writer;
    writer.prose(text, kept_spans(text, keep));
    return writer.finish();
}

namespace {

/// The emphasis delimiters ("**", "_", "~~") that end `gap`, or nothing.
std::string_view emphasis_at_end(std::string_view gap) {
    if (gap.empty() || std::string_view("*_~").find(gap.back()) == std::string_view::npos) {
        return {};
    }
    const std::size_t begin = gap.find_last_not_of(gap.back());
    return gap.substr(begin == std::string_view::npos ? 0 : begin + 1);
}

/// The prose of a document, in order: source ranges, and whether each ends its block.
struct ProseRange {
    std::size_t begin;
    std::size_t end;
    bool ends_block;
};

std::vector<ProseRange> prose_ranges(const text::Document& document) {
    std::vector<ProseRange> ranges;
    for (const auto& block : document.blocks) {
        for (const auto& piece : block.pieces) {
            if (piece.verbatim) { // a stand-in's source stays in the markup around the prose
                ranges.push_back(
                    {piece.source_begin, piece.source_begin + piece.source_length, false});
            }
        }
        if (!ranges.empty()) {
            ranges.back().ends_block = true;
        }
    }
    return ranges;
}

} // namespace

Stream deformat_markdown(std::string_view markdown, const spell::Glossary* keep) {
    const auto ranges = prose_ranges(text::parse_document(markdown, text::Markup::markdown));
    StreamWriter writer;
    std::size_t done = 0; // source bytes written so far
    for (std::size_t k = 0; k < ranges.size(); ++k) {
        const ProseRange& range = ranges[k];
        std::string_view gap = markdown.substr(done, range.begin - done);
        const std::size_t next = k + 1 < ranges.size() ? ranges[k + 1].begin : markdown.size();
        const std::string_view after = markdown.substr(range.end, next - range.end);
        // Emphasis around this prose (**registered**) travels bound to its words, so that it
        // follows them when the translation reorders them.
        const std::string_view emphasis = emphasis_at_end(gap);
        const bool bound =
            !emphasis.empty() && after.starts_with(emphasis) &&
            (after.size() == emphasis.size() || after[emphasis.size()] != emphasis.front());
        if (bound) {
            gap.remove_suffix(emphasis.size());
        }
        if (!gap.empty()) {
            writer.hide(gap);
        }
        const auto prose = markdown.substr(range.begin, range.end - range.begin);
        if (bound) {
            writer.bind(emphasis, emphasis);
        }
        writer.prose(prose, kept_spans(prose, keep));
        if (bound) {
            writer.unbind();
        }
        done = range.end + (bound ? emphasis.size() : 0);
        if (range.ends_block) {
            writer.end_sentence();
        }
    }
    if (done < markdown.size()) {
        writer.hide(markdown.substr(done));
    }
    return writer.finish();
}

namespace {

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

/// The element name of a tag ("<p class=x>" -> "p", "</li>" -> "li").
std::string tag_name(std::string_view tag) {
    const std::size_t begin = tag.find_first_not_of("</");
    const std::size_t end = tag.find_first_of(" \t\n\r/>", begin);
    return begin == std::string_view::npos ? std::string()
                                           : ascii_lower(tag.substr(begin, end - begin));
}

/// Elements whose start or end breaks the flow of text: a sentence ends there.
bool breaks_text(const std::string& name) {
    static const std::vector<std::string> kBlocks{
        "address", "article",    "aside",  "blockquote", "br",   "dd",  "div", "dl",
        "dt",      "figcaption", "footer", "h1",         "h2",   "h3",  "h4",  "h5",
        "h6",      "header",     "hr",     "li",         "main", "nav", "ol",  "p",
        "section", "table",      "td",     "th",         "tr",   "ul"};
    return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

/// Inline elements whose words a translation may reorder: their tags go bound to the words.
bool inline_element(const std::string& name) {
    static const std::vector<std::string> kInline{"a",    "abbr",   "b",   "cite", "em",
                                                  "i",    "mark",   "q",   "s",    "small",
                                                  "span", "strong", "sub", "sup",  "u"};
    return std::find(kInline.begin(), kInline.end(), name) != kInline.end();
}

/// Where the markup that starts at `at` ('<' or '&') ends: a comment, a tag, the whole of a
/// script, style or pre element, an entity. `at` itself when it starts no markup.
std::size_t markup_end(std::string_view html, std::size_t at) {
    if (html[at] == '&') {
        const std::size_t semicolon = html.find(';', at);
        const bool entity =
            semicolon != std::string_view::npos && semicolon - at <= 10 &&
            std::all_of(html.begin() + static_cast<std::ptrdiff_t>(at) + 1,
                        html.begin() + static_cast<std::ptrdiff_t>(semicolon), [](char c) {
                            return std::isalnum(static_cast<unsigned char>(c)) || c == '#';
                        });
        return entity ? semicolon + 1 : at;
    }
    if (html.substr(at, 4) == "<!--") {
        const std::size_t close = html.find("-->", at);
        return close == std::string_view::npos ? html.size() : close + 3;
    }
    const std::size_t close = html.find('>', at);
    if (close == std::string_view::npos || at + 1 >= html.size() ||
        !(std::isalpha(static_cast<unsigned char>(html[at + 1])) || html[at + 1] == '/' ||
          html[at + 1] == '!')) {
        return at; // a lone '<' is text
    }
    const std::string name = tag_name(html.substr(at, close - at));
    if (html[at + 1] != '/' &&
        (name == "script" || name == "style" || name == "pre" || name == "code")) {
        const std::size_t end = ascii_lower(html).find("</" + name, close);
        const std::size_t end_close =
            end == std::string::npos ? std::string::npos : html.find('>', end);
        return end_close == std::string_view::npos ? html.size() : end_close + 1;
    }
    return close + 1;
}

} // namespace

Stream deformat_html(std::string_view html, const spell::Glossary* keep) {
    StreamWriter writer;
    std::size_t text_begin = 0;
    const auto write_text = [&](std::size_t begin, std::size_t end) {
        if (end > begin) {
            const auto prose = html.substr(begin, end - begin);
            writer.prose(prose, kept_spans(prose, keep));
        }
    };
    for (std::size_t i = 0; i < html.size();) {
        const std::size_t end = html[i] == '<' || html[i] == '&' ? markup_end(html, i) : i;
        if (end == i) {
            ++i;
            continue;
        }
        write_text(text_begin, i);
        const std::string_view markup = html.substr(i, end - i);
        const std::string name = markup.front() == '<' ? tag_name(markup) : std::string();
        // <b>red</b>: the element's text alone, then its end tag: bound to its words.
        const std::size_t close = html.find('<', end);
        const std::size_t close_end =
            close == std::string_view::npos ? close : html.find('>', close);
        // Tags holding a NUL are hidden apart: NUL separates a bound piece's two tags.
        const bool holds_separator =
            markup.find(kBoundSeparator) != std::string_view::npos ||
            (close_end != std::string_view::npos &&
             html.substr(close, close_end + 1 - close).find(kBoundSeparator) !=
                 std::string_view::npos);
        const bool bound = !holds_separator && inline_element(name) && markup[1] != '/' &&
                           close_end != std::string_view::npos && html[close + 1] == '/' &&
                           tag_name(html.substr(close, close_end - close)) == name &&
                           html.substr(end, close - end).find('&') == std::string_view::npos &&
                           close > end;
        if (bound) {
            writer.bind(markup, html.substr(close, close_end + 1 - close));
            write_text(end, close);
            writer.unbind();
            i = text_begin = close_end + 1;
            continue;
        }
        if (breaks_text(name)) {
            writer.end_open_sentence();
        }
        writer.hide(markup);
        i = text_begin = end;
    }
    write_text(text_begin, html.size());
    return writer.finish();
}

std::string escape_for_stream(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (escaped_in_stream(c)) {
            out += '\\';
        }
        out += c;
    }
    return out;
}

std::vector<std::string> unknown_words(std::string_view analysis) {
    std::vector<std::string> words;
    std::string unit;                            // the lexical unit being read, unescaped
    std::size_t surface_end = std::string::npos; // where its first (unescaped) '/' is
    bool inside = false;                         // between ^ and $
    for (std::size_t i = 0; i < analysis.size(); ++i) {
        const char c = analysis[i];
        if (c == '\\' && i + 1 < analysis.size()) {
            ++i;
            if (inside) {
                unit += analysis[i];
            }
        } else if (c == '[' && !inside) {
            i = std::min(blank_end(analysis, i), analysis.size()) - 1;
        } else if (c == '^' && !inside) {
            inside = true;
            unit.clear();
            surface_end = std::string::npos;
        } else if (c == '$' && inside) {
            inside = false;
            // An unknown word is analysed as itself, marked: ^frobnicator/*frobnicator$.
            const std::string word = unit.substr(0, surface_end);
            if (surface_end != std::string::npos && unit.compare(surface_end, 2, "/*") == 0 &&
                std::find(words.begin(), words.end(), word) == words.end()) {
                words.push_back(word);
            }
        } else if (inside) {
            if (c == '/' && surface_end == std::string::npos) {
                surface_end = unit.size();
            }
            unit += c;
        }
    }
    return words;
}

namespace {

/// The opening and the closing markup of a word-bound hidden piece.
std::pair<std::string_view, std::string_view> halves(std::string_view piece) {
    const auto separator = piece.find(kBoundSeparator);
    return {piece.substr(0, separator),
            separator == std::string_view::npos ? std::string_view() : piece.substr(separator + 1)};
}

/// Writes word-bound markup back around its words, joining again words the pipeline split
/// apart: [[atk:1]]coche[[/]] [[atk:1]]rojo[[/]] -> **coche rojo**.
class BoundMarkup {
  public:
    void open(std::string& out, std::string_view piece) {
        // The same hidden piece (the pipeline split its words apart), not an equal one: two
        // elements side by side (<em>a</em><em>b</em>) stay two.
        const bool rejoin =
            closed_at_ != std::string::npos && piece.data() == last_closed_.data() &&
            out.find_first_not_of(' ', closed_at_ + closed_length_) == std::string::npos;
        if (rejoin) {
            out.erase(closed_at_, closed_length_);
        } else {
            out += halves(piece).first;
        }
        open_ = piece;
        closed_at_ = std::string::npos;
    }

    void close(std::string& out) {
        closed_at_ = out.size();
        closed_length_ = halves(open_).second.size();
        out += halves(open_).second;
        last_closed_ = open_;
        open_ = {};
    }

  private:
    std::string_view open_;
    std::string_view last_closed_;
    std::size_t closed_at_ = std::string::npos;
    std::size_t closed_length_ = 0;
};

/// Calls `visit(at, end, content, bound)` for each superblank or word-bound blank of
/// `stream` (escapes skipped).
template <typename Visit>
void for_each_blank(std::string_view stream, Visit visit) {
    for (std::size_t i = 0; i < stream.size();) {
        if (stream[i] == '\\') {
            i += 2;
        } else if (stream[i] == '[') {
            const std::size_t end = std::min(blank_end(stream, i), stream.size());
            const bool bound = stream.substr(i, 2) == "[[";
            visit(i, end, stream.substr(i + (bound ? 2 : 1), end - i - (bound ? 4 : 2)), bound);
            i = end;
        } else {
            ++i;
        }
    }
}

} // namespace

std::vector<std::string_view> cut_at_sentence_ends(std::string_view stream) {
    std::vector<std::string_view> pieces;
    std::size_t begin = 0;
    for_each_blank(stream, [&](std::size_t, std::size_t end, std::string_view content, bool bound) {
        if (content.empty() && !bound) {
            pieces.push_back(stream.substr(begin, end - begin));
            begin = end;
        }
    });
    if (begin < stream.size()) {
        pieces.push_back(stream.substr(begin));
    }
    return pieces;
}

std::size_t first_hidden(std::string_view stream) {
    std::optional<std::size_t> lowest;
    for_each_blank(stream, [&](std::size_t, std::size_t, std::string_view content, bool) {
        if (const auto number = hidden_number(content)) {
            lowest = std::min(lowest.value_or(*number), *number);
        }
    });
    return lowest.value_or(0);
}

std::string shift_hidden(std::string_view stream, long shift) {
    std::string out;
    std::size_t copied = 0;
    for_each_blank(stream,
                   [&](std::size_t at, std::size_t end, std::string_view content, bool bound) {
                       if (const auto number = hidden_number(content)) {
                           out.append(stream.substr(copied, at - copied));
                           out += hidden_reference(
                               static_cast<std::size_t>(static_cast<long>(*number) + shift), bound);
                           copied = end;
                       }
                   });
    out.append(stream.substr(copied));
    return out;
}

std::string reformat(std::string_view stream, const std::vector<std::string>& hidden) {
    std::string out;
    out.reserve(stream.size());
    BoundMarkup bound;
    for (std::size_t i = 0; i < stream.size();) {
        const char c = stream[i];
        if (c == '\\' && i + 1 < stream.size()) {
            if (!escaped_in_stream(stream[i + 1])) {
                out += c; // apertium-retxt keeps a backslash it did not add
            }
            out += stream[i + 1];
            i += 2;
        } else if (c == '.' && stream.substr(i + 1, 2) == "[]") {
            i += 3; // the deformatter's sentence end
        } else if (c == '[') {
            const std::size_t end = std::min(blank_end(stream, i), stream.size());
            const bool word_bound = stream.substr(i, 2) == "[[";
            const std::string_view content =
                stream.substr(i + (word_bound ? 2 : 1), end - i - (word_bound ? 4 : 2));
            i = end;
            if (word_bound && content == "/") {
                bound.close(out);
            } else if (!content.starts_with(kHiddenPrefix)) {
                out += content;
            } else if (word_bound) {
                bound.open(out, hidden_piece(content, hidden));
            } else {
                out += hidden_piece(content, hidden);
            }
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

} // namespace atk::translate
