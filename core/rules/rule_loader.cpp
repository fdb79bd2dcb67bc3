#include "rules/rule_loader.hpp"

#include "config/yaml_file.hpp"
#include "error.hpp"
#include "parallel.hpp"
#include "rules/text_units.hpp"
#include "text/casing.hpp"
#include "text/segmenter.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <re2/re2.h>
#include <set>
#include <thread>

namespace atk::rules {
namespace {

using config::fail;
using config::scalar;
using config::strings;

constexpr std::size_t kMinExamples = 2;

const std::map<std::string, RuleType>& rule_types() {
    static const std::map<std::string, RuleType> types{
        {"existence", RuleType::existence},     {"substitution", RuleType::substitution},
        {"occurrence", RuleType::occurrence},   {"repetition", RuleType::repetition},
        {"conditional", RuleType::conditional}, {"consistency", RuleType::consistency},
        {"passive", RuleType::passive},         {"readability", RuleType::readability}};
    return types;
}

const std::map<std::string, Scope>& scopes() {
    static const std::map<std::string, Scope> names{{"sentence", Scope::sentence},
                                                    {"paragraph", Scope::paragraph},
                                                    {"heading", Scope::heading},
                                                    {"list_item", Scope::list_item},
                                                    {"table_cell", Scope::table_cell}};
    return names;
}

template <typename Map>
std::string names_of(const Map& map) {
    std::string out;
    for (const auto& [name, value] : map) {
        out += (out.empty() ? "" : ", ") + name;
    }
    return out;
}

/// The keys every rule has, and those each type adds (all optional unless checked below).
const std::set<std::string> kCommonKeys{"type",    "description", "message",   "explanation",
                                        "link",    "category",    "severity",  "scope",
                                        "applies", "enabled",     "must_fire", "must_not_fire"};
const std::map<RuleType, std::set<std::string>>& type_keys() {
    static const std::map<RuleType, std::set<std::string>> keys{
        {RuleType::existence,
         {"phrases", "patterns", "not_after", "exceptions", "case_sensitive", "synonyms"}},
        {RuleType::substitution, {"swap", "exceptions", "case_sensitive", "project_terms"}},
        {RuleType::occurrence, {"max"}},
        {RuleType::repetition, {"exceptions"}},
        {RuleType::conditional, {"well_known"}},
        {RuleType::consistency, {"variants"}},
        {RuleType::passive,
         {"be_forms", "participles", "participle_endings", "not_participles", "agent_words",
          "adverb_endings", "not_after"}},
        {RuleType::readability, {"metric", "max", "min"}}};
    return keys;
}

/// Reads one rule file's mapping into a Rule, key by key, failing on the first bad one.
class RuleReader {
  public:
    RuleReader(std::filesystem::path path, std::string language, const LanguageProfile& profile)
        : path_(std::move(path)), language_(std::move(language)), profile_(profile) {}

    Rule read(const YAML::Node& root, const std::string& id) {
        if (!root.IsMap()) {
            fail(path_, root.Mark(),
                 "a rule file must be a mapping of keys (type:, message:, ...)");
        }
        rule_.id = id;
        rule_.source_file = path_.string();
        const YAML::Node type = root["type"];
        if (!type) {
            fail(path_, root.Mark(), "missing 'type'; one of " + names_of(rule_types()));
        }
        const auto found = rule_types().find(scalar(path_, type, "'type'"));
        if (found == rule_types().end()) {
            fail(path_, type.Mark(),
                 "unknown rule type '" + type.as<std::string>() + "'; one of " +
                     names_of(rule_types()));
        }
        rule_.type = found->second;
        for (const auto& entry : root) {
            read_key(entry.first, entry.second);
        }
        check_complete(root);
        return std::move(rule_);
    }

  private:
    void read_key(const YAML::Node& key_node, const YAML::Node& value) {
        const std::string key = scalar(path_, key_node, "a key");
        const auto& allowed = type_keys().at(rule_.type);
        if (!kCommonKeys.contains(key) && !allowed.contains(key)) {
            std::string known;
            for (const auto& k : kCommonKeys) {
                known += (known.empty() ? "" : ", ") + k;
            }
            for (const auto& k : allowed) {
                known += ", " + k;
            }
            fail(path_, key_node.Mark(),
                 "unknown key '" + key + "' for a " + type_name() + " rule; the keys are " + known);
        }
        seen_.insert(key);
        const std::string what = "'" + key + "'";
        if (key == "type") {
            return;
        } else if (key == "description") {
            rule_.description = scalar(path_, value, what);
        } else if (key == "message") {
            rule_.message = scalar(path_, value, what);
        } else if (key == "explanation") {
            rule_.explanation = scalar(path_, value, what);
        } else if (key == "link") {
            rule_.link = scalar(path_, value, what);
            if (rule_.link.rfind("https://", 0) != 0) {
                fail(path_, value.Mark(), "'link' must be an https:// address of the source");
            }
        } else if (key == "category") {
            read_category(value);
        } else if (key == "severity") {
            const auto severity = parse_severity(scalar(path_, value, what));
            if (!severity) {
                fail(path_, value.Mark(), "'severity' must be suggestion, warning or error");
            }
            rule_.severity = *severity;
        } else if (key == "scope") {
            read_scopes(value);
        } else if (key == "applies") {
            const std::string applies = scalar(path_, value, what);
            static const std::map<std::string, Applies> choices{
                {"everywhere", Applies::everywhere},
                {"requirements", Applies::requirements},
                {"prose", Applies::prose}};
            const auto found = choices.find(applies);
            if (found == choices.end()) {
                fail(path_, value.Mark(), "'applies' must be everywhere, requirements or prose");
            }
            rule_.applies = found->second;
        } else if (key == "enabled") {
            rule_.enabled_by_default = boolean(value, what);
        } else if (key == "project_terms") {
            rule_.project_terms = boolean(value, what);
        } else if (key == "synonyms") {
            rule_.synonyms = boolean(value, what);
        } else if (key == "case_sensitive") {
            rule_.case_sensitive = boolean(value, what);
        } else if (key == "must_fire") {
            rule_.must_fire = strings(path_, value, what);
        } else if (key == "must_not_fire") {
            rule_.must_not_fire = strings(path_, value, what);
        } else if (key == "phrases") {
            for (const auto& phrase : strings(path_, value, what)) {
                rule_.phrases.push_back({words_of(phrase, value), "", phrase.ends_with('.')});
            }
        } else if (key == "swap") {
            read_swap(value);
        } else if (key == "patterns") {
            read_patterns(value);
        } else if (key == "exceptions") {
            for (const auto& phrase : strings(path_, value, what)) {
                rule_.exceptions.push_back(words_of(phrase, value));
            }
        } else if (key == "max") {
            rule_.max = number(value, what);
        } else if (key == "min") {
            rule_.min = static_cast<double>(number(value, what));
        } else if (key == "metric") {
            rule_.metric = scalar(path_, value, what);
            if (rule_.metric != "flesch-kincaid" && rule_.metric != "kandel-moles") {
                fail(path_, value.Mark(), "'metric' must be flesch-kincaid or kandel-moles");
            }
        } else if (key == "variants") {
            read_variants(value);
        } else {
            read_word_list(key, value);
        }
    }

    /// The plain word lists: be_forms, participles, participle_endings, not_participles,
    /// agent_words, adverb_endings, well_known, not_after.
    void read_word_list(const std::string& key, const YAML::Node& value) {
        const std::map<std::string, std::vector<std::string>*> lists{
            {"be_forms", &rule_.be_forms},
            {"participles", &rule_.participles},
            {"participle_endings", &rule_.participle_endings},
            {"not_participles", &rule_.not_participles},
            {"agent_words", &rule_.agent_words},
            {"adverb_endings", &rule_.adverb_endings},
            {"well_known", &rule_.well_known},
            {"not_after", &rule_.not_after}};
        auto* list = lists.at(key);
        for (const auto& word : strings(path_, value, "'" + key + "'")) {
            // Acronyms keep their case; the other lists are matched in lower case.
            list->push_back(key == "well_known" ? word : normalised_lower(word));
        }
    }

    void read_category(const YAML::Node& value) {
        rule_.category = scalar(path_, value, "'category'");
        const bool upper_id = !rule_.category.empty() &&
                              std::all_of(rule_.category.begin(), rule_.category.end(), [](char c) {
                                  return (c >= 'A' && c <= 'Z') || c == '_';
                              });
        if (!upper_id) {
            fail(path_, value.Mark(), "'category' must be an upper-case id such as VAGUENESS");
        }
        if (rule_.category == "TYPOS") {
            fail(path_, value.Mark(), "category TYPOS belongs to spelling; choose another");
        }
    }

    void read_scopes(const YAML::Node& value) {
        rule_.scopes.clear();
        for (const auto& name : strings(path_, value, "'scope'")) {
            const auto found = scopes().find(name);
            if (found == scopes().end()) {
                fail(path_, value.Mark(),
                     "unknown scope '" + name + "'; one or more of " + names_of(scopes()));
            }
            rule_.scopes.push_back(found->second);
        }
    }

    void read_swap(const YAML::Node& value) {
        if (!value.IsMap()) {
            fail(path_, value.Mark(), "'swap' must map each phrase to its replacement");
        }
        for (const auto& entry : value) {
            const std::string phrase = scalar(path_, entry.first, "a phrase of 'swap'");
            rule_.phrases.push_back({words_of(phrase, entry.first),
                                     scalar(path_, entry.second, "a replacement in 'swap'"),
                                     phrase.ends_with('.')});
        }
    }

    void read_patterns(const YAML::Node& value) {
        patterns_node_ = value;
        for (const auto& pattern : strings(path_, value, "'patterns'")) {
            RE2::Options options;
            options.set_log_errors(false);
            const RE2 compiled(pattern, options);
            if (!compiled.ok()) {
                fail(path_, value.Mark(), "bad pattern '" + pattern + "': " + compiled.error());
            }
            rule_.patterns.push_back(pattern);
        }
    }

    /// A rule that is not case-sensitive matches its patterns whatever the case: a capital in
    /// them says its author meant otherwise.
    void check_pattern_case() {
        if (rule_.case_sensitive) {
            return;
        }
        for (const auto& pattern : rule_.patterns) {
            if (const auto at = upper_case_literal(pattern); at != std::string::npos) {
                fail(path_, patterns_node_.Mark(),
                     "pattern '" + pattern + "' has the capital '" + pattern.substr(at, 1) +
                         "', but patterns of a rule that is not case_sensitive match any case: "
                         "write it in lower case, or set case_sensitive: true");
            }
        }
    }

    void read_variants(const YAML::Node& value) {
        if (!value.IsSequence()) {
            fail(path_, value.Mark(), "'variants' must be a list of lists of spellings");
        }
        for (const auto& group : value) {
            const auto spellings = strings(path_, group, "each group of 'variants'");
            if (spellings.size() < 2) {
                fail(path_, group.Mark(), "a group of 'variants' needs two spellings or more");
            }
            std::vector<std::vector<std::string>> words;
            for (const auto& spelling : spellings) {
                words.push_back(words_of(spelling, group));
            }
            rule_.variants.push_back(std::move(words));
        }
    }

    std::vector<std::string> words_of(const std::string& phrase, const YAML::Node& at) {
        auto words = phrase_words(phrase, language_, profile_);
        if (words.empty()) {
            fail(path_, at.Mark(), "the phrase '" + phrase + "' has no words");
        }
        if (!rule_.case_sensitive) {
            for (auto& word : words) {
                word = normalised_lower(word);
            }
        }
        return words;
    }

    bool boolean(const YAML::Node& value, const std::string& what) {
        const std::string text = scalar(path_, value, what);
        if (text != "true" && text != "false") {
            fail(path_, value.Mark(), what + " must be true or false");
        }
        return text == "true";
    }

    std::size_t number(const YAML::Node& value, const std::string& what) {
        const std::string text = scalar(path_, value, what);
        const bool digits =
            !text.empty() && text.size() < 7 &&
            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits) {
            fail(path_, value.Mark(), what + " must be a whole number");
        }
        return std::stoul(text);
    }

    void check_complete(const YAML::Node& root) {
        check_pattern_case();
        for (const char* key : {"description", "message", "explanation", "link", "category",
                                "severity", "must_fire", "must_not_fire"}) {
            if (!seen_.contains(key)) {
                fail(path_, root.Mark(), std::string("missing '") + key + "'");
            }
        }
        if (rule_.must_fire.size() < kMinExamples || rule_.must_not_fire.size() < kMinExamples) {
            fail(path_, root.Mark(),
                 "a rule needs at least two must_fire and two must_not_fire examples");
        }
        const auto needs = [&](bool ok, const std::string& what) {
            if (!ok) {
                fail(path_, root.Mark(), "a " + type_name() + " rule needs " + what);
            }
        };
        switch (rule_.type) {
        case RuleType::existence:
            needs(!rule_.phrases.empty() || !rule_.patterns.empty(), "'phrases' or 'patterns'");
            if (!rule_.not_after.empty()) {
                needs(!rule_.patterns.empty(), "'patterns' for its 'not_after' words");
            }
            break;
        case RuleType::substitution:
            needs(!rule_.phrases.empty(), "'swap'");
            break;
        case RuleType::occurrence:
            needs(rule_.max > 0, "'max' (words)");
            break;
        case RuleType::consistency:
            needs(!rule_.variants.empty(), "'variants'");
            break;
        case RuleType::passive:
            needs(!rule_.be_forms.empty(), "'be_forms'");
            needs(!rule_.participles.empty() || !rule_.participle_endings.empty(),
                  "'participles' or 'participle_endings'");
            break;
        case RuleType::readability:
            needs(!rule_.metric.empty(), "'metric'");
            needs(rule_.max > 0 || rule_.min > 0, "'max' (grade) or 'min' (reading ease)");
            break;
        case RuleType::repetition:
        case RuleType::conditional:
            break;
        }
    }

    std::string type_name() const {
        for (const auto& [name, type] : rule_types()) {
            if (type == rule_.type) {
                return name;
            }
        }
        return "?";
    }

    std::filesystem::path path_;
    std::string language_;
    const LanguageProfile& profile_;
    YAML::Node patterns_node_; ///< where the patterns are, for errors found after reading
    Rule rule_;
    std::set<std::string> seen_;
};

std::vector<std::string> lower_words(const std::filesystem::path& path, const YAML::Node& node,
                                     const std::string& what, const std::string& language,
                                     const LanguageProfile& profile) {
    std::vector<std::string> words;
    for (const auto& word : strings(path, node, what)) {
        for (const auto& part : phrase_words(word, language, profile)) {
            words.push_back(normalised_lower(part));
        }
    }
    return words;
}

void read_ears(const std::filesystem::path& path, const YAML::Node& node,
               const std::string& language, LanguageProfile& profile) {
    static const std::map<std::string, EarsTemplate> templates{
        {"state_driven", EarsTemplate::state_driven},
        {"event_driven", EarsTemplate::event_driven},
        {"optional_feature", EarsTemplate::optional_feature},
        {"unwanted_behaviour", EarsTemplate::unwanted_behaviour}};
    if (!node.IsMap()) {
        fail(path, node.Mark(), "'ears' must map templates (" + names_of(templates) + ") to words");
    }
    for (const auto& entry : node) {
        const std::string name = scalar(path, entry.first, "a key of 'ears'");
        const auto found = templates.find(name);
        if (found == templates.end()) {
            fail(path, entry.first.Mark(),
                 "unknown EARS template '" + name + "'; one of " + names_of(templates));
        }
        profile.ears.emplace_back(
            found->second, lower_words(path, entry.second, "'" + name + "'", language, profile));
    }
}

LanguageProfile load_profile(const std::filesystem::path& path, const std::string& language) {
    const YAML::Node root = config::read_yaml(path);
    if (!root.IsMap()) {
        fail(path, root.Mark(), "expected a mapping (requirement_words:, ears:, elided:)");
    }
    LanguageProfile profile;
    // Elided words first: the other lists are split into words with them (lorsqu'un).
    if (const YAML::Node elided = root["elided"]) {
        for (const auto& word : strings(path, elided, "'elided'")) {
            profile.elided.push_back(normalised_lower(word));
        }
    }
    for (const auto& entry : root) {
        const std::string key = scalar(path, entry.first, "a key");
        if (key == "requirement_words") {
            profile.requirement_words =
                lower_words(path, entry.second, "'requirement_words'", language, profile);
        } else if (key == "ears") {
            read_ears(path, entry.second, language, profile);
        } else if (key != "elided") {
            fail(path, entry.first.Mark(),
                 "unknown key '" + key +
                     "'; the known keys are requirement_words, ears and elided");
        }
    }
    if (profile.requirement_words.empty()) {
        fail(path, root.Mark(), "missing 'requirement_words' (shall, must...)");
    }
    return profile;
}

} // namespace

std::size_t upper_case_literal(std::string_view pattern) {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            const char escaped = pattern[i + 1];
            if (escaped == 'Q') { // \Q...\E: literal text
                const auto end = pattern.find("\\E", i + 2);
                const auto literal =
                    pattern.substr(i + 2, end == std::string_view::npos ? end : end - i - 2);
                const auto upper = std::find_if(literal.begin(), literal.end(),
                                                [](char l) { return l >= 'A' && l <= 'Z'; });
                if (upper != literal.end()) {
                    return i + 2 + static_cast<std::size_t>(upper - literal.begin());
                }
                i = end == std::string_view::npos ? pattern.size() : end + 1;
                continue;
            }
            const bool named = escaped == 'p' || escaped == 'P' || escaped == 'x';
            if (named && i + 2 < pattern.size() && pattern[i + 2] == '{') {
                const auto close = pattern.find('}', i + 2); // \p{Lu}, \x{00C9}
                i = close == std::string_view::npos ? pattern.size() : close;
            } else {
                i += named ? 2 : 1; // \pL, \S, \B, \.
            }
            continue;
        }
        if (c == '(' && pattern.substr(i, 3) == "(?P") { // (?P<name>...): a group's name
            const auto close = pattern.find('>', i);
            i = close == std::string_view::npos ? pattern.size() : close;
            continue;
        }
        if (c >= 'A' && c <= 'Z') {
            return i;
        }
    }
    return std::string_view::npos;
}

std::vector<std::string> phrase_words(const std::string& phrase, const std::string& language,
                                      const LanguageProfile& profile) {
    std::vector<std::string> words;
    for (const auto& word : rule_words(phrase, text::thread_segmenter(language), profile)) {
        words.push_back(phrase.substr(word.span.begin, word.span.end - word.span.begin));
    }
    return words;
}

Rule load_rule(const std::filesystem::path& path, const std::string& id,
               const std::string& language, const LanguageProfile& profile) {
    return RuleReader(path, language, profile).read(config::read_yaml(path), id);
}

RuleSet load_rule_set(const std::filesystem::path& rules_root, const std::string& language) {
    const auto directory = rules_root / language;
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error)) {
        throw InputError("no rules for language '" + language + "' in " + rules_root.string() +
                         "; the rule sets there are for: " + [&] {
                             std::string list;
                             for (const auto& l : rule_languages(rules_root)) {
                                 list += (list.empty() ? "" : ", ") + l;
                             }
                             return list.empty() ? std::string("none") : list;
                         }());
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
        if (entry.is_regular_file() && entry.path().extension() == ".yml") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    RuleSet set;
    set.language = language;
    const auto profile_file = directory / "language.yml";
    if (!std::filesystem::is_regular_file(profile_file, error)) {
        throw InputError(profile_file.string() +
                         " is missing; it lists the language's requirement words (docs/rules.md)");
    }
    set.profile = load_profile(profile_file, language);
    std::erase_if(files, [&](const std::filesystem::path& file) { return file == profile_file; });
    // Parsing YAML is most of a rule set's load time: the files are read on a few threads.
    constexpr std::size_t kLoaders = 4;
    set.rules.resize(files.size());
    parallel_for(files.size(), std::min<std::size_t>(kLoaders, std::thread::hardware_concurrency()),
                 [&](std::size_t i) {
                     const auto relative = std::filesystem::relative(files[i], directory);
                     set.rules[i] = load_rule(
                         files[i], (relative.parent_path() / relative.stem()).generic_string(),
                         language, set.profile);
                 });
    return set;
}

std::vector<std::string> rule_languages(const std::filesystem::path& rules_root) {
    std::vector<std::string> languages;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(rules_root, error)) {
        if (entry.is_directory()) {
            languages.push_back(entry.path().filename().string());
        }
    }
    std::sort(languages.begin(), languages.end());
    return languages;
}

} // namespace atk::rules
