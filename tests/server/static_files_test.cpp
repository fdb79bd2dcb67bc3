// The web UI's files, as the router serves them (no sockets).
#include "build_checker.hpp"
#include "error.hpp"
#include "scratch_dir.hpp"
#include "server/router.hpp"
#include "server/static_files.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using atk::server::is_hashed_asset;
using atk::server::mime_type;
using atk::server::Request;
using atk::server::Response;
using atk::server::Router;
using atk::server::StaticFiles;
using atk::test::build_checker;
using testing::HasSubstr;
namespace http = atk::server::http;

namespace {

const std::string kPage = "<!doctype html><title>Analyst Toolkit</title><div id=root></div>";
const std::string kScript = "console.log('app');";

/// A built UI in a scratch folder, served by a router: index.html, a hashed script, an
/// unhashed icon, a hidden file, and a secret beside (outside) the folder.
class StaticFilesTest : public atk::test::ScratchDirTest {
  protected:
    void SetUp() override {
        ScratchDirTest::SetUp();
        write("web/index.html", kPage);
        write("web/assets/index-B1x-9aQz.js", kScript);
        write("web/favicon.svg", "<svg/>");
        write("web/.env", "KEY=secret");
        write("secret.txt", "do not serve");
        ui_ = std::make_unique<StaticFiles>(dir_ / "web");
        router_ = std::make_unique<Router>(build_checker(), atk::server::ApiLimits{}, ui_.get());
    }

    Response get(const std::string& target, http::verb method = http::verb::get) const {
        Request request{method, target, 11};
        request.keep_alive(true);
        return router_->handle(request);
    }

    std::unique_ptr<StaticFiles> ui_;
    std::unique_ptr<Router> router_;
};

std::string error_code_of(const Response& response) {
    return nlohmann::json::parse(response.body())["error"]["code"];
}

} // namespace

TEST_F(StaticFilesTest, TheRootIsThePageWithItsPolicyAndRevalidated) {
    const auto response = get("/");
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(response.body(), kPage);
    EXPECT_EQ(response[http::field::content_type], "text/html; charset=utf-8");
    EXPECT_EQ(response[http::field::cache_control], "no-cache");
    EXPECT_THAT(std::string(response["Content-Security-Policy"]), HasSubstr("script-src 'self'"));
    EXPECT_THAT(std::string(response["Content-Security-Policy"]),
                HasSubstr("frame-ancestors 'none'"));
    EXPECT_FALSE(response[http::field::etag].empty());
    EXPECT_EQ(router_->route_label(Request{http::verb::get, "/", 11}), "static");
}

TEST_F(StaticFilesTest, HashedAssetsAreCachedForAYearOthersAreRevalidated) {
    auto response = get("/assets/index-B1x-9aQz.js");
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(response.body(), kScript);
    EXPECT_EQ(response[http::field::content_type], "text/javascript; charset=utf-8");
    EXPECT_EQ(response[http::field::cache_control], "public, max-age=31536000, immutable");
    response = get("/favicon.svg?v=2");
    EXPECT_EQ(response[http::field::content_type], "image/svg+xml");
    EXPECT_EQ(response[http::field::cache_control], "no-cache");
}

TEST_F(StaticFilesTest, AMatchingEntityTagGets304WithoutABody) {
    const std::string tag(get("/favicon.svg")[http::field::etag]);
    Request request{http::verb::get, "/favicon.svg", 11};
    request.set(http::field::if_none_match, tag);
    const auto response = router_->handle(request);
    EXPECT_EQ(response.result(), http::status::not_modified);
    EXPECT_TRUE(response.body().empty());
    EXPECT_EQ(response[http::field::etag], tag);
    request.set(http::field::if_none_match, "W/\"stale\"");
    EXPECT_EQ(router_->handle(request).result(), http::status::ok);
}

TEST_F(StaticFilesTest, HeadHasTheLengthOfGetAndNoBody) {
    const auto response = get("/assets/index-B1x-9aQz.js", http::verb::head);
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_TRUE(response.body().empty());
    EXPECT_EQ(response[http::field::content_length], std::to_string(kScript.size()));
}

TEST_F(StaticFilesTest, ThePagesRoutesGetThePageButMissingFilesAndApiPaths404) {
    EXPECT_EQ(get("/documents/spec-1").body(), kPage);
    EXPECT_EQ(get("/assets/gone-Ab12Cd34.js").result(), http::status::not_found);
    EXPECT_EQ(get("/api/v1/nothing").result(), http::status::not_found);
    EXPECT_EQ(error_code_of(get("/api/v1/nothing")), "not_found");
    EXPECT_EQ(get("/v2/nothing").result(), http::status::not_found);
}

TEST_F(StaticFilesTest, NothingOutsideTheFolderNorHiddenIsServed) {
    for (const std::string target :
         {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
          "/assets%2f..%2f..%2fsecret.txt", "/.env", "/%2eenv", "/assets/..%5c..%5csecret.txt",
          "/index.html%00.js", "/%zz"}) {
        const auto response = get(target);
        EXPECT_THAT(response.body(), testing::Not(HasSubstr("do not serve"))) << target;
        EXPECT_THAT(response.body(), testing::Not(HasSubstr("KEY="))) << target;
        EXPECT_EQ(response.result(), http::status::not_found) << target;
    }
}

TEST_F(StaticFilesTest, ASymbolicLinkOutOfTheFolderIsNotFollowed) {
    std::filesystem::create_symlink(dir_ / "secret.txt", dir_ / "web" / "leak.txt");
    const auto response = get("/leak.txt");
    EXPECT_EQ(response.result(), http::status::not_found);
    EXPECT_THAT(response.body(), testing::Not(HasSubstr("do not serve")));
}

TEST_F(StaticFilesTest, OnlyGetAndHeadReachTheFiles) {
    const auto response = get("/favicon.svg", http::verb::post);
    EXPECT_EQ(response.result(), http::status::not_found);
}

TEST_F(StaticFilesTest, AFolderWithoutThePageIsRefusedWithWhatToDo) {
    try {
        StaticFiles missing(dir_ / "nowhere");
        FAIL() << "a missing folder was accepted";
    } catch (const atk::InputError& error) {
        EXPECT_THAT(error.what(), HasSubstr("does not exist"));
        EXPECT_THAT(error.what(), HasSubstr("--static-dir"));
    }
    write("empty/readme.txt", "no page here");
    try {
        StaticFiles empty(dir_ / "empty");
        FAIL() << "a folder without index.html was accepted";
    } catch (const atk::InputError& error) {
        EXPECT_THAT(error.what(), HasSubstr("no index.html"));
    }
}

TEST(StaticFiles, WithoutAUiTheRootSaysHowToGetOne) {
    const Router router(build_checker());
    const auto response = router.handle(Request{http::verb::get, "/", 11});
    EXPECT_EQ(response.result(), http::status::not_found);
    EXPECT_EQ(error_code_of(response), "no_web_ui");
    EXPECT_THAT(response.body(), HasSubstr("--static-dir"));
    EXPECT_EQ(router.route_label(Request{http::verb::get, "/", 11}), "unmatched");
}

TEST(StaticFiles, MimeTypesByExtension) {
    EXPECT_EQ(mime_type("index.html"), "text/html; charset=utf-8");
    EXPECT_EQ(mime_type("app.mjs"), "text/javascript; charset=utf-8");
    EXPECT_EQ(mime_type("style-Ab12Cd34.css"), "text/css; charset=utf-8");
    EXPECT_EQ(mime_type("app.js.map"), "application/json");
    EXPECT_EQ(mime_type("font.woff2"), "font/woff2");
    EXPECT_EQ(mime_type("manifest.webmanifest"), "application/manifest+json");
    EXPECT_EQ(mime_type("data.bin"), "application/octet-stream");
    EXPECT_EQ(mime_type("Makefile"), "application/octet-stream");
}

TEST(StaticFiles, HashedAssetsAreTheBundlersNames) {
    EXPECT_TRUE(is_hashed_asset("index-4f3a9c2b.js"));
    EXPECT_TRUE(is_hashed_asset("index-B1x-9aQz.js")); // base64url: '-' inside the hash
    EXPECT_TRUE(is_hashed_asset("logo.Bx1_9aQz.svg"));
    EXPECT_FALSE(is_hashed_asset("index.html"));
    EXPECT_FALSE(is_hashed_asset("favicon.svg"));
    EXPECT_FALSE(is_hashed_asset("app-settings.js"));   // a word, not a hash
    EXPECT_FALSE(is_hashed_asset("notes-20240115.md")); // a date
    EXPECT_FALSE(is_hashed_asset("4f3a9c2b.js"));       // no name before the hash
    EXPECT_FALSE(is_hashed_asset("index-4f3a9c2b"));    // no extension
}
