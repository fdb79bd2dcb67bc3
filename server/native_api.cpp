#include "server/native_api.hpp"

#include "error.hpp"
#include "rules/engine.hpp"
#include "server/check_json.hpp"
#include "server/form.hpp"
#include "server/json_body.hpp"
#include "server/router.hpp"
#include "spell/glossary.hpp"
#include "text/offsets.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

namespace atk::server {
namespace {

using nlohmann::json;

/// The check a request asks for; `glossary` receives its terms.
CheckOptions options_of(const Checker& checker, const json& body, spell::Glossary& glossary) {
    CheckOptions options;
    options.language = string_field(body, "language", "auto");
    options.preferred_variants = strings(body, "preferred_variants"); // unknown ones: 400
    const std::string format = string_field(body, "format", "markdown");
    if (format != "markdown" && format != "text") {
        throw BadRequest{http::status::bad_request, "bad_field",
                         "\"format\" must be \"markdown\" or \"text\""};
    }
    options.markup = format == "text" ? text::Markup::plain_text : text::Markup::markdown;
    for (const auto& term : strings(body, "glossary")) {
        glossary.add(term);
    }
    options.glossary = &glossary;
    if (body.contains("max_suggestions")) {
        const json& max = body.at("max_suggestions");
        if (!max.is_number_unsigned() || max.get<std::size_t>() > 20) {
            throw BadRequest{http::status::bad_request, "bad_field",
                             "\"max_suggestions\" must be a whole number from 0 to 20"};
        }
        options.max_suggestions = max.get<std::size_t>();
    }
    options.rules = bool_field(body, "rules", true);
    const std::string profile = string_field(body, "profile", "requirements");
    const auto parsed = rules::parse_profile(profile);
    if (!parsed) {
        throw BadRequest{http::status::bad_request, "bad_field",
                         "\"profile\" must be \"requirements\" or \"general\""};
    }
    options.rule_options.profile = *parsed;
    options.rule_options.selection.enabled = strings(body, "enabled");
    options.rule_options.selection.disabled = strings(body, "disabled");
    auto names = options.rule_options.selection.enabled;
    names.insert(names.end(), options.rule_options.selection.disabled.begin(),
                 options.rule_options.selection.disabled.end());
    checker.validate_rule_names(names); // throws InputError naming the unknown one
    return options;
}

} // namespace

Response check_text(const Checker& checker, const ApiLimits& limits, const Request& request,
                    Metrics& metrics) {
    try {
        const json body = parse_body(request);
        const std::string text = text_field(body, limits.max_text, "to check");
        spell::Glossary glossary;
        const CheckOptions options = options_of(checker, body, glossary);
        const CheckResult result = checker.check(text, options);
        metrics.words_checked(result.words);
        return json_response(request, http::status::ok,
                             check_json(result, text::OffsetMap(text)).dump());
    } catch (const BadRequest& bad) {
        return json_error(request, bad.status, bad.code, bad.message);
    } catch (const InputError& e) {
        return json_error(request, http::status::bad_request, "bad_input", e.what());
    }
}

namespace {

/// The offset query parameter: a whole number of UTF-16 code units; nullopt when absent.
std::optional<std::size_t> offset_parameter(const Request& request) {
    const auto raw = query_parameter(request.target(), "offset");
    if (!raw) {
        return std::nullopt;
    }
    std::size_t offset = 0;
    const auto [end, error] = std::from_chars(raw->data(), raw->data() + raw->size(), offset);
    if (raw->empty() || error != std::errc() || end != raw->data() + raw->size()) {
        throw BadRequest{http::status::bad_request, "bad_field",
                         "\"offset\" must be a whole number: the UTF-16 code units from the "
                         "start of \"context\" to the word's start, as JavaScript counts"};
    }
    return offset;
}

json sense_json(const thesaurus::Sense& sense) {
    json synonyms = json::array();
    for (const auto& synonym : sense.synonyms) {
        synonyms.push_back(
            {{"word", synonym.word}, {"lemma", synonym.lemma}, {"relation", synonym.relation}});
    }
    return {{"part_of_speech", sense.part_of_speech},
            {"lemma", sense.lemma},
            {"matches_context", sense.matches_context},
            {"synonyms", std::move(synonyms)}};
}

} // namespace

Response list_synonyms(const Checker& checker, const Request& request) {
    try {
        const auto word = query_parameter(request.target(), "word");
        if (!word || word->empty()) {
            throw BadRequest{http::status::bad_request, "bad_field",
                             "give the word: /api/v1/synonyms?word=fast&language=en-US"};
        }
        const auto language = query_parameter(request.target(), "language").value_or("en-US");
        const auto context = query_parameter(request.target(), "context").value_or("");
        const Checker::WordContext where{context, offset_parameter(request)};
        json senses = json::array();
        for (const auto& sense : checker.synonyms(*word, language, where)) {
            senses.push_back(sense_json(sense));
        }
        return json_response(request, http::status::ok, senses.dump());
    } catch (const BadRequest& bad) {
        return json_error(request, bad.status, bad.code, bad.message);
    } catch (const std::invalid_argument& e) {
        return json_error(request, http::status::bad_request, "bad_query", e.what());
    } catch (const InputError& e) {
        return json_error(request, http::status::bad_request, "bad_input", e.what());
    }
}

Response suggest_words(const Checker& checker, const Request& request) {
    constexpr std::size_t kMaxWords = 100;
    try {
        const json body = parse_body(request);
        const auto words = strings(body, "words");
        if (words.empty() || words.size() > kMaxWords) {
            throw BadRequest{http::status::bad_request, "bad_field",
                             "\"words\" must list 1 to " + std::to_string(kMaxWords) + " words"};
        }
        const std::string language = string_field(body, "language", "en-US");
        spell::Glossary glossary;
        for (const auto& term : strings(body, "glossary")) {
            glossary.add(term);
        }
        std::size_t max = 5;
        if (body.contains("max")) {
            if (!body.at("max").is_number_unsigned() || body.at("max").get<std::size_t>() > 20) {
                throw BadRequest{http::status::bad_request, "bad_field",
                                 "\"max\" must be a whole number from 0 to 20"};
            }
            max = body.at("max").get<std::size_t>();
        }
        json answers = json::array();
        for (const auto& word : words) {
            const auto found = checker.suggest(word, language, &glossary, max);
            answers.push_back({{"word", word},
                               {"correct", found.correct},
                               {"suggestions", found.words},
                               {"confidence", std::round(found.confidence * 1000) / 1000}});
        }
        return json_response(request, http::status::ok, answers.dump());
    } catch (const BadRequest& bad) {
        return json_error(request, bad.status, bad.code, bad.message);
    } catch (const InputError& e) {
        return json_error(request, http::status::bad_request, "bad_input", e.what());
    }
}

Response list_languages(const Checker& checker, const Request& request, const json& pairs) {
    json languages = json::array();
    for (const auto& language : checker.languages()) {
        languages.push_back({{"code", language.code}, {"name", language.name}});
    }
    const json answer{{"languages", std::move(languages)}, {"translation_pairs", pairs}};
    return json_response(request, http::status::ok, answer.dump());
}

} // namespace atk::server
