#pragma once
// How often words occur in a corpus of the language: ranks suggestions that differ only in
// accents (même before mème, exécuté before exécute) where no full suggestion index exists.
// The file (spelling/<code>.counts) is made at build time by build-spelling-index
// --count-words: one "word<TAB>count" line per word.
#include "text/string_hash.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

namespace atk::spell {

class WordCounts {
  public:
    /// Reads a counts file. Throws atk::InputError naming the file and line when it is unreadable
    /// or a line is malformed.
    static WordCounts load(const std::filesystem::path& path);

    /// Occurrences of `word` as written; 0 when unseen.
    std::size_t count(std::string_view word) const;
    std::size_t size() const { return counts_.size(); }

  private:
    std::unordered_map<std::string, std::size_t, text::StringHash, std::equal_to<>> counts_;
};

} // namespace atk::spell
