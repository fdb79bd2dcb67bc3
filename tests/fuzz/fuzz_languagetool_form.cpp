// Fuzz target: the LanguageTool API (/v2/check) through the router (fuzz_router.hpp) with the
// build's Checker: its form parsing and its `data` (annotation JSON) parsing. The first byte
// picks how the rest is sent:
//   0: as the form body of a POST;            1: as the query string of a GET;
//   2: as the `data` annotation of a POST;    3: as the `text` of a POST;
// (2 and 3 percent-encode it, with language auto, en-US or fr by the input's length).
//
// Invariants:
// - handle() throws nothing and answers 200, 400 or 413, never 500, with Content-Length set.
// - An error is plain text "Error: ...".
// - A 200 answer is LanguageTool's JSON: every match lies within the original text (the
//   `text`, or all of the annotation's text and markup), in UTF-16 units, whether the check ran
//   on `text` or `data`; its context's range lies within the context's text; the answer names
//   the language checked.
#include "fuzz_router.hpp"
#include "server/form.hpp"
#include "text/utf8.hpp"

#include <array>
#include <cctype>
#include <map>

namespace {

namespace http = atk::server::http;
using atk::fuzz::is_count;
using atk::fuzz::require;
using nlohmann::json;

std::string percent_encoded(std::string_view bytes) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4U];
            out += kHex[byte & 0xFU];
        }
    }
    return out;
}

atk::server::Request request_for(unsigned char mode, std::string_view rest) {
    static constexpr std::array<const char*, 3> kLanguages{"auto", "en-US", "fr"};
    const std::string language = std::string("language=") + kLanguages[rest.size() % 3];
    constexpr std::string_view kForm = "application/x-www-form-urlencoded";
    switch (mode % 4) {
    case 0:
        return atk::fuzz::request_of(http::verb::post, "/v2/check", rest, kForm);
    case 1:
        return atk::fuzz::request_of(http::verb::get, "/v2/check?" + atk::fuzz::as_target(rest), "",
                                     kForm);
    case 2:
        return atk::fuzz::request_of(http::verb::post, "/v2/check",
                                     language + "&data=" + percent_encoded(rest), kForm);
    default:
        return atk::fuzz::request_of(http::verb::post, "/v2/check",
                                     language + "&text=" + percent_encoded(rest), kForm);
    }
}

/// The parameters as the handler reads them: the query string's first, then the body's.
std::map<std::string, std::string> parameters_of(const atk::server::Request& request) {
    auto parameters = atk::server::form_parameters(atk::server::query_of(request.target()));
    for (auto& [name, value] : atk::server::form_parameters(request.body())) {
        parameters.try_emplace(name, std::move(value));
    }
    return parameters;
}

/// The UTF-16 length of the original of an annotation: its text and markup, all of it.
std::size_t annotated_length(const std::string& data) {
    std::size_t length = 0;
    const json annotation = json::parse(data);
    for (const auto& node : annotation.at("annotation")) {
        if (node.contains("text") && node.at("text").is_string()) {
            length += atk::text::utf16_length(node.at("text").get<std::string>());
        } else if (node.contains("markup") && node.at("markup").is_string()) {
            length += atk::text::utf16_length(node.at("markup").get<std::string>());
        }
    }
    return length;
}

std::size_t original_length(const atk::server::Request& request) {
    const auto parameters = parameters_of(request);
    if (parameters.contains("text")) {
        return atk::text::utf16_length(parameters.at("text"));
    }
    return annotated_length(parameters.at("data"));
}

void require_match_within(const json& match, std::size_t text_length) {
    require(is_count(match.at("offset")) && is_count(match.at("length")),
            "a match's offset and length are whole numbers");
    const auto offset = match.at("offset").get<std::size_t>();
    const auto length = match.at("length").get<std::size_t>();
    require(offset <= text_length && length <= text_length - offset,
            "a match lies within the original text (UTF-16 units)");
    const json& context = match.at("context");
    const auto context_text = context.at("text").get<std::string>();
    const auto context_offset = context.at("offset").get<std::size_t>();
    const auto context_length = context.at("length").get<std::size_t>();
    require(context_offset <= atk::text::utf16_length(context_text) &&
                context_length <= atk::text::utf16_length(context_text) - context_offset,
            "a match's context range lies within the context's text");
    require(match.at("rule").at("id").is_string() && match.at("message").is_string(),
            "a match names its rule and says what is wrong");
}

void require_check_answer(const atk::server::Response& response,
                          const atk::server::Request& request) {
    const json body = atk::fuzz::json_body(response);
    require(body.at("language").at("code").is_string(), "the answer names the language checked");
    const std::size_t length = original_length(request);
    for (const auto& match : body.at("matches")) {
        require_match_within(match, length);
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
    const auto request = request_for(data[0], atk::fuzz::as_text(data + 1, size - 1));
    const auto response = atk::fuzz::answer(request);
    const auto status = response.result();
    if (status == http::status::ok) {
        require_check_answer(response, request);
        return 0;
    }
    require(status == http::status::bad_request || status == http::status::payload_too_large,
            "/v2/check answers 200, 400 or 413");
    require(response.body().starts_with("Error: ") &&
                response[http::field::content_type].starts_with("text/plain"),
            "a LanguageTool error is plain text \"Error: ...\"");
    return 0;
}
