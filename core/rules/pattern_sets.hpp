#pragma once
// The rules' RE2 patterns, matched together: one RE2::Set scans a sentence once for all of
// them, in linear time. Each run borrows its own sets from a pool: RE2 guards a set's match
// cache with a lock that concurrent runs would queue on, and a returned set keeps the
// automaton states earlier runs built.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <re2/set.h>
#include <string>
#include <string_view>
#include <vector>

namespace atk::rules {

/// Memory for a set's automaton: enough that RE2's DFA never runs out and starts over.
inline constexpr std::int64_t kPatternMemory = std::int64_t{64} << 20;

/// Patterns known by their index in the rule set (those of rules that are not case-sensitive
/// start with "(?i)").
class PatternSet {
  public:
    PatternSet();
    ~PatternSet();
    PatternSet(PatternSet&&) noexcept;
    PatternSet& operator=(PatternSet&&) noexcept;

    void add(const std::string& pattern, std::size_t index);
    /// Compiles what was added (each pattern compiled alone already, when the rules loaded).
    /// Throws atk::InputError when RE2 cannot hold them all.
    void compile();

    /// Appends the indexes of the patterns that match somewhere in `text` to `found`.
    void matches(std::string_view text, std::vector<std::size_t>& found) const;

  private:
    std::vector<std::string> patterns_;
    std::vector<std::size_t> indexes_;
    std::unique_ptr<RE2::Set> set_;
};

/// What a run matches: the patterns of rules that apply to requirements only (looked at on
/// requirement sentences alone), and the others.
struct PatternSets {
    PatternSet requirements;
    PatternSet others;
};

/// Every pattern of a rule set, lending PatternSets to one run at a time. Thread-safe.
class PatternPool {
  public:
    /// Adds the next pattern (its index is the number added before it).
    void add(std::string pattern, bool for_requirements);

    /// Sets for one run: a returned one, or new ones. Give them back when the run ends.
    std::unique_ptr<PatternSets> lend() const;
    void give_back(std::unique_ptr<PatternSets> sets) const;

  private:
    struct Pattern {
        std::string text;
        bool for_requirements;
    };
    std::vector<Pattern> patterns_;
    mutable std::mutex mutex_;
    mutable std::vector<std::unique_ptr<PatternSets>> returned_;
};

} // namespace atk::rules
