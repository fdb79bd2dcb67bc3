#include "rules/compiled_rules.hpp"

#include "error.hpp"
#include "rules/text_units.hpp"
#include "text/casing.hpp"

#include <algorithm>

namespace atk::rules {

bool in_scope(const Rule& rule, text::BlockKind kind) {
    for (const Scope scope : rule.scopes) {
        const bool fits = (scope == Scope::sentence && kind != text::BlockKind::heading) ||
                          (scope == Scope::paragraph && kind == text::BlockKind::paragraph) ||
                          (scope == Scope::heading && kind == text::BlockKind::heading) ||
                          (scope == Scope::list_item && kind == text::BlockKind::list_item) ||
                          (scope == Scope::table_cell && kind == text::BlockKind::table_cell);
        if (fits) {
            return true;
        }
    }
    return false;
}

std::string in_case_of(std::string_view written, const std::string& replacement) {
    switch (text::casing_of(written)) {
    case text::Casing::capitalised:
        return text::capitalise(replacement);
    case text::Casing::upper:
        return written.size() > 1 ? text::to_upper(replacement) : text::capitalise(replacement);
    default:
        return replacement;
    }
}

std::string joined(const std::vector<std::string>& words, bool lower) {
    std::string out;
    for (const auto& word : words) {
        out += (out.empty() ? "" : " ") + (lower ? normalised_lower(word) : word);
    }
    return out;
}

CompiledRules::CompiledRules(const RuleSet& rules) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(kPatternMemory);
    add_words(rules);
    for (std::uint32_t r = 0; r < rules.rules.size(); ++r) {
        const Rule& rule = rules.rules[r];
        // A project-terms rule's own swaps are examples: the project's terms replace them.
        for (std::uint32_t p = 0; p < rule.phrases.size() && !rule.project_terms; ++p) {
            add(rule, rule.phrases[p].words, {r, PhraseRef::Kind::phrase, p, 0});
            flagged.insert(joined(rule.phrases[p].words));
        }
        for (std::uint32_t e = 0; e < rule.exceptions.size(); ++e) {
            add(rule, rule.exceptions[e], {r, PhraseRef::Kind::exception, e, 0});
        }
        for (std::uint32_t g = 0; g < rule.variants.size(); ++g) {
            for (std::uint32_t v = 0; v < rule.variants[g].size(); ++v) {
                add(rule, rule.variants[g][v], {r, PhraseRef::Kind::variant, g, v});
            }
        }
        if (rule.type == RuleType::occurrence || rule.type == RuleType::repetition ||
            rule.type == RuleType::passive) {
            token_rules.push_back(r);
        }
        for (const auto& written : rule.patterns) {
            const std::string pattern = rule.case_sensitive ? written : "(?i)" + written;
            regexes.push_back(std::make_unique<RE2>(pattern, options));
            if (!regexes.back()->ok()) {
                throw InputError(rule.source_file + ": bad pattern '" + written +
                                 "': " + regexes.back()->error());
            }
            pattern_pool.add(pattern, rule.applies == Applies::requirements);
            regex_rule.push_back(r);
        }
    }
    // The sets a first run will borrow, compiled now: a rule set RE2 cannot hold fails here.
    pattern_pool.give_back(pattern_pool.lend());
}

std::vector<std::uint32_t> CompiledRules::ids_of(const std::vector<std::string>& words) {
    std::vector<std::uint32_t> ids;
    for (const auto& word : words) {
        ids.push_back(vocabulary.add(normalised_lower(word)));
    }
    return ids;
}

WordSet CompiledRules::set_of(const std::vector<std::string>& words) {
    WordSet set;
    for (const auto id : ids_of(words)) {
        set.add(id);
    }
    return set;
}

void CompiledRules::add(const Rule& rule, const std::vector<std::string>& words, PhraseRef ref) {
    ref.exact = rule.case_sensitive;
    refs.push_back(ref);
    phrases.add(ids_of(words), static_cast<std::uint32_t>(refs.size() - 1));
}

void CompiledRules::add_words(const RuleSet& rules) {
    requirement_words = set_of(rules.profile.requirement_words);
    for (const auto& [kind, words] : rules.profile.ears) {
        ears.emplace_back(kind, set_of(words));
    }
    for (const Rule& rule : rules.rules) {
        word_lists.push_back({set_of(rule.be_forms), set_of(rule.participles),
                              set_of(rule.not_participles), set_of(rule.agent_words),
                              set_of(rule.not_after)});
        auto& exceptions = exception_ids.emplace_back();
        for (const auto& exception : rule.exceptions) {
            exceptions.push_back(ids_of(exception));
        }
    }
}

} // namespace atk::rules
