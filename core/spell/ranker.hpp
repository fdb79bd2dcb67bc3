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
    double frequency = 0.2;     ///< per unit of natural-log frequency of the intended word
    double cost = 1.5;          ///< per unit of typo cost (typo_model)
    double proper_noun = 1.0;   ///< a capitalised form offered for a word typed in lower case
    double missing_space = 0.5; ///< typo cost of two words typed as one (alot)
    double min_part_log_frequency = -12.0; ///< each part of a split must be at least this common
    std::size_t max_joined_length = 8; ///< longer words are split only when nothing else is close
    /// Words at least this long are also matched three edits away (necasery -> necessary);
    /// in shorter ones three edits make another word.
    std::size_t far_reach_length = 6;
    /// A form that sounds like the word (same sound_key) is a candidate up to this many edits
    /// away (imidatly -> immediately), where spelling alone stops at two or three.
    int sound_reach = 4;
    double sounds_alike =
        0.25; ///< taken off the typo cost when the sound keys match (semetary, cemetery)
    double temperature =
        0.25; ///< softmax temperature of the confidence (lowest Brier score on the dev set)
    /// The score of "meant none of these" (a name, a new word, a garbled one), competing with
    /// the candidates in the confidence: a lone poor candidate (qwzx -> wax) is not a sure one.
    double none_of_these = -5.0;
    /// A candidate is offered only if it is at least this likely relative to the best one.
    double min_odds = 0.0005;
    TypoCosts typo; ///< what each kind of slip costs
};

/// The share of flagged words written like `word` that are typos rather than names, foreign
/// words or jargon: a capitalised word inside a sentence is as often a name as a typo, a
/// word in capitals or MixedCase more often a name or a product. Multiplies the ranker's
/// confidence, which is measured on typos only. `sentence_start`: the word begins a
/// sentence (or stands alone), where capitals say nothing.
double typo_prior(std::string_view word, bool sentence_start);

/// Const and thread-safe; the index must outlive it.
class Ranker {
  public:
    explicit Ranker(const SuggestionIndex& index, RankingWeights weights = {})
        : index_(index), weights_(weights) {}

    /// At most `max` corrections of `word` (which the dictionary rejected), best first.
    Ranked rank(std::string_view word, std::size_t max) const;

  private:
    const SuggestionIndex& index_;
    RankingWeights weights_;
};

} // namespace atk::spell
