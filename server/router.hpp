#pragma once
// What the server answers to each request, as a function of the request alone (no socket,
// no clock): the handler that tests call directly and the server calls for every request.
#include "server/http.hpp"

#include <atomic>
#include <string>
#include <string_view>

namespace atk::server {

class Router {
  public:
    /// /readyz answers 503 until this is true: the dictionaries and rules are loaded.
    void set_ready(bool ready) { ready_ = ready; }

    /// The response to `request`, with the request's HTTP version and keep-alive. Thread-safe.
    Response handle(const Request& request) const;

  private:
    Response health(const Request& request) const;
    Response readiness(const Request& request) const;

    std::atomic<bool> ready_{false};
};

/// A JSON response: `body` with `status`, the request's version and keep-alive.
Response json_response(const Request& request, http::status status, std::string body);

/// The native API's error: {"error": {"code": `code`, "message": `message`}}.
Response json_error(const Request& request, http::status status, std::string_view code,
                    std::string_view message);

} // namespace atk::server
