#pragma once
// Applying the corrections a check is sure of.
#include "alert.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace atk {

struct AppliedFix {
    std::size_t begin = 0; ///< UTF-8 byte offsets in the original text
    std::size_t end = 0;
    std::string original;
    std::string replacement;
    double confidence = 0;
};

struct FixResult {
    std::string text;                ///< the text with the fixes applied
    std::vector<AppliedFix> applied; ///< in document order
    std::vector<Alert> remaining;    ///< alerts not fixed, offsets in the original text
};

/// The confidence a correction needs to be applied without asking, by `check --fix` and by
/// the web app's "Fix all typos" alike: bench/RESULTS.md shows its precision. Confidences
/// are calibrated per language; one the ranker cannot estimate is 0 and never applied.
inline constexpr double kDefaultFixConfidence = 0.9;

/// The one rule for applying a correction without asking: a typo whose best replacement has
/// at least `min_confidence`.
bool is_confident_fix(const Alert& alert, double min_confidence = kDefaultFixConfidence);

/// Replaces each alert that is_confident_fix with its best replacement. Alerts only ever cover
/// prose outside code and glossary terms, so neither is touched. Overlapping alerts: the first
/// wins. Precondition: the alerts were made for `text` and are ordered by position.
FixResult apply_confident_fixes(std::string_view text, const std::vector<Alert>& alerts,
                                double min_confidence);

} // namespace atk
