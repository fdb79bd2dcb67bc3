#pragma once
// How people mistype: the cost of turning an intended word into what was typed, as a
// weighted Damerau-Levenshtein (optimal string alignment) distance over code points.
#include <string>
#include <string_view>

namespace atk::spell {

/// `word` case-folded and split into code points: the form the suggestion index and the
/// typo model compare.
std::u32string fold(std::string_view word);

/// Plain optimal-string-alignment distance (each edit costs 1), or limit + 1 as soon as it
/// is sure to exceed `limit`.
int edit_distance(const std::u32string& a, const std::u32string& b, int limit);

/// What each kind of slip costs; an arbitrary substitution costs 1. The defaults are tuned
/// on the development misspellings (tools/tune-ranking).
struct TypoCosts {
    double neighbour_key = 0.6; ///< a key next to the right one (QWERTY)
    double vowel_for_vowel = 0.6;
    double accent_only = 0.15;  ///< e for é
    double extra_key = 1.0;     ///< a letter typed that does not belong
    double missed_key = 0.6;    ///< a letter left out (the commonest slip)
    double doubling = 0.45;     ///< a letter typed twice, or a double letter typed once
    double transposition = 0.4; ///< two neighbouring letters swapped
    double first_letter = 0.5;  ///< added when the first letter differs: rarely mistyped
};

/// The cost of typing `typed` when `intended` was meant, both folded: a weighted optimal
/// string alignment distance.
double typo_cost(const std::u32string& typed, const std::u32string& intended,
                 const TypoCosts& costs = {});

} // namespace atk::spell

namespace atk::spell {

/// A rough English sound-alike key of a folded word (cemetery and semetary give "smtr"):
/// letters that sound alike merged (c before e/i/y as s, ph as f, ck/q as k, z as s...),
/// vowels after the first letter and repeated letters dropped.
std::u32string sound_key(const std::u32string& folded);

} // namespace atk::spell
