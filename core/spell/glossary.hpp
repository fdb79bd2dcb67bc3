#pragma once
// Project vocabulary: words and phrases that are never spelling mistakes.
#include "text/segmenter.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace atk::spell {

/// Immutable once built, so safe to share between threads. Matching follows the
/// dictionaries' convention: a term written in lower case also accepts its Capitalised and
/// UPPER-CASE forms; a term with capitals (Kubernetes, iOS) is accepted only as written.
class Glossary {
  public:
    /// Adds a word or a phrase; surrounding spaces are trimmed and empty terms ignored.
    void add(std::string_view term);
    void merge(const Glossary& other);

    bool empty() const { return terms_.empty(); }
    const std::vector<std::string>& terms() const { return terms_; }

    /// True when `word` is a single-word term in one of its accepted forms.
    bool accepts(std::string_view word) const;

    /// Byte ranges of `text` where a multi-word term occurs, at word boundaries.
    std::vector<text::Span> phrase_matches(std::string_view text) const;

    /// Single-word terms close to `word`, ignoring case, closest first: within edit distance
    /// 1, or 2 for words of five letters or more, and never more than `max_distance`.
    /// Glossary terms are offered as corrections.
    std::vector<std::string> near(std::string_view word, int max_distance = 2) const;

  private:
    std::vector<std::string> terms_;
    std::unordered_set<std::string> accepted_words_; // every accepted form of single-word terms
    std::vector<std::string> phrase_forms_;          // every accepted form of phrases
};

/// Reads a glossary file: UTF-8, one term per line, blank lines and lines starting with '#'
/// ignored. Throws atk::InputError naming the file (and line) when it cannot be used.
Glossary load_glossary_file(const std::filesystem::path& path);

} // namespace atk::spell
