#include "spell/suggestion_index.hpp"

#include "error.hpp"
#include "spell/typo_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <stdexcept>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_set>

namespace atk::spell {
namespace {

constexpr char kMagic[8] = {'A', 'T', 'K', 'S', 'U', 'G', 'G', '\0'};
constexpr std::uint32_t kVersion = 2;

/// The file starts with this header; the sections follow, each starting on an 8-byte
/// boundary: word offsets, log frequencies, exact hashes, exact ids, keys, key offsets,
/// postings, sound hashes, sound ids, the pool of words.
struct Header {
    char magic[8];
    std::uint32_t version;
    std::uint32_t prefix_length;
    std::uint64_t word_count;
    std::uint64_t pool_bytes;
    std::uint64_t key_count;
    std::uint64_t posting_count;
};

std::size_t padded(std::size_t bytes) {
    return (bytes + 7) & ~std::size_t{7};
}

/// Every variant of `prefix` with up to `deletions` code points deleted (itself included).
void deletes(const std::u32string& prefix, int deletions, std::unordered_set<std::u32string>& out) {
    if (!out.insert(prefix).second || deletions == 0 || prefix.size() <= 1) {
        return;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        std::u32string shorter = prefix;
        shorter.erase(i, 1);
        deletes(shorter, deletions - 1, out);
    }
}

std::u32string prefix_of(const std::u32string& folded) {
    return folded.substr(0, std::min(folded.size(), SuggestionIndex::kPrefixLength));
}

template <typename T>
void put(std::ofstream& out, const std::vector<T>& values) {
    out.write(reinterpret_cast<const char*>(values.data()),
              static_cast<std::streamsize>(values.size() * sizeof(T)));
    const std::size_t bytes = values.size() * sizeof(T);
    static const char zeros[8] = {};
    out.write(zeros, static_cast<std::streamsize>(padded(bytes) - bytes));
}

/// The hashes and the ids of sorted (hash, id) pairs, as two parallel arrays.
std::pair<std::vector<std::uint64_t>, std::vector<std::uint32_t>>
unzip(const std::vector<std::pair<std::uint64_t, std::uint32_t>>& pairs) {
    std::pair<std::vector<std::uint64_t>, std::vector<std::uint32_t>> arrays;
    for (const auto& [hash, id] : pairs) {
        arrays.first.push_back(hash);
        arrays.second.push_back(id);
    }
    return arrays;
}

} // namespace

std::uint64_t hash_code_points(const char32_t* begin, std::size_t length) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (std::size_t i = 0; i < length; ++i) {
        hash = (hash ^ static_cast<std::uint64_t>(begin[i])) * 0x100000001b3ULL;
    }
    return hash;
}

void SuggestionIndex::write(std::vector<Form> forms, const std::filesystem::path& path) {
    std::sort(forms.begin(), forms.end(),
              [](const Form& a, const Form& b) { return a.word < b.word; });
    forms.erase(std::unique(forms.begin(), forms.end(),
                            [](const Form& a, const Form& b) { return a.word == b.word; }),
                forms.end());
    double total = 0;
    for (const auto& form : forms) {
        total += form.count;
    }
    const double smoothing = 0.5; // an unseen form counts as half an occurrence
    total += smoothing * static_cast<double>(forms.size());

    std::vector<std::uint32_t> offsets{0};
    std::vector<float> log_frequencies;
    std::string pool;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> exact;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> pairs;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> sounds;
    std::unordered_set<std::u32string> variants;
    for (std::uint32_t id = 0; id < forms.size(); ++id) {
        pool += forms[id].word;
        offsets.push_back(static_cast<std::uint32_t>(pool.size()));
        log_frequencies.push_back(
            static_cast<float>(std::log((forms[id].count + smoothing) / total)));
        const std::u32string folded = fold(forms[id].word);
        exact.emplace_back(hash_code_points(folded.data(), folded.size()), id);
        const std::u32string sound = sound_key(folded);
        sounds.emplace_back(hash_code_points(sound.data(), sound.size()), id);
        variants.clear();
        deletes(prefix_of(folded), kMaxDistance, variants);
        for (const auto& variant : variants) {
            pairs.emplace_back(hash_code_points(variant.data(), variant.size()), id);
        }
    }
    std::sort(exact.begin(), exact.end());
    std::sort(sounds.begin(), sounds.end());
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

    const auto [exact_hashes, exact_ids] = unzip(exact);
    const auto [sound_hashes, sound_ids] = unzip(sounds);
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> key_offsets;
    std::vector<std::uint32_t> postings;
    for (const auto& [hash, id] : pairs) {
        if (keys.empty() || keys.back() != hash) {
            keys.push_back(hash);
            key_offsets.push_back(static_cast<std::uint32_t>(postings.size()));
        }
        postings.push_back(id);
    }
    key_offsets.push_back(static_cast<std::uint32_t>(postings.size()));

    Header header{};
    std::memcpy(header.magic, kMagic, sizeof kMagic);
    header.version = kVersion;
    header.prefix_length = kPrefixLength;
    header.word_count = forms.size();
    header.pool_bytes = pool.size();
    header.key_count = keys.size();
    header.posting_count = postings.size();

    const auto temporary = std::filesystem::path(path).concat(".tmp");
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(&header), sizeof header);
        put(out, offsets);
        put(out, log_frequencies);
        put(out, exact_hashes);
        put(out, exact_ids);
        put(out, keys);
        put(out, key_offsets);
        put(out, postings);
        put(out, sound_hashes);
        put(out, sound_ids);
        put(out, std::vector<char>(pool.begin(), pool.end()));
        if (!out.flush()) {
            throw std::runtime_error("cannot write " + temporary.string());
        }
    }
    std::filesystem::rename(temporary, path);
}

std::unique_ptr<SuggestionIndex> SuggestionIndex::open(const std::filesystem::path& path) {
    auto fail = [&](const std::string& why) -> InputError {
        return InputError("spelling index " + path.string() + " " + why +
                          "; rebuild it (make build)");
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw fail("cannot be opened");
    }
    struct stat info {};
    const bool stat_ok = ::fstat(fd, &info) == 0;
    const auto size = stat_ok ? static_cast<std::size_t>(info.st_size) : 0;
    void* mapping =
        size >= sizeof(Header) ? ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    ::close(fd);
    if (mapping == MAP_FAILED) {
        throw fail("is too short or cannot be mapped");
    }
    std::unique_ptr<SuggestionIndex> index(new SuggestionIndex());
    index->mapping_ = mapping;
    index->mapping_size_ = size;

    Header header{};
    std::memcpy(&header, mapping, sizeof header);
    if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 || header.version != kVersion ||
        header.prefix_length != kPrefixLength) {
        throw fail("is not a version " + std::to_string(kVersion) + " index");
    }
    const auto* base = static_cast<const char*>(mapping);
    std::size_t at = sizeof(Header);
    auto section = [&](std::size_t count, std::size_t element) {
        const char* start = base + at;
        at += padded(count * element);
        return start;
    };
    const std::size_t words = header.word_count;
    index->word_count_ = words;
    index->key_count_ = header.key_count;
    index->word_offsets_ = reinterpret_cast<const std::uint32_t*>(section(words + 1, 4));
    index->log_frequencies_ = reinterpret_cast<const float*>(section(words, 4));
    index->exact_hashes_ = reinterpret_cast<const std::uint64_t*>(section(words, 8));
    index->exact_ids_ = reinterpret_cast<const std::uint32_t*>(section(words, 4));
    index->keys_ = reinterpret_cast<const std::uint64_t*>(section(header.key_count, 8));
    index->key_offsets_ = reinterpret_cast<const std::uint32_t*>(section(header.key_count + 1, 4));
    index->postings_ = reinterpret_cast<const std::uint32_t*>(section(header.posting_count, 4));
    index->sound_hashes_ = reinterpret_cast<const std::uint64_t*>(section(words, 8));
    index->sound_ids_ = reinterpret_cast<const std::uint32_t*>(section(words, 4));
    index->pool_ = section(header.pool_bytes, 1);
    if (at > size || index->word_offsets_[words] != header.pool_bytes ||
        index->key_offsets_[header.key_count] != header.posting_count) {
        throw fail("is truncated or damaged");
    }
    return index;
}

SuggestionIndex::~SuggestionIndex() {
    if (mapping_ != nullptr) {
        ::munmap(mapping_, mapping_size_);
    }
}

std::string_view SuggestionIndex::word(std::uint32_t id) const {
    return {pool_ + word_offsets_[id], word_offsets_[id + 1] - word_offsets_[id]};
}

void SuggestionIndex::candidates(const std::u32string& folded, std::vector<std::uint32_t>& out,
                                 int query_deletions) const {
    std::unordered_set<std::u32string> variants;
    deletes(prefix_of(folded), query_deletions, variants);
    for (const auto& variant : variants) {
        const std::uint64_t hash = hash_code_points(variant.data(), variant.size());
        const auto* key = std::lower_bound(keys_, keys_ + key_count_, hash);
        if (key != keys_ + key_count_ && *key == hash) {
            const auto k = static_cast<std::size_t>(key - keys_);
            out.insert(out.end(), postings_ + key_offsets_[k], postings_ + key_offsets_[k + 1]);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

void SuggestionIndex::sounding_like(const std::u32string& folded,
                                    std::vector<std::uint32_t>& out) const {
    const std::u32string sound = sound_key(folded);
    const std::uint64_t hash = hash_code_points(sound.data(), sound.size());
    const auto* end = sound_hashes_ + word_count_;
    for (const auto* at = std::lower_bound(sound_hashes_, end, hash); at != end && *at == hash;
         ++at) {
        out.push_back(sound_ids_[at - sound_hashes_]);
    }
}

std::optional<std::uint32_t> SuggestionIndex::find(const std::u32string& folded) const {
    const std::uint64_t hash = hash_code_points(folded.data(), folded.size());
    std::optional<std::uint32_t> best;
    for (const auto* at = std::lower_bound(exact_hashes_, exact_hashes_ + word_count_, hash);
         at != exact_hashes_ + word_count_ && *at == hash; ++at) {
        const std::uint32_t id = exact_ids_[at - exact_hashes_];
        if (fold(word(id)) != folded) {
            continue; // a hash collision
        }
        // The most frequent form; among equals the one in lower case ("a" rather than "A").
        const auto capitals = [&](std::uint32_t i) {
            const auto w = word(i);
            return std::count_if(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        };
        if (!best || log_frequency(id) > log_frequency(*best) ||
            (log_frequency(id) == log_frequency(*best) && capitals(id) < capitals(*best))) {
            best = id;
        }
    }
    return best;
}

} // namespace atk::spell
