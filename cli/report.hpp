#pragma once
// The check command's three output formats. Positions shown to users come from
// text::OffsetMap: offsets and lengths in UTF-16 code units, 1-based lines and columns.
#include "check.hpp"
#include "fix.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace atk::cli {

struct FileReport {
    std::string path;      ///< as given on the command line
    std::string_view text; ///< the checked text (owned by the caller)
    CheckResult result;
    std::vector<AppliedFix> fixed; ///< corrections made by --fix, offsets in `text`
};

/// `path:line:column: fixed: "recieve" -> "receive"` for each correction made, then
/// `path:line:column: severity: message [rule-id] (did you mean: a, b)`, one line per alert,
/// then, `with_scores` and unless the rules were off, `path:line:column: requirement 70/100,
/// EARS event-driven: rule -15` per requirement and `path: quality 85/100 over 12
/// requirements (...); reading ease ...` (for a language without rules: `path: no wording
/// rules for Spanish yet, so requirements are not scored; reading ease ...`).
void write_text(std::ostream& out, const std::vector<FileReport>& reports, bool with_scores);
/// The JSON schema documented in docs/check-output.md.
void write_json(std::ostream& out, const std::vector<FileReport>& reports);
/// SARIF 2.1.0, one run, columns in UTF-16 code units. `with_scores`: each file is also an
/// artifact of the run, its quality and readability in the artifact's property bag, and each
/// result's location names its artifact by index (docs/check-output.md).
void write_sarif(std::ostream& out, const std::vector<FileReport>& reports, bool with_scores);

} // namespace atk::cli
