#pragma once
// The server's router as the fuzz targets of the HTTP APIs reach it: over a Checker of the
// English dictionaries (fuzz_support.hpp says why) and a Translator with no Apertium pair (its
// routes parse the request, then answer that the pair is not served: nothing is ever run),
// with requests built as Beast would hand them over.
#include "fuzz_support.hpp"
#include "server/router.hpp"
#include "translate/translator.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace atk::fuzz {

inline const server::Router& shared_router() {
    static const translate::Translator no_pairs([] {
        translate::TranslatorConfig config;
        config.modes_directory = "/nonexistent/atk-fuzz/apertium-modes";
        return config;
    }());
    static const server::Router router(shared_checker(Dictionaries::english), server::ApiLimits{},
                                       nullptr, &no_pairs);
    return router;
}

/// A request target as Beast's parser lets one through: no spaces nor control characters.
inline std::string as_target(std::string_view bytes) {
    std::string target;
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte > 0x20 && byte != 0x7F) {
            target += c;
        }
    }
    return target;
}

inline server::Request request_of(server::http::verb method, std::string target,
                                  std::string_view body, std::string_view content_type) {
    server::Request request{method, target, 11};
    request.set(server::http::field::content_type, content_type);
    request.body() = std::string(body);
    request.prepare_payload();
    return request;
}

/// The router's answer to `request`; an exception escaping it is a finding by itself (the
/// server would lose the connection without an answer).
inline server::Response answer(const server::Request& request) {
    auto response = shared_router().handle(request);
    require(response.body().size() == response.payload_size().value_or(0),
            "an answer's Content-Length is its body's length");
    return response;
}

/// The body of a JSON answer, parsed; it must be JSON.
inline nlohmann::json json_body(const server::Response& response) {
    require(response[server::http::field::content_type] == "application/json",
            "a JSON API answers application/json");
    auto body = nlohmann::json::parse(response.body(), nullptr, false);
    require(!body.is_discarded(), "a JSON answer's body is JSON");
    return body;
}

/// True when `value` is a non-negative whole number that fits: what offsets and lengths are.
inline bool is_count(const nlohmann::json& value) {
    return value.is_number_unsigned() || (value.is_number_integer() && value.get<long long>() >= 0);
}

} // namespace atk::fuzz
