#include "rules/vocabulary.hpp"

#include "rules/text_units.hpp"
#include "text/casing.hpp"

namespace atk::rules {
namespace {

// FNV-1a, 64 bits: a few operations a byte, computed while a word is lowered.
constexpr std::uint64_t kOffsetBasis = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kPrime = 0x100000001b3ULL;

std::uint64_t mix(std::uint64_t hash, char c) {
    return (hash ^ static_cast<unsigned char>(c)) * kPrime;
}

} // namespace

Vocabulary::Vocabulary() : slots_(64) {}

Vocabulary Vocabulary::extending(const Vocabulary& base) {
    Vocabulary extended;
    extended.base_ = &base;
    extended.first_ = base.next_;
    extended.next_ = base.next_;
    return extended;
}

std::uint64_t Vocabulary::hash_of(std::string_view lower) {
    std::uint64_t hash = kOffsetBasis;
    for (const char c : lower) {
        hash = mix(hash, c);
    }
    return hash;
}

std::uint32_t Vocabulary::add(std::string_view lower) {
    const std::uint64_t hash = hash_of(lower);
    if (const std::uint32_t known = find_lower(lower, hash); known != kUnknown) {
        return known;
    }
    if (2 * (words_.size() + 1) > slots_.size()) {
        grow();
    }
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = hash & mask;
    while (slots_[at].id != kUnknown) {
        at = (at + 1) & mask;
    }
    slots_[at] = {hash, next_};
    words_.emplace_back(lower);
    return next_++;
}

void Vocabulary::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (slot.id == kUnknown) {
            continue;
        }
        std::size_t at = slot.hash & mask;
        while (slots_[at].id != kUnknown) {
            at = (at + 1) & mask;
        }
        slots_[at] = slot;
    }
}

std::uint32_t Vocabulary::find(std::string_view written) const {
    // Most words are short and ASCII: lowered on the stack, and hashed, in one pass.
    constexpr std::size_t kShort = 32;
    if (written.size() <= kShort) {
        char lower[kShort];
        unsigned bits = 0; // the bytes or'ed: 0x80 set when one is not ASCII
        std::uint64_t hash = kOffsetBasis;
        for (std::size_t i = 0; i < written.size(); ++i) {
            const char c = written[i];
            bits |= static_cast<unsigned char>(c);
            lower[i] = text::ascii_lower(c);
            hash = mix(hash, lower[i]);
        }
        if ((bits & 0x80U) == 0) {
            return find_lower({lower, written.size()}, hash);
        }
    }
    const std::string lower = normalised_lower(written);
    return find_lower(lower, hash_of(lower));
}

std::uint32_t Vocabulary::find_lower(std::string_view lower, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash & mask; slots_[at].id != kUnknown; at = (at + 1) & mask) {
        if (slots_[at].hash == hash && words_[slots_[at].id - first_] == lower) {
            return slots_[at].id;
        }
    }
    return base_ != nullptr ? base_->find_lower(lower, hash) : kUnknown;
}

void WordSet::add(std::uint32_t id) {
    if (id >= members_.size()) {
        members_.resize(id + 1);
    }
    members_[id] = true;
}

} // namespace atk::rules
