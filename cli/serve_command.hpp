#pragma once
#include <CLI/CLI.hpp>

namespace atk::cli {

/// Adds `serve`: the HTTP server (server/), until SIGTERM or SIGINT, after which it finishes
/// the requests in flight and exits 0. Each option is also an ATK_* environment variable.
void add_serve_command(CLI::App& app, int& exit_code);

} // namespace atk::cli
