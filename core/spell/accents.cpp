#include "spell/accents.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <unicode/unistr.h>

namespace atk::spell {
namespace {

std::u32string code_points(std::string_view utf8) {
    std::u32string out;
    for (std::size_t pos = 0; pos < utf8.size();) {
        out += text::next_code_point(utf8, pos);
    }
    return out;
}

std::string utf8_of(const std::u32string& code_points) {
    std::string out;
    for (const char32_t c : code_points) {
        icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
    }
    return out;
}

/// The letters that may stand in place of `c` (itself first), or just `c`.
std::u32string alternatives(char32_t c, const std::vector<std::u32string>& groups) {
    for (const auto& group : groups) {
        if (group.find(c) != std::u32string::npos) {
            return group;
        }
    }
    return std::u32string(1, c);
}

} // namespace

std::vector<std::string> accent_variants(std::string_view word, AccentTable accents,
                                         const std::function<bool(const std::string&)>& accepts,
                                         std::size_t max_tries) {
    std::vector<std::u32string> groups;
    for (std::size_t begin = 0; begin < accents.size();) {
        const std::size_t end = std::min(accents.find(' ', begin), accents.size());
        groups.push_back(code_points(accents.substr(begin, end - begin)));
        begin = end + 1;
    }
    const std::u32string letters = code_points(word);
    std::vector<std::u32string> choices;
    std::size_t tries = 1;
    for (const char32_t c : letters) {
        choices.push_back(alternatives(c, groups));
        tries = std::min(tries * choices.back().size(), max_tries + 1);
    }
    struct Found {
        std::size_t changes;
        std::string text;
    };
    std::vector<Found> found;
    // Count through every combination (an odometer over the positions' choices).
    std::vector<std::size_t> digit(letters.size(), 0);
    for (std::size_t attempt = 0; attempt < std::min(tries, max_tries); ++attempt) {
        std::u32string candidate;
        std::size_t changes = 0;
        for (std::size_t i = 0; i < letters.size(); ++i) {
            candidate += choices[i][digit[i]];
            changes += choices[i][digit[i]] != letters[i] ? 1 : 0;
        }
        if (changes > 0) {
            std::string text = utf8_of(candidate);
            if (accepts(text)) {
                found.push_back({changes, std::move(text)});
            }
        }
        for (std::size_t i = 0; i < digit.size(); ++i) { // next combination
            if (++digit[i] < choices[i].size()) {
                break;
            }
            digit[i] = 0;
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Found& a, const Found& b) { return a.changes < b.changes; });
    std::vector<std::string> out;
    for (auto& f : found) {
        out.push_back(std::move(f.text));
    }
    return out;
}

} // namespace atk::spell
