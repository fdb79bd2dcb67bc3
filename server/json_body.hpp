#pragma once
// Reading a JSON request body: the object itself and its fields, each mistake a BadRequest
// that says what to send instead.
#include "server/http.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace atk::server {

/// A request the caller got wrong: answered 400 (or `status`) with `code` and the message.
struct BadRequest {
    http::status status = http::status::bad_request;
    std::string code;
    std::string message;
};

/// The body of `request` as a JSON object.
nlohmann::json parse_body(const Request& request);

/// Field `key` of `body`: a list of strings (empty when absent).
std::vector<std::string> strings(const nlohmann::json& body, const char* key);

/// Field `key` of `body`: a string, `fallback` when absent.
std::string string_field(const nlohmann::json& body, const char* key, std::string fallback);

/// The required "text" field of `body`, at most `max_bytes` long (longer: 413); `purpose`
/// ("to translate") goes in the message when it is missing.
std::string text_field(const nlohmann::json& body, std::size_t max_bytes, const char* purpose);

/// Field `key` of `body`: true or false, `fallback` when absent.
bool bool_field(const nlohmann::json& body, const char* key, bool fallback);

} // namespace atk::server
