#include "serve_command.hpp"

#include "check.hpp"
#include "checker_config.hpp"
#include "error.hpp"
#include "server/server.hpp"

#include <iostream>
#include <memory>
#include <thread>

namespace atk::cli {
namespace {

struct ServeArguments {
    server::ServerOptions server;
    double drain_seconds = 10;
};

int serve(const ServeArguments& args) {
    const Checker checker(checker_config());
    server::Router router(checker);
    server::ServerOptions options = args.server;
    options.drain_deadline =
        std::chrono::milliseconds(static_cast<long>(args.drain_seconds * 1000));
    options.stop_on_signals = true;
    options.log = server::log_to_stdout();
    server::Server http(router, options);
    // Ready once every installed language's dictionary and rules are loaded; alive at once.
    std::jthread loading([&checker, &router] {
        for (const auto& language : checker.languages()) {
            checker.preload(language.code);
        }
        router.set_ready(true);
    });
    std::cerr << "analyst-toolkit: serving on http://" << options.host << ':' << http.port()
              << " (SIGTERM or Ctrl-C stops it)\n";
    http.run();
    std::cerr << "analyst-toolkit: stopped\n";
    return 0;
}

} // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<ServeArguments>();
    CLI::App* command =
        app.add_subcommand("serve", "Serve the HTTP API (and, once built, the web UI)");
    command->add_option("--host", args->server.host, "Address to listen on")
        ->envname("ATK_HOST")
        ->capture_default_str();
    command->add_option("--port", args->server.port, "Port to listen on (0: any free one)")
        ->envname("ATK_PORT")
        ->capture_default_str();
    command->add_option("--io-threads", args->server.io_threads, "Threads for network I/O")
        ->envname("ATK_IO_THREADS")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    command
        ->add_option("--drain-seconds", args->drain_seconds,
                     "After SIGTERM, how long requests in flight may take to finish")
        ->envname("ATK_DRAIN_SECONDS")
        ->check(CLI::Range(0.0, 3600.0))
        ->capture_default_str();
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
