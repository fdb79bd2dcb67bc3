#pragma once
// Loads a language's rule set from rules/<language>/: every *.yml file is one rule whose id
// is its path below that directory without the extension ("incose/vague-terms"), except
// language.yml, which describes the language (LanguageProfile). The schema is in
// docs/rules.md.
#include "rules/rule.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace atk::rules {

/// Loads rules/<language>/ under `rules_root`. Throws atk::InputError "FILE:LINE: reason"
/// for a file with an unknown key, a missing field, a value of the wrong kind, a bad RE2
/// pattern, or fewer than two examples of each kind; and when the directory is missing.
RuleSet load_rule_set(const std::filesystem::path& rules_root, const std::string& language);

/// One rule file; `id` is the rule's id; `language` and `profile` split its phrases into
/// words as the text is split.
Rule load_rule(const std::filesystem::path& path, const std::string& id,
               const std::string& language, const LanguageProfile& profile);

/// The languages with a rule set under `rules_root` (its subdirectories), sorted.
std::vector<std::string> rule_languages(const std::filesystem::path& rules_root);

/// Where `pattern` has an upper-case letter it would match literally (not in an escape such
/// as \S or \p{Lu}), or npos.
std::size_t upper_case_literal(std::string_view pattern);

/// `phrase` as the words the engine matches, split as the text is ("e-mail" is "e", "mail";
/// "etc." is "etc"; French "l'écran" is "l'", "écran"), in their written case.
std::vector<std::string> phrase_words(const std::string& phrase, const std::string& language,
                                      const LanguageProfile& profile);

} // namespace atk::rules
