#pragma once
// What a shell command prints on its standard output: for tests that compare with a reference
// program (Apertium's own tools).
#include <array>
#include <cstdio>
#include <memory>
#include <string>

namespace atk::test {

inline std::string command_output(const std::string& command) {
    const std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    std::string out;
    std::array<char, 4096> chunk{};
    for (std::size_t n; pipe && (n = std::fread(chunk.data(), 1, chunk.size(), pipe.get())) > 0;) {
        out.append(chunk.data(), n);
    }
    return out;
}

} // namespace atk::test
