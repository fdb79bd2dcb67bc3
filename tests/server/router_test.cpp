// The router's answers, without sockets.
#include "server/router.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using atk::server::Request;
using atk::server::Router;
namespace http = atk::server::http;

namespace {

Request request(http::verb method, std::string target) {
    Request r{method, target, 11};
    r.keep_alive(true);
    return r;
}

} // namespace

TEST(Router, HealthzSaysAliveAtOnce) {
    const Router router;
    const auto response = router.handle(request(http::verb::get, "/healthz"));
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(response[http::field::content_type], "application/json");
    EXPECT_EQ(nlohmann::json::parse(response.body())["status"], "alive");
    EXPECT_TRUE(response.keep_alive());
}

TEST(Router, ReadyzWaitsForTheLoading) {
    Router router;
    auto response = router.handle(request(http::verb::get, "/readyz"));
    EXPECT_EQ(response.result(), http::status::service_unavailable);
    EXPECT_EQ(nlohmann::json::parse(response.body())["error"]["code"], "not_ready");
    router.set_ready(true);
    response = router.handle(request(http::verb::get, "/readyz?probe=alb"));
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(nlohmann::json::parse(response.body())["status"], "ready");
}

TEST(Router, HeadAnswersWithoutABody) {
    const Router router;
    const auto response = router.handle(request(http::verb::head, "/healthz"));
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_TRUE(response.body().empty());
}

TEST(Router, AWrongMethodOrRouteGetsAJsonErrorThatSaysWhatToDo) {
    const Router router;
    auto response = router.handle(request(http::verb::post, "/healthz"));
    EXPECT_EQ(response.result(), http::status::method_not_allowed);
    EXPECT_EQ(response[http::field::allow], "GET, HEAD");
    EXPECT_THAT(response.body(), testing::HasSubstr("GET and HEAD only"));
    response = router.handle(request(http::verb::get, "/nowhere"));
    EXPECT_EQ(response.result(), http::status::not_found);
    const auto error = nlohmann::json::parse(response.body())["error"];
    EXPECT_EQ(error["code"], "not_found");
    EXPECT_THAT(error["message"].get<std::string>(), testing::HasSubstr("/healthz"));
}
