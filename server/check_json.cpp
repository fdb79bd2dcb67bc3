#include "server/check_json.hpp"

#include "fix.hpp"

#include <cmath>

namespace atk::server {
namespace {

using nlohmann::ordered_json;

double one_decimal(double value) {
    return std::round(value * 10) / 10;
}

} // namespace

ordered_json measures_json(const rules::RulesReport& report, const text::OffsetMap& map) {
    ordered_json requirements = ordered_json::array();
    for (const auto& requirement : report.requirements) {
        const Position at = position_of(map, requirement.begin, requirement.end);
        ordered_json costs = ordered_json::array();
        for (const auto& cost : requirement.costs) {
            costs.push_back({{"rule_id", cost.rule_id}, {"points", cost.points}});
        }
        requirements.push_back({{"offset", at.offset},
                                {"length", at.length},
                                {"line", at.start.line},
                                {"column", at.start.column},
                                {"score", requirement.score},
                                {"ears", rules::to_string(requirement.ears)},
                                {"costs", std::move(costs)}});
    }
    ordered_json quality = {
        {"score", report.quality ? ordered_json(*report.quality) : ordered_json()},
        {"requirements", std::move(requirements)}};
    if (!report.note.empty()) {
        quality["note"] = report.note;
    }
    const rules::Readability& measured = report.readability;
    ordered_json readability = {{"sentences", report.counts.sentences},
                                {"words", report.counts.words},
                                {"syllables", report.counts.syllables},
                                {"reading_ease", one_decimal(measured.reading_ease)},
                                {"formula", measured.formula}};
    readability["grade"] =
        measured.grade ? ordered_json(one_decimal(*measured.grade)) : ordered_json();
    if (measured.grade) {
        readability["grade_formula"] = measured.grade_formula;
    }
    return {{"quality", std::move(quality)}, {"readability", std::move(readability)}};
}

Position position_of(const text::OffsetMap& map, std::size_t begin, std::size_t end) {
    const std::size_t offset = map.to_utf16(begin);
    return {offset, map.to_utf16(end) - offset, map.to_line_column(begin), map.to_line_column(end)};
}

ordered_json check_json(const CheckResult& result, const text::OffsetMap& map) {
    ordered_json matches = ordered_json::array();
    for (const auto& alert : result.alerts) {
        const Position at = position_of(map, alert.begin, alert.end);
        matches.push_back({{"offset", at.offset},
                           {"length", at.length},
                           {"line", at.start.line},
                           {"column", at.start.column},
                           {"rule_id", alert.rule_id},
                           {"category", alert.category},
                           {"severity", to_string(alert.severity)},
                           {"message", alert.message},
                           {"explanation", alert.explanation},
                           {"link", alert.link},
                           {"replacements", alert.replacements},
                           {"confidence", std::round(alert.confidence * 1000) / 1000},
                           {"fixable", is_confident_fix(alert)}});
    }
    ordered_json json{{"language", result.language.code},
                      {"language_detected", result.language_detected},
                      {"words", result.words},
                      {"matches", std::move(matches)}};
    if (result.rules) {
        json.update(measures_json(*result.rules, map));
    }
    return json;
}

} // namespace atk::server
