#pragma once
// Every word form of a language with its frequency, laid out for finding the forms close to
// a misspelling: a symmetric-delete index (as SymSpell does) over the first kPrefixLength
// code points of each case-folded form. Built once per dictionary at build time
// (tools/build-spelling-index), stored in one file and memory-mapped at run time. A second
// table finds the forms that sound like a misspelling however it is spelled.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atk::spell {

class SuggestionIndex {
  public:
    static constexpr std::size_t kPrefixLength = 7;
    static constexpr int kMaxDistance = 2;

    struct Form {
        std::string word; ///< as the dictionary writes it (Paris, don't)
        double count = 0; ///< occurrences in the frequency list, 0 when absent
    };

    /// Writes the index of `forms` (duplicates ignored) to `path`. Throws std::runtime_error
    /// when the file cannot be written.
    static void write(std::vector<Form> forms, const std::filesystem::path& path);

    /// Maps an index file. Throws atk::InputError naming the file when it is missing,
    /// truncated or of another format version.
    static std::unique_ptr<SuggestionIndex> open(const std::filesystem::path& path);

    ~SuggestionIndex();
    SuggestionIndex(const SuggestionIndex&) = delete;
    SuggestionIndex& operator=(const SuggestionIndex&) = delete;

    std::size_t size() const { return word_count_; }
    std::string_view word(std::uint32_t id) const;
    /// Natural log of the form's relative frequency (smoothed: never -infinity).
    float log_frequency(std::uint32_t id) const { return log_frequencies_[id]; }

    /// Appends the ids of every form whose folded prefix is within kMaxDistance edits of
    /// the folded prefix of `folded`: a superset of the forms within that distance. With
    /// `query_deletions` 3, also many forms three edits away (those where two of the three
    /// edits are deletions from the misspelling's side).
    void candidates(const std::u32string& folded, std::vector<std::uint32_t>& out,
                    int query_deletions = kMaxDistance) const;

    /// Appends the ids of every form with the same sound_key as `folded` (typo_model), however
    /// far apart they are spelled (imidatly, immediately), and the few whose key merely hashes
    /// alike: callers score what they get.
    void sounding_like(const std::u32string& folded, std::vector<std::uint32_t>& out) const;

    /// The id of a form whose folded spelling is exactly `folded`, if any: the most frequent
    /// one, and among equally frequent ones the one with fewest capitals.
    std::optional<std::uint32_t> find(const std::u32string& folded) const;

  private:
    SuggestionIndex() = default;

    void* mapping_ = nullptr;
    std::size_t mapping_size_ = 0;
    std::size_t word_count_ = 0;
    std::size_t key_count_ = 0;
    const std::uint32_t* word_offsets_ = nullptr; // word_count_ + 1, into pool_
    const float* log_frequencies_ = nullptr;      // word_count_
    const std::uint64_t* exact_hashes_ = nullptr; // word_count_, sorted
    const std::uint32_t* exact_ids_ = nullptr;    // word_count_, in the order of exact_hashes_
    const std::uint64_t* keys_ = nullptr;         // key_count_, sorted, unique
    const std::uint32_t* key_offsets_ = nullptr;  // key_count_ + 1, into postings_
    const std::uint32_t* postings_ = nullptr;     // word ids
    const std::uint64_t* sound_hashes_ = nullptr; // word_count_ hashes of sound keys, sorted
    const std::uint32_t* sound_ids_ = nullptr;    // word_count_, in the order of sound_hashes_
    const char* pool_ = nullptr;                  // the words, UTF-8, back to back
};

/// The hash the index uses for a sequence of code points (FNV-1a, 64 bits).
std::uint64_t hash_code_points(const char32_t* begin, std::size_t length);

} // namespace atk::spell
