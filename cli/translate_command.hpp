#pragma once
#include <CLI/CLI.hpp>

namespace atk::cli {

/// Adds `translate` to `app`: a document translated with the installed Apertium pairs,
/// written to standard output; untranslated words listed on standard error.
void add_translate_command(CLI::App& app, int& exit_code);

} // namespace atk::cli
