#pragma once
// Spell checking of one document's prose, with a per-document cache of word verdicts.
#include "spell/glossary.hpp"
#include "spell/languages.hpp"
#include "text/document.hpp"
#include "text/segmenter.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace nuspell {
inline namespace v5 {
class Dictionary;
}
} // namespace nuspell

namespace atk::spell {

struct Misspelling {
    std::size_t begin = 0; ///< UTF-8 byte offsets in the document source
    std::size_t end = 0;
    std::string word;
};

/// Not thread-safe (it owns ICU iterators and caches): one per document being checked.
/// The dictionary and glossary are shared and must outlive it.
class DocumentSpeller {
public:
    DocumentSpeller(const nuspell::Dictionary& dictionary, const Language& language,
                    const Glossary& glossary);

    /// Appends the misspelled words of `block`, in order, and counts its words.
    void check(const text::ProseBlock& block, std::vector<Misspelling>& out);

    /// Corrections for `word`, best first, at most `max`: near glossary and vocabulary
    /// terms, then the dictionary's suggestions, in the writer's case and apostrophes.
    /// Cached per distinct word.
    const std::vector<std::string>& suggestions(const std::string& word, std::size_t max);

    /// Words seen so far (letters and numbers), for statistics and throughput.
    std::size_t word_count() const { return word_count_; }

private:
    bool is_correct(std::string_view word);
    bool dictionary_accepts(std::string_view word) const;
    std::string in_writers_form(std::string suggestion, const std::string& word) const;

    const nuspell::Dictionary& dictionary_;
    const Language& language_;
    const Glossary& glossary_;
    const Glossary& vocabulary_;
    text::Segmenter segmenter_;
    /// Lets the caches be searched with a string_view, without building a string.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, bool, Hash, std::equal_to<>> verdicts_;
    std::unordered_map<std::string, std::vector<std::string>> suggestions_;
    std::size_t word_count_ = 0;
};

} // namespace atk::spell
