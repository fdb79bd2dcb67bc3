#include "rules/engine.hpp"

#include "rules/compiled_rules.hpp"
#include "rules/rule_loader.hpp"
#include "rules/run.hpp"

#include <algorithm>

namespace atk::rules {

std::optional<Profile> parse_profile(std::string_view name) {
    if (name == "requirements") {
        return Profile::requirements;
    }
    if (name == "general") {
        return Profile::general;
    }
    return std::nullopt;
}

bool RuleSelection::selects(const Rule& rule) const {
    const auto names = [&](const std::vector<std::string>& list) {
        return std::find(list.begin(), list.end(), rule.id) != list.end() ||
               std::find(list.begin(), list.end(), rule.category) != list.end();
    };
    if (names(enabled)) {
        return true;
    }
    return rule.enabled_by_default && !names(disabled);
}

std::string_view to_string(EarsTemplate ears) {
    switch (ears) {
    case EarsTemplate::ubiquitous:
        return "ubiquitous";
    case EarsTemplate::state_driven:
        return "state-driven";
    case EarsTemplate::event_driven:
        return "event-driven";
    case EarsTemplate::optional_feature:
        return "optional-feature";
    case EarsTemplate::unwanted_behaviour:
        return "unwanted-behaviour";
    case EarsTemplate::complex:
        return "complex";
    case EarsTemplate::none:
        return "none";
    }
    return "none";
}

int cost_of(Severity severity) {
    switch (severity) {
    case Severity::error:
        return 25;
    case Severity::warning:
        return 15;
    case Severity::suggestion:
        return 5;
    }
    return 15;
}

Engine::Engine(RuleSet rules)
    : rules_(std::move(rules)), compiled_(std::make_unique<CompiledRules>(rules_)) {}

Engine::~Engine() = default;

const Rule* Engine::find_rule(std::string_view id) const {
    for (const auto& rule : rules_.rules) {
        if (rule.id == id) {
            return &rule;
        }
    }
    return nullptr;
}

bool Engine::flags_phrase(std::string_view phrase) const {
    return compiled_->flagged.contains(
        joined(phrase_words(std::string(phrase), rules_.language, rules_.profile), true));
}

RulesReport Engine::run(const text::Document& document, const RunOptions& options,
                        const BlockWords* words) const {
    return Run(rules_, *compiled_, document, options).report(words);
}

std::vector<std::string> Engine::failing_examples() const {
    std::vector<std::string> failures;
    for (const auto& rule : rules_.rules) {
        RunOptions options;
        options.selection.enabled = {rule.id};
        if (rule.project_terms) { // its swaps stand for a project's preferred terms
            for (const auto& phrase : rule.phrases) {
                options.preferred_terms.emplace_back(joined(phrase.words), phrase.replacement);
            }
        }
        const auto fires = [&](const std::string& example) {
            const auto document = text::parse_document(example, text::Markup::markdown);
            const auto report = run(document, options);
            return std::any_of(report.alerts.begin(), report.alerts.end(),
                               [&](const Alert& a) { return a.rule_id == rule.id; });
        };
        for (const auto& example : rule.must_fire) {
            if (!fires(example)) {
                failures.push_back(rule.source_file + ": must fire but does not: " + example);
            }
        }
        for (const auto& example : rule.must_not_fire) {
            if (fires(example)) {
                failures.push_back(rule.source_file + ": must not fire but does: " + example);
            }
        }
    }
    return failures;
}

} // namespace atk::rules
