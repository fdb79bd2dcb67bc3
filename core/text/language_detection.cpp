#include "text/language_detection.hpp"

#include <algorithm>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <climits>

namespace CLD2 {
const char* LanguageCode(Language lang); // exported by libcld2, declared in an internal header
}

namespace atk::text {

std::vector<DetectedLanguage> detect_languages(std::string_view text) {
    // A few tens of kilobytes decide as well as a whole book, and keep long files cheap.
    constexpr std::size_t kSample = std::size_t{64} * 1024;
    std::size_t length = std::min(text.size(), kSample);
    while (length < text.size() && length > 0 &&
           (static_cast<unsigned char>(text[length]) & 0xC0U) == 0x80U) {
        --length; // do not cut a code point in two
    }
    CLD2::Language languages[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                   CLD2::UNKNOWN_LANGUAGE};
    int percents[3] = {0, 0, 0};
    int text_bytes = 0;
    bool reliable = false;
    CLD2::DetectLanguageSummary(text.data(), static_cast<int>(length), true, languages, percents,
                                &text_bytes, &reliable);
    std::vector<DetectedLanguage> out;
    for (int i = 0; i < 3; ++i) {
        if (languages[i] == CLD2::UNKNOWN_LANGUAGE || percents[i] == 0) {
            continue;
        }
        out.push_back({CLD2::LanguageCode(languages[i]), percents[i] / 100.0, reliable && i == 0});
    }
    return out;
}

} // namespace atk::text
