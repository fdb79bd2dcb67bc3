#include "rules/pattern_sets.hpp"

#include "error.hpp"

#include <re2/re2.h>

namespace atk::rules {

PatternSet::PatternSet() = default;
PatternSet::~PatternSet() = default;
PatternSet::PatternSet(PatternSet&&) noexcept = default;
PatternSet& PatternSet::operator=(PatternSet&&) noexcept = default;

void PatternSet::add(const std::string& pattern, std::size_t index) {
    patterns_.push_back(pattern);
    indexes_.push_back(index);
}

void PatternSet::compile() {
    if (patterns_.empty()) {
        return;
    }
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(kPatternMemory);
    set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const auto& pattern : patterns_) {
        if (set_->Add(pattern, nullptr) < 0) {
            throw InputError("a rule's pattern does not compile: " + pattern);
        }
    }
    if (!set_->Compile()) {
        throw InputError("the rules' patterns need more memory than RE2 allows; simplify them");
    }
}

void PatternSet::matches(std::string_view text, std::vector<std::size_t>& found) const {
    std::vector<int> hits; // allocates only when something matches
    if (set_ && set_->Match(re2::StringPiece(text.data(), text.size()), &hits)) {
        for (const int hit : hits) {
            found.push_back(indexes_[static_cast<std::size_t>(hit)]);
        }
    }
}

void PatternPool::add(std::string pattern, bool for_requirements) {
    patterns_.push_back({std::move(pattern), for_requirements});
}

std::unique_ptr<PatternSets> PatternPool::lend() const {
    {
        const std::lock_guard lock(mutex_);
        if (!returned_.empty()) {
            auto sets = std::move(returned_.back());
            returned_.pop_back();
            return sets;
        }
    }
    auto sets = std::make_unique<PatternSets>();
    for (std::size_t i = 0; i < patterns_.size(); ++i) {
        const Pattern& pattern = patterns_[i];
        (pattern.for_requirements ? sets->requirements : sets->others).add(pattern.text, i);
    }
    sets->requirements.compile();
    sets->others.compile();
    return sets;
}

void PatternPool::give_back(std::unique_ptr<PatternSets> sets) const {
    constexpr std::size_t kKept = 64; // more than the threads of any machine we run on
    const std::lock_guard lock(mutex_);
    if (returned_.size() < kKept) {
        returned_.push_back(std::move(sets));
    }
}

} // namespace atk::rules
