#include "server/translate_api.hpp"

#include "error.hpp"
#include "server/form.hpp"
#include "server/json_body.hpp"
#include "server/router.hpp"
#include "text/language_detection.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace atk::server {
namespace {

using nlohmann::json;

/// A LibreTranslate request the caller got wrong: 400 with {"error": message}.
struct LibreError {
    std::string message;
};

translate::Format format_of(const std::string& name, bool markdown_allowed) {
    if (name == "text") {
        return translate::Format::text;
    }
    if (name == "html") {
        return translate::Format::html;
    }
    if (name == "markdown" && markdown_allowed) {
        return translate::Format::markdown;
    }
    throw BadRequest{
        http::status::bad_request, "bad_field",
        std::string("\"format\" must be ") +
            (markdown_allowed ? "\"text\", \"markdown\" or \"html\"" : "\"text\" or \"html\"")};
}

/// LibreTranslate's error: {"error": "..."}.
Response libre_error(const Request& request, http::status status, const std::string& message) {
    // The message may quote a form's bytes that are not UTF-8: written as U+FFFD.
    return json_response(
        request, status,
        json{{"error", message}}.dump(-1, ' ', false, json::error_handler_t::replace));
}

/// LibreTranslate's parameters, from a JSON body or a form (body and query string).
json libre_parameters(const Request& request) {
    json body = json::parse(request.body(), nullptr, false);
    if (body.is_object()) {
        return body;
    }
    json parameters = json::object();
    for (auto& [name, value] : form_parameters(query_of(request.target()))) {
        parameters[name] = value;
    }
    for (auto& [name, value] : form_parameters(request.body())) {
        parameters[name] = value;
    }
    return parameters;
}

/// The texts of `q`: a string or a list of strings. Throws the message to answer.
std::vector<std::string> texts_of(const json& parameters) {
    if (!parameters.contains("q")) {
        throw LibreError{"Invalid request: missing q parameter"};
    }
    const json& q = parameters.at("q");
    if (q.is_string()) {
        return {q.get<std::string>()};
    }
    if (q.is_array() &&
        std::all_of(q.begin(), q.end(), [](const json& v) { return v.is_string(); })) {
        return q.get<std::vector<std::string>>();
    }
    throw LibreError{"Invalid request: q must be a string or a list of strings"};
}

std::string parameter(const json& parameters, const char* name, std::string fallback = "") {
    if (!parameters.contains(name)) {
        return fallback;
    }
    if (!parameters.at(name).is_string()) {
        throw LibreError{std::string("Invalid request: ") + name + " must be a string"};
    }
    return parameters.at(name).get<std::string>();
}

/// The languages CLD2 sees in `text`, LibreTranslate's way: confidence 0-100, likeliest first.
json detections(const std::string& text) {
    json found = json::array();
    for (const auto& language : text::detect_languages(text)) {
        if (!language.code.empty()) {
            found.push_back({{"confidence", std::round(language.confidence * 1000) / 10},
                             {"language", language.code}});
        }
    }
    return found;
}

} // namespace

json translation_pairs(const translate::Translator& translator) {
    json pairs = json::array();
    for (const auto& pair : translator.pairs()) {
        pairs.push_back({{"source", pair.source}, {"target", pair.target}, {"route", pair.route}});
    }
    return pairs;
}

Response translate_text(const translate::Translator& translator, const ApiLimits& limits,
                        const Request& request) {
    try {
        const json body = parse_body(request);
        const std::string text = text_field(body, limits.max_text, "to translate");
        translate::TranslateOptions options;
        options.source = string_field(body, "source", "");
        options.target = string_field(body, "target", "");
        if (options.source.empty() || options.target.empty()) {
            throw BadRequest{http::status::bad_request, "bad_field",
                             "\"source\" and \"target\" are required: language codes (en, es, "
                             "fr, ca); /api/v1/languages lists the pairs"};
        }
        options.format = format_of(string_field(body, "format", "text"), true);
        spell::Glossary keep;
        for (const auto& term : strings(body, "glossary")) {
            keep.add(term);
        }
        options.keep = &keep;
        options.mark_unknown = bool_field(body, "mark_unknown", false);
        const auto translation = translator.translate(text, options);
        const json answer{{"translation", translation.text},
                          {"unknown_words", translation.unknown_words},
                          {"route", translation.route},
                          {"source", options.source},
                          {"target", options.target}};
        return json_response(request, http::status::ok, answer.dump());
    } catch (const BadRequest& bad) {
        return json_error(request, bad.status, bad.code, bad.message);
    } catch (const InputError& e) {
        return json_error(request, http::status::bad_request, "bad_input", e.what());
    } catch (const translate::TranslationUnavailable& e) {
        return json_error(request, http::status::service_unavailable, "translation_unavailable",
                          e.what());
    }
}

Response libretranslate_translate(const translate::Translator& translator, const ApiLimits& limits,
                                  const Request& request) {
    try {
        const json parameters = libre_parameters(request);
        const auto texts = texts_of(parameters);
        std::size_t size = 0;
        for (const auto& text : texts) {
            size += text.size();
        }
        if (size > limits.max_text) {
            throw LibreError{"Invalid request: request (" + std::to_string(size) +
                             ") exceeds text limit (" + std::to_string(limits.max_text) + ")"};
        }
        const std::string target = parameter(parameters, "target");
        if (target.empty()) {
            throw LibreError{"Invalid request: missing target parameter"};
        }
        std::string source = parameter(parameters, "source", "auto");
        json detected = nullptr;
        if (source == "auto") {
            std::string all;
            for (const auto& text : texts) {
                all += text + "\n";
            }
            const json found = detections(all);
            if (found.empty()) {
                throw LibreError{"Invalid request: the source language cannot be detected; "
                                 "give source"};
            }
            source = found[0]["language"].get<std::string>();
            detected = {{"confidence", found[0]["confidence"]}, {"language", source}};
        }
        translate::TranslateOptions options;
        options.source = source;
        options.target = target;
        try {
            options.format = format_of(parameter(parameters, "format", "text"), false);
        } catch (const BadRequest& bad) {
            throw LibreError{"Invalid request: " + bad.message};
        }
        json translated = json::array();
        for (const auto& text : texts) {
            translated.push_back(translator.translate(text, options).text);
        }
        const bool batch = parameters.at("q").is_array();
        json answer{{"translatedText", batch ? translated : translated[0]}};
        if (!detected.is_null()) {
            answer["detectedLanguage"] =
                batch ? json(std::vector<json>(texts.size(), detected)) : detected;
        }
        if (parameters.contains("alternatives") && parameters.at("alternatives") != 0 &&
            parameters.at("alternatives") != "0") {
            // Apertium gives one translation: no alternatives.
            answer["alternatives"] =
                batch ? json(std::vector<json>(texts.size(), json::array())) : json::array();
        }
        return json_response(request, http::status::ok, answer.dump());
    } catch (const LibreError& error) {
        return libre_error(request, http::status::bad_request, error.message);
    } catch (const std::invalid_argument& e) {
        return libre_error(request, http::status::bad_request,
                           std::string("Invalid request: ") + e.what());
    } catch (const InputError& e) {
        return libre_error(request, http::status::bad_request, e.what());
    } catch (const translate::TranslationUnavailable& e) {
        return libre_error(request, http::status::service_unavailable, e.what());
    }
}

Response libretranslate_languages(const translate::Translator& translator, const Request& request) {
    std::map<std::string, std::set<std::string>> targets;
    for (const auto& pair : translator.pairs()) {
        targets[pair.source].insert(pair.target);
        targets.try_emplace(pair.target);
    }
    json languages = json::array();
    for (const auto& [code, to] : targets) {
        languages.push_back({{"code", code},
                             {"name", translate::language_name(code)},
                             {"targets", std::vector<std::string>(to.begin(), to.end())}});
    }
    return json_response(request, http::status::ok, languages.dump());
}

Response libretranslate_detect(const Request& request) {
    try {
        const auto texts = texts_of(libre_parameters(request));
        std::string all;
        for (const auto& text : texts) {
            all += text + "\n";
        }
        if (const auto bad = text::find_invalid_utf8(all)) {
            throw LibreError{"Invalid request: q is not valid UTF-8"};
        }
        return json_response(request, http::status::ok, detections(all).dump());
    } catch (const LibreError& error) {
        return libre_error(request, http::status::bad_request, error.message);
    } catch (const std::invalid_argument& e) {
        return libre_error(request, http::status::bad_request,
                           std::string("Invalid request: ") + e.what());
    }
}

} // namespace atk::server
