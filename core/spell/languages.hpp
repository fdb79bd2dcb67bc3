#pragma once
// The languages the toolkit knows, how users may name them, and where their dictionaries live.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atk::spell {

struct Language {
    std::string code;       ///< BCP 47, as shown to users: "en-US"
    std::string name;       ///< "English (US)"
    std::string dictionary; ///< Hunspell file stem: "en_US" for en_US.aff and en_US.dic
    /// English writes loanwords with or without their accents (café, naïve, résumé) while
    /// its dictionaries list them without: a word is then accepted when its unaccented
    /// form is. Never for languages where accents tell words apart (French, Spanish, German).
    bool diacritics_optional = false;
    /// Accented letters grouped by base letter ("eéèêë aàâ ..."): where they are missing,
    /// suggestions restore them first (see accents.hpp). Empty for English.
    std::string accents;
    /// Words written elided before a vowel or a mute h, without their apostrophe (French
    /// "l d j m n s t c qu"): a suggestion such as "d'tente" breaks the rule and is dropped.
    std::string elided;
};

/// Every language the toolkit can check, whether or not its dictionary is installed.
const std::vector<Language>& known_languages();

/// Accepts "en-US", "en_us", "EN-us", or a bare language ("en", "fr") that stands for its
/// main variant. nullopt when the name matches no known language.
std::optional<Language> find_language(std::string_view name);

} // namespace atk::spell
