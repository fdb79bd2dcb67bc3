// Fuzz target: Apertium's stream format, to and from (core/translate/stream_format.hpp),
// without running Apertium. Valid UTF-8 input is deformatted as text, Markdown and HTML, each
// without and with terms to keep; any input is also read as a stream a pipeline wrote
// (reformat, unknown_words, cut_at_sentence_ends, first_hidden).
//
// Invariants, for a deformatted stream:
// - reformat(deformat(x)) == x: what the identity translation gives back is the document.
// - All of plain text, and all of a Markdown document's prose (the verbatim pieces of its
//   prose blocks), is in the stream as prose, none of it hidden from the translation.
// - The stream escapes \ [ ] ^ $ / @ < > { } outside its blanks, refers to hidden pieces
//   0, 1, 2 ... once each and in order, and ends a sentence (".[]", then perhaps a blank).
// - It has no lexical unit, so unknown_words finds none.
// - cut_at_sentence_ends cuts it into pieces that join up to it again; a piece's hidden
//   references moved to 0 and back are the piece (what the translation cache does).
// And for any stream: the functions that read a pipeline's output throw nothing, and
// cut_at_sentence_ends' pieces join up to the stream.
#include "fuzz_support.hpp"
#include "spell/glossary.hpp"
#include "text/document.hpp"
#include "translate/stream_format.hpp"

#include <algorithm>
#include <optional>

namespace {

namespace translate = atk::translate;
using atk::fuzz::require;

const atk::spell::Glossary& terms_to_keep() {
    static const atk::spell::Glossary keep = [] {
        atk::spell::Glossary glossary;
        for (const char* term : {"Acme Cloud", "SSO", "l'API", "e-mail", "Kubernetes", "ok"}) {
            glossary.add(term);
        }
        return glossary;
    }();
    return keep;
}

bool escaped_in_stream(char c) {
    return std::string_view("\\[]^$/@<>{}").find(c) != std::string_view::npos;
}

/// Reads a stream as the deformatter writes it: escapes, blanks [..], word-bound blanks
/// [[..]], and the references to hidden pieces among them, in order.
struct StreamReading {
    bool escapes_everything = true;
    std::vector<std::size_t> references;
    std::size_t prose_bytes =
        0; ///< outside blanks, not blank, escapes and sentence ends not counted
};

/// What apertium-destxt takes for blank.
bool blank_char(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '~';
}

std::optional<std::size_t> reference_number(std::string_view content) {
    if (!content.starts_with("atk:")) {
        return std::nullopt;
    }
    std::size_t number = 0;
    for (const char c : content.substr(4)) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        number = number * 10 + static_cast<std::size_t>(c - '0');
    }
    return number;
}

StreamReading read_stream(std::string_view stream) {
    StreamReading reading;
    for (std::size_t i = 0; i < stream.size();) {
        if (stream[i] == '\\') {
            reading.escapes_everything &= i + 1 < stream.size() && escaped_in_stream(stream[i + 1]);
            reading.prose_bytes += 1;
            i += 2;
        } else if (stream[i] == '[') {
            const bool bound = stream.substr(i, 2) == "[[";
            const auto close = stream.find(bound ? "]]" : "]", i + (bound ? 2 : 1));
            require(close != std::string_view::npos, "every blank of a stream is closed");
            const auto content = stream.substr(i + (bound ? 2 : 1), close - i - (bound ? 2 : 1));
            if (const auto number = reference_number(content)) {
                reading.references.push_back(*number);
            }
            i = close + (bound ? 2 : 1);
        } else {
            reading.escapes_everything &= !escaped_in_stream(stream[i]);
            const bool sentence_end = stream[i] == '.' && stream.substr(i + 1, 2) == "[]";
            reading.prose_bytes += sentence_end || blank_char(stream[i]) ? 0 : 1;
            ++i;
        }
    }
    return reading;
}

std::string joined(const std::vector<std::string_view>& pieces) {
    std::string out;
    for (const auto piece : pieces) {
        out += piece;
    }
    return out;
}

void require_cache_keys_round_trip(std::string_view stream) {
    const auto pieces = translate::cut_at_sentence_ends(stream);
    require(joined(pieces) == stream, "the pieces of a stream join up to it");
    for (const auto piece : pieces) {
        const auto base = static_cast<long>(translate::first_hidden(piece));
        const std::string key = translate::shift_hidden(piece, -base);
        require(translate::shift_hidden(key, base) == piece,
                "a piece's references moved to 0 and back are the piece");
    }
}

/// Checks the contract of a deformatted stream; returns how many bytes of prose it carries.
std::size_t require_deformat_contract(const translate::Stream& stream, std::string_view document) {
    require(translate::reformat(stream.text, stream.hidden) == document,
            "reformat(deformat(x)) == x");
    const auto reading = read_stream(stream.text);
    require(reading.escapes_everything, "a stream escapes its special characters");
    for (std::size_t i = 0; i < reading.references.size(); ++i) {
        require(reading.references[i] == i, "a stream refers to its hidden pieces once, in order");
    }
    require(reading.references.size() == stream.hidden.size(),
            "a stream refers to every hidden piece");
    const auto last_end = stream.text.rfind(".[]");
    require(last_end != std::string::npos, "a stream ends a sentence");
    const std::string_view after = std::string_view(stream.text).substr(last_end + 3);
    require(after.empty() || after == " " || (after.front() == '[' && after.back() == ']'),
            "after a stream's last sentence end comes a blank at most");
    require(translate::unknown_words(stream.text).empty(),
            "a deformatted stream has no unknown word");
    require_cache_keys_round_trip(stream.text);
    return reading.prose_bytes;
}

std::size_t non_blank_bytes(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return !blank_char(c); }));
}

/// The bytes of a Markdown document's prose (its blocks' verbatim pieces), blanks left out.
std::size_t markdown_prose_bytes(std::string_view markdown) {
    std::size_t bytes = 0;
    for (const auto& block :
         atk::text::parse_document(markdown, atk::text::Markup::markdown).blocks) {
        for (const auto& piece : block.pieces) {
            if (piece.verbatim) {
                bytes += non_blank_bytes(markdown.substr(piece.source_begin, piece.source_length));
            }
        }
    }
    return bytes;
}

void read_as_pipeline_output(std::string_view stream) {
    static const std::vector<std::string> hidden{"<p>", std::string("**\0**", 5), "\n\n", ""};
    translate::reformat(stream, hidden);
    translate::unknown_words(stream);
    translate::first_hidden(stream);
    const auto pieces = translate::cut_at_sentence_ends(stream);
    require(joined(pieces) == stream, "the pieces of any stream join up to it");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    terms_to_keep();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view document = atk::fuzz::as_text(data, size);
    read_as_pipeline_output(document);
    if (atk::text::find_invalid_utf8(document)) {
        return 0; // the Translator refuses it before deformatting (InputError)
    }
    require(require_deformat_contract(translate::deformat_text(document), document) ==
                non_blank_bytes(document),
            "plain text goes through the pipeline as prose, all of it");
    require(require_deformat_contract(translate::deformat_markdown(document), document) ==
                markdown_prose_bytes(document),
            "a Markdown document's prose goes through the pipeline as prose, none of it hidden");
    require_deformat_contract(translate::deformat_html(document), document);
    for (const auto& deformat :
         {translate::deformat_text, translate::deformat_markdown, translate::deformat_html}) {
        require_deformat_contract(deformat(document, &terms_to_keep()), document);
    }
    return 0;
}
