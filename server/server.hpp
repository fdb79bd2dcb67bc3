#pragma once
// The HTTP server: Boost.Beast over Asio, one coroutine per connection on a few I/O threads,
// every request answered by the Router. Graceful stop: no new connections, each open one ends
// after the request it is serving (idle ones at once), and whatever is left after the drain
// deadline is cut.
#include "server/router.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace atk::server {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080; ///< 0: any free port (see Server::port)
    std::size_t io_threads = 2;
    std::size_t workers = 0; ///< threads for checks (0: one per core), apart from the I/O ones
    std::size_t body_limit = std::size_t{1} << 20;    ///< bytes; a larger body gets 413
    std::chrono::milliseconds read_timeout{10'000};   ///< for a whole request, headers and body
    std::chrono::milliseconds drain_deadline{10'000}; ///< after stop(), for requests in flight
    bool stop_on_signals = false;                     ///< SIGTERM and SIGINT call stop()
    std::size_t max_connections = 10'000; ///< more are closed at once (counted as rejected)
    /// A check still waiting for a worker after this long is answered 503 rather than run:
    /// under overload the queue sheds load instead of growing without bound.
    std::chrono::milliseconds deadline{10'000};
    /// Requests per second each client address may make (0: no limit); `rate_burst` more
    /// may come at once. Over it: 429 with Retry-After.
    double rate_limit = 0;
    double rate_burst = 20;
    /// Origins (https://app.example.com) whose pages may call the API; none by default.
    std::vector<std::string> cors_origins;
    /// Receives one JSON line per request (time, method, route, status, duration, bytes;
    /// never the request's text or query). Empty: no log. Called from several threads.
    std::function<void(std::string_view line)> log;
};

/// A log that writes each line to standard output.
std::function<void(std::string_view)> log_to_stdout();

class Server {
  public:
    /// Binds `options.host`:`options.port`. Throws atk::InputError saying what to change
    /// when it cannot (address in use, bad host). `router` must outlive the server.
    Server(const Router& router, ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// The port the server listens on.
    std::uint16_t port() const;

    /// Serves on the I/O threads (the caller's included) until stop() and the drain are over.
    void run();

    /// Stops accepting and lets the requests in flight finish (up to the drain deadline).
    /// Thread-safe; the second and later calls do nothing.
    void stop();

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace atk::server
