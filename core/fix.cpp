#include "fix.hpp"

namespace atk {

bool is_confident_fix(const Alert& alert, double min_confidence) {
    return alert.category == "TYPOS" && !alert.replacements.empty() &&
           alert.confidence >= min_confidence;
}

FixResult apply_confident_fixes(std::string_view text, const std::vector<Alert>& alerts,
                                double min_confidence) {
    FixResult result;
    std::size_t copied = 0; // text before this offset is already in result.text
    for (const Alert& alert : alerts) {
        const bool confident = is_confident_fix(alert, min_confidence) && alert.begin >= copied;
        if (!confident) {
            result.remaining.push_back(alert);
            continue;
        }
        result.text.append(text.substr(copied, alert.begin - copied));
        result.text.append(alert.replacements.front());
        result.applied.push_back({alert.begin, alert.end,
                                  std::string(text.substr(alert.begin, alert.end - alert.begin)),
                                  alert.replacements.front(), alert.confidence});
        copied = alert.end;
    }
    result.text.append(text.substr(copied));
    return result;
}

} // namespace atk
