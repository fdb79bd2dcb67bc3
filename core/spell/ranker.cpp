#include "spell/ranker.hpp"

#include "spell/typo_model.hpp"
#include "text/casing.hpp"

#include <algorithm>
#include <cmath>

namespace atk::spell {
namespace {

struct Candidate {
    std::string text;
    double score;
};

bool has_upper(std::string_view word) {
    return std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

} // namespace

double typo_prior(std::string_view word, bool sentence_start) {
    switch (text::casing_of(word)) {
    case text::Casing::lower:
        return 1.0;
    case text::Casing::capitalised:
        return sentence_start ? 1.0 : 0.5;
    case text::Casing::upper:
    case text::Casing::mixed:
        return 0.3;
    }
    return 0.3;
}

Ranked Ranker::rank(std::string_view word, std::size_t max) const {
    const std::u32string typed = fold(word);
    const std::u32string typed_sound = sound_key(typed);
    const bool typed_lower = !has_upper(word);
    std::vector<Candidate> candidates;

    // Forms within `reach` edits, and those that sound like the word within `sound_reach`,
    // scored. Two edits first; three, for a long word, only when nothing within two is
    // convincing (nessasary -> necessary), which keeps the usual case fast.
    std::vector<std::uint32_t> sounding;
    index_.sounding_like(typed, sounding);
    std::sort(sounding.begin(), sounding.end());
    auto collect = [&](int reach) {
        std::vector<std::uint32_t> ids = sounding;
        index_.candidates(typed, ids, reach);
        candidates.clear();
        for (const std::uint32_t id : ids) {
            const std::string_view form = index_.word(id);
            const bool may_sound_alike = std::binary_search(sounding.begin(), sounding.end(), id);
            const int limit = may_sound_alike ? std::max(reach, weights_.sound_reach) : reach;
            if (form.size() + static_cast<std::size_t>(limit) < typed.size()) {
                continue; // too short even in code points, which are at most its bytes
            }
            const std::u32string intended = fold(form);
            const int distance = edit_distance(typed, intended, limit);
            if (distance > limit) {
                continue;
            }
            const bool sounds_alike = sound_key(intended) == typed_sound;
            if (distance > reach && !sounds_alike) {
                continue; // its sound key only hashes like the word's
            }
            const double slip = typo_cost(typed, intended, weights_.typo) -
                                (sounds_alike ? weights_.sounds_alike : 0.0);
            double score = weights_.frequency * index_.log_frequency(id) - weights_.cost * slip;
            if (typed_lower && has_upper(form)) {
                score -= weights_.proper_noun;
            }
            candidates.push_back({std::string(form), score});
        }
    };
    collect(SuggestionIndex::kMaxDistance);
    const bool convincing =
        std::any_of(candidates.begin(), candidates.end(),
                    [&](const Candidate& c) { return c.score > weights_.none_of_these; });
    if (!convincing && typed.size() >= weights_.far_reach_length) {
        collect(SuggestionIndex::kMaxDistance + 1);
    }

    // Two words typed without the space between them: short words (alot, thankyou, infact).
    // In a long word a split is mostly a coincidence (questionare is not "question are").
    const bool may_be_joined = typed.size() <= weights_.max_joined_length || candidates.empty();
    for (std::size_t i = 1; may_be_joined && i + 1 <= typed.size() - 1 && typed.size() >= 2; ++i) {
        const auto first = index_.find(typed.substr(0, i));
        const auto second = index_.find(typed.substr(i));
        if (!first || !second) {
            continue;
        }
        // Both parts must be common words as typed: "a lot", not "Com pair" or "T her".
        const auto common_enough = [&](std::uint32_t id) {
            return index_.log_frequency(id) > weights_.min_part_log_frequency &&
                   !has_upper(index_.word(id));
        };
        if (!common_enough(*first) || !common_enough(*second)) {
            continue;
        }
        const double score =
            weights_.frequency * (index_.log_frequency(*first) + index_.log_frequency(*second)) -
            weights_.cost * (weights_.missing_space - weights_.sounds_alike); // sounds the same
        candidates.push_back(
            {std::string(index_.word(*first)) + " " + std::string(index_.word(*second)), score});
    }

    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    Ranked ranked;
    double partition = 0;
    for (const auto& candidate : candidates) {
        if (std::find(ranked.words.begin(), ranked.words.end(), candidate.text) !=
            ranked.words.end()) {
            continue;
        }
        const double odds =
            std::exp((candidate.score - candidates.front().score) / weights_.temperature);
        partition += odds;
        // A far less likely candidate is noise beside the best (paymnet: payment, not pimento).
        if (ranked.words.size() < max && odds >= weights_.min_odds) {
            ranked.words.push_back(candidate.text);
        }
    }
    if (!candidates.empty()) {
        partition +=
            std::exp((weights_.none_of_these - candidates.front().score) / weights_.temperature);
    }
    ranked.confidence = ranked.words.empty() ? 0.0 : 1.0 / partition;
    return ranked;
}

} // namespace atk::spell
