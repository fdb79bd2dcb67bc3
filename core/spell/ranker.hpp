#pragma once
// Ranks the corrections of a misspelling from a SuggestionIndex: a noisy-channel score, the
// log frequency of the intended word minus the cost of the slip (typo_model), with joined
// words split (alot -> a lot) and a calibrated confidence for the best one.
#include "spell/suggestion_index.hpp"
#include "spell/typo_model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace atk::spell {

struct Ranked {
    std::vector<std::string> words; ///< best first, as the index spells them; "a lot" for a split
    double confidence = 0;          ///< estimated probability that words[0] is what was meant
};

/// The weights of the score. The defaults are tuned on the development misspellings
/// (tools/tune-ranking over ../shared/data/spelling/norvig-testset1.txt).
struct RankingWeights {
    double frequency = 0.2;           ///< per unit of natural-log frequency of the intended word
    double cost = 1.5;                ///< per unit of typo cost (typo_model)
    double proper_noun = 1.0;         ///< a capitalised form offered for a word typed in lower case
    double missing_space = 0.5;       ///< typo cost of two words typed as one (alot)
    double min_part_log_frequency = -12.0; ///< each part of a split must be at least this common
    double temperature = 0.6;         ///< softmax temperature of the confidence
    TypoCosts typo;                   ///< what each kind of slip costs
};

/// Const and thread-safe; the index must outlive it.
class Ranker {
public:
    explicit Ranker(const SuggestionIndex& index, RankingWeights weights = {}) : index_(index), weights_(weights) {}

    /// At most `max` corrections of `word` (which the dictionary rejected), best first.
    Ranked rank(std::string_view word, std::size_t max) const;

private:
    const SuggestionIndex& index_;
    RankingWeights weights_;
};

} // namespace atk::spell
