#include "translate/stream_format.hpp"

#include "text/segmenter.hpp"

#include <algorithm>
#include <charconv>

namespace atk::translate {
namespace {

constexpr std::string_view kHiddenPrefix = "atk:";

/// The characters apertium-destxt escapes with a backslash (and apertium-retxt unescapes).
bool escaped_in_stream(char c) {
    return std::string_view("\\[]^$/@<>{}").find(c) != std::string_view::npos;
}

/// What apertium-destxt takes for blank: a run of these is one blank.
bool blank_char(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '~';
}

/// Characters Apertium also writes as marks before untranslated words.
bool mark_char(char c) {
    return c == '*' || c == '#' || c == '@';
}

/// A byte that can be part of a word after a mark: ASCII letters and digits, and any byte of
/// a multi-byte UTF-8 character.
bool word_byte(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
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
            if (c == '*' || c == '#') {
                hide(std::string_view(&c, 1)); // never taken for a mark on the way back
            } else {
                if (escaped_in_stream(c)) {
                    stream_.text += '\\';
                }
                stream_.text += c;
            }
        }
    }

    /// Hides `content` (markup, a kept term) in a superblank.
    void hide(std::string_view content) {
        blank_run_end();
        stream_.text += '[';
        stream_.text += kHiddenPrefix;
        stream_.text += std::to_string(stream_.hidden.size());
        stream_.text += ']';
        stream_.hidden.emplace_back(content);
    }

    /// Ends a sentence as the deformatter does at a blank line: ".[]" before the blank.
    void end_sentence() {
        const std::string blank = std::move(blank_);
        blank_.clear();
        stream_.text += ".[]";
        write_blank(blank);
    }

    /// The stream, its sentence ended as apertium-destxt ends the input: before any blank.
    Stream finish() {
        end_sentence();
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

/// The hidden piece numbered `digits` (nothing for a number we did not give out).
std::string_view hidden_piece(std::string_view digits, const std::vector<std::string>& hidden) {
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
    const bool ours = error == std::errc() && end == digits.data() + digits.size();
    return ours && index < hidden.size() ? std::string_view(hidden[index]) : std::string_view();
}

} // namespace

Stream deformat_text(std::string_view text, const spell::Glossary* keep) {
    StreamWriter writer;
    writer.prose(text, kept_spans(text, keep));
    return writer.finish();
}

Stream deformat_markdown(std::string_view markdown, const spell::Glossary* keep) {
    const text::Document document = text::parse_document(markdown, text::Markup::markdown);
    StreamWriter writer;
    std::size_t done = 0; // source bytes written so far
    for (const auto& block : document.blocks) {
        for (const auto& piece : block.pieces) {
            if (!piece.verbatim) {
                continue; // a stand-in: its source stays in the markup around the prose
            }
            if (piece.source_begin > done) {
                writer.hide(markdown.substr(done, piece.source_begin - done));
            }
            const auto prose = markdown.substr(piece.source_begin, piece.source_length);
            writer.prose(prose, kept_spans(prose, keep));
            done = piece.source_begin + piece.source_length;
        }
        writer.end_sentence();
    }
    if (done < markdown.size()) {
        writer.hide(markdown.substr(done));
    }
    return writer.finish();
}

Unmarked take_marks(std::string_view stream, bool keep_marks) {
    Unmarked out;
    for (std::size_t i = 0; i < stream.size();) {
        const char c = stream[i];
        if (c == '\\' && i + 1 < stream.size()) {
            out.stream.append(stream.substr(i, 2));
            i += 2;
        } else if (c == '[') {
            const std::size_t end = std::min(blank_end(stream, i), stream.size());
            out.stream.append(stream.substr(i, end - i));
            i = end;
        } else if (mark_char(c) && i + 1 < stream.size() && word_byte(stream[i + 1])) {
            std::size_t end = i + 1;
            while (end < stream.size() && (word_byte(stream[end]) || stream[end] == '\'' ||
                                           stream[end] == '-' || stream[end] == '_')) {
                ++end;
            }
            const std::string word(stream.substr(i + 1, end - i - 1));
            if (c != '#' &&
                std::find(out.unknown.begin(), out.unknown.end(), word) == out.unknown.end()) {
                out.unknown.push_back(word);
            }
            out.stream.append(
                stream.substr(keep_marks ? i : i + 1, end - (keep_marks ? i : i + 1)));
            i = end;
        } else {
            out.stream += c;
            ++i;
        }
    }
    return out;
}

std::string reformat(std::string_view stream, const std::vector<std::string>& hidden) {
    std::string out;
    out.reserve(stream.size());
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
            const bool bound = stream.substr(i, 2) == "[[";
            std::string_view content =
                stream.substr(i + (bound ? 2 : 1), end - i - (bound ? 4 : 2));
            if (!bound && content.starts_with(kHiddenPrefix)) {
                out += hidden_piece(content.substr(kHiddenPrefix.size()), hidden);
            } else {
                out += content;
            }
            i = end;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

} // namespace atk::translate
