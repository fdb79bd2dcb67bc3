#pragma once
// Runs the analyst-toolkit binary the way a user or a CI pipeline does.
#include <string>
#include <vector>

namespace atk::test {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Runs the built binary with `args` from the repository root, with `stdin_text` on its
/// standard input and `environment` ("NAME=value") added to its environment, and captures
/// everything.
RunResult run_toolkit(const std::vector<std::string>& args, const std::string& stdin_text = "",
                      const std::vector<std::string>& environment = {});

/// Reads a whole file; "" when it does not exist.
std::string read_file(const std::string& path);

} // namespace atk::test
