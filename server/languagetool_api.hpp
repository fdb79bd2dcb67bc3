#pragma once
// The LanguageTool HTTP API v2 (../shared/design/API-COMPAT.md): POST or GET /v2/check with
// form-encoded `text` or `data`, and GET /v2/languages, answered as LanguageTool answers, so
// that existing editor plugins and scripts work unchanged. Errors are plain text "Error: ...".
#include "check.hpp"
#include "server/http.hpp"
#include "server/metrics.hpp"
#include "server/native_api.hpp"

#include <map>
#include <string>
#include <string_view>

namespace atk::server {

/// /v2/check: the parameters come from the query string and the body (form-encoded whatever
/// the Content-Type says).
Response languagetool_check(const Checker& checker, const ApiLimits& limits, const Request& request,
                            Metrics& metrics);

/// LanguageTool's error: `message` in plain text after "Error: ".
Response plain_error(const Request& request, http::status status, std::string_view message);

/// /v2/languages: [{"name", "code", "longCode"}].
Response languagetool_languages(const Checker& checker, const Request& request);

} // namespace atk::server
