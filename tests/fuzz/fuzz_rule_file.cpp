// Fuzz target: the rule-file loader on arbitrary YAML. Each input is written to a rule file
// and loaded as a rule (with the English or the French language profile, by the input's
// length); a rule that loads is compiled into an Engine, its examples are run
// (failing_examples) and the rule is run over its own examples. The same bytes are then loaded
// as a language profile (rules/<language>/language.yml) of a rule set of their own.
//
// Invariants:
// - Only atk::InputError escapes the loader, and its message starts with the file's path.
// - A rule that loads is complete as docs/rules.md says: id and source file set, description,
//   message, explanation, an https:// link, an upper-case category other than TYPOS, at least
//   two examples of each kind, what its type needs (phrases or patterns, swaps, max, ...),
//   no phrase without words, patterns RE2 compiles; every string in it is valid UTF-8.
// - Compiling a rule that loaded throws nothing but InputError (RE2's memory limit); running
//   it gives alerts within the text, ordered, and requirement reports within the text.
// - A profile that loads has requirement words.
#include "fuzz_support.hpp"
#include "rules/engine.hpp"
#include "rules/rule_loader.hpp"
#include "text/document.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <re2/re2.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
namespace rules = atk::rules;
using atk::fuzz::require;

/// A directory of this process's own for the files the inputs are written to.
const fs::path& work_directory() {
    static const fs::path directory = [] {
        auto path =
            fs::temp_directory_path() / ("atk-fuzz-rule-file-" + std::to_string(::getpid()));
        fs::create_directories(path / "fuzzed");
        return path;
    }();
    // Registered once `directory` is built, so that it runs before `directory` is destroyed.
    static const bool removed_at_exit = std::atexit([] {
                                            std::error_code ignored;
                                            fs::remove_all(work_directory(), ignored);
                                        }) == 0;
    (void)removed_at_exit;
    return directory;
}

void write_file(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    require(static_cast<bool>(out), "the fuzz input is written to its file");
}

/// The profiles of the real rule sets, loaded once.
const rules::LanguageProfile& profile_of(const std::string& language) {
    static const std::map<std::string, rules::LanguageProfile> profiles = [] {
        std::map<std::string, rules::LanguageProfile> loaded;
        for (const std::string code : {"en", "fr"}) {
            loaded[code] = rules::load_rule_set(atk::fuzz::rules_directory(), code).profile;
        }
        return loaded;
    }();
    return profiles.at(language);
}

void require_names_file(const atk::InputError& error, const fs::path& path) {
    require(std::string_view(error.what()).starts_with(path.string() + ":"),
            "a rule-file error starts with the file's path");
}

bool valid_utf8(std::string_view text) {
    return !atk::text::find_invalid_utf8(text).has_value();
}

bool all_valid_utf8(const std::vector<std::string>& texts) {
    return std::all_of(texts.begin(), texts.end(), [](const auto& t) { return valid_utf8(t); });
}

void require_valid_utf8_strings(const rules::Rule& rule) {
    require(valid_utf8(rule.description) && valid_utf8(rule.message) &&
                valid_utf8(rule.explanation) && valid_utf8(rule.link),
            "a loaded rule's texts are valid UTF-8");
    require(all_valid_utf8(rule.must_fire) && all_valid_utf8(rule.must_not_fire),
            "a loaded rule's examples are valid UTF-8");
    require(all_valid_utf8(rule.patterns) && all_valid_utf8(rule.not_after),
            "a loaded rule's patterns and word lists are valid UTF-8");
    for (const auto& phrase : rule.phrases) {
        require(all_valid_utf8(phrase.words) && valid_utf8(phrase.replacement),
                "a loaded rule's phrases are valid UTF-8");
    }
}

void require_type_needs(const rules::Rule& rule) {
    switch (rule.type) {
    case rules::RuleType::existence:
        require(!rule.phrases.empty() || !rule.patterns.empty(), "existence: phrases or patterns");
        break;
    case rules::RuleType::substitution:
        require(!rule.phrases.empty(), "substitution: swaps");
        break;
    case rules::RuleType::occurrence:
        require(rule.max > 0, "occurrence: max");
        break;
    case rules::RuleType::consistency:
        require(!rule.variants.empty(), "consistency: variants");
        for (const auto& group : rule.variants) {
            require(group.size() >= 2, "consistency: two variants or more per group");
        }
        break;
    case rules::RuleType::passive:
        require(!rule.be_forms.empty() &&
                    (!rule.participles.empty() || !rule.participle_endings.empty()),
                "passive: be forms and participles");
        break;
    case rules::RuleType::readability:
        require(!rule.metric.empty() && (rule.max > 0 || rule.min > 0), "readability: a limit");
        break;
    case rules::RuleType::repetition:
    case rules::RuleType::conditional:
        break;
    }
}

void require_complete(const rules::Rule& rule, const std::string& id, const fs::path& path) {
    require(rule.id == id && rule.source_file == path.string(), "a rule knows its id and file");
    require(rule.link.starts_with("https://"), "a rule links to its source over https");
    const bool upper_id = !rule.category.empty() &&
                          std::all_of(rule.category.begin(), rule.category.end(),
                                      [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; });
    require(upper_id && rule.category != "TYPOS",
            "a rule's category is an upper-case id, not TYPOS");
    require(rule.must_fire.size() >= 2 && rule.must_not_fire.size() >= 2,
            "a rule has two examples of each kind");
    for (const auto& phrase : rule.phrases) {
        require(!phrase.words.empty(), "a phrase has words");
    }
    for (const auto& pattern : rule.patterns) {
        RE2::Options options;
        options.set_log_errors(false);
        require(RE2(pattern, options).ok(), "a loaded pattern compiles");
    }
    require_type_needs(rule);
    require_valid_utf8_strings(rule);
}

void require_run_within(const rules::Engine& engine, const rules::Rule& rule,
                        const std::string& example) {
    const auto document = atk::text::parse_document(example, atk::text::Markup::markdown);
    rules::RunOptions options;
    options.selection.enabled = {rule.id};
    const auto report = engine.run(document, options);
    std::size_t previous = 0;
    for (const auto& alert : report.alerts) {
        require(alert.begin <= alert.end && alert.end <= example.size() && alert.begin >= previous,
                "a rule's alerts lie within the text, in order");
        require(atk::fuzz::on_code_point_boundary(example, alert.begin) &&
                    atk::fuzz::on_code_point_boundary(example, alert.end),
                "a rule's alerts are on code-point boundaries");
        previous = alert.begin;
    }
    for (const auto& requirement : report.requirements) {
        require(requirement.begin <= requirement.end && requirement.end <= example.size() &&
                    requirement.score >= 0 && requirement.score <= 100,
                "a requirement report lies within the text and scores 0 to 100");
    }
}

void compile_and_run(const rules::Rule& rule, const std::string& language,
                     const rules::LanguageProfile& profile) {
    rules::RuleSet set{language, profile, {rule}};
    std::unique_ptr<rules::Engine> engine;
    try {
        engine = std::make_unique<rules::Engine>(std::move(set));
    } catch (const atk::InputError&) {
        return; // RE2's memory limit for the compiled set: documented, said to the author
    }
    engine->failing_examples();
    for (const auto& example : rule.must_fire) {
        require_run_within(*engine, rule, example);
    }
    for (const auto& example : rule.must_not_fire) {
        require_run_within(*engine, rule, example);
    }
}

void load_as_rule(std::string_view bytes, const std::string& language) {
    const fs::path path = work_directory() / "fuzzed" / "rule.yml";
    write_file(path, bytes);
    const std::string id = "fuzzed/rule";
    const auto& profile = profile_of(language);
    rules::Rule rule;
    try {
        rule = rules::load_rule(path, id, language, profile);
    } catch (const atk::InputError& error) {
        require_names_file(error, path);
        return;
    }
    require_complete(rule, id, path);
    compile_and_run(rule, language, profile);
}

void load_as_profile(std::string_view bytes) {
    const fs::path path = work_directory() / "fuzzed" / "language.yml";
    write_file(path, bytes);
    fs::remove(work_directory() / "fuzzed" / "rule.yml");
    try {
        const auto set = rules::load_rule_set(work_directory(), "fuzzed");
        require(!set.profile.requirement_words.empty() && set.rules.empty(),
                "a loaded profile has requirement words");
    } catch (const atk::InputError& error) {
        require_names_file(error, path);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    work_directory();
    profile_of("en");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = atk::fuzz::as_text(data, size);
    load_as_rule(bytes, size % 2 == 0 ? "en" : "fr");
    load_as_profile(bytes);
    return 0;
}
