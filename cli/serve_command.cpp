#include "serve_command.hpp"

#include "check.hpp"
#include "checker_config.hpp"
#include "error.hpp"
#include "server/server.hpp"
#include "server/thread_priority.hpp"
#include "translate/translator.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <sys/resource.h>
#include <thread>

namespace atk::cli {
namespace {

struct ServeArguments {
    server::ServerOptions server;
    server::ApiLimits limits;
    double drain_seconds = 10;
    double deadline_seconds = 10;
    double idle_timeout_seconds = 75;
    double max_queue_wait_ms = 500;
    double translation_timeout_seconds = 10;
    std::string static_dir; ///< empty: the build's web output beside the binary, if any
    std::size_t suggestion_cache = 20'000;
    translate::TranslatorConfig translation = [] {
        translate::TranslatorConfig config;
        config.cache = 10'000;
        return config;
    }();
};

/// The web UI to serve: `static_dir` when given (an error when it holds no UI), else the
/// build's or installation's web output, <data folder>/web (beside the rules and spelling
/// data: build/share/analyst-toolkit/web), when it has been built.
std::optional<server::StaticFiles> web_ui(const std::string& static_dir) {
    if (!static_dir.empty()) {
        return server::StaticFiles(static_dir);
    }
    const auto built = checker_config().data_directory / "web";
    if (!std::filesystem::exists(built / "index.html")) {
        std::cerr << "analyst-toolkit: no web UI at " << built.string()
                  << " (not built); serving the API only\n";
        return std::nullopt;
    }
    return server::StaticFiles(built);
}

/// Raises this process's soft limit on open files to its hard limit (each connection is one),
/// and returns `wanted` or, when even that limit is too low, as many connections as it leaves
/// room for (saying so).
std::size_t connections_within_file_limit(std::size_t wanted) {
    constexpr rlim_t kReserved = 256; // dictionaries, pipelines, the log, the listener
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return wanted;
    }
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) {
            limit = raised;
        }
    }
    if (limit.rlim_cur == RLIM_INFINITY || wanted + kReserved <= limit.rlim_cur) {
        return wanted;
    }
    const std::size_t room =
        limit.rlim_cur > kReserved * 2 ? static_cast<std::size_t>(limit.rlim_cur - kReserved) : 1;
    std::cerr << "analyst-toolkit: warning: " + std::to_string(limit.rlim_cur) +
                     " open files allowed (ulimit -n); serving at most " + std::to_string(room) +
                     " connections instead of " + std::to_string(wanted) +
                     " (raise LimitNOFILE or lower --max-connections)\n";
    return room;
}

int serve(const ServeArguments& args) {
    const auto ui = web_ui(args.static_dir);
    translate::TranslatorConfig translation = args.translation;
    translation.timeout =
        std::chrono::milliseconds(static_cast<long>(args.translation_timeout_seconds * 1000));
    CheckerConfig config = checker_config();
    config.suggestion_cache = args.suggestion_cache;
    config.apertium_modes_directory = translation.modes_directory; // synonyms' lemmas and forms
    const Checker checker(config);
    const translate::Translator translator(translation);
    server::Router router(checker, args.limits, ui ? &*ui : nullptr, &translator);
    server::ServerOptions options = args.server;
    options.drain_deadline =
        std::chrono::milliseconds(static_cast<long>(args.drain_seconds * 1000));
    options.deadline = std::chrono::milliseconds(static_cast<long>(args.deadline_seconds * 1000));
    options.idle_timeout =
        std::chrono::milliseconds(static_cast<long>(args.idle_timeout_seconds * 1000));
    options.max_queue_wait =
        std::chrono::milliseconds(static_cast<long>(args.max_queue_wait_ms));
    options.max_connections = connections_within_file_limit(options.max_connections);
    options.stop_on_signals = true;
    options.log = server::log_to_stdout();
    server::Server http(router, options);
    // Ready once every installed language's dictionary and rules are loaded; alive at once.
    // Loaded at a lower priority, as checks run: beside instances already serving on the same
    // cores (a rolling restart on one host), a starting one must not starve them.
    std::jthread loading([&checker, &router] {
        server::lower_this_thread_priority();
        for (const auto& language : checker.languages()) {
            checker.preload(language.code);
        }
        router.set_ready(true);
    });
    // One write, so that a reader of standard error never sees half the port.
    std::cerr << "analyst-toolkit: serving on http://" + options.host + ':' +
                     std::to_string(http.port()) +
                     (ui ? " with the web UI from " + ui->root().string() : std::string()) +
                     " (SIGTERM or Ctrl-C stops it)\n";
    http.run();
    std::cerr << "analyst-toolkit: stopped\n";
    return 0;
}

} // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<ServeArguments>();
    CLI::App* command = app.add_subcommand("serve", "Serve the HTTP API and the web UI");
    command->add_option("--host", args->server.host, "Address to listen on")
        ->envname("ATK_HOST")
        ->capture_default_str();
    command->add_option("--port", args->server.port, "Port to listen on (0: any free one)")
        ->envname("ATK_PORT")
        ->capture_default_str();
    command
        ->add_option("--static-dir", args->static_dir,
                     "The web UI's built files (default: the build's web output, if built)")
        ->envname("ATK_STATIC_DIR");
    command
        ->add_option("--apertium-modes", args->translation.modes_directory,
                     "Apertium's modes folder: each language pair's pipelines (translation, and "
                     "the lemmas and forms of synonyms)")
        ->envname("ATK_APERTIUM_MODES")
        ->capture_default_str();
    command
        ->add_option("--translation-cache", args->translation.cache,
                     "Paragraphs whose translations are kept for later requests (0: none)")
        ->envname("ATK_TRANSLATION_CACHE")
        ->check(CLI::Range(0, 10'000'000))
        ->capture_default_str();
    command
        ->add_option("--translation-timeout-seconds", args->translation_timeout_seconds,
                     "A translation pipeline silent this long (plus 1 s per 10 KB) is restarted "
                     "and its request answered 503")
        ->envname("ATK_TRANSLATION_TIMEOUT_SECONDS")
        ->check(CLI::Range(0.1, 3600.0))
        ->capture_default_str();
    command->add_option("--io-threads", args->server.io_threads, "Threads for network I/O")
        ->envname("ATK_IO_THREADS")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    command
        ->add_option("--workers", args->server.workers,
                     "Threads for checks and translations, at a lower priority than the I/O "
                     "ones (0: one per core)")
        ->envname("ATK_WORKERS")
        ->check(CLI::Range(0, 256))
        ->capture_default_str();
    command
        ->add_option("--drain-seconds", args->drain_seconds,
                     "After SIGTERM, how long requests in flight may take to finish")
        ->envname("ATK_DRAIN_SECONDS")
        ->check(CLI::Range(0.0, 3600.0))
        ->capture_default_str();
    command
        ->add_option("--max-connections", args->server.max_connections,
                     "Connections open at once; at the limit the longest idle is closed "
                     "to make room, or the new one when none is idle")
        ->envname("ATK_MAX_CONNECTIONS")
        ->check(CLI::Range(1, 1'000'000))
        ->capture_default_str();
    command
        ->add_option("--body-limit", args->server.body_limit,
                     "Largest request body, in bytes (more: 413)")
        ->envname("ATK_BODY_LIMIT")
        ->check(CLI::Range(1024, 256 << 20))
        ->capture_default_str();
    command
        ->add_option("--max-text", args->limits.max_text,
                     "Largest text per check, in bytes (more: 413)")
        ->envname("ATK_MAX_TEXT")
        ->check(CLI::Range(1, 256 << 20))
        ->capture_default_str();
    command
        ->add_option("--deadline-seconds", args->deadline_seconds,
                     "A check still queued after this long gets 503 (load shedding)")
        ->envname("ATK_DEADLINE_SECONDS")
        ->check(CLI::Range(0.1, 3600.0))
        ->capture_default_str();
    command
        ->add_option("--max-queue-wait-ms", args->max_queue_wait_ms,
                     "While checks wait longer than this for a worker, new ones get 503 at once")
        ->envname("ATK_MAX_QUEUE_WAIT_MS")
        ->check(CLI::Range(1.0, 3'600'000.0))
        ->capture_default_str();
    command
        ->add_option("--idle-timeout-seconds", args->idle_timeout_seconds,
                     "How long a kept-alive connection may wait for its next request")
        ->envname("ATK_IDLE_TIMEOUT_SECONDS")
        ->check(CLI::Range(0.1, 3600.0))
        ->capture_default_str();
    command
        ->add_option("--suggestion-cache", args->suggestion_cache,
                     "Misspelt words whose suggestions are kept for later requests (0: none)")
        ->envname("ATK_SUGGESTION_CACHE")
        ->check(CLI::Range(0, 10'000'000))
        ->capture_default_str();
    command
        ->add_option("--rate-limit", args->server.rate_limit,
                     "Requests per second per client address (0: none)")
        ->envname("ATK_RATE_LIMIT")
        ->check(CLI::Range(0.0, 1e6))
        ->capture_default_str();
    command
        ->add_option("--rate-burst", args->server.rate_burst,
                     "Requests a client may send at once over the rate")
        ->envname("ATK_RATE_BURST")
        ->check(CLI::Range(1.0, 1e6))
        ->capture_default_str();
    command
        ->add_option(
            "--cors-origin", args->server.cors_origins,
            "An origin whose pages may call the API (repeat, or a comma list in ATK_CORS_ORIGINS)")
        ->envname("ATK_CORS_ORIGINS")
        ->delimiter(',');
    command->callback([args, &exit_code] {
        try {
            exit_code = serve(*args);
        } catch (const InputError& e) {
            std::cerr << "analyst-toolkit: error: " << e.what() << '\n';
            exit_code = 2;
        }
    });
}

} // namespace atk::cli
