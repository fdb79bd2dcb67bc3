#pragma once
// Which language a text is written in (CLD2).
#include <string>
#include <string_view>
#include <vector>

namespace atk::text {

struct DetectedLanguage {
    std::string code;        ///< ISO 639-1 ("en", "fr"), or "" when CLD2 cannot tell
    double confidence = 0.0; ///< share of the text in that language, 0..1
    bool reliable = false;   ///< CLD2's own verdict; short texts are rarely reliable
};

/// The languages CLD2 sees in valid UTF-8 `text`, most likely first (at most three).
/// Thread-safe: CLD2 keeps no state between calls.
std::vector<DetectedLanguage> detect_languages(std::string_view text);

} // namespace atk::text
