#include "server/languagetool_api.hpp"

#include "error.hpp"
#include "server/form.hpp"
#include "server/router.hpp"
#include "spell/languages.hpp"
#include "text/offsets.hpp"
#include "text/segmenter.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>

namespace atk::server {
namespace {

using nlohmann::json;

/// A LanguageTool error: plain text, "Error: " first.
struct LanguageToolError {
    http::status status;
    std::string message;
};

std::vector<std::string> comma_list(const std::map<std::string, std::string>& parameters,
                                    const char* name) {
    std::vector<std::string> out;
    const auto found = parameters.find(name);
    if (found == parameters.end()) {
        return out;
    }
    std::string_view rest = found->second;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        std::string_view item = rest.substr(0, comma);
        while (!item.empty() && item.front() == ' ') {
            item.remove_prefix(1);
        }
        while (!item.empty() && item.back() == ' ') {
            item.remove_suffix(1);
        }
        if (!item.empty()) {
            out.emplace_back(item);
        }
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    return out;
}

/// Where each piece of an annotated `data` text is, in the plain text checked and in the
/// original (markup included), in UTF-16 code units.
struct Piece {
    std::size_t plain = 0;
    std::size_t plain_length = 0;
    std::size_t original = 0;
    std::size_t original_length = 0;
    bool text = false; ///< a text node (offsets map one to one), or markup
};

std::size_t utf16_of(std::string_view utf8) {
    return text::utf16_length(utf8);
}

/// The plain text of a `data` annotation, and its pieces.
std::string plain_text_of(const std::string& data, std::vector<Piece>& pieces) {
    const json parsed = json::parse(data, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("annotation") ||
        !parsed.at("annotation").is_array()) {
        throw LanguageToolError{
            http::status::bad_request,
            "'data' must be JSON such as {\"annotation\":[{\"text\":\"A test\"}]}"};
    }
    std::string plain;
    std::size_t plain_at = 0;
    std::size_t original_at = 0;
    for (const auto& node : parsed.at("annotation")) {
        if (!node.is_object()) {
            throw LanguageToolError{http::status::bad_request,
                                    "each item of 'annotation' must be an object"};
        }
        if (node.contains("text") && node.at("text").is_string()) {
            const auto text = node.at("text").get<std::string>();
            const std::size_t length = utf16_of(text);
            pieces.push_back({plain_at, length, original_at, length, true});
            plain += text;
            plain_at += length;
            original_at += length;
        } else if (node.contains("markup") && node.at("markup").is_string()) {
            const auto markup = node.at("markup").get<std::string>();
            const std::string as =
                node.contains("interpretAs") && node.at("interpretAs").is_string()
                    ? node.at("interpretAs").get<std::string>()
                    : "";
            pieces.push_back({plain_at, utf16_of(as), original_at, utf16_of(markup), false});
            plain += as;
            plain_at += utf16_of(as);
            original_at += utf16_of(markup);
        } else if (!node.empty() && !node.contains("markup")) {
            throw LanguageToolError{http::status::bad_request,
                                    "an item of 'annotation' has neither \"text\" nor \"markup\""};
        }
    }
    return plain;
}

/// A plain-text UTF-16 offset in the original text (`end`: the end of a range).
std::size_t to_original(const std::vector<Piece>& pieces, std::size_t at, bool end) {
    for (const auto& piece : pieces) {
        const bool inside = end ? (at > piece.plain && at <= piece.plain + piece.plain_length)
                                : (at >= piece.plain && at < piece.plain + piece.plain_length);
        if (inside) {
            return piece.text ? piece.original + (at - piece.plain)
                              : piece.original + (end ? piece.original_length : 0);
        }
    }
    return pieces.empty() ? at : pieces.back().original + pieces.back().original_length;
}

/// "Vagueness" for VAGUENESS; LanguageTool's own name for typos.
std::string category_name(const std::string& id) {
    if (id == "TYPOS") {
        return "Possible Typo";
    }
    std::string name;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i] == '_' ? ' ' : id[i];
        name += i == 0 ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return name;
}

/// Code points [from, to) of `text` as UTF-8 byte offsets, clamped.
std::size_t byte_after_code_points(std::string_view text, std::size_t from, std::size_t count,
                                   bool backwards) {
    std::size_t at = from;
    for (std::size_t i = 0; i < count; ++i) {
        if (backwards ? at == 0 : at >= text.size()) {
            break;
        }
        if (backwards) {
            text::previous_code_point(text, at);
        } else {
            text::next_code_point(text, at);
        }
    }
    return at;
}

json match_json(const Alert& alert, std::string_view plain, const text::OffsetMap& map,
                const std::vector<text::Span>& sentences, const std::vector<Piece>& pieces,
                bool annotated) {
    constexpr std::size_t kContext = 40; // code points each side
    const std::size_t offset = map.to_utf16(alert.begin);
    const std::size_t length = map.to_utf16(alert.end) - offset;
    const std::size_t context_begin = byte_after_code_points(plain, alert.begin, kContext, true);
    const std::size_t context_end = byte_after_code_points(plain, alert.end, kContext, false);
    const std::string_view context = plain.substr(context_begin, context_end - context_begin);
    std::string sentence;
    for (const auto& span : sentences) {
        if (span.begin <= alert.begin && alert.begin < span.end) {
            sentence = std::string(plain.substr(span.begin, span.end - span.begin));
        }
    }
    json replacements = json::array();
    for (const auto& replacement : alert.replacements) {
        replacements.push_back({{"value", replacement}});
    }
    const bool typo = alert.category == "TYPOS";
    const std::size_t reported = annotated ? to_original(pieces, offset, false) : offset;
    const std::size_t reported_end =
        annotated ? to_original(pieces, offset + length, true) : offset + length;
    return {{"message", alert.message},
            {"shortMessage", typo ? "Spelling mistake" : alert.rule_description},
            {"replacements", std::move(replacements)},
            {"offset", reported},
            {"length", reported_end - reported},
            {"context",
             {{"text", context},
              {"offset", utf16_of(plain.substr(context_begin, alert.begin - context_begin))},
              {"length", length}}},
            {"sentence", sentence},
            {"type",
             {{"typeName", typo ? "UnknownWord"
                                : (alert.severity == Severity::suggestion ? "Hint" : "Other")}}},
            {"rule",
             {{"id", alert.rule_id},
              {"description", alert.rule_description},
              {"issueType", typo ? "misspelling" : "style"},
              {"urls", alert.link.empty() ? json::array() : json::array({{{"value", alert.link}}})},
              {"category", {{"id", alert.category}, {"name", category_name(alert.category)}}}}},
            {"ignoreForIncompleteSentence", false},
            {"contextForSureMatch", 0}};
}

/// The CheckOptions of LanguageTool's parameters.
CheckOptions options_of(const std::map<std::string, std::string>& parameters) {
    CheckOptions options;
    const auto language = parameters.find("language");
    if (language == parameters.end() || language->second.empty()) {
        throw LanguageToolError{http::status::bad_request,
                                "Missing 'language' parameter (e.g. en-US, fr or auto)"};
    }
    options.language = language->second;
    options.markup = text::Markup::plain_text;
    // motherTongue feeds LanguageTool's false-friend rules, which we do not have: accepted and
    // ignored, as an unknown parameter is.
    options.preferred_variants = comma_list(parameters, "preferredVariants");
    if (!options.preferred_variants.empty() && options.language != "auto") {
        throw LanguageToolError{
            http::status::bad_request,
            "You can specify 'preferredVariants' only when 'language' is set to 'auto'"};
    }
    for (const auto& variant : options.preferred_variants) {
        if (variant.find('-') == std::string::npos) {
            throw LanguageToolError{http::status::bad_request,
                                    "'preferredVariants' lists variants with a region, such as "
                                    "en-GB or fr-FR, not '" +
                                        variant + "'"};
        }
    }
    if (const auto level = parameters.find("level");
        level != parameters.end() && level->second != "default" && level->second != "picky") {
        throw LanguageToolError{http::status::bad_request,
                                "'level' must be 'default' or 'picky', not '" + level->second +
                                    "'"};
    }
    auto& selection = options.rule_options.selection;
    selection.enabled = comma_list(parameters, "enabledRules");
    for (auto& category : comma_list(parameters, "enabledCategories")) {
        selection.enabled.push_back(std::move(category));
    }
    selection.disabled = comma_list(parameters, "disabledRules");
    for (auto& category : comma_list(parameters, "disabledCategories")) {
        selection.disabled.push_back(std::move(category));
    }
    const auto only = parameters.find("enabledOnly");
    if (only != parameters.end() && only->second == "true") {
        if (selection.enabled.empty()) {
            throw LanguageToolError{
                http::status::bad_request,
                "enabledOnly=true needs at least one of enabledRules or enabledCategories"};
        }
    }
    options.max_suggestions = 5;
    return options;
}

} // namespace

Response languagetool_check(const Checker& checker, const ApiLimits& limits, const Request& request,
                            Metrics& metrics) {
    try {
        auto parameters = form_parameters(query_of(request.target()));
        for (auto& [name, value] : form_parameters(request.body())) {
            parameters.try_emplace(name, std::move(value));
        }
        const bool has_text = parameters.contains("text");
        const bool has_data = parameters.contains("data");
        if (has_text && has_data) {
            throw LanguageToolError{http::status::bad_request,
                                    "Set only 'text' or 'data' parameter, not both"};
        }
        if (!has_text && !has_data) {
            throw LanguageToolError{http::status::bad_request,
                                    "Missing 'text' or 'data' parameter"};
        }
        std::vector<Piece> pieces;
        const std::string plain =
            has_text ? parameters.at("text") : plain_text_of(parameters.at("data"), pieces);
        if (plain.size() > limits.max_text) {
            throw LanguageToolError{http::status::payload_too_large,
                                    "text is " + std::to_string(plain.size()) +
                                        " bytes; the limit is " + std::to_string(limits.max_text)};
        }
        if (const auto bad = text::find_invalid_utf8(plain)) {
            throw LanguageToolError{http::status::bad_request,
                                    "invalid UTF-8 at byte " + std::to_string(*bad)};
        }
        CheckOptions options = options_of(parameters);
        const bool enabled_only =
            parameters.contains("enabledOnly") && parameters.at("enabledOnly") == "true";
        CheckResult result = checker.check(plain, options);
        metrics.words_checked(result.words);
        if (enabled_only) {
            const auto& enabled = options.rule_options.selection.enabled;
            std::erase_if(result.alerts, [&](const Alert& alert) {
                return std::find(enabled.begin(), enabled.end(), alert.rule_id) == enabled.end() &&
                       std::find(enabled.begin(), enabled.end(), alert.category) == enabled.end();
            });
        }
        const text::OffsetMap map(plain);
        const auto sentences = text::thread_segmenter(result.language.code).sentences(plain);
        json matches = json::array();
        for (const auto& alert : result.alerts) {
            matches.push_back(match_json(alert, plain, map, sentences, pieces, has_data));
        }
        const json language{{"name", result.language.name},
                            {"code", result.language.code},
                            {"detectedLanguage",
                             {{"name", result.language.name},
                              {"code", result.language.code},
                              {"confidence", result.language_confidence}}}};
        const json body{{"software",
                         {{"name", "Analyst Toolkit"},
                          {"version", ATK_VERSION},
                          {"buildDate", ""},
                          {"apiVersion", 1},
                          {"premium", false},
                          {"status", ""}}},
                        {"warnings", {{"incompleteResults", false}}},
                        {"language", language},
                        {"matches", std::move(matches)}};
        return json_response(request, http::status::ok, body.dump());
    } catch (const LanguageToolError& error) {
        return plain_error(request, error.status, error.message);
    } catch (const std::invalid_argument& e) {
        return plain_error(request, http::status::bad_request, e.what());
    } catch (const InputError& e) {
        return plain_error(request, http::status::bad_request, e.what());
    }
}

Response plain_error(const Request& request, http::status status, std::string_view message) {
    Response response{status, request.version()};
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.keep_alive(request.keep_alive());
    response.body() = "Error: " + std::string(message);
    response.prepare_payload();
    return response;
}

Response languagetool_languages(const Checker& checker, const Request& request) {
    json languages = json::array();
    for (const auto& language : checker.languages()) {
        languages.push_back({{"name", language.name},
                             {"code", language.code.substr(0, language.code.find('-'))},
                             {"longCode", language.code}});
    }
    return json_response(request, http::status::ok, languages.dump());
}

} // namespace atk::server
