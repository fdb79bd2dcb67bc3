#pragma once
// The native JSON of a check result (docs/check-output.md), written by the CLI's
// --format json and by the server's POST /api/v1/check alike. Positions are in UTF-16 code
// units (what JavaScript and LanguageTool clients count), lines and columns 1-based.
#include "check.hpp"
#include "text/offsets.hpp"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

namespace atk::server {

/// A range's position in every unit a client may want.
struct Position {
    std::size_t offset; ///< UTF-16 code units from the start of the text
    std::size_t length; ///< UTF-16 code units
    text::LineColumn start;
    text::LineColumn end;
};

/// The position of the UTF-8 byte range [begin, end) of the text `map` was built from.
Position position_of(const text::OffsetMap& map, std::size_t begin, std::size_t end);

/// {quality, readability} of a check's rules report, positions in the text `map` was built
/// from: quality.note only when the language has no rules; readability.grade null, and
/// grade_formula absent, where the language has no grade formula.
nlohmann::ordered_json measures_json(const rules::RulesReport& report, const text::OffsetMap& map);

/// {language, language_detected, words, matches[, quality, readability]} for `result`, a
/// check of `text`: quality and readability (measures_json) unless the rules were turned off.
nlohmann::ordered_json check_json(const CheckResult& result, const text::OffsetMap& map);

} // namespace atk::server
