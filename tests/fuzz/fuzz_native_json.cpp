// Fuzz target: the JSON request bodies of the native API and LibreTranslate's, through the
// router (fuzz_router.hpp) with the build's Checker. The first byte picks the route, the rest
// is the body (or, for GET /api/v1/synonyms, the query string):
//   POST /api/v1/check, /api/v1/suggest, /api/v1/translate, /translate (JSON or form), /detect;
//   GET /api/v1/synonyms?...
//
// Invariants:
// - handle() throws nothing, and answers 200, 400, 413 or 503 (the translator serves no pair,
//   so translation ends in 400), never 500, with Content-Length set.
// - Every answer is JSON; a native error is {"error": {"code", "message"}} with both set, a
//   LibreTranslate error {"error": "..."}.
// - POST /api/v1/check: every match (and requirement) lies within the text, in UTF-16 units,
//   with 1-based lines and columns; /api/v1/suggest answers one entry per word asked;
//   /detect's confidences are 0 to 100.
#include "fuzz_router.hpp"
#include "text/offsets.hpp"

#include <array>

namespace {

namespace http = atk::server::http;
using atk::fuzz::is_count;
using atk::fuzz::require;
using nlohmann::json;

struct Route {
    http::verb method;
    std::string_view path;
    bool native; ///< {"error": {"code", "message"}}; else LibreTranslate's {"error": "..."}
};

constexpr std::array<Route, 6> kRoutes{{
    {http::verb::post, "/api/v1/check", true},
    {http::verb::post, "/api/v1/suggest", true},
    {http::verb::post, "/api/v1/translate", true},
    {http::verb::post, "/translate", false},
    {http::verb::post, "/detect", false},
    {http::verb::get, "/api/v1/synonyms", true},
}};

void require_error_shape(const json& body, bool native) {
    require(body.is_object() && body.contains("error"), "an error answer is {\"error\": ...}");
    const json& error = body.at("error");
    if (native) {
        require(error.is_object() && error.contains("code") && error.at("code").is_string() &&
                    error.contains("message") && error.at("message").is_string() &&
                    !error.at("message").get<std::string>().empty(),
                "a native error has a code and a message");
    } else {
        require(error.is_string() && !error.get<std::string>().empty(),
                "a LibreTranslate error is a message");
    }
}

/// The UTF-16 length of the "text" a check request sent, if it sent a usable one.
std::optional<std::size_t> checked_text_length(std::string_view request_body) {
    const json request = json::parse(request_body, nullptr, false);
    if (!request.is_object() || !request.contains("text") || !request.at("text").is_string()) {
        return std::nullopt;
    }
    return atk::text::utf16_length(request.at("text").get<std::string>());
}

void require_ranges_within(const json& ranges, std::size_t text_length) {
    require(ranges.is_array(), "matches and requirements are lists");
    for (const auto& range : ranges) {
        require(is_count(range.at("offset")) && is_count(range.at("length")),
                "an offset and a length are whole numbers");
        const auto offset = range.at("offset").get<std::size_t>();
        const auto length = range.at("length").get<std::size_t>();
        require(offset <= text_length && length <= text_length - offset,
                "a match lies within the text (UTF-16 units)");
        require(range.at("line").get<std::size_t>() >= 1 &&
                    range.at("column").get<std::size_t>() >= 1,
                "lines and columns are 1-based");
    }
}

void require_check_answer(const json& body, std::string_view request_body) {
    const auto text_length = checked_text_length(request_body);
    require(text_length.has_value(), "a check answered 200 had a text");
    require(body.is_object() && body.at("language").is_string() && is_count(body.at("words")),
            "a check answers its language and word count");
    require_ranges_within(body.at("matches"), *text_length);
    if (body.contains("quality")) {
        require_ranges_within(body.at("quality").at("requirements"), *text_length);
    }
}

void require_suggest_answer(const json& body, std::string_view request_body) {
    const json request = json::parse(request_body, nullptr, false);
    require(body.is_array() && body.size() == request.at("words").size(),
            "suggest answers one entry per word");
    for (const auto& entry : body) {
        require(entry.at("word").is_string() && entry.at("correct").is_boolean() &&
                    entry.at("suggestions").is_array(),
                "a suggestion entry has its word, correct and suggestions");
    }
}

void require_detect_answer(const json& body) {
    require(body.is_array(), "detect answers a list");
    for (const auto& language : body) {
        const double confidence = language.at("confidence").get<double>();
        require(confidence >= 0 && confidence <= 100, "a detection's confidence is 0 to 100");
    }
}

void require_success(const Route& route, const json& body, std::string_view request_body) {
    if (route.path == "/api/v1/check") {
        require_check_answer(body, request_body);
    } else if (route.path == "/api/v1/suggest") {
        require_suggest_answer(body, request_body);
    } else if (route.path == "/detect") {
        require_detect_answer(body);
    } else if (route.path == "/api/v1/synonyms") {
        require(body.is_array(), "synonyms answers a list of meanings");
    } else {
        require(false, "translation routes cannot succeed without a pair");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    atk::fuzz::shared_router();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const Route& route = kRoutes[data[0] % kRoutes.size()];
    const std::string_view rest = atk::fuzz::as_text(data + 1, size - 1);
    const bool query = route.method == http::verb::get;
    const auto request =
        atk::fuzz::request_of(route.method,
                              query ? std::string(route.path) + "?" + atk::fuzz::as_target(rest)
                                    : std::string(route.path),
                              query ? std::string_view() : rest, "application/json");
    const auto response = atk::fuzz::answer(request);
    const auto status = response.result();
    require(status == http::status::ok || status == http::status::bad_request ||
                status == http::status::payload_too_large ||
                status == http::status::service_unavailable,
            "the API answers 200, 400, 413 or 503");
    const json body = atk::fuzz::json_body(response);
    if (status == http::status::ok) {
        require_success(route, body, rest);
    } else {
        require_error_shape(body, route.native);
    }
    return 0;
}
