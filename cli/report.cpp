#include "report.hpp"

#include "server/check_json.hpp"
#include "text/offsets.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

namespace atk::cli {
namespace {

using nlohmann::ordered_json;
using server::Position;
using server::position_of;

std::string display_path(const std::string& path) {
    return path == "-" ? "<stdin>" : path;
}

/// `path` with every byte that is not unreserved (RFC 3986 2.3) or "/" written %XX: spaces,
/// "#", "%", ":" and each byte of a non-ASCII letter's UTF-8 alike.
std::string percent_encoded(std::string_view path) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(path.size());
    for (const char c : path) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x80 && std::isalnum(u)) ||
            std::string_view("-._~/").find(c) != std::string_view::npos) {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4U];
            out += kHex[u & 0xFU];
        }
    }
    return out;
}

/// SARIF wants URIs (2.1.0, 3.4.3): an absolute path becomes a file URI (RFC 8089:
/// file:///abs/path), a relative one a relative reference; standard input is "stdin".
std::string sarif_uri(const std::string& path) {
    if (path == "-") {
        return "stdin";
    }
    return (path.starts_with('/') ? "file://" : "") + percent_encoded(path);
}

std::string_view sarif_level(Severity severity) {
    switch (severity) {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::suggestion:
        return "note";
    }
    return "note";
}

ordered_json sarif_region(const Position& at) {
    return {{"startLine", at.start.line}, {"startColumn", at.start.column},
            {"endLine", at.end.line},     {"endColumn", at.end.column},
            {"charOffset", at.offset},    {"charLength", at.length}};
}

/// `value` with one decimal: "52.1".
std::string one_decimal(double value) {
    char out[32];
    std::snprintf(out, sizeof out, "%.1f", value);
    return out;
}

/// "reading ease 52.1 (Flesch), grade 10.4 (Flesch-Kincaid)"; no grade where the language
/// has no grade formula.
std::string readability_summary(const rules::Readability& readability) {
    std::string out = "reading ease " + one_decimal(readability.reading_ease) + " (" +
                      std::string(readability.formula) + ")";
    if (readability.grade) {
        out += ", grade " + one_decimal(*readability.grade) + " (" +
               std::string(readability.grade_formula) + ")";
    }
    return out;
}

/// "quality 85/100 over 12 requirements (3 follow no EARS template); reading ease ...", or,
/// for a language without rules, the note that says why requirements are not scored in
/// place of the quality.
std::string rules_summary(const rules::RulesReport& report) {
    std::string out;
    if (!report.note.empty()) {
        out += report.note + "; ";
    } else if (report.quality) {
        const auto none = std::count_if(
            report.requirements.begin(), report.requirements.end(),
            [](const rules::RequirementReport& r) { return r.ears == rules::EarsTemplate::none; });
        out += "quality " + std::to_string(*report.quality) + "/100 over " +
               std::to_string(report.requirements.size()) + " requirement" +
               (report.requirements.size() == 1 ? "" : "s") + " (" + std::to_string(none) +
               " follow" + (none == 1 ? "s" : "") + " no EARS template); ";
    }
    return out + readability_summary(report.readability);
}

/// One line per requirement, then the file's summary line.
void write_scores(std::ostream& out, const text::OffsetMap& map, const std::string& path,
                  const rules::RulesReport& report) {
    for (const auto& requirement : report.requirements) {
        const auto at = map.to_line_column(requirement.begin);
        out << display_path(path) << ':' << at.line << ':' << at.column << ": requirement "
            << requirement.score << "/100, EARS " << rules::to_string(requirement.ears);
        for (std::size_t i = 0; i < requirement.costs.size(); ++i) {
            out << (i ? ", " : ": ") << requirement.costs[i].rule_id << " -"
                << requirement.costs[i].points;
        }
        out << '\n';
    }
    out << display_path(path) << ": " << rules_summary(report) << '\n';
}

} // namespace

void write_text(std::ostream& out, const std::vector<FileReport>& reports, bool with_scores) {
    for (const auto& report : reports) {
        const text::OffsetMap map(report.text);
        const std::string path = display_path(report.path);
        for (const auto& fix : report.fixed) {
            const auto at = map.to_line_column(fix.begin);
            out << path << ':' << at.line << ':' << at.column << ": fixed: \"" << fix.original
                << "\" -> \"" << fix.replacement << "\"\n";
        }
        for (const auto& alert : report.result.alerts) {
            const auto at = map.to_line_column(alert.begin);
            out << path << ':' << at.line << ':' << at.column << ": " << to_string(alert.severity)
                << ": " << alert.message << " [" << alert.rule_id << ']';
            if (!alert.replacements.empty()) {
                out << " (did you mean: ";
                for (std::size_t i = 0; i < alert.replacements.size(); ++i) {
                    out << (i ? ", " : "") << alert.replacements[i];
                }
                out << ')';
            }
            out << '\n';
        }
        if (with_scores && report.result.rules) {
            write_scores(out, map, report.path, *report.result.rules);
        }
    }
}

void write_json(std::ostream& out, const std::vector<FileReport>& reports) {
    ordered_json files = ordered_json::array();
    for (const auto& report : reports) {
        const text::OffsetMap map(report.text);
        ordered_json fixed = ordered_json::array();
        for (const auto& fix : report.fixed) {
            const Position at = position_of(map, fix.begin, fix.end);
            fixed.push_back({{"offset", at.offset},
                             {"length", at.length},
                             {"line", at.start.line},
                             {"column", at.start.column},
                             {"original", fix.original},
                             {"replacement", fix.replacement},
                             {"confidence", std::round(fix.confidence * 1000) / 1000}});
        }
        files.push_back({{"path", display_path(report.path)}});
        files.back().update(server::check_json(report.result, map));
        if (!report.fixed.empty()) {
            files.back()["fixed"] = std::move(fixed);
        }
    }
    out << ordered_json{{"version", ATK_VERSION}, {"files", std::move(files)}}.dump(2) << '\n';
}

namespace {

struct SarifRules {
    ordered_json list = ordered_json::array(); ///< tool.driver.rules
    std::map<std::string, std::size_t> index;  ///< each rule id's place in `list`
};

/// One rule entry per rule that fired, in id order.
SarifRules sarif_rules(const std::vector<FileReport>& reports) {
    std::map<std::string, const Alert*> rules;
    for (const auto& report : reports) {
        for (const auto& alert : report.result.alerts) {
            rules.try_emplace(alert.rule_id, &alert);
        }
    }
    SarifRules out;
    for (const auto& [id, alert] : rules) {
        out.index[id] = out.list.size();
        out.list.push_back({{"id", id},
                            {"shortDescription", {{"text", alert->rule_description}}},
                            {"fullDescription", {{"text", alert->explanation}}},
                            {"defaultConfiguration", {{"level", sarif_level(alert->severity)}}},
                            {"properties", {{"category", alert->category}}}});
        if (!alert->link.empty()) {
            out.list.back()["helpUri"] = alert->link;
        }
    }
    return out;
}

/// `alert` as a SARIF result in the file that `artifact_location` names.
ordered_json sarif_result(const Alert& alert, const text::OffsetMap& map,
                          const ordered_json& artifact_location, const SarifRules& rules) {
    const Position at = position_of(map, alert.begin, alert.end);
    ordered_json result = {
        {"ruleId", alert.rule_id},
        {"ruleIndex", rules.index.at(alert.rule_id)},
        {"level", sarif_level(alert.severity)},
        {"message", {{"text", alert.message}}},
        {"locations",
         {{{"physicalLocation",
            {{"artifactLocation", artifact_location}, {"region", sarif_region(at)}}}}}}};
    if (!alert.replacements.empty()) {
        const std::string& best = alert.replacements.front();
        result["fixes"] = {{{"description", {{"text", "Replace with \"" + best + "\""}}},
                            {"artifactChanges",
                             {{{"artifactLocation", artifact_location},
                               {"replacements",
                                {{{"deletedRegion", sarif_region(at)},
                                  {"insertedContent", {{"text", best}}}}}}}}}}};
    }
    return result;
}

/// The file of `report` as a run artifact: its location, and in its property bag (SARIF
/// 2.1.0, 3.8, the format's extension point) the check's language and, unless the rules were
/// off, its quality and readability in the JSON format's shape.
ordered_json sarif_artifact(const FileReport& report, const text::OffsetMap& map,
                            const std::string& uri) {
    ordered_json properties = {{"language", report.result.language.code}};
    if (report.result.rules) {
        properties.update(server::measures_json(*report.result.rules, map));
    }
    return {{"location", {{"uri", uri}}}, {"properties", std::move(properties)}};
}

} // namespace

void write_sarif(std::ostream& out, const std::vector<FileReport>& reports, bool with_scores) {
    const SarifRules rules = sarif_rules(reports);
    ordered_json artifacts = ordered_json::array();
    std::map<std::string, std::size_t> artifact_index; // a file named twice is one artifact
    ordered_json results = ordered_json::array();
    for (const auto& report : reports) {
        const text::OffsetMap map(report.text);
        const std::string uri = sarif_uri(report.path);
        ordered_json location = {{"uri", uri}};
        if (with_scores) {
            const auto [at, added] = artifact_index.try_emplace(uri, artifacts.size());
            if (added) {
                artifacts.push_back(sarif_artifact(report, map, uri));
            }
            location["index"] = at->second; // 3.4.5: the artifact of the same uri
        }
        for (const auto& alert : report.result.alerts) {
            results.push_back(sarif_result(alert, map, location, rules));
        }
    }
    ordered_json run = {
        {"tool",
         {{"driver",
           {{"name", "analyst-toolkit"}, {"version", ATK_VERSION}, {"rules", rules.list}}}}},
        {"columnKind", "utf16CodeUnits"}};
    if (with_scores) {
        run["artifacts"] = std::move(artifacts);
    }
    run["results"] = std::move(results);
    const ordered_json sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                                {"version", "2.1.0"},
                                {"runs", ordered_json::array({std::move(run)})}};
    out << sarif.dump(2) << '\n';
}

} // namespace atk::cli
