#pragma once
// What the server answers to each request, as a function of the request alone (no socket,
// no clock): the handler that tests call directly and the server calls for every request.
#include "check.hpp"
#include "server/http.hpp"
#include "server/metrics.hpp"
#include "server/native_api.hpp"
#include "server/static_files.hpp"
#include "translate/translator.hpp"

#include <atomic>
#include <string>
#include <string_view>

namespace atk::server {

class Router {
  public:
    /// `checker`, `ui` when given (the web UI's files, served for GET and HEAD of paths no
    /// API route takes) and `translator` when given (without it the translation routes
    /// answer 503) must outlive the router.
    explicit Router(const Checker& checker, ApiLimits limits = {}, const StaticFiles* ui = nullptr,
                    const translate::Translator* translator = nullptr);

    /// /readyz answers 503 until this is true: the dictionaries and rules are loaded.
    void set_ready(bool ready) { ready_ = ready; }

    /// The response to `request`, with the request's HTTP version and keep-alive. Thread-safe.
    Response handle(const Request& request) const;

    /// The route `request` goes to, for metrics: its path, "static" (the UI's files), or
    /// "unmatched".
    std::string_view route_label(const Request& request) const;

    Metrics& metrics() const { return metrics_; }

    /// Whether answering `request` is CPU work (a check) that belongs on the worker pool
    /// rather than on an I/O thread.
    bool heavy(const Request& request) const;

  private:
    struct Route;
    static const Route* find(std::string_view path);

    Response health(const Request& request) const;
    Response readiness(const Request& request) const;
    Response check(const Request& request) const;
    Response languages(const Request& request) const;
    Response synonyms(const Request& request) const;
    Response suggest(const Request& request) const;
    Response prometheus(const Request& request) const;
    Response languagetool(const Request& request) const;
    Response openapi(const Request& request) const;
    Response languagetool_list(const Request& request) const;
    Response no_route(const Request& request) const;
    Response translation(const Request& request) const;
    Response libretranslate(const Request& request) const;
    Response libretranslate_list(const Request& request) const;
    Response detect(const Request& request) const;
    Response no_translator(const Request& request) const;

    const Checker& checker_;
    ApiLimits limits_;
    const StaticFiles* ui_;
    const translate::Translator* translator_;
    std::atomic<bool> ready_{false};
    mutable Metrics metrics_; ///< counts what the server answers; thread-safe
};

/// The path of a request's target, without its query (which may hold a client's text).
std::string_view path_of(const Request& request);

/// Adds the headers every answer carries: no MIME sniffing, no referrer, and a content
/// security policy that lets an API answer load nothing.
void secure(Response& response);

/// A JSON response: `body` with `status`, the request's version and keep-alive.
Response json_response(const Request& request, http::status status, std::string body);

/// The native API's error: {"error": {"code": `code`, "message": `message`}}.
Response json_error(const Request& request, http::status status, std::string_view code,
                    std::string_view message);

} // namespace atk::server
