#pragma once
// The native JSON API (/api/v1/...): requests read, checked and answered; bad input gets
// {"error": {"code", "message"}} with a message that says what to fix.
#include "check.hpp"
#include "server/http.hpp"
#include "server/metrics.hpp"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace atk::server {

struct ApiLimits {
    std::size_t max_text = 200'000; ///< characters (UTF-8 bytes) of text per check; more gets 413
};

/// POST /api/v1/check: {"text", "language", "format", "glossary", "enabled", "disabled",
/// "profile", "max_suggestions", "rules"} -> the check's JSON (server/check_json.hpp).
/// The words checked are added to `metrics`.
Response check_text(const Checker& checker, const ApiLimits& limits, const Request& request,
                    Metrics& metrics);

/// GET /api/v1/languages: {"languages": [{"code", "name"}] of the installed dictionaries,
/// "translation_pairs": `pairs`}.
Response list_languages(const Checker& checker, const Request& request,
                        const nlohmann::json& pairs);

/// GET /api/v1/synonyms?word=W&language=L[&context=SENTENCE[&offset=N]]: [{"part_of_speech",
/// "lemma", "matches_context", "synonyms": [{"word", "lemma", "relation"}]}], the senses of W
/// best first, each synonym in W's form (Checker::synonyms); an empty list when the thesaurus
/// does not know W. N counts UTF-16 code units from the start of SENTENCE to W's.
Response list_synonyms(const Checker& checker, const Request& request);

/// POST /api/v1/suggest: {"words": [...], "language", "glossary", "max"} -> [{"word",
/// "correct", "suggestions", "confidence"}], one per word, in order.
Response suggest_words(const Checker& checker, const Request& request);

} // namespace atk::server
