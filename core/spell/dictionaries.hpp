#pragma once
// Nuspell dictionaries, found on disk and loaded once on first use.
#include "spell/languages.hpp"
#include "spell/nuspell_fwd.hpp"
#include "spell/suggestion_index.hpp"
#include "spell/word_counts.hpp"

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace atk::spell {

/// Thread-safe: any number of threads may call every method at once. A dictionary is read
/// from disk the first time a thread asks for it and then shared read-only (Nuspell's
/// queries are const).
class DictionaryCatalog {
  public:
    /// `directories` are searched in order for <stem>.aff and <stem>.dic, once, here;
    /// `data_directory` holds spelling/<code>.index, the suggestion indexes (see SuggestionIndex).
    DictionaryCatalog(std::vector<std::filesystem::path> directories,
                      std::filesystem::path data_directory);
    ~DictionaryCatalog();

    /// Known languages whose dictionary files are present.
    std::vector<Language> installed() const;

    /// The loaded dictionary of an installed language. Throws atk::InputError when the
    /// files are missing or fail to load.
    const nuspell::Dictionary& get(const Language& language) const;

    /// The language's suggestion index, loaded with its dictionary; null when none was built
    /// (suggestions then come from the dictionary alone).
    const SuggestionIndex* index(const Language& language) const;

    /// The language's word counts (spelling/<code>.counts), loaded with its dictionary; null
    /// when none were built.
    const WordCounts* counts(const Language& language) const;

    /// True once get() has loaded the language's dictionary: then get() returns at once.
    bool loaded(const Language& language) const;

  private:
    struct Slot {
        std::once_flag once;
        std::unique_ptr<nuspell::Dictionary> dictionary;
        std::unique_ptr<SuggestionIndex> index;
        std::unique_ptr<WordCounts> counts;
        std::string error;
        std::atomic<bool> ready{false};
        std::filesystem::path aff; ///< found in the constructor; empty when not installed
    };

    std::vector<std::filesystem::path> directories_;
    std::filesystem::path data_directory_;
    mutable std::map<std::string, Slot> slots_; // one per known language, made in the constructor
};

/// Where Debian installs Hunspell dictionaries.
std::vector<std::filesystem::path> default_dictionary_directories();

} // namespace atk::spell
