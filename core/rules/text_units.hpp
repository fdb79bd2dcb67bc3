#pragma once
// What the rules look at: a document's prose blocks cut into words and sentences, each
// sentence knowing whether it is a requirement. Offsets are UTF-8 bytes of the block's text
// (text::ProseBlock); ProseBlock::source_offset maps them back to the source.
#include "rules/rule.hpp"
#include "rules/vocabulary.hpp"
#include "text/document.hpp"
#include "text/segmenter.hpp"

#include <string>
#include <vector>

namespace atk::rules {

struct Token {
    text::Span span;                           ///< in the block's text
    std::uint32_t word = Vocabulary::kUnknown; ///< the word's id, whatever its case
    bool quoted = false; ///< inside quotation marks: someone else's words, not the writer's
    bool number = false; ///< digits rather than letters
};

struct Sentence {
    std::size_t block = 0;       ///< index into Document::blocks
    text::Span span;             ///< in the block's text
    std::size_t first_token = 0; ///< into BlockUnits::tokens
    std::size_t token_count = 0;
    bool requirement = false; ///< has a requirement word, or is an item of a list of them
};

/// The words and sentences of one block.
struct BlockUnits {
    std::vector<Token> tokens;
    std::vector<text::Span> quotes; ///< quoted_ranges of the block's text
    std::vector<Sentence> sentences;
    std::vector<std::uint32_t> acronyms; ///< the tokens that look like one, by index, in order
};

/// The words of `text` as the rules see them: the segmenter's words, with elided words
/// split off (l'utilisateur: "l'", "utilisateur") as `profile` says.
std::vector<text::Word> rule_words(std::string_view text, text::Segmenter& segmenter,
                                   const LanguageProfile& profile);
/// The same from the segmenter's `words` of `text`.
std::vector<text::Word> split_elisions(std::string_view text, const std::vector<text::Word>& words,
                                       const LanguageProfile& profile);

/// Two to six capital letters (ASCII), maybe with a plural s: API, APIs, SSO.
bool looks_like_acronym(std::string_view word);
/// Two capital letters (ASCII) or more, and nothing else: API, WARRANTY.
bool in_capitals(std::string_view word);

/// `word` in lower case, with typographic apostrophes (’) made straight (').
std::string normalised_lower(std::string_view word);

/// What cutting a block needs besides the text: the language's profile, the vocabulary the
/// words are looked up in, and which of its words make a sentence a requirement.
struct WordsOfLanguage {
    const LanguageProfile& profile;
    const Vocabulary& vocabulary;
    const WordSet& requirement_words;
};

/// Block `b` of `document` cut into words and sentences; a sentence is a requirement when
/// it has a requirement word (and is not a question). Blocks may be cut on several threads,
/// each with its own segmenter. `segmented`: the block's words as the segmenter finds them,
/// when the caller has them already (null: found here).
BlockUnits cut_block(const text::Document& document, std::size_t b, text::Segmenter& segmenter,
                     const WordsOfLanguage& language,
                     const std::vector<text::Word>* segmented = nullptr);

/// Then, over all the blocks in order: the items of a list whose lead-in paragraph is a
/// requirement ending with a colon ("The system shall:") are requirements too.
void mark_requirement_lists(const text::Document& document, std::vector<BlockUnits>& units);

/// Byte ranges of `text` between matching quotation marks ("…", “…”, «…», „…“), marks
/// included, in order.
std::vector<text::Span> quoted_ranges(std::string_view text);

} // namespace atk::rules
