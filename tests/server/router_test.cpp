// The router's answers, without sockets.
#include "build_checker.hpp"
#include "server/form.hpp"
#include "server/router.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

using atk::server::Request;
using atk::server::Router;
using atk::test::build_checker;
using nlohmann::json;
using testing::ElementsAre;
using testing::HasSubstr;
using testing::Pair;
namespace http = atk::server::http;

namespace {

Request post(std::string target, std::string body) {
    Request r{http::verb::post, target, 11};
    r.set(http::field::content_type, "application/json");
    r.body() = std::move(body);
    r.prepare_payload();
    return r;
}

/// The error code and message of a JSON error response.
std::pair<std::string, std::string> error_of(const atk::server::Response& response) {
    const auto error = json::parse(response.body())["error"];
    return {error["code"], error["message"]};
}

Request request(http::verb method, std::string target) {
    Request r{method, target, 11};
    r.keep_alive(true);
    return r;
}

} // namespace

TEST(Router, HealthzSaysAliveAtOnce) {
    const Router router(build_checker());
    const auto response = router.handle(request(http::verb::get, "/healthz"));
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(response[http::field::content_type], "application/json");
    EXPECT_EQ(nlohmann::json::parse(response.body())["status"], "alive");
    EXPECT_TRUE(response.keep_alive());
}

TEST(Router, ReadyzWaitsForTheLoading) {
    Router router(build_checker());
    auto response = router.handle(request(http::verb::get, "/readyz"));
    EXPECT_EQ(response.result(), http::status::service_unavailable);
    EXPECT_EQ(nlohmann::json::parse(response.body())["error"]["code"], "not_ready");
    router.set_ready(true);
    response = router.handle(request(http::verb::get, "/readyz?probe=alb"));
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(nlohmann::json::parse(response.body())["status"], "ready");
}

TEST(Router, HeadAnswersWithoutABody) {
    const Router router(build_checker());
    const auto response = router.handle(request(http::verb::head, "/healthz"));
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_TRUE(response.body().empty());
}

TEST(Router, AWrongMethodOrRouteGetsAJsonErrorThatSaysWhatToDo) {
    const Router router(build_checker());
    auto response = router.handle(request(http::verb::post, "/healthz"));
    EXPECT_EQ(response.result(), http::status::method_not_allowed);
    EXPECT_EQ(response[http::field::allow], "GET, HEAD");
    EXPECT_THAT(response.body(), HasSubstr("GET, HEAD only"));
    response = router.handle(request(http::verb::get, "/nowhere"));
    EXPECT_EQ(response.result(), http::status::not_found);
    const auto error = nlohmann::json::parse(response.body())["error"];
    EXPECT_EQ(error["code"], "not_found");
    EXPECT_THAT(error["message"].get<std::string>(), HasSubstr("/api/v1"));
}

TEST(NativeApi, ACheckAnswersTheCliSchemaWithUtf16Offsets) {
    const Router router(build_checker());
    // "é" is one UTF-16 unit but two UTF-8 bytes: the typo after it is at offset 23.
    const auto response = router.handle(
        post("/api/v1/check",
             json{{"text", "Le café. The system recieves data."}, {"language", "en-US"}}.dump()));
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    const auto body = json::parse(response.body());
    EXPECT_EQ(body["language"], "en-US");
    const auto& match = body["matches"].at(0);
    EXPECT_EQ(match["rule_id"], "spelling");
    EXPECT_EQ(match["offset"], 20);
    EXPECT_EQ(match["length"], 8);
    EXPECT_EQ(match["replacements"].at(0), "receives");
    EXPECT_TRUE(body.contains("quality"));
    EXPECT_TRUE(body.contains("readability"));
}

TEST(NativeApi, FixableIsWhatCheckFixWouldApply) {
    const Router router(build_checker());
    const auto fixable = [&](const std::string& text, const std::string& language) {
        const auto response = router.handle(
            post("/api/v1/check", json{{"text", text}, {"language", language}}.dump()));
        const json body = json::parse(response.body());
        std::vector<std::pair<std::string, bool>> out;
        for (const auto& match : body["matches"]) {
            out.emplace_back(text.substr(match["offset"], match["length"]), match["fixable"]);
        }
        return out;
    };
    // A confident English correction, a name-like capitalised word that is not confident.
    EXPECT_THAT(fixable("The system recieves data from Zorblax.", "en-US"),
                ElementsAre(Pair("recieves", true), Pair("Zorblax", false)));
    // German confidences are not calibrated (0): nothing is fixed without asking, as check
    // --fix leaves it; and Bestätigungs-E-Mail is a correct compound.
    EXPECT_THAT(fixable("Das Pasword und die Bestätigungs-E-Mail.", "de-DE"),
                ElementsAre(Pair("Pasword", false)));
}

// Each installed language is measured by its own formulas (the texts are counted by hand in
// tests/unit/readability_test.cpp); one without rules says, in a note the web app shows,
// why its requirements are not scored, rather than give each 100/100.
TEST(NativeApi, EveryLanguageIsMeasuredAndOneWithoutRulesSaysWhyItsRequirementsAreNotScored) {
    const Router router(build_checker());
    const auto check = [&](json request) {
        const auto response = router.handle(post("/api/v1/check", request.dump()));
        EXPECT_EQ(response.result(), http::status::ok) << response.body();
        return json::parse(response.body());
    };
    auto body = check({{"text", "El usuario debe leer el archivo. La aplicación guarda cada pago."},
                       {"language", "es"}});
    EXPECT_EQ(body["quality"],
              (json{{"score", nullptr},
                    {"requirements", json::array()},
                    {"note", "no wording rules for Spanish yet, so requirements are not scored"}}));
    EXPECT_EQ(body["readability"], (json{{"sentences", 2},
                                         {"words", 11},
                                         {"syllables", 23},
                                         {"reading_ease", 71.1},
                                         {"formula", "Szigriszt-Pazos"},
                                         {"grade", nullptr}}));
    body =
        check({{"text", "Das System speichert jede Zahlung. Der Benutzer kann die Daten ändern."},
               {"language", "de-DE"}});
    EXPECT_EQ(body["quality"]["note"],
              "no wording rules for German yet, so requirements are not scored");
    EXPECT_EQ(body["readability"], (json{{"sentences", 2},
                                         {"words", 11},
                                         {"syllables", 19},
                                         {"reading_ease", 73.5},
                                         {"formula", "Amstad"},
                                         {"grade", 4.2},
                                         {"grade_formula", "Wiener Sachtextformel"}}));
    body = check({{"text", "The system shall store each order."}, {"language", "en-US"}});
    EXPECT_EQ(body["quality"]["score"], 100);
    EXPECT_FALSE(body["quality"].contains("note"));
    EXPECT_EQ(body["readability"]["formula"], "Flesch");
    EXPECT_TRUE(body["readability"]["grade"].is_number());
    EXPECT_EQ(body["readability"]["grade_formula"], "Flesch-Kincaid");
    body = check({{"text", "Le système doit enregistrer chaque commande."}, {"language", "fr"}});
    EXPECT_FALSE(body["quality"].contains("note"));
    EXPECT_EQ(body["readability"]["formula"], "Kandel-Moles");
    EXPECT_TRUE(body["readability"]["grade"].is_null());
    EXPECT_FALSE(body["readability"].contains("grade_formula"));
    // Rules turned off: no measures at all, in any language.
    body = check(
        {{"text", "El sistema debe registrar cada pago."}, {"language", "es"}, {"rules", false}});
    EXPECT_FALSE(body.contains("quality"));
    EXPECT_FALSE(body.contains("readability"));
}

TEST(NativeApi, GlossaryRulesAndProfileComeWithTheRequest) {
    const Router router(build_checker());
    const auto with = [&](json request) {
        request["text"] = "The system shall be user-friendly. Acmesoft is our client.";
        request["language"] = "en-US";
        const auto response = router.handle(post("/api/v1/check", request.dump()));
        EXPECT_EQ(response.result(), http::status::ok) << response.body();
        std::vector<std::string> rules;
        const json body = json::parse(response.body());
        for (const auto& match : body["matches"]) {
            rules.push_back(match["rule_id"]);
        }
        return rules;
    };
    EXPECT_THAT(with({}), ElementsAre("iso29148/subjective-language", "spelling"));
    EXPECT_THAT(with({{"glossary", {"Acmesoft"}}}), ElementsAre("iso29148/subjective-language"));
    EXPECT_THAT(with({{"disabled", {"iso29148/subjective-language"}}}), ElementsAre("spelling"));
    EXPECT_THAT(with({{"rules", false}}), ElementsAre("spelling"));
    EXPECT_THAT(with({{"profile", "general"}, {"disabled", {"VAGUENESS"}}}),
                ElementsAre("spelling"));
}

TEST(NativeApi, AutoDetectionTakesThePreferredVariant) {
    const Router router(build_checker());
    json request{{"text", "The colour of the organisation shall be configurable by the "
                          "administrator of each branch."},
                 {"language", "auto"},
                 {"preferred_variants", {"en-GB"}}};
    auto response = router.handle(post("/api/v1/check", request.dump()));
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    EXPECT_EQ(json::parse(response.body())["language"], "en-GB");
    request["preferred_variants"] = {"en-XX"};
    response = router.handle(post("/api/v1/check", request.dump()));
    EXPECT_EQ(response.result(), http::status::bad_request);
    EXPECT_THAT(error_of(response).second, HasSubstr("unknown language 'en-XX'"));
}

TEST(NativeApi, BadRequestsSayWhatToFix) {
    const Router router(build_checker());
    const auto check = [&](std::string body) {
        return router.handle(post("/api/v1/check", std::move(body)));
    };
    auto response = check("{not json");
    EXPECT_EQ(response.result(), http::status::bad_request);
    EXPECT_EQ(error_of(response).first, "bad_json");
    response = check(R"({"language": "en-US"})");
    EXPECT_EQ(response.result(), http::status::bad_request);
    EXPECT_THAT(error_of(response).second, HasSubstr("\"text\" is required"));
    response = check(R"({"text": "Hello", "language": "xx-YY"})");
    EXPECT_EQ(response.result(), http::status::bad_request);
    EXPECT_THAT(error_of(response).second, HasSubstr("unknown language 'xx-YY'"));
    response = check(R"({"text": "Hello", "disabled": ["NO_SUCH_RULE"]})");
    EXPECT_EQ(response.result(), http::status::bad_request);
    EXPECT_THAT(error_of(response).second,
                HasSubstr("no rule or category is called 'NO_SUCH_RULE'"));
    response = check(R"({"text": "Hello", "profile": "legal"})");
    EXPECT_THAT(error_of(response).second, HasSubstr("\"profile\" must be"));
    response = check(R"({"text": 42})");
    EXPECT_EQ(response.result(), http::status::bad_request);
    response = check(R"([1, 2])");
    EXPECT_THAT(error_of(response).second, HasSubstr("JSON object"));
    const Router small(build_checker(), atk::server::ApiLimits{10});
    response = small.handle(post("/api/v1/check", R"({"text": "far more than ten bytes"})"));
    EXPECT_EQ(response.result(), http::status::payload_too_large);
    EXPECT_EQ(error_of(response).first, "text_too_long");
}

TEST(NativeApi, LanguagesListsTheInstalledDictionaries) {
    const Router router(build_checker(), {}, nullptr, &atk::test::build_translator());
    const auto response = router.handle(request(http::verb::get, "/api/v1/languages"));
    ASSERT_EQ(response.result(), http::status::ok);
    const auto answer = json::parse(response.body());
    ASSERT_TRUE(answer["languages"].is_array());
    EXPECT_THAT(answer["languages"].dump(), HasSubstr("\"en-US\""));
    EXPECT_THAT(answer["languages"].dump(), HasSubstr("\"fr-FR\""));
    EXPECT_THAT(answer["translation_pairs"].dump(),
                HasSubstr(R"({"route":["eng-spa","es-fr"],"source":"en","target":"fr"})"));
}

TEST(NativeApi, QueryParametersArePercentDecoded) {
    using atk::server::query_parameter;
    EXPECT_EQ(query_parameter("/s?word=caf%C3%A9&language=fr", "word"), "café");
    EXPECT_EQ(query_parameter("/s?q=a+b&x", "q"), "a b");
    EXPECT_EQ(query_parameter("/s?x", "x"), "");
    EXPECT_EQ(query_parameter("/s?word=a", "language"), std::nullopt);
    EXPECT_EQ(query_parameter("/s", "word"), std::nullopt);
    EXPECT_THROW(query_parameter("/s?word=%zz", "word"), std::invalid_argument);
}

TEST(NativeApi, AnErrorQuotingBytesThatAreNotUtf8IsStillJson) {
    // Found by fuzzing: a message quoting the request's bytes made json::dump() throw.
    const Router router(build_checker());
    const auto response =
        router.handle(request(http::verb::get, "/api/v1/synonyms?word=fast&language=e%FFn"));
    EXPECT_EQ(response.result(), http::status::bad_request);
    EXPECT_THAT(error_of(response).second, HasSubstr("e\xEF\xBF\xBDn")); // U+FFFD in its place
}

TEST(NativeApi, SynonymsOfAWord) {
    const Router router(build_checker());
    auto response =
        router.handle(request(http::verb::get, "/api/v1/synonyms?word=fast&language=en-US"));
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    const auto meanings = json::parse(response.body());
    ASSERT_FALSE(meanings.empty());
    EXPECT_THAT(response.body(), HasSubstr("\"quick\""));
    response = router.handle(request(http::verb::get, "/api/v1/synonyms?language=en-US"));
    EXPECT_EQ(response.result(), http::status::bad_request);
    EXPECT_THAT(error_of(response).second, HasSubstr("give the word"));
    response = router.handle(request(http::verb::get, "/api/v1/synonyms?word=fast&language=xx"));
    EXPECT_EQ(response.result(), http::status::bad_request);
    response = router.handle(request(http::verb::get, "/api/v1/synonyms?word=%G1"));
    EXPECT_EQ(error_of(response).first, "bad_query");
}

TEST(NativeApi, SynonymsInTheWordsSentenceAndForm) {
    const Router router(build_checker());
    const auto response = router.handle(
        request(http::verb::get, "/api/v1/synonyms?word=describes&language=en-US"
                                 "&context=The%20report%20describes%20the%20order.&offset=11"));
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    const auto senses = json::parse(response.body());
    ASSERT_TRUE(senses.is_array());
    ASSERT_FALSE(senses.empty());
    const auto& first = senses.at(0);
    EXPECT_EQ(first["part_of_speech"], "verb");
    EXPECT_EQ(first["lemma"], "describe");
    EXPECT_EQ(first["matches_context"], true);
    EXPECT_EQ(first["synonyms"].at(0),
              json({{"word", "depicts"}, {"lemma", "depict"}, {"relation", ""}}));
}

TEST(NativeApi, SynonymsWithoutAContextAreTheThesaurusOrderCleaned) {
    const Router router(build_checker());
    const auto response =
        router.handle(request(http::verb::get, "/api/v1/synonyms?word=fast&language=en-US"));
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    std::set<std::string> seen;
    for (const auto& sense : json::parse(response.body())) {
        EXPECT_EQ(sense["matches_context"], false);
        for (const auto& synonym : sense["synonyms"]) {
            EXPECT_NE(synonym["relation"], "antonym") << synonym["word"];
            EXPECT_TRUE(seen.insert(synonym["word"].get<std::string>()).second) << synonym["word"];
        }
    }
    EXPECT_TRUE(seen.contains("quick"));
    EXPECT_FALSE(seen.contains("slow"));
}

TEST(NativeApi, SynonymsRefuseAnOffsetThatDoesNotPointAtTheWord) {
    const Router router(build_checker());
    const auto ask = [&](const std::string& query) {
        const auto response = router.handle(request(http::verb::get, "/api/v1/synonyms?" + query));
        EXPECT_EQ(response.result(), http::status::bad_request) << query;
        return error_of(response);
    };
    const std::string base = "word=describes&context=The%20report%20describes%20the%20order.";
    EXPECT_THAT(ask(base + "&offset=4").second, HasSubstr("does not hold 'describes' at offset 4"));
    EXPECT_THAT(ask(base + "&offset=400").second, HasSubstr("past the end of the context"));
    EXPECT_EQ(ask(base + "&offset=-1"),
              (std::pair<std::string, std::string>{
                  "bad_field", "\"offset\" must be a whole number: the UTF-16 code units from the "
                               "start of \"context\" to the word's start, as JavaScript counts"}));
    EXPECT_EQ(ask(base + "&offset=").first, "bad_field");
    EXPECT_EQ(ask(base + "&offset=1x").first, "bad_field");
    EXPECT_THAT(ask("word=describes&offset=0").second, HasSubstr("an offset needs the context"));
    EXPECT_THAT(ask("word=shipped&context=The%20report%20describes.").second,
                HasSubstr("'shipped' does not occur in the context"));
    EXPECT_EQ(ask("word=fast&context=%FF").first, "bad_input");
}

TEST(NativeApi, SuggestionsForEachWordInOrder) {
    const Router router(build_checker());
    auto response =
        router.handle(post("/api/v1/suggest", R"({"words": ["recieve", "house", "Acmesoft"],
                                                              "language": "en-US", "glossary": ["Acmesoft"]})"));
    ASSERT_EQ(response.result(), http::status::ok) << response.body();
    const auto answers = json::parse(response.body());
    ASSERT_EQ(answers.size(), 3U);
    EXPECT_EQ(answers[0]["word"], "recieve");
    EXPECT_FALSE(answers[0]["correct"]);
    EXPECT_EQ(answers[0]["suggestions"].at(0), "receive");
    EXPECT_TRUE(answers[1]["correct"]);
    EXPECT_TRUE(answers[2]["correct"]); // in the request's glossary
    response = router.handle(post("/api/v1/suggest", R"({"words": []})"));
    EXPECT_EQ(response.result(), http::status::bad_request);
    response = router.handle(post("/api/v1/suggest", R"({"words": ["x"], "max": 99})"));
    EXPECT_THAT(error_of(response).second, HasSubstr("\"max\""));
}
