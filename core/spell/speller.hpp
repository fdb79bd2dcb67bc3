#pragma once
// Spell checking of one document's prose in two phases: finding the words worth checking
// (segmentation: needs no dictionary, so it can run while the dictionary loads), then
// judging them, with a per-document cache of verdicts.
#include "spell/lexicon.hpp"
#include "text/document.hpp"
#include "text/segmenter.hpp"
#include "text/string_hash.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace atk::spell {

struct Misspelling {
    std::size_t begin = 0; ///< UTF-8 byte offsets in the document source
    std::size_t end = 0;
    std::string word;
    bool sentence_start = false; ///< first word of its sentence (or block)
};

/// Not thread-safe (it owns a cache): one per document, or per part of a document, being
/// checked. Blocks passed to collect() must outlive judge().
class DocumentSpeller {
  public:
    /// `glossary` (for multi-word terms) must outlive the speller.
    explicit DocumentSpeller(const Glossary& glossary);

    /// Phase 1: finds the words of `block` worth spell checking among `words`, the block's
    /// words as text::Segmenter::words finds them, and counts them.
    void collect(const text::ProseBlock& block, const std::vector<text::Word>& words);

    /// Phase 2: appends the misspelled words among those collected, in order.
    void judge(const Lexicon& lexicon, std::vector<Misspelling>& out);

    /// Words seen so far (letters and numbers), for statistics and throughput.
    std::size_t word_count() const { return word_count_; }

  private:
    /// A word to judge; a hyphenated compound lists its parts in parts_.
    struct Pending {
        const text::ProseBlock* block;
        text::Span span;
        std::uint32_t first_part;
        std::uint32_t part_count; ///< 0 for a simple word
    };

    bool is_correct(const Lexicon& lexicon, std::string_view word);

    const Glossary& glossary_;
    std::vector<Pending> pending_;
    std::vector<text::Span> parts_;
    std::unordered_map<std::string, bool, text::StringHash, std::equal_to<>> verdicts_;
    std::size_t word_count_ = 0;
};

} // namespace atk::spell
