// The translation routes, native and LibreTranslate's (API-COMPAT.md), without sockets.
#include "build_checker.hpp"
#include "server/router.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using atk::server::Request;
using atk::server::Response;
using atk::server::Router;
using atk::test::build_checker;
using atk::test::build_translator;
using nlohmann::json;
using testing::HasSubstr;
namespace http = atk::server::http;

namespace {

Response post(const Router& router, std::string target, std::string body,
              std::string type = "application/json") {
    Request request{http::verb::post, std::move(target), 11};
    request.set(http::field::content_type, type);
    request.body() = std::move(body);
    request.prepare_payload();
    return router.handle(request);
}

const Router& router() {
    static const Router instance(build_checker(), atk::server::ApiLimits{2000}, nullptr,
                                 &build_translator());
    return instance;
}

/// LibreTranslate's error message of a response.
std::string libre_error(const Response& response) {
    return json::parse(response.body())["error"].get<std::string>();
}

} // namespace

TEST(TranslateApi, TranslatesWithItsRouteAndUnknownWords) {
    const auto response = post(router(), "/api/v1/translate",
                               R"({"text": "The frobnicator works.", "source": "en",
                                   "target": "fr"})");
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    const auto answer = json::parse(response.body());
    EXPECT_THAT(answer["translation"].get<std::string>(), HasSubstr("frobnicator"));
    EXPECT_EQ(answer["unknown_words"], json({"frobnicator"}));
    EXPECT_EQ(answer["route"], json({"eng-spa", "es-fr"}));
}

TEST(TranslateApi, MarkdownAndGlossaryComeWithTheRequest) {
    const auto response =
        post(router(), "/api/v1/translate",
             R"({"text": "# The house\n\nAcme Cloud has a **red car**.", "source": "en",
                 "target": "es", "format": "markdown", "glossary": ["Acme Cloud"]})");
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    const std::string translation = json::parse(response.body())["translation"];
    EXPECT_THAT(translation, testing::StartsWith("# La casa\n\n"));
    EXPECT_THAT(translation, HasSubstr("Acme Cloud"));
    EXPECT_THAT(translation, HasSubstr("**coche rojo**"));
}

TEST(TranslateApi, BadRequestsSayWhatToFix) {
    const auto error = [](const Response& response) {
        return json::parse(response.body())["error"];
    };
    auto response = post(router(), "/api/v1/translate", R"({"text": "Hi", "source": "en"})");
    EXPECT_EQ(response.result(), http::status::bad_request);
    EXPECT_THAT(error(response)["message"].get<std::string>(), HasSubstr("\"target\""));
    response =
        post(router(), "/api/v1/translate", R"({"text": "Hi", "source": "en", "target": "de"})");
    EXPECT_EQ(response.result(), http::status::bad_request);
    EXPECT_THAT(error(response)["message"].get<std::string>(), HasSubstr("en->es"));
    response = post(router(), "/api/v1/translate",
                    R"({"text": "Hi", "source": "en", "target": "es", "format": "rtf"})");
    EXPECT_EQ(response.result(), http::status::bad_request);
    response =
        post(router(), "/api/v1/translate",
             json{{"text", std::string(2001, 'a')}, {"source", "en"}, {"target", "es"}}.dump());
    EXPECT_EQ(response.result(), http::status::payload_too_large);
    EXPECT_EQ(error(response)["code"], "text_too_long");
    response = post(router(), "/api/v1/translate", R"({"text": "", "source": "en",
                                                        "target": "es"})");
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(json::parse(response.body())["translation"], "");
}

TEST(TranslateApi, WithoutATranslatorTheRoutesSay503) {
    const Router bare(build_checker());
    const auto response =
        post(bare, "/api/v1/translate", R"({"text": "Hi", "source": "en", "target": "es"})");
    EXPECT_EQ(response.result(), http::status::service_unavailable);
    EXPECT_THAT(response.body(), HasSubstr("translation_unavailable"));
}

TEST(LibreTranslate, TranslatesAStringOrAListFromJsonOrAForm) {
    auto response =
        post(router(), "/translate", R"({"q": "The house.", "source": "en", "target": "es"})");
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    EXPECT_EQ(json::parse(response.body()), json({{"translatedText", "La casa."}}));
    response = post(router(), "/translate",
                    R"({"q": ["The house.", "The red car."], "source": "en", "target": "es",
                        "api_key": "anything"})");
    EXPECT_EQ(json::parse(response.body())["translatedText"], json({"La casa.", "El coche rojo."}));
    response = post(router(), "/translate", "q=The+house.&source=en&target=es",
                    "application/x-www-form-urlencoded");
    EXPECT_EQ(json::parse(response.body())["translatedText"], "La casa.");
}

TEST(LibreTranslate, AutoSaysWhichLanguageItDetected) {
    const auto response = post(router(), "/translate",
                               R"({"q": "Le système doit enregistrer chaque commande du client.",
                                   "source": "auto", "target": "es"})");
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    const auto answer = json::parse(response.body());
    EXPECT_EQ(answer["detectedLanguage"]["language"], "fr");
    EXPECT_GT(answer["detectedLanguage"]["confidence"].get<double>(), 50);
    EXPECT_THAT(answer["translatedText"].get<std::string>(), HasSubstr("sistema"));
}

TEST(LibreTranslate, HtmlKeepsItsTags) {
    const auto response =
        post(router(), "/translate",
             R"({"q": "<p>The <b>red car</b>.</p><p>The house &amp; the <code>garden</code>.</p>",
                 "source": "en", "target": "es", "format": "html"})");
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    const std::string text = json::parse(response.body())["translatedText"];
    EXPECT_THAT(text, testing::StartsWith("<p>"));
    EXPECT_THAT(text, HasSubstr("</p><p>"));
    EXPECT_THAT(text, HasSubstr("&amp;"));
    EXPECT_THAT(text, HasSubstr("casa"));
    EXPECT_THAT(text, HasSubstr("<b>coche rojo</b>"));
    EXPECT_THAT(text, HasSubstr("<code>garden</code>"));
}

TEST(LibreTranslate, ErrorsAreJsonWithAMessage) {
    auto response = post(router(), "/translate", R"({"source": "en", "target": "es"})");
    EXPECT_EQ(response.result(), http::status::bad_request);
    EXPECT_EQ(libre_error(response), "Invalid request: missing q parameter");
    response = post(router(), "/translate", R"({"q": "Hi", "source": "en"})");
    EXPECT_EQ(libre_error(response), "Invalid request: missing target parameter");
    response = post(router(), "/translate", R"({"q": "Hi", "source": "en", "target": "de"})");
    EXPECT_EQ(response.result(), http::status::bad_request);
    EXPECT_THAT(libre_error(response), HasSubstr("no translation from 'en' to 'de'"));
    response = post(router(), "/translate",
                    json{{"q", std::string(2001, 'a')}, {"source", "en"}, {"target", "es"}}.dump());
    EXPECT_EQ(response.result(), http::status::bad_request);
    EXPECT_THAT(libre_error(response), HasSubstr("exceeds text limit (2000)"));
    response = post(router(), "/translate",
                    R"({"q": "Hi", "source": "en", "target": "es", "format": "rtf"})");
    EXPECT_THAT(libre_error(response), HasSubstr("\"format\""));
    response = post(router(), "/translate", R"({"q": 42, "target": "es"})");
    EXPECT_THAT(libre_error(response), HasSubstr("q must be a string"));
}

TEST(LibreTranslate, AnErrorQuotingBytesThatAreNotUtf8IsStillJson) {
    // Found by fuzzing: the message quoted the form's bytes and json::dump() threw on them.
    const auto response = post(router(), "/translate", "q=Hi&source=e%FFn&target=es",
                               "application/x-www-form-urlencoded");
    EXPECT_EQ(response.result(), http::status::bad_request);
    EXPECT_THAT(libre_error(response), HasSubstr("e\xEF\xBF\xBDn")); // U+FFFD in its place
}

TEST(LibreTranslate, LanguagesListTheirTargets) {
    const auto response = router().handle(Request{http::verb::get, "/languages", 11});
    ASSERT_EQ(response.result(), http::status::ok);
    const auto languages = json::parse(response.body());
    const auto english = std::find_if(languages.begin(), languages.end(),
                                      [](const json& l) { return l["code"] == "en"; });
    ASSERT_NE(english, languages.end());
    EXPECT_EQ((*english)["name"], "English");
    EXPECT_EQ((*english)["targets"], json({"ca", "es", "fr"}));
}

TEST(LibreTranslate, DetectListsLanguagesLikeliestFirst) {
    const auto response = post(router(), "/detect",
                               R"({"q": "El sistema deberá registrar cada pedido del cliente."})");
    ASSERT_EQ(response.result(), http::status::ok);
    const auto found = json::parse(response.body());
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found[0]["language"], "es");
    EXPECT_GT(found[0]["confidence"].get<double>(), 50);
    EXPECT_EQ(post(router(), "/detect", "{}").result(), http::status::bad_request);
}
