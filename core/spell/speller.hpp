#pragma once
// Spell checking of one document's prose, with a per-document cache of word verdicts.
#include "spell/lexicon.hpp"
#include "text/document.hpp"
#include "text/segmenter.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace atk::spell {

struct Misspelling {
    std::size_t begin = 0; ///< UTF-8 byte offsets in the document source
    std::size_t end = 0;
    std::string word;
};

/// Not thread-safe (it owns ICU iterators and a cache): one per document, or per part of a
/// document, being checked. The lexicon must outlive it.
class DocumentSpeller {
public:
    explicit DocumentSpeller(const Lexicon& lexicon);

    /// Appends the misspelled words of `block`, in order, and counts its words.
    void check(const text::ProseBlock& block, std::vector<Misspelling>& out);

    /// Words seen so far (letters and numbers), for statistics and throughput.
    std::size_t word_count() const { return word_count_; }

private:
    bool is_correct(std::string_view word);

    /// Lets the cache be searched with a string_view, without building a string.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    const Lexicon& lexicon_;
    text::Segmenter segmenter_;
    std::unordered_map<std::string, bool, Hash, std::equal_to<>> verdicts_;
    std::size_t word_count_ = 0;
};

} // namespace atk::spell
