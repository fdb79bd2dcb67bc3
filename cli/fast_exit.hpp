#pragma once
// The command-line tool ends with std::_Exit once its output is flushed: freeing a loaded
// dictionary (about a hundred thousand small allocations) takes longer than checking a small
// file, and the operating system reclaims the memory at once. Objects that only the exit
// would free are handed to keep_until_exit, which keeps them reachable (leak checkers stay
// quiet) and, in builds with ATK_FULL_TEARDOWN (the sanitizer builds), destroys them at exit.
#include <memory>
#include <vector>

namespace atk::cli {

template <typename T>
T& keep_until_exit(std::unique_ptr<T> object) {
    static std::vector<std::shared_ptr<void>> kept;
    T& reference = *object;
    kept.push_back(std::shared_ptr<T>(std::move(object)));
    return reference;
}

/// Flushes the standard streams and ends the process with `code`, skipping destructors
/// unless ATK_FULL_TEARDOWN is defined.
[[noreturn]] void exit_now(int code);

} // namespace atk::cli
