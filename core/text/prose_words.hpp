#pragma once
// Which words of a prose block are prose words, worth spell checking, and which are
// technical tokens that merely sit in prose: URLs, e-mail addresses, paths, identifiers,
// acronyms, numbers with units.
#include "text/segmenter.hpp"

#include <string_view>
#include <vector>

namespace atk::text {

/// A word to spell check: words[first_word] to words[first_word + word_count - 1] of the
/// segmenter's output. A hyphenated compound (e-mail, well-known) is one candidate of
/// several words; a simple word is a candidate of one.
struct SpellCandidate {
    Span span;
    std::size_t first_word = 0;
    std::size_t word_count = 1;
};

/// True for tokens that are not spelling errors whatever the dictionary says: camelCase,
/// snake_case, file.ext, anything with a digit (v2.3.1, 10ms), @mentions and #tags, ALL-CAPS
/// acronyms and their plurals (API, APIs).
bool is_technical_token(std::string_view word);

/// The words of `text` (as returned by Segmenter::words) that are prose. Leaves out words
/// inside URLs, e-mail addresses and paths, words touching a stand-in (inline code, a URL),
/// @mentions and #tags, and technical tokens.
std::vector<SpellCandidate> spelling_candidates(std::string_view text,
                                                const std::vector<Word>& words);

} // namespace atk::text
