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
    /// For a whole request, headers and body, from its first byte: a client sending a byte a
    /// second is cut off here.
    std::chrono::milliseconds read_timeout{10'000};
    /// How long a kept-alive connection may wait for its next request. Longer than the load
    /// balancer's idle timeout (60 s on an ALB), so that the balancer closes idle connections
    /// first: a server closing them races the balancer's next request on them (a 502).
    std::chrono::milliseconds idle_timeout{75'000};
    std::chrono::milliseconds drain_deadline{10'000}; ///< after stop(), for requests in flight
    bool stop_on_signals = false;                     ///< SIGTERM and SIGINT call stop()
    /// Connections open at once. At the limit a new connection makes room by closing the one
    /// idle longest; when none is idle it is closed at once (counted as rejected).
    std::size_t max_connections = 10'000;
    /// A check still waiting for a worker after this long is answered 503 rather than run.
    std::chrono::milliseconds deadline{10'000};
    /// Load shedding (server/admission.hpp): a check that would wait longer than this for a
    /// worker is answered 503 with Retry-After at once instead of queueing, so that the queue
    /// stays about this long however great the overload.
    std::chrono::milliseconds max_queue_wait{500};
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

    /// What the server holds now: connections open, those of them idle (waiting for their next
    /// request), checks waiting for a worker, and whether new checks are being refused.
    struct Load {
        std::size_t open = 0;
        std::size_t idle = 0;
        std::size_t queued = 0;
        bool shedding = false;
    };
    Load load() const;

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
