// The LanguageTool-compatible routes, as LanguageTool's clients call them (API-COMPAT.md).
#include "build_checker.hpp"
#include "server/router.hpp"

#include <cstdio>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using atk::server::Request;
using atk::server::Router;
using atk::test::build_checker;
using nlohmann::json;
using testing::HasSubstr;
namespace http = atk::server::http;

namespace {

/// A form-encoded POST to /v2/check (with a JSON Content-Type, as some clients send).
atk::server::Response post_form(const Router& router, std::string body) {
    Request request{http::verb::post, "/v2/check", 11};
    request.set(http::field::content_type, "application/json");
    request.body() = std::move(body);
    request.prepare_payload();
    return router.handle(request);
}

} // namespace

TEST(LanguageTool, ACheckAnswersInLanguageToolsShapeWithUtf16Offsets) {
    const Router router(build_checker());
    // The emoji is two UTF-16 code units: "recieves" starts at 5.
    const auto response = post_form(router, "language=en-US&text=%F0%9F%98%80+It+recieves+data.");
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    const auto body = json::parse(response.body());
    EXPECT_EQ(body["language"]["code"], "en-US");
    EXPECT_EQ(body["software"]["apiVersion"], 1);
    const auto& match = body["matches"].at(0);
    EXPECT_EQ(match["offset"], 6);
    EXPECT_EQ(match["length"], 8);
    EXPECT_EQ(match["replacements"].at(0)["value"], "receives");
    EXPECT_EQ(match["type"]["typeName"], "UnknownWord");
    EXPECT_EQ(match["rule"]["category"]["id"], "TYPOS");
    EXPECT_EQ(match["rule"]["issueType"], "misspelling");
    EXPECT_EQ(match["sentence"], "\xF0\x9F\x98\x80 It recieves data.");
    const auto& context = match["context"];
    EXPECT_EQ(
        context["text"].get<std::string>().substr(context["offset"].get<std::size_t>() + 2, 8),
        "recieves");
}

// The native API's measures (quality, readability) are not LanguageTool's: its answer keeps
// LanguageTool's keys in every language, with rules or without.
TEST(LanguageTool, TheAnswerHasLanguageToolsKeysOnlyInEveryLanguage) {
    const Router router(build_checker());
    for (const char* language : {"en-US", "fr", "es", "de-DE"}) {
        const auto response =
            post_form(router, std::string("language=") + language + "&text=Un+texto.+Ein+Text.");
        ASSERT_EQ(response.result(), http::status::ok) << response.body();
        const json body = json::parse(response.body());
        std::vector<std::string> keys;
        for (const auto& [key, value] : body.items()) {
            keys.push_back(key);
        }
        EXPECT_THAT(keys,
                    testing::UnorderedElementsAre("software", "warnings", "language", "matches"))
            << language;
    }
}

TEST(LanguageTool, GetWithAQueryStringWorksToo) {
    const Router router(build_checker());
    Request request{http::verb::get, "/v2/check?language=en-US&text=Teh+end.", 11};
    const auto response = router.handle(request);
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    EXPECT_EQ(json::parse(response.body())["matches"].at(0)["offset"], 0);
}

TEST(LanguageTool, DataOffsetsCountTheMarkup) {
    const Router router(build_checker());
    // "<b>" (3 units) before the text: "recieves" is at 3 + 3 in the original.
    const json data = json::parse(R"x({"annotation": [
        {"text": "It "}, {"markup": "<b>"}, {"text": "recieves"}, {"markup": "</b>"},
        {"markup": "<p>", "interpretAs": "\n\n"},
        {"text": "More text.", "offset": {"start": 0, "end": 1}}, {"markup": ""}]})x");
    std::string encoded;
    for (const unsigned char c : data.dump()) { // every byte %-escaped: valid form encoding
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", c);
        encoded += hex;
    }
    const auto response = post_form(router, "language=en-US&data=" + encoded);
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    const auto body = json::parse(response.body());
    const auto& match = body["matches"].at(0);
    EXPECT_EQ(match["offset"], 6);
    EXPECT_EQ(match["length"], 8);
}

TEST(LanguageTool, BadParametersGetPlainTextErrors) {
    const Router router(build_checker());
    const auto error = [&](std::string body) {
        const auto response = post_form(router, std::move(body));
        EXPECT_EQ(response[http::field::content_type], "text/plain; charset=utf-8");
        return std::make_pair(response.result(), response.body());
    };
    EXPECT_EQ(error("language=en-US&text=a&data=%7B%7D"),
              std::make_pair(http::status::bad_request,
                             std::string("Error: Set only 'text' or 'data' parameter, not both")));
    EXPECT_EQ(error("language=en-US"),
              std::make_pair(http::status::bad_request,
                             std::string("Error: Missing 'text' or 'data' parameter")));
    EXPECT_THAT(error("text=hello").second, HasSubstr("Missing 'language'"));
    EXPECT_THAT(error("language=en-US&text=a&level=extreme").second, HasSubstr("'level' must be"));
    EXPECT_THAT(error("language=en-US&text=a&enabledOnly=true").second,
                HasSubstr("enabledOnly=true needs"));
    EXPECT_THAT(error("language=xx&text=a").second, HasSubstr("unknown language"));
    EXPECT_EQ(error("language=en-US&preferredVariants=en-GB&text=a").second,
              "Error: You can specify 'preferredVariants' only when 'language' is set to 'auto'");
    EXPECT_THAT(error("language=auto&preferredVariants=en&text=a").second,
                HasSubstr("such as en-GB"));
    EXPECT_THAT(error("language=auto&preferredVariants=xx-YY&text=a").second,
                HasSubstr("unknown language 'xx-YY'"));
    EXPECT_THAT(error("language=en-US&data=notjson").second, HasSubstr("'data' must be JSON"));
    EXPECT_THAT(error("language=en-US&text=%ZZ").second, HasSubstr("hexadecimal"));
    const Router small(build_checker(), atk::server::ApiLimits{5});
    const auto response = post_form(small, "language=en-US&text=longer+than+five");
    EXPECT_EQ(response.result(), http::status::payload_too_large);
}

TEST(LanguageTool, EnabledOnlyKeepsTheEnabledRules) {
    const Router router(build_checker());
    const auto response = post_form(
        router, "language=en-US&enabledOnly=true&enabledRules=iso29148/subjective-language&"
                "text=The+system+shall+be+user-friendly.+Teh+end.");
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    const auto matches = json::parse(response.body())["matches"];
    ASSERT_EQ(matches.size(), 1U);
    EXPECT_EQ(matches[0]["rule"]["id"], "iso29148/subjective-language");
}

TEST(LanguageTool, AutoDetectionTakesThePreferredVariantAndIgnoresMotherTongue) {
    const Router router(build_checker());
    const std::string text = "text=The+colour+of+the+organisation+shall+be+configurable+by+the+"
                             "administrator+of+each+branch.";
    auto response = post_form(router, "language=auto&motherTongue=de-DE&" + text);
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    auto answer = json::parse(response.body());
    EXPECT_EQ(answer["language"]["code"], "en-US");
    EXPECT_FALSE(answer["matches"].empty()); // colour, organisation: not American
    response =
        post_form(router, "language=auto&preferredVariants=de-DE,en-GB&motherTongue=de&" + text);
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    answer = json::parse(response.body());
    EXPECT_EQ(answer["language"]["code"], "en-GB");
    EXPECT_EQ(answer["language"]["detectedLanguage"]["code"], "en-GB");
    for (const auto& match : answer["matches"]) {
        EXPECT_NE(match["rule"]["issueType"], "misspelling") << match.dump();
    }
}

TEST(LanguageTool, LanguagesListsCodesAndLongCodes) {
    const Router router(build_checker());
    const auto response = router.handle(Request{http::verb::get, "/v2/languages", 11});
    ASSERT_EQ(response.result(), http::status::ok);
    EXPECT_THAT(response.body(),
                HasSubstr(R"x({"code":"en","longCode":"en-US","name":"English (US)"})x"));
}
