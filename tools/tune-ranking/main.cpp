// tune-ranking: a development tool. Scores the suggestion ranking on a list of real
// misspellings for a grid of weights, best first, so the defaults in RankingWeights can be
// chosen on a development list (never on the list reported as held out).
//
//   tune-ranking INDEX LIST    (LIST: "right: wrong1 wrong2 ..." lines, as Norvig's test sets)
#include "spell/ranker.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

struct Pair {
    std::string wrong;
    std::string right;
};

std::vector<Pair> read_pairs(const std::string& path) {
    std::vector<Pair> pairs;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) {
            continue;
        }
        std::istringstream wrongs(line.substr(colon + 1));
        for (std::string wrong; wrongs >> wrong;) {
            pairs.push_back({wrong, line.substr(0, colon)});
        }
    }
    return pairs;
}

struct Score {
    double top1 = 0;
    double top5 = 0;
    atk::spell::RankingWeights weights;
};

Score evaluate(const atk::spell::SuggestionIndex& index, const std::vector<Pair>& pairs,
               const atk::spell::RankingWeights& weights) {
    const atk::spell::Ranker ranker(index, weights);
    Score score{0, 0, weights};
    for (const auto& pair : pairs) {
        const auto ranked = ranker.rank(pair.wrong, 5);
        const auto at = std::find(ranked.words.begin(), ranked.words.end(), pair.right);
        score.top1 += at == ranked.words.begin() && at != ranked.words.end() ? 1 : 0;
        score.top5 += at != ranked.words.end() ? 1 : 0;
    }
    score.top1 = 100 * score.top1 / static_cast<double>(pairs.size());
    score.top5 = 100 * score.top5 / static_cast<double>(pairs.size());
    return score;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: tune-ranking INDEX LIST\n";
        return 2;
    }
    const auto index = atk::spell::SuggestionIndex::open(argv[1]);
    const auto pairs = read_pairs(argv[2]);
    std::vector<Score> scores;
    for (const int sound_reach : {2, 3, 4, 5}) {
        for (const double sounds_alike : {0.0, 0.25, 0.4, 0.6}) {
            atk::spell::RankingWeights weights;
            weights.sound_reach = sound_reach;
            weights.sounds_alike = sounds_alike;
            scores.push_back(evaluate(*index, pairs, weights));
            std::cout << "sound_reach " << sound_reach << " sounds_alike " << sounds_alike
                      << ": top1 " << scores.back().top1 << " top5 " << scores.back().top5 << '\n';
        }
    }
    std::sort(scores.begin(), scores.end(), [](const Score& a, const Score& b) {
        return a.top1 + 0.5 * a.top5 > b.top1 + 0.5 * b.top5;
    });
    std::cout << "default: top1 " << evaluate(*index, pairs, {}).top1 << "\n";
    // Calibration: the temperature whose confidences best predict a right first suggestion
    // (lowest Brier score), with the accuracy observed per confidence band.
    for (const double temperature : {0.2, 0.25, 0.3, 0.4}) {
        for (const double none : {-4.0, -5.0, -6.0, -7.0, -100.0}) {
            atk::spell::RankingWeights weights;
            weights.temperature = temperature;
            weights.none_of_these = none;
            const atk::spell::Ranker ranker(*index, weights);
            double brier = 0;
            double bands[4][2] = {};
            for (const auto& pair : pairs) {
                const auto ranked = ranker.rank(pair.wrong, 1);
                const double right =
                    !ranked.words.empty() && ranked.words[0] == pair.right ? 1.0 : 0.0;
                brier += (ranked.confidence - right) * (ranked.confidence - right);
                const int band = ranked.confidence < 0.5   ? 0
                                 : ranked.confidence < 0.7 ? 1
                                 : ranked.confidence < 0.9 ? 2
                                                           : 3;
                bands[band][0] += 1;
                bands[band][1] += right;
            }
            std::cout << "temperature " << temperature << " none " << none << " brier "
                      << brier / static_cast<double>(pairs.size());
            for (const auto& band : bands) {
                std::cout << "  [" << band[0] << " words, "
                          << (band[0] > 0 ? 100 * band[1] / band[0] : 0) << "% right]";
            }
            std::cout << '\n';
        }
    }
    for (std::size_t i = 0; i < std::min<std::size_t>(10, scores.size()); ++i) {
        const auto& s = scores[i];
        std::cout << "top1 " << s.top1 << " top5 " << s.top5 << "  frequency "
                  << s.weights.frequency << " missed " << s.weights.typo.missed_key << " extra "
                  << s.weights.typo.extra_key << " vowel " << s.weights.typo.vowel_for_vowel
                  << " transposition " << s.weights.typo.transposition << '\n';
    }
}
