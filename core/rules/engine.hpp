#pragma once
// The rules engine: a language's RuleSet compiled once (one phrase trie for every phrase
// list, one RE2::Set for every pattern), then run over any number of documents from any
// number of threads (run() is const).
#include "alert.hpp"
#include "rules/readability.hpp"
#include "rules/rule.hpp"
#include "text/document.hpp"
#include "text/segmenter.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atk::spell {
class Glossary;
}

namespace atk::rules {

struct CompiledRules;

/// "requirements": every rule, those that apply to requirements on requirement sentences;
/// "general": prose that is not a specification, so requirement-only rules are off.
enum class Profile { requirements, general };
std::optional<Profile> parse_profile(std::string_view name);

/// Which rules run: those on by default, less the disabled, plus the enabled. Each entry is
/// a rule id (incose/vague-terms) or a category (VAGUENESS); enabling wins over disabling.
struct RuleSelection {
    std::vector<std::string> enabled;
    std::vector<std::string> disabled;
    bool selects(const Rule& rule) const;
};

struct RunOptions {
    Profile profile = Profile::requirements;
    RuleSelection selection;
    /// Terms the project defines: an acronym there needs no definition in the text.
    const spell::Glossary* glossary = nullptr;
    /// The project's preferred terms (client -> customer), reported by the substitution rule
    /// marked `project_terms: true`, if it is selected.
    std::vector<std::pair<std::string, std::string>> preferred_terms;
    /// Threads the run may use: a large document is cut up and checked in parts.
    std::size_t threads = 1;
};

std::string_view to_string(EarsTemplate ears);

/// Per block of a document, its words as text::Segmenter::words finds them.
using BlockWords = std::vector<std::vector<text::Word>>;

/// What one finding cost a requirement's score.
struct Cost {
    std::string rule_id;
    int points = 0;
};

struct RequirementReport {
    std::size_t begin = 0; ///< UTF-8 byte offsets of the sentence in the source
    std::size_t end = 0;
    int score = 100; ///< 100 less the costs, at least 0 (docs/rules.md)
    EarsTemplate ears = EarsTemplate::none;
    std::vector<Cost> costs;
};

struct RulesReport {
    std::vector<Alert> alerts; ///< ordered by position
    std::vector<RequirementReport> requirements;
    std::optional<int> quality; ///< the mean requirement score; none without requirements
    TextCounts counts;          ///< of the prose outside headings
    Readability readability;    ///< of `counts`, by the formulas of the rules' language
    /// Why the requirements are not scored, for the user to read ("no wording rules for
    /// Spanish yet, so requirements are not scored"); empty when the language has rules.
    std::string note;
};

/// Points a finding of each severity takes off a requirement's score.
int cost_of(Severity severity);

class Engine {
  public:
    /// Compiles `rules`. Throws atk::InputError naming the rule file when a pattern does not
    /// compile (the loader checks them first).
    explicit Engine(RuleSet rules);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    const RuleSet& rule_set() const { return rules_; }

    /// The rule with this id, or null.
    const Rule* find_rule(std::string_view id) const;

    /// True when a phrase rule (existence, substitution) flags `phrase` as a whole, whatever
    /// its case: so that a replacement offered is not flagged in turn.
    bool flags_phrase(std::string_view phrase) const;

    /// Runs the selected rules over `document`. Thread-safe. `words`: the segmenter's words of
    /// each block (text::Segmenter::words), when the caller has found them already.
    RulesReport run(const text::Document& document, const RunOptions& options,
                    const BlockWords* words = nullptr) const;

    /// Runs every rule's examples, each with that rule selected: a must_fire example that
    /// gives no finding of the rule, or a must_not_fire one that gives one, is described in
    /// the result ("rules/en/x.yml: must fire but does not: ..."). Empty when all pass.
    std::vector<std::string> failing_examples() const;

  private:
    RuleSet rules_;
    std::unique_ptr<CompiledRules> compiled_;
};

} // namespace atk::rules
