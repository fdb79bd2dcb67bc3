#include "server/server.hpp"

#include "error.hpp"
#include "server/admission.hpp"
#include "server/languagetool_api.hpp"
#include "server/thread_priority.hpp"

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <list>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

namespace atk::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

/// The threads checks run on, each at a lower scheduling priority than the I/O threads (nice
/// +10): however busy the checks keep the cores, requests are still read, refused and answered
/// promptly. (Load shedding only works if the threads that shed get the CPU.)
class WorkerPool {
  public:
    explicit WorkerPool(std::size_t threads) {
        for (std::size_t t = 0; t < threads; ++t) {
            threads_.emplace_back([this] {
                lower_this_thread_priority();
                io_.run();
            });
        }
    }
    ~WorkerPool() {
        guard_.reset();
        io_.stop(); // the jthreads join as they are destroyed, before io_
    }
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    asio::io_context::executor_type executor() { return io_.get_executor(); }
    std::size_t size() const { return threads_.size(); }

  private:
    asio::io_context io_;
    asio::executor_work_guard<asio::io_context::executor_type> guard_{io_.get_executor()};
    std::vector<std::jthread> threads_;
};

class Server::Impl {
  public:
    Impl(const Router& router, ServerOptions options)
        : router_(router), options_(std::move(options)),
          io_(static_cast<int>(std::max<std::size_t>(1, options_.io_threads))),
          workers_(worker_count(options_)),
          admission_(workers_.size(), options_.max_queue_wait),
          acceptor_(asio::make_strand(io_)), signals_(io_), drain_timer_(io_) {
        boost::system::error_code error;
        const auto address = asio::ip::make_address(options_.host, error);
        if (error) {
            throw InputError("'" + options_.host +
                             "' is not an IP address; use --host 127.0.0.1, " +
                             "0.0.0.0 or another address of this machine");
        }
        const tcp::endpoint endpoint{address, options_.port};
        acceptor_.open(endpoint.protocol());
        acceptor_.set_option(asio::socket_base::reuse_address(true));
        acceptor_.bind(endpoint, error);
        if (error) {
            throw InputError("cannot listen on " + options_.host + ":" +
                             std::to_string(options_.port) + ": " + error.message() +
                             "; choose another --port or stop what uses it");
        }
        acceptor_.listen(asio::socket_base::max_listen_connections);
    }

    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

    Load load() {
        const std::lock_guard lock(mutex_);
        return {session_count_, idle_.size(), admission_.queued(), admission_.shedding()};
    }

    void run() {
        if (options_.stop_on_signals) {
            signals_.add(SIGINT);
            signals_.add(SIGTERM);
            signals_.async_wait([this](const boost::system::error_code& error, int) {
                if (!error) {
                    stop();
                }
            });
        }
        asio::co_spawn(acceptor_.get_executor(), accept(), asio::detached);
        std::vector<std::jthread> helpers;
        for (std::size_t t = 1; t < options_.io_threads; ++t) {
            helpers.emplace_back([this] { io_.run(); });
        }
        io_.run();
    }

    void stop() {
        if (stopping_.exchange(true)) {
            return;
        }
        asio::post(acceptor_.get_executor(), [this] {
            boost::system::error_code ignored;
            acceptor_.close(ignored);
            signals_.cancel(ignored);
            close_idle_sessions();
            // Whatever is still busy after the deadline is cut.
            drain_timer_.expires_after(options_.drain_deadline);
            drain_timer_.async_wait([this](const boost::system::error_code& error) {
                if (!error) {
                    io_.stop();
                }
            });
            const std::lock_guard lock(mutex_);
            if (session_count_ == 0) {
                drain_timer_.cancel(); // nothing in flight: run() returns now
            }
        });
    }

  private:
    /// A connection's state that stop() and the connection limit need: its socket, and its
    /// place among the idle connections (those waiting for a request's first byte), oldest
    /// first. Guarded by mutex_ but for the stream, which only its own strand touches.
    struct Session {
        beast::tcp_stream stream;
        bool idle = false;
        bool closing = false; ///< closed to make room; still counted until it leaves
        std::list<std::shared_ptr<Session>>::iterator idle_position;
        explicit Session(tcp::socket socket) : stream(std::move(socket)) {}
    };

    asio::awaitable<void> accept() {
        while (!stopping_) {
            boost::system::error_code error;
            tcp::socket socket = co_await acceptor_.async_accept(
                asio::make_strand(io_), asio::redirect_error(asio::use_awaitable, error));
            if (error) {
                if (stopping_ || error == asio::error::operation_aborted) {
                    break;
                }
                continue; // a connection that failed before it was accepted
            }
            if (!room_for_a_connection()) {
                router_.metrics().rejected("too_many_connections");
                continue; // closed as it goes out of scope
            }
            asio::co_spawn(socket.get_executor(), serve(std::move(socket)), asio::detached);
        }
    }

    asio::awaitable<void> serve(tcp::socket socket) {
        boost::system::error_code ignored_error;
        const auto peer = socket.remote_endpoint(ignored_error).address().to_string();
        auto session = std::make_shared<Session>(std::move(socket));
        enter();
        beast::flat_buffer buffer;
        for (;;) {
            if (buffer.size() == 0) { // else a pipelined request is already here
                const bool begun = co_await next_request_begins(session, buffer);
                if (!begun) {
                    break;
                }
            }
            http::request_parser<http::string_body> parser;
            parser.body_limit(options_.body_limit);
            session->stream.expires_after(options_.read_timeout);
            boost::system::error_code error;
            co_await http::async_read(session->stream, buffer, parser,
                                      asio::redirect_error(asio::use_awaitable, error));
            const auto started = std::chrono::steady_clock::now();
            if (error == http::error::body_limit) {
                router_.metrics().rejected("body_too_large");
                Request head = parser.release();
                auto response =
                    json_error(head, http::status::payload_too_large, "body_too_large",
                               "the request body is over " + std::to_string(options_.body_limit) +
                                   " bytes; send less text per request");
                response.keep_alive(false);
                secure(response);
                co_await http::async_write(session->stream, response,
                                           asio::redirect_error(asio::use_awaitable, error));
                break;
            }
            if (error) {
                // (A client that hangs up mid-request sent nothing malformed: it went away.)
                const bool malformed =
                    error.category() == make_error_code(http::error::bad_target).category() &&
                    error != http::error::end_of_stream && error != http::error::partial_message;
                if (error == beast::error::timeout && parser.got_some()) {
                    router_.metrics().rejected("read_timeout");
                } else if (malformed) {
                    router_.metrics().rejected("malformed");
                    co_await answer_malformed(*session, error);
                }
                break; // the client went away, sent garbage, or was too slow
            }
            router_.metrics().started();
            const Request& request = parser.get();
            Response response = co_await answer(request, peer, started);
            allow_origin(request, response);
            const bool keep_alive = response.keep_alive() && !stopping_;
            response.keep_alive(keep_alive);
            secure(response);
            // Counted before it is written, so that a client that reads its answer then asks
            // /metrics finds it counted.
            router_.metrics().finished(
                router_.route_label(request), response.result_int(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
            co_await http::async_write(session->stream, response,
                                       asio::redirect_error(asio::use_awaitable, error));
            log(request, response, started);
            if (error || !keep_alive) {
                break;
            }
        }
        boost::system::error_code ignored;
        session->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
        leave(session);
    }

    /// Waits, idle, up to the idle timeout, for the first bytes of the connection's next request
    /// and puts them in `buffer`; false when they do not come (timeout, the client closed, or
    /// the connection was closed for stop() or to make room).
    asio::awaitable<bool> next_request_begins(const std::shared_ptr<Session>& session,
                                              beast::flat_buffer& buffer) {
        if (!become_idle(session)) {
            co_return false;
        }
        session->stream.expires_after(options_.idle_timeout);
        boost::system::error_code error;
        const std::size_t received = co_await session->stream.async_read_some(
            buffer.prepare(4096), asio::redirect_error(asio::use_awaitable, error));
        buffer.commit(received);
        const bool busy = become_busy(*session);
        co_return busy && !error && received > 0;
    }

    /// 400 for a request that is not HTTP/1.x, then the connection ends.
    asio::awaitable<void> answer_malformed(Session& session,
                                           const boost::system::error_code& error) {
        Request unknown{http::verb::unknown, "/", 11};
        auto response = json_error(unknown, http::status::bad_request, "malformed_request",
                                   "this is not an HTTP/1.1 request (" + error.message() + ")");
        response.keep_alive(false);
        secure(response);
        boost::system::error_code ignored;
        co_await http::async_write(session.stream, response,
                                   asio::redirect_error(asio::use_awaitable, ignored));
    }

    /// The answer to `request` from `peer`, read at `started`: a CORS preflight, a refusal
    /// (rate limit, deadline), or the router's. A check is CPU work: it runs on the worker
    /// pool while the I/O threads go on serving the other connections.
    asio::awaitable<Response> answer(const Request& request, const std::string& peer,
                                     std::chrono::steady_clock::time_point started) {
        if (request.method() == http::verb::options) {
            co_return preflight(request);
        }
        std::chrono::steady_clock::duration retry_after{};
        if (!operations_route(request) && !admitted(peer, retry_after)) {
            router_.metrics().rejected("rate_limited");
            Response response = refusal(request, http::status::too_many_requests,
                                        "too many requests from your address; try again later");
            response.set(
                http::field::retry_after,
                std::to_string(std::chrono::ceil<std::chrono::seconds>(retry_after).count()));
            co_return response;
        }
        if (!router_.heavy(request)) {
            co_return router_.handle(request);
        }
        const std::size_t bytes = request.body().size();
        if (!admission_.admit(bytes)) {
            router_.metrics().rejected("overloaded");
            co_return overloaded(request);
        }
        co_return co_await asio::co_spawn(
            workers_.executor(),
            [&]() -> asio::awaitable<Response> {
                const auto now = std::chrono::steady_clock::now();
                admission_.started(bytes, now - started);
                if (now - started > options_.deadline) {
                    router_.metrics().rejected("deadline");
                    co_return overloaded(request);
                }
                Response response = router_.handle(request);
                admission_.finished(bytes, std::chrono::steady_clock::now() - now);
                co_return response;
            },
            asio::use_awaitable);
    }

    static std::size_t worker_count(const ServerOptions& options) {
        return options.workers != 0 ? options.workers
                                    : std::max(1U, std::thread::hardware_concurrency());
    }

    /// 503 for a check the server has no time for, with when to try again.
    static Response overloaded(const Request& request) {
        Response response = refusal(request, http::status::service_unavailable,
                                    "the server is overloaded; try again in a moment");
        response.set(http::field::retry_after, "1");
        return response;
    }

    /// The load balancer's and the monitoring's routes: never rate-limited.
    static bool operations_route(const Request& request) {
        const std::string_view path = path_of(request);
        return path == "/healthz" || path == "/readyz" || path == "/metrics";
    }

    /// True when a new connection may be served: under the limit, or once the connection idle
    /// longest has been told to close to make room for it.
    bool room_for_a_connection() {
        const std::lock_guard lock(mutex_);
        if (session_count_ - closing_count_ < options_.max_connections) {
            return true;
        }
        if (idle_.empty()) {
            return false;
        }
        close(idle_.front());
        router_.metrics().rejected("idle_closed_for_room");
        return true;
    }

    /// Takes the idle `session` off the idle list and tells it to close. Under mutex_.
    void close(std::shared_ptr<Session> session) {
        leave_idle(*session);
        session->closing = true;
        ++closing_count_;
        asio::post(session->stream.get_executor(), [session] { session->stream.cancel(); });
    }

    /// Puts `session` at the end of the idle list; false when it is to close instead.
    bool become_idle(const std::shared_ptr<Session>& session) {
        const std::lock_guard lock(mutex_);
        if (session->closing || stopping_) {
            return false;
        }
        session->idle = true;
        session->idle_position = idle_.insert(idle_.end(), session);
        return true;
    }

    /// Takes `session` off the idle list; false when it was told to close meanwhile.
    bool become_busy(Session& session) {
        const std::lock_guard lock(mutex_);
        leave_idle(session);
        return !session.closing;
    }

    /// Takes `session` off the idle list if it is on it. Under mutex_.
    void leave_idle(Session& session) {
        if (session.idle) {
            idle_.erase(session.idle_position);
            session.idle = false;
        }
    }

    /// A refusal in the answering API's manner: LanguageTool's routes answer in plain text.
    static Response refusal(const Request& request, http::status status, std::string_view message) {
        if (request.target().starts_with("/v2/")) {
            return plain_error(request, status, message);
        }
        return json_error(request, status,
                          status == http::status::too_many_requests ? "rate_limited" : "overloaded",
                          message);
    }

    /// Token bucket per client address: true when the request may go on; else how long until
    /// it could.
    bool admitted(const std::string& peer, std::chrono::steady_clock::duration& retry_after) {
        if (options_.rate_limit <= 0) {
            return true;
        }
        const auto now = std::chrono::steady_clock::now();
        const std::lock_guard lock(buckets_mutex_);
        if (buckets_.size() > kTrackedClients) { // forget the clients whose buckets are full again
            const auto refill =
                std::chrono::duration<double>(options_.rate_burst / options_.rate_limit);
            std::erase_if(buckets_,
                          [&](const auto& entry) { return now - entry.second.updated > refill; });
        }
        auto [bucket, fresh] = buckets_.try_emplace(peer, Bucket{options_.rate_burst, now});
        if (!fresh) {
            const double elapsed =
                std::chrono::duration<double>(now - bucket->second.updated).count();
            bucket->second.tokens = std::min(options_.rate_burst,
                                             bucket->second.tokens + elapsed * options_.rate_limit);
            bucket->second.updated = now;
        }
        if (bucket->second.tokens >= 1) {
            bucket->second.tokens -= 1;
            return true;
        }
        retry_after = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>((1 - bucket->second.tokens) / options_.rate_limit));
        return false;
    }

    bool origin_allowed(const Request& request) const {
        const auto origin = request.find(http::field::origin);
        return origin != request.end() &&
               std::find(options_.cors_origins.begin(), options_.cors_origins.end(),
                         origin->value()) != options_.cors_origins.end();
    }

    void allow_origin(const Request& request, Response& response) const {
        if (origin_allowed(request)) {
            response.set(http::field::access_control_allow_origin, request[http::field::origin]);
            response.set(http::field::vary, "Origin");
        }
    }

    /// CORS preflight: 204 with what an allowed origin may send, 403 for any other.
    Response preflight(const Request& request) const {
        if (!origin_allowed(request)) {
            return json_error(request, http::status::forbidden, "origin_not_allowed",
                              "this origin may not call the API; the server's --cors-origin lists "
                              "those that may");
        }
        Response response{http::status::no_content, request.version()};
        response.set(http::field::access_control_allow_methods, "GET, HEAD, POST, OPTIONS");
        response.set(http::field::access_control_allow_headers, "Content-Type");
        response.set(http::field::access_control_max_age, "600");
        response.keep_alive(request.keep_alive());
        response.prepare_payload();
        return response;
    }

    /// One JSON line: what was asked and answered, never what was sent.
    void log(const Request& request, const Response& response,
             std::chrono::steady_clock::time_point started) const {
        if (!options_.log) {
            return;
        }
        const auto now = std::chrono::system_clock::now();
        const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
        const auto millis =
            std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
            1000;
        std::tm utc{};
        gmtime_r(&seconds, &utc);
        char time[64];
        std::snprintf(time, sizeof time, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                      utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                      static_cast<int>(millis));
        const nlohmann::json line{
            {"time", time},
            {"method", std::string(request.method_string())},
            {"route", std::string(path_of(request))},
            {"status", response.result_int()},
            {"duration_ms", std::round(std::chrono::duration<double, std::milli>(
                                           std::chrono::steady_clock::now() - started)
                                           .count() *
                                       100) /
                                100},
            {"bytes", response.body().size()}};
        options_.log(line.dump());
    }

    void enter() {
        const std::lock_guard lock(mutex_);
        ++session_count_;
    }

    void leave(const std::shared_ptr<Session>& session) {
        const std::lock_guard lock(mutex_);
        leave_idle(*session);
        if (session->closing) {
            --closing_count_;
        }
        if (--session_count_ == 0 && stopping_) {
            asio::post(acceptor_.get_executor(), [this] { drain_timer_.cancel(); });
        }
    }

    void close_idle_sessions() {
        const std::lock_guard lock(mutex_);
        while (!idle_.empty()) {
            close(idle_.front());
        }
    }

    const Router& router_;
    ServerOptions options_;
    asio::io_context io_;
    WorkerPool workers_;
    Admission admission_;
    tcp::acceptor acceptor_;
    asio::signal_set signals_;
    asio::steady_timer drain_timer_;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::list<std::shared_ptr<Session>> idle_; ///< the idle sessions, longest idle first
    std::size_t closing_count_ = 0;

    struct Bucket {
        double tokens;
        std::chrono::steady_clock::time_point updated;
    };
    static constexpr std::size_t kTrackedClients = 100'000;
    std::mutex buckets_mutex_;
    std::map<std::string, Bucket> buckets_; ///< per client address, for the rate limit
    std::size_t session_count_ = 0;
};

std::function<void(std::string_view)> log_to_stdout() {
    return [](std::string_view line) {
        static std::mutex mutex;
        const std::lock_guard lock(mutex);
        std::cout << line << '\n' << std::flush;
    };
}

Server::Server(const Router& router, ServerOptions options)
    : impl_(std::make_unique<Impl>(router, std::move(options))) {}
Server::~Server() = default;

std::uint16_t Server::port() const {
    return impl_->port();
}

Server::Load Server::load() const {
    return impl_->load();
}

void Server::run() {
    impl_->run();
}

void Server::stop() {
    impl_->stop();
}

} // namespace atk::server
