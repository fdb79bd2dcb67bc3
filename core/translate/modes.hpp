#pragma once
// The Apertium language pairs installed: one mode file per direction in the modes folder
// (/usr/share/apertium/modes/eng-spa.mode), found at start.
#include <filesystem>
#include <string>
#include <vector>

namespace atk::translate {

/// One installed direction.
struct Mode {
    std::string name;   ///< the mode file's name: "eng-spa"
    std::string source; ///< ISO 639-1 where one exists: "en"
    std::string target; ///< "es"
    std::filesystem::path file;
};

/// The plain directions in `directory` (variants such as eng-cat_valencia and modes of other
/// kinds are left out), sorted by name. A missing folder has none.
std::vector<Mode> discover_modes(const std::filesystem::path& directory);

/// `code` as ISO 639-1 when it has a two-letter form ("eng" -> "en", "fra" -> "fr"), else
/// unchanged.
std::string two_letter_code(const std::string& code);

/// The English name of a language code: "es" -> "Spanish".
std::string language_name(const std::string& code);

/// The pipeline of `mode` in null-flush mode, as the `apertium` command runs it (the output
/// of apertium-wblank-mode -z). Throws atk::InputError when it cannot be had.
std::string null_flush_command(const Mode& mode);

} // namespace atk::translate
