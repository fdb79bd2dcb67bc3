#pragma once
// The one finding schema, from core to every adapter (CLI text, JSON, SARIF, HTTP).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace atk {

enum class Severity { suggestion, warning, error };

std::string_view to_string(Severity severity);
/// "suggestion", "warning" or "error"; nullopt for anything else.
std::optional<Severity> parse_severity(std::string_view name);

struct Alert {
    std::size_t begin = 0;        ///< UTF-8 byte offset in the checked text
    std::size_t end = 0;          ///< UTF-8 byte offset just past the flagged text
    std::string rule_id;          ///< stable, e.g. "spelling"
    std::string rule_description; ///< what the rule looks for, e.g. "Possible spelling mistake"
    std::string category;         ///< LanguageTool-style category id, e.g. "TYPOS"
    Severity severity = Severity::warning;
    std::string message;                   ///< one line: what is wrong
    std::string explanation;               ///< why it matters and what to do
    std::string link;                      ///< the rule's source (https://); may be empty
    std::vector<std::string> replacements; ///< best first; may be empty
    /// Estimated probability that replacements[0] is what the writer meant (calibrated on the
    /// development set; see bench/RESULTS.md); 0 when unknown.
    double confidence = 0;
};

} // namespace atk
