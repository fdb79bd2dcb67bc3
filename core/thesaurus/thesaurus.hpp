#pragma once
// Synonyms from a MyThes thesaurus (Debian's mythes-en-us, mythes-fr, mythes-es, mythes-de:
// th_<dictionary>_v2.idx and .dat), grouped by meaning, as the thesaurus writes them.
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class MyThes;
struct UConverter;

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
    /// Opens `stem`.idx and `stem`.dat (th_en_US_v2), in the encoding the .dat names on its
    /// first line (UTF-8; ISO8859-1 for Spanish). Throws atk::InputError when they are missing
    /// or in an encoding ICU does not know.
    explicit Thesaurus(const std::filesystem::path& stem);
    ~Thesaurus();
    Thesaurus(const Thesaurus&) = delete;
    Thesaurus& operator=(const Thesaurus&) = delete;

    /// The meanings of `word` (UTF-8), looked up as written, then in lower case; empty when the
    /// thesaurus does not know it (or its encoding cannot write the word).
    std::vector<Meaning> lookup(std::string_view word) const;

  private:
    /// The meanings of `key` exactly; empty when unknown. Called with `mutex_` held.
    std::vector<Meaning> lookup_exact(const std::string& key) const;
    /// `utf8` in the thesaurus's encoding; nullopt when it cannot be written in it.
    std::optional<std::string> encode(std::string_view utf8) const;
    /// `text` in the thesaurus's encoding, as UTF-8.
    std::string decode(const char* text) const;

    std::unique_ptr<MyThes> mythes_;
    /// Null for a UTF-8 thesaurus. Converters are not thread-safe: used with `mutex_` held.
    std::unique_ptr<UConverter, void (*)(UConverter*)> converter_;
    mutable std::mutex mutex_;
};

/// Where Debian installs thesauri.
std::vector<std::filesystem::path> default_thesaurus_directories();

/// The stem (without .idx/.dat) of the thesaurus for a dictionary stem such as "en_GB": its
/// own, else another of the same language (en_US), searched in `directories`; empty if none.
std::filesystem::path find_thesaurus(const std::string& dictionary,
                                     const std::vector<std::filesystem::path>& directories);

} // namespace atk::thesaurus
