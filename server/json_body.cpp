#include "server/json_body.hpp"

#include <algorithm>

namespace atk::server {

using nlohmann::json;

json parse_body(const Request& request) {
    json body = json::parse(request.body(), nullptr, false);
    if (body.is_discarded()) {
        throw BadRequest{http::status::bad_request, "bad_json",
                         "the body is not valid JSON (UTF-8); send {\"text\": \"...\"}"};
    }
    if (!body.is_object()) {
        throw BadRequest{http::status::bad_request, "bad_json",
                         "the body must be a JSON object: {\"text\": \"...\"}"};
    }
    return body;
}

std::vector<std::string> strings(const json& body, const char* key) {
    std::vector<std::string> out;
    if (!body.contains(key)) {
        return out;
    }
    const json& value = body.at(key);
    if (!value.is_array() ||
        !std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); })) {
        throw BadRequest{http::status::bad_request, "bad_field",
                         std::string("\"") + key + "\" must be a list of strings"};
    }
    for (const auto& item : value) {
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::string string_field(const json& body, const char* key, std::string fallback) {
    if (!body.contains(key)) {
        return fallback;
    }
    if (!body.at(key).is_string()) {
        throw BadRequest{http::status::bad_request, "bad_field",
                         std::string("\"") + key + "\" must be a string"};
    }
    return body.at(key).get<std::string>();
}

std::string text_field(const json& body, std::size_t max_bytes, const char* purpose) {
    if (!body.contains("text") || !body.at("text").is_string()) {
        throw BadRequest{http::status::bad_request, "bad_field",
                         std::string("\"text\" is required: the text ") + purpose +
                             ", as a string"};
    }
    std::string text = body.at("text").get<std::string>();
    if (text.size() > max_bytes) {
        throw BadRequest{http::status::payload_too_large, "text_too_long",
                         "the text has " + std::to_string(text.size()) + " bytes; the limit is " +
                             std::to_string(max_bytes) + ": split the document"};
    }
    return text;
}

bool bool_field(const json& body, const char* key, bool fallback) {
    if (!body.contains(key)) {
        return fallback;
    }
    if (!body.at(key).is_boolean()) {
        throw BadRequest{http::status::bad_request, "bad_field",
                         std::string("\"") + key + "\" must be true or false"};
    }
    return body.at(key).get<bool>();
}

} // namespace atk::server
