#include "server/router.hpp"

#include "server/languagetool_api.hpp"
#include "server/openapi.hpp"
#include "server/translate_api.hpp"

#include <nlohmann/json.hpp>

namespace atk::server {

struct Router::Route {
    std::string_view path;
    http::verb method; ///< GET routes also answer HEAD
    Response (Router::*answer)(const Request&) const;
    bool heavy;
};

void secure(Response& response) {
    // (Beast's field enum has none of these three: they are set by name.)
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "no-referrer");
    if (response.find("Content-Security-Policy") == response.end()) {
        response.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
}

std::string_view path_of(const Request& request) {
    const std::string_view target = request.target();
    return target.substr(0, target.find('?'));
}

Response json_response(const Request& request, http::status status, std::string body) {
    Response response{status, request.version()};
    response.set(http::field::content_type, "application/json");
    response.set(http::field::cache_control, "no-store");
    response.keep_alive(request.keep_alive());
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

Response json_error(const Request& request, http::status status, std::string_view code,
                    std::string_view message) {
    const nlohmann::json body{{"error", {{"code", code}, {"message", message}}}};
    // A message may quote the request (a language name, a rule id) in bytes that are not
    // UTF-8: they are written as U+FFFD rather than make dump() throw.
    return json_response(request, status,
                         body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Router::Router(const Checker& checker, ApiLimits limits, const StaticFiles* ui,
               const translate::Translator* translator)
    : checker_(checker), limits_(limits), ui_(ui), translator_(translator) {}

namespace {

bool reads(const Request& request) {
    return request.method() == http::verb::get || request.method() == http::verb::head;
}

} // namespace

const Router::Route* Router::find(std::string_view path) {
    static constexpr Route kRoutes[] = {
        {"/healthz", http::verb::get, &Router::health, false},
        {"/readyz", http::verb::get, &Router::readiness, false},
        {"/api/v1/check", http::verb::post, &Router::check, true},
        {"/api/v1/languages", http::verb::get, &Router::languages, false},
        {"/api/v1/synonyms", http::verb::get, &Router::synonyms, true},
        {"/api/v1/suggest", http::verb::post, &Router::suggest, true},
        {"/metrics", http::verb::get, &Router::prometheus, false},
        {"/openapi.json", http::verb::get, &Router::openapi, false},
        {"/v2/check", http::verb::post, &Router::languagetool, true}, // GET works too
        {"/v2/languages", http::verb::get, &Router::languagetool_list, false},
        {"/api/v1/translate", http::verb::post, &Router::translation, true},
        {"/translate", http::verb::post, &Router::libretranslate, true}, // LibreTranslate's
        {"/languages", http::verb::get, &Router::libretranslate_list, false},
        {"/detect", http::verb::post, &Router::detect, false},
    };
    for (const auto& route : kRoutes) {
        if (route.path == path) {
            return &route;
        }
    }
    return nullptr;
}

std::string_view Router::route_label(const Request& request) const {
    const Route* route = find(path_of(request));
    if (route != nullptr) {
        return route->path;
    }
    return ui_ != nullptr && reads(request) ? "static" : "unmatched";
}

bool Router::heavy(const Request& request) const {
    const Route* route = find(path_of(request));
    return route != nullptr && route->heavy;
}

Response Router::handle(const Request& request) const {
    const std::string_view path = path_of(request);
    const Route* route = find(path);
    const bool head = request.method() == http::verb::head;
    if (route == nullptr) {
        auto response = no_route(request);
        if (head) {
            response.body().clear(); // Content-Length stays that of the GET answer
        }
        return response;
    }
    const bool head_of_get = head && route->method == http::verb::get;
    const bool get_as_post =
        request.method() == http::verb::get && path == "/v2/check"; // LanguageTool's
    if (request.method() != route->method && !head_of_get && !get_as_post) {
        const std::string allowed = route->method == http::verb::get ? "GET, HEAD" : "POST";
        auto response = json_error(request, http::status::method_not_allowed, "method_not_allowed",
                                   std::string(path) + " answers " + allowed + " only");
        response.set(http::field::allow, allowed);
        return response;
    }
    auto response = (this->*route->answer)(request);
    if (head_of_get) {
        response.body().clear(); // Content-Length stays that of the GET answer
    }
    return response;
}

/// A path no API route takes: one of the UI's files, or 404.
Response Router::no_route(const Request& request) const {
    if (ui_ != nullptr && reads(request)) {
        if (auto file = ui_->answer(request)) {
            return std::move(*file);
        }
    }
    const std::string path(path_of(request));
    if (path == "/" && ui_ == nullptr) {
        return json_error(request, http::status::not_found, "no_web_ui",
                          "this server has no web UI to serve: build it (make build) or start "
                          "the server with --static-dir pointing at the UI's build output; the "
                          "API is under /api/v1");
    }
    return json_error(request, http::status::not_found, "not_found",
                      "no route for " + path +
                          "; the API is under /api/v1 (check, suggest, synonyms, languages), "
                          "with /healthz and /readyz");
}

Response Router::health(const Request& request) const {
    return json_response(request, http::status::ok, R"({"status":"alive"})");
}

Response Router::readiness(const Request& request) const {
    if (!ready_) {
        return json_error(request, http::status::service_unavailable, "not_ready",
                          "the dictionaries and rules are still loading; try again in a moment");
    }
    return json_response(request, http::status::ok, R"({"status":"ready"})");
}

Response Router::check(const Request& request) const {
    return check_text(checker_, limits_, request, metrics_);
}

Response Router::languages(const Request& request) const {
    return list_languages(checker_, request,
                          translator_ != nullptr ? translation_pairs(*translator_)
                                                 : nlohmann::json::array());
}

Response Router::no_translator(const Request& request) const {
    return json_error(request, http::status::service_unavailable, "translation_unavailable",
                      "this server runs without translation: install Apertium (make deps) and "
                      "restart it");
}

Response Router::translation(const Request& request) const {
    return translator_ != nullptr ? translate_text(*translator_, limits_, request)
                                  : no_translator(request);
}

Response Router::libretranslate(const Request& request) const {
    return translator_ != nullptr ? libretranslate_translate(*translator_, limits_, request)
                                  : no_translator(request);
}

Response Router::libretranslate_list(const Request& request) const {
    return translator_ != nullptr ? libretranslate_languages(*translator_, request)
                                  : no_translator(request);
}

Response Router::detect(const Request& request) const {
    return libretranslate_detect(request);
}

Response Router::synonyms(const Request& request) const {
    return list_synonyms(checker_, request);
}

Response Router::suggest(const Request& request) const {
    return suggest_words(checker_, request);
}

Response Router::openapi(const Request& request) const {
    auto response = json_response(request, http::status::ok, std::string(openapi_document()));
    response.set(http::field::cache_control, "public, max-age=300");
    return response;
}

Response Router::languagetool(const Request& request) const {
    return languagetool_check(checker_, limits_, request, metrics_);
}

Response Router::languagetool_list(const Request& request) const {
    return languagetool_languages(checker_, request);
}

Response Router::prometheus(const Request& request) const {
    Response response{http::status::ok, request.version()};
    response.set(http::field::content_type, "text/plain; version=0.0.4");
    response.set(http::field::cache_control, "no-store");
    response.keep_alive(request.keep_alive());
    response.body() = metrics_.prometheus();
    response.prepare_payload();
    return response;
}

} // namespace atk::server
