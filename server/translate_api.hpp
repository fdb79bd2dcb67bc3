#pragma once
// Translation over HTTP: the native route and LibreTranslate's, so that its clients work
// unchanged (../shared/design/API-COMPAT.md). Both answer bad requests with what to fix:
// natively {"error": {"code", "message"}}, LibreTranslate's way {"error": "..."}.
#include "server/http.hpp"
#include "server/native_api.hpp"
#include "translate/translator.hpp"

#include <nlohmann/json.hpp>

namespace atk::server {

/// POST /api/v1/translate: {"text", "source", "target", "format" (text|markdown|html),
/// "glossary" (terms kept as written), "mark_unknown"} -> {"translation", "unknown_words",
/// "route", "source", "target"}. A pipeline failure gets 503.
Response translate_text(const translate::Translator& translator, const ApiLimits& limits,
                        const Request& request);

/// The translation pairs, for /api/v1/languages: [{"source", "target", "route"}].
nlohmann::json translation_pairs(const translate::Translator& translator);

/// LibreTranslate's POST /translate: JSON or form body, q a string or a list, source a code
/// or "auto", target, format text|html -> {"translatedText"} (lists for a list; with auto,
/// "detectedLanguage": {"confidence", "language"}).
Response libretranslate_translate(const translate::Translator& translator, const ApiLimits& limits,
                                  const Request& request);

/// LibreTranslate's GET /languages: [{"code", "name", "targets"}].
Response libretranslate_languages(const translate::Translator& translator, const Request& request);

/// LibreTranslate's POST /detect (q) -> [{"confidence" (0-100), "language"}], likeliest first.
Response libretranslate_detect(const Request& request);

} // namespace atk::server
