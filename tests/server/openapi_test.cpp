// /openapi.json against the server's real answers: every documented route answers, with a
// documented status, in the documented shape.
#include "build_checker.hpp"
#include "server/router.hpp"

#include <algorithm>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

using atk::server::Request;
using atk::server::Router;
using atk::test::build_checker;
using nlohmann::json;
using testing::HasSubstr;
namespace http = atk::server::http;

namespace {

/// The schema `schema` stands for, its $ref followed.
const json& resolve(const json& document, const json& schema) {
    if (!schema.contains("$ref")) {
        return schema;
    }
    const std::string ref = schema["$ref"]; // "#/components/schemas/Name"
    return document.at(json::json_pointer(ref.substr(1)));
}

const json kNone = json::object(); // what a schema without "required" or "properties" has

/// `value` is of JSON Schema type `type` ("integer", "null"...).
bool is_of_type(const json& value, const std::string& type) {
    return (type == "object" && value.is_object()) || (type == "array" && value.is_array()) ||
           (type == "string" && value.is_string()) || (type == "boolean" && value.is_boolean()) ||
           (type == "integer" && value.is_number_integer()) ||
           (type == "number" && value.is_number()) || (type == "null" && value.is_null());
}

/// Where `value` breaks `schema` (types, nullable ones included, enums, required
/// properties, items), or "" when it fits.
std::string violation(const json& document, const json& value, const json& schema_or_ref,
                      const std::string& where) {
    const json& schema = resolve(document, schema_or_ref);
    // "type": "string", or a list of them: ["integer", "null"] (OpenAPI 3.1's nullable).
    const json types = !schema.contains("type")    ? json::array()
                       : schema["type"].is_array() ? schema["type"]
                                                   : json::array({schema["type"]});
    const bool fits = types.empty() || std::any_of(types.begin(), types.end(), [&](const json& t) {
                          return is_of_type(value, t.get<std::string>());
                      });
    if (!fits) {
        return where + " is not " + types.dump() + ": " + value.dump().substr(0, 80);
    }
    if (schema.contains("enum") && !value.is_null() &&
        std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end()) {
        return where + " is none of " + schema["enum"].dump() + ": " + value.dump();
    }
    const std::string type = value.is_object() ? "object" : value.is_array() ? "array" : "";
    if (type == "object") {
        for (const auto& name : schema.contains("required") ? schema["required"] : kNone) {
            if (!value.contains(name.get<std::string>())) {
                return where + " lacks \"" + name.get<std::string>() + "\"";
            }
        }
        for (const auto& [name, property] :
             (schema.contains("properties") ? schema["properties"] : kNone).items()) {
            if (value.contains(name)) { // null only where the schema's type lists it
                if (auto found = violation(document, value[name], property, where + "." + name);
                    !found.empty()) {
                    return found;
                }
            }
        }
    }
    if (type == "array" && schema.contains("items")) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (auto found = violation(document, value[i], schema["items"],
                                       where + "[" + std::to_string(i) + "]");
                !found.empty()) {
                return found;
            }
        }
    }
    return "";
}

Request request(http::verb method, std::string target, std::string body = "") {
    Request r{method, std::move(target), 11};
    r.body() = std::move(body);
    r.prepare_payload();
    return r;
}

} // namespace

// The checker below must catch what the document does not allow, or it proves nothing.
TEST(OpenApi, TheShapeCheckRefusesWhatTheDocumentDoesNotAllow) {
    Router router(build_checker());
    const json document =
        json::parse(router.handle(request(http::verb::get, "/openapi.json")).body());
    const json schema = {{"$ref", "#/components/schemas/Readability"}};
    const json good = {{"sentences", 1},       {"words", 3},          {"syllables", 4},
                       {"reading_ease", 70.1}, {"formula", "Flesch"}, {"grade", nullptr}};
    EXPECT_EQ(violation(document, good, schema, "r"), "");
    json bad = good;
    bad["sentences"] = nullptr; // not nullable
    EXPECT_THAT(violation(document, bad, schema, "r"), HasSubstr("r.sentences is not"));
    bad = good;
    bad["formula"] = "Gunning";
    EXPECT_THAT(violation(document, bad, schema, "r"), HasSubstr("r.formula is none of"));
    bad = good;
    bad.erase("formula");
    EXPECT_THAT(violation(document, bad, schema, "r"), HasSubstr("lacks \"formula\""));
}

TEST(OpenApi, TheDocumentIsServedAndEveryRouteAnswersAsItSays) {
    Router router(build_checker(), {}, nullptr, &atk::test::build_translator());
    router.set_ready(true);
    const auto served = router.handle(request(http::verb::get, "/openapi.json"));
    ASSERT_EQ(served.result(), http::status::ok);
    const json document = json::parse(served.body());
    EXPECT_EQ(document["openapi"], "3.1.0");
    // A request per documented operation, good and bad.
    const std::vector<std::tuple<http::verb, std::string, std::string, std::string>> calls = {
        {http::verb::post, "/api/v1/check",
         R"({"text": "The system shall be fast and recieve data.", "language": "en-US"})", "post"},
        {http::verb::post, "/api/v1/check", R"({"language": "en-US"})", "post"},
        // A language without rules, without a grade; one without rules, with a grade.
        {http::verb::post, "/api/v1/check",
         R"({"text": "El sistema debe registrar cada pago.", "language": "es"})", "post"},
        {http::verb::post, "/api/v1/check",
         R"({"text": "Das System muss jede Zahlung speichern.", "language": "de"})", "post"},
        {http::verb::post, "/api/v1/check",
         R"({"text": "Le système doit enregistrer chaque commande.", "language": "fr"})", "post"},
        {http::verb::post, "/api/v1/suggest",
         R"({"words": ["recieve", "house"], "language": "en-US"})", "post"},
        {http::verb::post, "/api/v1/suggest", R"({"words": []})", "post"},
        {http::verb::get, "/api/v1/synonyms?word=fast&language=en-US", "", "get"},
        {http::verb::get, "/api/v1/synonyms", "", "get"},
        {http::verb::get,
         "/api/v1/synonyms?word=describes&context=The%20report%20describes%20it.&offset=11", "",
         "get"},
        {http::verb::get, "/api/v1/synonyms?word=describes&context=It.&offset=9", "", "get"},
        {http::verb::get, "/api/v1/languages", "", "get"},
        {http::verb::post, "/api/v1/translate",
         R"({"text": "The house.", "source": "en", "target": "es"})", "post"},
        {http::verb::post, "/api/v1/translate",
         R"({"text": "The house.", "source": "en", "target": "de"})", "post"},
        {http::verb::get, "/healthz", "", "get"},
        {http::verb::get, "/readyz", "", "get"},
        {http::verb::get, "/metrics", "", "get"},
    };
    std::set<std::string> exercised;
    for (const auto& [method, target, body, verb] : calls) {
        const std::string path = target.substr(0, target.find('?'));
        exercised.insert(path);
        ASSERT_TRUE(document["paths"].contains(path)) << path << " is not documented";
        const json& operation = document["paths"][path][verb];
        const auto response = router.handle(request(method, target, body));
        const std::string status = std::to_string(response.result_int());
        ASSERT_TRUE(operation["responses"].contains(status))
            << path << " answered an undocumented " << status;
        const json& documented = resolve(document, operation["responses"][status]);
        if (documented.contains("content")) {
            const json& schema = documented["content"]["application/json"]["schema"];
            EXPECT_EQ(violation(document, json::parse(response.body()), schema, path), "")
                << response.body();
        }
    }
    for (const auto& [path, item] : document["paths"].items()) {
        EXPECT_TRUE(exercised.contains(path)) << path << " is documented but not tested here";
    }
}
