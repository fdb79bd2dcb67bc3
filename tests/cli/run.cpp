#include "run.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace atk::test {
namespace {

std::string quote(const std::string& arg) {
    std::string out = "'";
    for (const char c : arg) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

} // namespace

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

RunResult run_toolkit(const std::vector<std::string>& args, const std::string& stdin_text,
                      const std::vector<std::string>& environment) {
    const auto dir =
        std::filesystem::temp_directory_path() /
        ("atk-cli-run-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
    std::filesystem::create_directories(dir);
    const auto in = dir / "stdin";
    std::ofstream(in, std::ios::binary) << stdin_text;
    std::string command = "cd " + quote(ATK_SOURCE_DIR) + " && env";
    for (const auto& variable : environment) {
        command += " " + quote(variable);
    }
    command += " " + quote(ATK_BINARY);
    for (const auto& arg : args) {
        command += " " + quote(arg);
    }
    command += " <" + quote(in) + " >" + quote(dir / "out") + " 2>" + quote(dir / "err");
    const int status = std::system(command.c_str());
    RunResult run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = read_file(dir / "out");
    run.err = read_file(dir / "err");
    std::filesystem::remove_all(dir);
    return run;
}

} // namespace atk::test
