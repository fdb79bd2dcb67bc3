#include "server/router.hpp"

#include <nlohmann/json.hpp>

namespace atk::server {

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
    return json_response(request, status, body.dump());
}

Response Router::handle(const Request& request) const {
    struct Route {
        std::string_view target;
        Response (Router::*answer)(const Request&) const;
    };
    static constexpr Route kRoutes[] = {{"/healthz", &Router::health}, {"/readyz", &Router::readiness}};
    const std::string_view path = request.target().substr(0, request.target().find('?'));
    for (const auto& route : kRoutes) {
        if (path != route.target) {
            continue;
        }
        if (request.method() != http::verb::get && request.method() != http::verb::head) {
            auto response = json_error(request, http::status::method_not_allowed, "method_not_allowed",
                                       std::string(path) + " answers GET and HEAD only");
            response.set(http::field::allow, "GET, HEAD");
            return response;
        }
        auto response = (this->*route.answer)(request);
        if (request.method() == http::verb::head) {
            response.body().clear(); // Content-Length stays that of the GET answer
        }
        return response;
    }
    return json_error(request, http::status::not_found, "not_found",
                      "no route for " + std::string(path) + "; the routes are /healthz and /readyz");
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

} // namespace atk::server
