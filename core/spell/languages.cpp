#include "spell/languages.hpp"

#include <algorithm>
#include <cctype>

namespace atk::spell {
namespace {

std::string normalised(std::string_view name) {
    std::string out;
    for (const char c : name) {
        out += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

} // namespace

const std::vector<Language>& known_languages() {
    // The first variant of each language is the one a bare code ("en") stands for.
    static const std::vector<Language> languages = {
        {"en-US", "English (US)", "en_US", true, "", ""},
        {"en-GB", "English (GB)", "en_GB", true, "", ""},
        {"fr-FR", "French", "fr_FR", false, "eéèêë aàâ iîï oô uùûü cç yÿ",
         "l d j m n s t c qu jusqu lorsqu puisqu quoiqu"},
        {"es-ES", "Spanish", "es_ES", false, "aá eé ií oó uúü nñ", ""},
        {"de-DE", "German (Germany)", "de_DE", false, "aä oö uü", ""},
    };
    return languages;
}

std::optional<Language> find_language(std::string_view name) {
    const std::string wanted = normalised(name);
    for (const Language& language : known_languages()) {
        const std::string code = normalised(language.code);
        if (wanted == code || wanted == code.substr(0, code.find('-'))) {
            return language;
        }
    }
    return std::nullopt;
}

} // namespace atk::spell
