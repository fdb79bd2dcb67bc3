// The server over real sockets on 127.0.0.1: connections, limits, timeouts, graceful stop.
#include "build_checker.hpp"
#include "error.hpp"
#include "server/server.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <gmock/gmock.h>
#include <functional>
#include <gtest/gtest.h>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
using atk::test::build_checker;
namespace http = beast::http;
using asio::ip::tcp;
using atk::server::Router;
using atk::server::Server;
using atk::server::ServerOptions;

namespace {

/// A server on a free port, served on a thread for the test's lifetime.
class Running {
  public:
    explicit Running(ServerOptions options = {})
        : router_(build_checker()), server_(router_, with_free_port(options)) {
        thread_ = std::thread([this] { server_.run(); });
    }
    ~Running() {
        server_.stop();
        thread_.join();
    }
    Server& server() { return server_; }
    std::uint16_t port() { return server_.port(); }

  private:
    static ServerOptions with_free_port(ServerOptions options) {
        options.port = 0;
        return options;
    }
    Router router_;
    Server server_;
    std::thread thread_;
};

/// A client connection.
class Client {
  public:
    explicit Client(std::uint16_t port) : socket_(io_) {
        socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    }
    http::response<http::string_body> send(http::request<http::string_body> request) {
        request.set(http::field::host, "127.0.0.1");
        request.prepare_payload();
        http::write(socket_, request);
        http::response<http::string_body> response;
        http::read(socket_, buffer_, response);
        return response;
    }
    http::response<http::string_body> get(const std::string& target) {
        return send({http::verb::get, target, 11});
    }
    /// True when the server has closed the connection.
    bool closed() {
        beast::error_code error;
        char byte = 0;
        socket_.read_some(asio::buffer(&byte, 1), error);
        return error == asio::error::eof || error == asio::error::connection_reset;
    }
    tcp::socket& socket() { return socket_; }

  private:
    asio::io_context io_;
    tcp::socket socket_;
    beast::flat_buffer buffer_;
};

} // namespace

TEST(Server, AnswersOverAKeptAliveConnection) {
    Running running;
    Client client(running.port());
    EXPECT_EQ(client.get("/healthz").result(), http::status::ok);
    const auto second = client.get("/readyz"); // same connection
    EXPECT_EQ(second.result(), http::status::service_unavailable);
    EXPECT_TRUE(second.keep_alive());
}

TEST(Server, ABodyOverTheLimitGets413AndTheConnectionEnds) {
    ServerOptions options;
    options.body_limit = 100;
    Running running(options);
    Client client(running.port());
    http::request<http::string_body> request{http::verb::post, "/healthz", 11};
    request.body() = std::string(1000, 'x');
    const auto response = client.send(request);
    EXPECT_EQ(response.result(), http::status::payload_too_large);
    EXPECT_THAT(response.body(), testing::HasSubstr("over 100 bytes"));
    EXPECT_TRUE(client.closed());
}

TEST(Server, ASlowClientIsCutOffAfterTheReadTimeout) {
    ServerOptions options;
    options.read_timeout = std::chrono::milliseconds(200);
    Running running(options);
    Client client(running.port());
    asio::write(client.socket(), asio::buffer(std::string("GET /healthz HTTP/1.1\r\nHost: x\r\n")));
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(client.closed()); // the request never ends: the server gives up
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(Server, StopEndsRunWithIdleConnectionsOpen) {
    Router router(build_checker());
    ServerOptions options;
    options.port = 0;
    Server server(router, options);
    std::thread serving([&] { server.run(); });
    Client idle(server.port());
    EXPECT_EQ(idle.get("/healthz").result(), http::status::ok); // then it stays open, idle
    server.stop();
    serving.join(); // returns: the idle connection does not hold the server
    EXPECT_TRUE(idle.closed());
}

TEST(Server, ABadAddressOrABusyPortIsExplained) {
    Router router(build_checker());
    ServerOptions options;
    options.host = "not-an-address";
    try {
        Server server(router, options);
        FAIL() << "a bad host must be refused";
    } catch (const atk::InputError& e) {
        EXPECT_THAT(e.what(), testing::HasSubstr("not an IP address"));
    }
    Running running;
    options.host = "127.0.0.1";
    options.port = running.port();
    try {
        Server second(router, options);
        FAIL() << "a port in use must be refused";
    } catch (const atk::InputError& e) {
        EXPECT_THAT(e.what(), testing::HasSubstr("choose another --port"));
    }
}

TEST(Server, ChecksRunOnTheWorkersAndAnswerInOrder) {
    Running running;
    Client client(running.port());
    for (const char* text : {"The system recieves data.", "Fine text here."}) {
        http::request<http::string_body> request{http::verb::post, "/api/v1/check", 11};
        request.set(http::field::content_type, "application/json");
        request.body() = std::string(R"({"language": "en-US", "text": ")") + text + "\"}";
        const auto response = client.send(request);
        EXPECT_EQ(response.result(), http::status::ok) << response.body();
        EXPECT_EQ(response.body().find("recieves") != std::string::npos,
                  std::string(text).find("recieves") != std::string::npos);
    }
}

TEST(Server, LogsOneJsonLinePerRequestAndNeverTheText) {
    std::mutex mutex;
    std::vector<std::string> lines;
    ServerOptions options;
    options.log = [&](std::string_view line) {
        const std::lock_guard lock(mutex);
        lines.emplace_back(line);
    };
    {
        Running running(options);
        Client client(running.port());
        http::request<http::string_body> request{http::verb::post, "/api/v1/check?key=s3cr3t", 11};
        request.body() = R"({"language": "en-US", "text": "Zorblax confidential plans."})";
        const auto response = client.send(request);
        EXPECT_EQ(response.result(), http::status::ok);
        EXPECT_EQ(response["X-Content-Type-Options"], "nosniff");
        EXPECT_EQ(response["Referrer-Policy"], "no-referrer");
        EXPECT_THAT(std::string(response["Content-Security-Policy"]),
                    testing::HasSubstr("default-src"));
        client.get("/nowhere");
    }
    ASSERT_EQ(lines.size(), 2U);
    const auto first = nlohmann::json::parse(lines[0]);
    EXPECT_EQ(first["method"], "POST");
    EXPECT_EQ(first["route"], "/api/v1/check");
    EXPECT_EQ(first["status"], 200);
    EXPECT_TRUE(first["duration_ms"].is_number());
    EXPECT_GT(first["bytes"].get<int>(), 0);
    EXPECT_THAT(first["time"].get<std::string>(),
                testing::MatchesRegex("....-..-..T..:..:..\\....Z"));
    EXPECT_EQ(nlohmann::json::parse(lines[1])["status"], 404);
    for (const auto& line : lines) {
        EXPECT_THAT(line, testing::Not(testing::HasSubstr("Zorblax")));
        EXPECT_THAT(line, testing::Not(testing::HasSubstr("s3cr3t")));
    }
}

TEST(Server, MetricsCountRequestsWordsAndRejections) {
    ServerOptions options;
    options.body_limit = 200;
    Running running(options);
    {
        Client client(running.port());
        http::request<http::string_body> request{http::verb::post, "/api/v1/check", 11};
        request.body() = R"({"language": "en-US", "text": "Three words here."})";
        EXPECT_EQ(client.send(request).result(), http::status::ok);
        EXPECT_EQ(client.get("/nowhere/at/all").result(), http::status::not_found);
    }
    {
        Client client(running.port());
        http::request<http::string_body> request{http::verb::post, "/api/v1/check", 11};
        request.body() = std::string(500, 'x');
        EXPECT_EQ(client.send(request).result(), http::status::payload_too_large);
    }
    Client client(running.port());
    const auto metrics = client.get("/metrics");
    EXPECT_EQ(metrics.result(), http::status::ok);
    EXPECT_THAT(std::string(metrics[http::field::content_type]), testing::HasSubstr("text/plain"));
    const std::string& text = metrics.body();
    EXPECT_THAT(text, testing::HasSubstr(
                          "atk_http_requests_total{route=\"/api/v1/check\",status=\"200\"} 1\n"));
    EXPECT_THAT(text, testing::HasSubstr(
                          "atk_http_requests_total{route=\"unmatched\",status=\"404\"} 1\n"));
    EXPECT_THAT(text, testing::HasSubstr("atk_words_checked_total 3\n"));
    EXPECT_THAT(text, testing::HasSubstr("atk_http_rejected_total{reason=\"body_too_large\"} 1\n"));
    EXPECT_THAT(text, testing::HasSubstr("atk_http_request_duration_seconds_count 2\n"));
    EXPECT_THAT(text, testing::HasSubstr("atk_http_requests_in_flight 1\n")); // this one
}

namespace {

http::request<http::string_body> check_request(std::string target = "/api/v1/check") {
    http::request<http::string_body> request{http::verb::post, target, 11};
    request.body() = target.starts_with("/v2/") ? "language=en-US&text=Fine."
                                                : R"({"language": "en-US", "text": "Fine."})";
    return request;
}

/// A check of nearly the largest text allowed: one that takes a while. Ready to write.
http::request<http::string_body> slow_check_request() {
    std::string text;
    while (text.size() < 190'000) {
        text += "The system shall recieve each order and store it. ";
    }
    auto request = check_request();
    request.body() = nlohmann::json{{"language", "en-US"}, {"text", text}}.dump();
    request.set(http::field::host, "127.0.0.1");
    request.prepare_payload();
    return request;
}

} // namespace

TEST(Server, TheRateLimitAnswers429WithRetryAfterInEachApisManner) {
    ServerOptions options;
    options.rate_limit = 0.5; // one request per two seconds
    options.rate_burst = 2;
    Running running(options);
    Client client(running.port());
    EXPECT_EQ(client.send(check_request()).result(), http::status::ok);
    EXPECT_EQ(client.send(check_request()).result(), http::status::ok);
    for (int i = 0; i < 5; ++i) { // probes are never limited
        EXPECT_EQ(client.get("/healthz").result(), http::status::ok);
    }
    const auto refused = client.send(check_request());
    EXPECT_EQ(refused.result(), http::status::too_many_requests);
    EXPECT_EQ(refused[http::field::retry_after], "2");
    EXPECT_THAT(refused.body(), testing::HasSubstr("\"rate_limited\""));
    const auto languagetool = client.send(check_request("/v2/check"));
    EXPECT_EQ(languagetool.result(), http::status::too_many_requests);
    EXPECT_THAT(languagetool.body(), testing::StartsWith("Error: too many requests"));
}

TEST(Server, AQueuedCheckPastTheDeadlineGets503) {
    ServerOptions options;
    options.deadline = std::chrono::milliseconds(0); // every check is already late
    Running running(options);
    Client client(running.port());
    const auto late = client.send(check_request());
    EXPECT_EQ(late.result(), http::status::service_unavailable);
    EXPECT_THAT(late.body(), testing::HasSubstr("\"overloaded\""));
    EXPECT_EQ(client.get("/healthz").result(), http::status::ok); // cheap routes are not queued
}

TEST(Server, OnlyListedOriginsGetCors) {
    ServerOptions options;
    options.cors_origins = {"https://app.example.com"};
    Running running(options);
    Client client(running.port());
    http::request<http::string_body> preflight{http::verb::options, "/api/v1/check", 11};
    preflight.set(http::field::origin, "https://app.example.com");
    auto response = client.send(preflight);
    EXPECT_EQ(response.result(), http::status::no_content);
    EXPECT_THAT(std::string(response[http::field::access_control_allow_methods]),
                testing::HasSubstr("POST"));
    auto request = check_request();
    request.set(http::field::origin, "https://app.example.com");
    response = client.send(request);
    EXPECT_EQ(response[http::field::access_control_allow_origin], "https://app.example.com");
    request.set(http::field::origin, "https://evil.example.org");
    response = client.send(request);
    EXPECT_EQ(response.find(http::field::access_control_allow_origin), response.end());
    preflight.set(http::field::origin, "https://evil.example.org");
    EXPECT_EQ(client.send(preflight).result(), http::status::forbidden);
}

/// Waits (up to 10 s) until `wanted` holds of the server's load; false if it never does.
bool wait_for_load(Server& server, const std::function<bool(const Server::Load&)>& wanted) {
    for (int i = 0; i < 10'000; ++i) {
        if (wanted(server.load())) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
}

/// Waits until the server has `open` connections, `idle` of them idle.
void wait_for_connections(Server& server, std::size_t open, std::size_t idle) {
    EXPECT_TRUE(wait_for_load(server, [&](const Server::Load& load) {
        return load.open == open && load.idle == idle;
    })) << "the server never had " << open << " connections open, " << idle << " idle";
}

TEST(Server, AtTheConnectionLimitTheLongestIdleMakesRoom) {
    ServerOptions options;
    options.max_connections = 2;
    Running running(options);
    Client oldest(running.port());
    EXPECT_EQ(oldest.get("/healthz").result(), http::status::ok);
    // Idle once the server has gone back to waiting on it (the answer may arrive first).
    wait_for_connections(running.server(), 1, 1);
    Client newer(running.port());
    EXPECT_EQ(newer.get("/healthz").result(), http::status::ok);
    wait_for_connections(running.server(), 2, 2);
    Client third(running.port());
    EXPECT_EQ(third.get("/healthz").result(), http::status::ok);
    EXPECT_TRUE(oldest.closed());
    EXPECT_EQ(newer.get("/healthz").result(), http::status::ok);
}

TEST(Server, AtTheConnectionLimitWithNoneIdleANewConnectionIsClosed) {
    ServerOptions options;
    options.max_connections = 1;
    Running running(options);
    Client busy(running.port());
    // Half a request: the connection is busy reading it, not idle.
    asio::write(busy.socket(), asio::buffer(std::string("GET /healthz HTTP/1.1\r\n")));
    wait_for_connections(running.server(), 1, 0);
    Client refused(running.port());
    EXPECT_TRUE(refused.closed());
    asio::write(busy.socket(), asio::buffer(std::string("Host: x\r\n\r\n")));
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(busy.socket(), buffer, response);
    EXPECT_EQ(response.result(), http::status::ok); // the request in progress is unharmed
}

TEST(Server, AnIdleConnectionIsClosedAfterTheIdleTimeout) {
    ServerOptions options;
    options.idle_timeout = std::chrono::milliseconds(200);
    Running running(options);
    Client client(running.port());
    EXPECT_EQ(client.get("/healthz").result(), http::status::ok);
    EXPECT_TRUE(client.closed()); // read_some returns once the server gives up on it
    wait_for_connections(running.server(), 0, 0);
}

TEST(Server, ChecksOverTheQueueWaitLimitGet503AtOnceAndTheQueuedOnesStillRun) {
    ServerOptions options;
    options.workers = 1;
    options.max_queue_wait = std::chrono::milliseconds(1);
    options.deadline = std::chrono::minutes(10); // under the sanitizers the last wait 10 s
    Running running(options);
    const auto slow = slow_check_request();
    // Twelve slow checks for the one worker: the others queue behind the first, long enough
    // (a second or so) for the refusal below to arrive while they wait, even on a busy machine.
    std::vector<std::unique_ptr<Client>> slow_clients;
    for (int i = 0; i < 12; ++i) {
        slow_clients.push_back(std::make_unique<Client>(running.port()));
        http::write(slow_clients.back()->socket(), slow);
    }
    const auto read_answer = [](Client& client) {
        beast::flat_buffer buffer;
        http::response<http::string_body> response;
        http::read(client.socket(), buffer, response);
        return response;
    };
    // Once the second has waited a whole check for the worker while others still wait, new
    // checks are refused at once.
    ASSERT_TRUE(wait_for_load(running.server(), [](const Server::Load& load) {
        return load.shedding;
    })) << "the queue of slow checks never made the server shed load";
    Client late(running.port());
    const auto refused = late.send(check_request());
    EXPECT_EQ(refused.result(), http::status::service_unavailable) << refused.body();
    EXPECT_EQ(refused[http::field::retry_after], "1");
    EXPECT_THAT(refused.body(), testing::HasSubstr("\"overloaded\""));
    EXPECT_EQ(late.get("/healthz").result(), http::status::ok); // cheap routes still answer
    // Every slow check is answered: run (200), or refused as it arrived once the queue was
    // already long (where the machine reads the later ones only after the first has finished,
    // as under the sanitizers on busy cores). The first and the one that waited for it ran.
    int run = 0;
    for (auto& client : slow_clients) {
        const auto answer = read_answer(*client);
        EXPECT_THAT(answer.result(), testing::AnyOf(http::status::ok,
                                                    http::status::service_unavailable));
        run += answer.result() == http::status::ok ? 1 : 0;
    }
    EXPECT_GE(run, 2);
    EXPECT_FALSE(running.server().load().shedding);
    // The queue empty, checks are taken again.
    EXPECT_EQ(late.send(check_request()).result(), http::status::ok);
}

TEST(Server, StopFinishesTheRequestsInFlight) {
    Router router(build_checker());
    ServerOptions options;
    options.port = 0;
    Server server(router, options);
    std::thread serving([&] { server.run(); });
    Client client(server.port());
    http::write(client.socket(), slow_check_request());
    // Wait until the server has read it (the metrics count it in flight), then stop.
    Client watcher(server.port());
    for (int i = 0; i < 500; ++i) {
        if (watcher.get("/metrics").body().find("atk_http_requests_in_flight 2\n") !=
            std::string::npos) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    server.stop();
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(client.socket(), buffer, response);
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_FALSE(response.keep_alive()); // the server is closing
    EXPECT_THAT(response.body(), testing::HasSubstr("recieve"));
    serving.join();
}

TEST(Server, GarbageGets400AndTheConnectionEnds) {
    Running running;
    Client client(running.port());
    asio::write(client.socket(), asio::buffer(std::string("HELLO THERE\r\n\r\n")));
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(client.socket(), buffer, response);
    EXPECT_EQ(response.result(), http::status::bad_request);
    EXPECT_THAT(response.body(), testing::HasSubstr("malformed_request"));
    EXPECT_TRUE(client.closed());
}

TEST(Server, Http10ClientsGetHttp10AnswersAndTheConnectionCloses) {
    Running running;
    Client client(running.port());
    // A bare HTTP/1.0 request, no Host header, as old tools and health probes send.
    asio::write(client.socket(), asio::buffer(std::string("GET /healthz HTTP/1.0\r\n\r\n")));
    std::string raw;
    beast::error_code error;
    for (char chunk[512];;) {
        const std::size_t n = client.socket().read_some(asio::buffer(chunk), error);
        if (error) {
            break;
        }
        raw.append(chunk, n);
    }
    EXPECT_EQ(error, asio::error::eof); // closed after the answer, not kept alive
    EXPECT_TRUE(raw.starts_with("HTTP/1.0 200 OK\r\n")) << raw;
    EXPECT_THAT(raw, testing::HasSubstr("Content-Length: 18"));
    EXPECT_THAT(raw, testing::EndsWith(R"({"status":"alive"})"));
}

TEST(Server, Http10KeepAliveIsHonouredWhenAsked) {
    Running running;
    Client client(running.port());
    http::request<http::string_body> request{http::verb::get, "/healthz", 10};
    request.keep_alive(true);
    auto response = client.send(request);
    EXPECT_EQ(response.version(), 10);
    EXPECT_TRUE(response.keep_alive());
    response = client.send(request); // the same connection still answers
    EXPECT_EQ(response.result(), http::status::ok);
}

namespace {

struct Exchange {
    http::verb method;
    std::string target;
    std::string body;
    http::status status;
    std::string answer_holds; ///< a piece of the body that shows the right answer came
};

} // namespace

TEST(Server, EveryEndpointAndItsBadInputOverOneConnection) {
    Running running;
    Client client(running.port());
    const std::string too_long(200'001, 'a');
    const std::vector<Exchange> exchanges{
        {http::verb::get, "/api/v1/languages", "", http::status::ok, "\"en-GB\""},
        {http::verb::get, "/api/v1/synonyms?word=fast&language=en-US", "", http::status::ok,
         "\"synonyms\""},
        {http::verb::get, "/api/v1/synonyms?language=en-US", "", http::status::bad_request,
         "give the word"},
        {http::verb::get, "/api/v1/synonyms?word=describes&context=The+report+describes.&offset=11",
         "", http::status::ok, R"({"lemma":"depict","relation":"","word":"depicts"})"},
        {http::verb::get, "/api/v1/synonyms?word=describes&context=The+report+describes.&offset=12",
         "", http::status::bad_request, "does not hold 'describes' at offset 12"},
        {http::verb::post, "/api/v1/suggest", R"({"words": ["recieve"], "language": "en-US"})",
         http::status::ok, "\"receive\""},
        {http::verb::post, "/api/v1/suggest", R"({"words": "recieve"})", http::status::bad_request,
         "\"error\""},
        {http::verb::post, "/api/v1/check", R"({"text": "It recieves.", "language": "en-US"})",
         http::status::ok, "\"replacements\":[\"receives\""},
        {http::verb::post, "/api/v1/check", "{\"text\": \"bad \xff byte\"}",
         http::status::bad_request, "\"error\""},
        {http::verb::post, "/api/v1/check", R"({"text": "Hi.", "language": "tlh"})",
         http::status::bad_request, "unknown language"},
        {http::verb::post, "/api/v1/check", R"({"text": "Hi.", "enabled": ["nope/nothing"]})",
         http::status::bad_request, "nope/nothing"},
        {http::verb::post, "/api/v1/check", R"({"text": ")" + too_long + "\"}",
         http::status::payload_too_large, "text_too_long"},
        {http::verb::get, "/api/v1/check", "", http::status::method_not_allowed, "POST"},
        {http::verb::post, "/v2/check", "language=en-US&text=It+recieves.", http::status::ok,
         "\"UnknownWord\""},
        {http::verb::get, "/v2/check?language=en-US&text=It+recieves.", "", http::status::ok,
         "\"version\":\"" ATK_VERSION "\""},
        {http::verb::post, "/v2/check", "language=en-US&text=bad+%FF+byte",
         http::status::bad_request, "Error: invalid UTF-8"},
        {http::verb::post, "/v2/check", "text=Hi", http::status::bad_request,
         "Error: Missing 'language'"},
        {http::verb::get, "/v2/languages", "", http::status::ok, "\"longCode\""},
        {http::verb::get, "/openapi.json", "", http::status::ok, "\"openapi\""},
        {http::verb::get, "/healthz", "", http::status::ok, "alive"},
        {http::verb::delete_, "/healthz", "", http::status::method_not_allowed, "GET"},
    };
    for (const auto& exchange : exchanges) {
        http::request<http::string_body> request{exchange.method, exchange.target, 11};
        if (exchange.method == http::verb::post) {
            request.set(http::field::content_type, exchange.target.starts_with("/v2/")
                                                       ? "application/x-www-form-urlencoded"
                                                       : "application/json");
        }
        request.body() = exchange.body;
        const auto response = client.send(request);
        const std::string what = std::string(request.method_string()) + " " + exchange.target;
        EXPECT_EQ(response.result(), exchange.status) << what << ": " << response.body();
        EXPECT_THAT(response.body(), testing::HasSubstr(exchange.answer_holds)) << what;
        EXPECT_TRUE(response.keep_alive()) << what; // a refusal does not cost the connection
    }
}
