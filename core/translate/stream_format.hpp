#pragma once
// Apertium's stream format, to and from: what the `apertium` command's txt deformatter
// (apertium-destxt) and reformatter (apertium-retxt) do, done in-process, plus Markdown,
// whose markup travels through the pipeline hidden in superblanks.
//
// In the stream, \ [ ] ^ $ / @ < > { } are escaped with a backslash; a superblank [...] is
// passed through every stage untouched and in order; ".[]" ends a sentence the deformatter
// added (at a blank line and at the end) and the reformatter removes.
#include "spell/glossary.hpp"
#include "text/document.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace atk::translate {

/// A text in stream format, with what its superblanks hide (markup, code, terms not to be
/// translated): superblank "[atk:i]" stands for hidden[i].
struct Stream {
    std::string text;
    std::vector<std::string> hidden;
};

/// `text` as apertium-destxt writes it; `keep`'s terms, where they occur as whole words, are
/// hidden in superblanks: they come out untouched.
Stream deformat_text(std::string_view text, const spell::Glossary* keep = nullptr);

/// The prose of a Markdown document in stream format, every other byte (markup, code, URLs,
/// front matter, HTML) hidden in superblanks, each block ending a sentence.
Stream deformat_markdown(std::string_view markdown, const spell::Glossary* keep = nullptr);

/// The text of an HTML document or fragment in stream format: tags, entities, comments and
/// the contents of script, style and pre elements hidden; block elements end sentences.
Stream deformat_html(std::string_view html, const spell::Glossary* keep = nullptr);

/// `text` with the characters the stream format escapes (\ [ ] ^ $ / @ < > { }) preceded by a
/// backslash, so that an analyser or a generator reads it as plain text.
std::string escape_for_stream(std::string_view text);

/// The words an analyser's output (lt-proc: ^word/analysis$) marks unknown (^word/*word$),
/// each once, in order.
std::vector<std::string> unknown_words(std::string_view analysis);

/// `stream` cut after each sentence end the deformatter wrote (the empty superblank of ".[]",
/// which every stage passes through), into pieces that translate on their own: the pieces of
/// a translation or an analysis match those of its source one for one.
std::vector<std::string_view> cut_at_sentence_ends(std::string_view stream);

/// The lowest hidden piece `stream` refers to ([atk:3] -> 3), 0 when none.
std::size_t first_hidden(std::string_view stream);

/// `stream` with every reference to a hidden piece moved by `shift` ([atk:3] with -3 ->
/// [atk:0]), so that a piece reads the same wherever it stands in its document.
std::string shift_hidden(std::string_view stream, long shift);

/// The text of a translated stream, as apertium-retxt writes it, with the hidden pieces back.
std::string reformat(std::string_view stream, const std::vector<std::string>& hidden);

} // namespace atk::translate
