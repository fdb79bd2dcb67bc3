#include "spell/accents.hpp"

#include "text/utf8.hpp"

#include <algorithm>

namespace atk::spell {
namespace {

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
        groups.push_back(text::to_code_points(accents.substr(begin, end - begin)));
        begin = end + 1;
    }
    std::u32string candidate = text::to_code_points(word);
    std::vector<std::size_t> accentable; // positions whose letter has accented variants
    std::vector<std::u32string> choices(candidate.size());
    for (std::size_t i = 0; i < candidate.size(); ++i) {
        choices[i] = alternatives(candidate[i], groups);
        if (choices[i].size() > 1) {
            accentable.push_back(i);
        }
    }

    // Level by level: every spelling with one letter changed, then two, and so on, stopping
    // one level after the first that finds words (enough for the commoner spelling to win)
    // or when the tries run out. Most words need one or two changes.
    std::vector<std::string> out;
    std::size_t tries = 0;
    std::function<void(std::size_t, std::size_t)> change = [&](std::size_t from, std::size_t left) {
        if (left == 0) {
            if (tries++ < max_tries) {
                std::string text = text::to_utf8(candidate);
                if (accepts(text)) {
                    out.push_back(std::move(text));
                }
            }
            return;
        }
        for (std::size_t k = from; k + left <= accentable.size() && tries < max_tries; ++k) {
            const std::size_t i = accentable[k];
            const char32_t typed = candidate[i];
            for (const char32_t letter : choices[i]) {
                if (letter != typed) {
                    candidate[i] = letter;
                    change(k + 1, left - 1);
                }
            }
            candidate[i] = typed;
        }
    };
    std::size_t found_at = 0;
    for (std::size_t level = 1; level <= accentable.size() && tries < max_tries; ++level) {
        if (found_at != 0 && level > found_at + 1) {
            break;
        }
        const std::size_t before = out.size();
        change(0, level);
        if (found_at == 0 && out.size() > before) {
            found_at = level;
        }
    }
    return out;
}

} // namespace atk::spell
