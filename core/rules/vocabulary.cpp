#include "rules/vocabulary.hpp"

#include "rules/text_units.hpp"

namespace atk::rules {

Vocabulary Vocabulary::extending(const Vocabulary& base) {
    Vocabulary extended;
    extended.base_ = &base;
    extended.next_ = base.next_;
    return extended;
}

std::uint32_t Vocabulary::add(std::string_view lower) {
    if (const std::uint32_t known = find_lower(lower); known != kUnknown) {
        return known;
    }
    ids_.emplace(std::string(lower), next_);
    return next_++;
}

std::uint32_t Vocabulary::find(std::string_view written) const {
    // Most words are short and ASCII: lowered on the stack, with no allocation.
    constexpr std::size_t kShort = 32;
    if (written.size() <= kShort) {
        char lower[kShort];
        unsigned bits = 0; // the bytes or'ed: 0x80 set when one is not ASCII
        for (std::size_t i = 0; i < written.size(); ++i) {
            const char c = written[i];
            bits |= static_cast<unsigned char>(c);
            lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
        }
        if ((bits & 0x80U) == 0) {
            return find_lower({lower, written.size()});
        }
    }
    return find_lower(normalised_lower(written));
}

std::uint32_t Vocabulary::find_lower(std::string_view lower) const {
    if (const auto found = ids_.find(lower); found != ids_.end()) {
        return found->second;
    }
    return base_ != nullptr ? base_->find_lower(lower) : kUnknown;
}

void WordSet::add(std::uint32_t id) {
    if (id >= members_.size()) {
        members_.resize(id + 1);
    }
    members_[id] = true;
}

} // namespace atk::rules
