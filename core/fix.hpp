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

/// Replaces each spelling alert whose best replacement has at least `min_confidence` with
/// that replacement. Alerts only ever cover prose outside code and glossary terms, so
/// neither is touched. Overlapping alerts: the first wins. Precondition: the alerts were
/// made for `text` and are ordered by position.
FixResult apply_confident_fixes(std::string_view text, const std::vector<Alert>& alerts,
                                double min_confidence);

} // namespace atk
