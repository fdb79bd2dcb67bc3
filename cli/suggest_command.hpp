#pragma once
#include <CLI/CLI.hpp>

namespace atk::cli {

/// Adds `suggest` to `app`: words on standard input, one per line; for each, a line with the
/// word, a tab, and its suggestions separated by tabs (nothing after the tab when correct).
void add_suggest_command(CLI::App& app, int& exit_code);

} // namespace atk::cli
