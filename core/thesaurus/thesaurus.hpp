#pragma once
// Synonyms from a MyThes thesaurus (Debian's mythes-en-us, mythes-fr: th_<dictionary>_v2.idx
// and .dat), grouped by meaning.
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

class MyThes;

namespace atk::thesaurus {

struct Synonym {
    std::string word;
    /// How it relates when it is not a plain synonym, as the thesaurus says: "similar term",
    /// "generic term", "related term", "antonym"; empty for a synonym.
    std::string relation;
};

struct Meaning {
    std::string part_of_speech; ///< as the thesaurus writes it: "adj", "noun", "Adjectif"
    std::vector<Synonym> synonyms;
};

/// One language's thesaurus. Lookups are serialised (MyThes reads one shared file).
class Thesaurus {
  public:
    /// Opens `stem`.idx and `stem`.dat (th_en_US_v2). Throws atk::InputError when they are
    /// missing or not UTF-8.
    explicit Thesaurus(const std::filesystem::path& stem);
    ~Thesaurus();
    Thesaurus(const Thesaurus&) = delete;
    Thesaurus& operator=(const Thesaurus&) = delete;

    /// The meanings of `word`, looked up as written, then in lower case; empty when the
    /// thesaurus does not know it.
    std::vector<Meaning> lookup(std::string_view word) const;

  private:
    std::unique_ptr<MyThes> mythes_;
    mutable std::mutex mutex_;
};

/// Where Debian installs thesauri.
std::vector<std::filesystem::path> default_thesaurus_directories();

/// The stem (without .idx/.dat) of the thesaurus for a dictionary stem such as "en_GB": its
/// own, else another of the same language (en_US), searched in `directories`; empty if none.
std::filesystem::path find_thesaurus(const std::string& dictionary,
                                     const std::vector<std::filesystem::path>& directories);

} // namespace atk::thesaurus
