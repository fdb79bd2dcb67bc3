#pragma once
#include <CLI/CLI.hpp>

namespace atk::cli {

/// Adds `check` to `app`; running it sets `exit_code` (0 clean, 1 findings, 2 input error).
void add_check_command(CLI::App& app, int& exit_code);

} // namespace atk::cli
