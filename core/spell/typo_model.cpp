#include "spell/typo_model.hpp"

#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <vector>

namespace atk::spell {
namespace {

/// QWERTY rows; two letters are neighbours when adjacent in a row or diagonally adjacent.
constexpr std::array<std::string_view, 3> kRows = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

struct KeyPosition {
    int row = -1;
    int column = -1;
};

KeyPosition key_of(char32_t c) {
    for (std::size_t row = 0; row < kRows.size(); ++row) {
        const auto column = kRows[row].find(static_cast<char>(c));
        if (c < 0x80 && column != std::string_view::npos) {
            // Rows are staggered by about half a key: shift by row for diagonal adjacency.
            return {static_cast<int>(row), static_cast<int>(column * 2 + row)};
        }
    }
    return {};
}

bool neighbours(char32_t a, char32_t b) {
    const KeyPosition ka = key_of(a);
    const KeyPosition kb = key_of(b);
    if (ka.row < 0 || kb.row < 0) {
        return false;
    }
    const int rows = std::abs(ka.row - kb.row);
    const int columns = std::abs(ka.column - kb.column);
    return (rows == 0 && columns == 2) || (rows == 1 && columns == 1);
}

bool is_vowel(char32_t c) {
    return c == U'a' || c == U'e' || c == U'i' || c == U'o' || c == U'u' || c == U'y';
}

/// The letter without its accent (é -> e): the first code point of its canonical decomposition.
char32_t base_letter(char32_t c) {
    if (c < 0xC0) {
        return c;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    icu::UnicodeString decomposition;
    if (U_FAILURE(status) || !nfd->getDecomposition(static_cast<UChar32>(c), decomposition)) {
        return c;
    }
    return static_cast<char32_t>(decomposition.char32At(0));
}

double substitution_cost(char32_t typed, char32_t intended, const TypoCosts& costs) {
    if (typed == intended) {
        return 0;
    }
    if (base_letter(typed) == base_letter(intended)) {
        return costs.accent_only;
    }
    if (neighbours(typed, intended)) {
        return costs.neighbour_key;
    }
    if (is_vowel(typed) && is_vowel(intended)) {
        return costs.vowel_for_vowel;
    }
    return 1.0;
}

} // namespace

std::u32string fold(std::string_view word) {
    std::u32string out;
    out.reserve(word.size());
    for (std::size_t pos = 0; pos < word.size();) {
        const char32_t c = text::next_code_point(word, pos);
        out +=
            c < 0x80
                ? static_cast<char32_t>(c >= U'A' && c <= U'Z' ? c + 32 : c)
                : static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
    }
    return out;
}

int edit_distance(const std::u32string& a, const std::u32string& b, int limit) {
    const int n = static_cast<int>(a.size());
    const int m = static_cast<int>(b.size());
    if (std::abs(n - m) > limit) {
        return limit + 1;
    }
    // Three rows, reused across calls: the ranker calls this hundreds of times per word.
    thread_local std::vector<int> rows;
    rows.assign(3 * static_cast<std::size_t>(m + 1), 0);
    int* before = rows.data();
    int* previous = before + m + 1;
    int* current = previous + m + 1;
    for (int j = 0; j <= m; ++j) {
        previous[j] = j;
    }
    for (int i = 1; i <= n; ++i) {
        current[0] = i;
        int row_minimum = i;
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
            row_minimum = std::min(row_minimum, current[j]);
        }
        if (row_minimum > limit) {
            return limit + 1;
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], limit + 1);
}

double typo_cost(const std::u32string& typed, const std::u32string& intended,
                 const TypoCosts& costs) {
    const std::size_t n = typed.size();
    const std::size_t m = intended.size();
    // The (n + 1) x (m + 1) table, reused across calls: the ranker calls this for every
    // candidate.
    thread_local std::vector<double> table;
    table.assign((n + 1) * (m + 1), 0.0);
    const auto d = [&](std::size_t i, std::size_t j) -> double& { return table[i * (m + 1) + j]; };
    // Deleting typed[i-1] (an extra key) and inserting intended[j-1] (a missed key) are
    // cheap when the letter doubles its neighbour.
    auto extra_key = [&](std::size_t i) {
        return (i >= 2 && typed[i - 1] == typed[i - 2]) || (i < n && typed[i - 1] == typed[i])
                   ? costs.doubling
                   : costs.extra_key;
    };
    auto missed_key = [&](std::size_t j) {
        return (j >= 2 && intended[j - 1] == intended[j - 2]) ||
                       (j < m && intended[j - 1] == intended[j])
                   ? costs.doubling
                   : costs.missed_key;
    };
    for (std::size_t i = 1; i <= n; ++i) {
        d(i, 0) = d(i - 1, 0) + extra_key(i);
    }
    for (std::size_t j = 1; j <= m; ++j) {
        d(0, j) = d(0, j - 1) + missed_key(j);
    }
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            d(i, j) = std::min(
                {d(i - 1, j) + extra_key(i), d(i, j - 1) + missed_key(j),
                 d(i - 1, j - 1) + substitution_cost(typed[i - 1], intended[j - 1], costs)});
            if (i > 1 && j > 1 && typed[i - 1] == intended[j - 2] &&
                typed[i - 2] == intended[j - 1]) {
                d(i, j) = std::min(d(i, j), d(i - 2, j - 2) + costs.transposition);
            }
        }
    }
    const bool first_differs = n > 0 && m > 0 && typed[0] != intended[0] &&
                               base_letter(typed[0]) != base_letter(intended[0]);
    return d(n, m) + (first_differs ? costs.first_letter : 0.0);
}

} // namespace atk::spell

namespace atk::spell {

std::u32string sound_key(const std::u32string& w) {
    std::u32string sounds;
    auto at = [&](std::size_t i) { return i < w.size() ? w[i] : U'\0'; };
    auto soft = [](char32_t c) { return c == U'e' || c == U'i' || c == U'y'; };
    for (std::size_t i = 0; i < w.size(); ++i) {
        const char32_t c = w[i];
        if (c == U'p' && at(i + 1) == U'h') {
            sounds += U'f';
            ++i;
        } else if (c == U'g' && at(i + 1) == U'h') {
            ++i; // silent or f: drop (though, laugh)
        } else if (c == U'c') {
            sounds += soft(at(i + 1)) ? U's' : U'k';
        } else if (c == U'q') { // (ck gives k twice, merged below)
            sounds += U'k';
        } else if (c == U'x') {
            sounds += U"ks";
        } else if (c == U'z') {
            sounds += U's';
        } else if (c == U'w' && at(i + 1) == U'r') {
            continue; // write
        } else if (c == U'k' && at(i + 1) == U'n' && i == 0) {
            continue; // know
        } else {
            sounds += c;
        }
    }
    std::u32string key;
    for (std::size_t i = 0; i < sounds.size(); ++i) {
        const char32_t c = sounds[i];
        const bool vowel = c == U'a' || c == U'e' || c == U'i' || c == U'o' || c == U'u' ||
                           c == U'y' || c == U'h' || c == U'w';
        if ((vowel && i > 0) || (!key.empty() && key.back() == c)) {
            continue;
        }
        key += c;
    }
    return key;
}

} // namespace atk::spell
