#include "replace_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace atk::cli {
namespace {

bool write_all(int fd, std::string_view content) {
    while (!content.empty()) {
        const ssize_t written = ::write(fd, content.data(), content.size());
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written <= 0) {
            return false;
        }
        content.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

} // namespace

std::optional<std::string> replace_file(const std::filesystem::path& path, std::string_view content,
                                        bool keep_original) {
    auto failure = [&](const std::string& what) {
        return "cannot write " + path.string() + " (" + what + ": " + std::strerror(errno) +
               "); the original is unchanged";
    };
    struct stat original {};
    if (::stat(path.c_str(), &original) != 0) {
        return failure("stat");
    }
    std::string temporary =
        (path.parent_path() / ("." + path.filename().string() + ".atk-XXXXXX")).string();
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) {
        return failure("create a temporary file");
    }
    const bool written =
        write_all(fd, content) && ::fchmod(fd, original.st_mode & 07777) == 0 && ::fsync(fd) == 0;
    const int saved_errno = errno;
    const bool closed = ::close(fd) == 0;
    if (!written || !closed) {
        ::unlink(temporary.c_str());
        errno = written ? errno : saved_errno;
        return failure("write");
    }
    if (keep_original) {
        std::error_code error;
        std::filesystem::copy_file(path, path.string() + ".orig",
                                   std::filesystem::copy_options::overwrite_existing, error);
        if (error) {
            ::unlink(temporary.c_str());
            errno = error.value();
            return failure("keep the original as .orig");
        }
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int rename_errno = errno;
        ::unlink(temporary.c_str());
        errno = rename_errno;
        return failure("rename");
    }
    return std::nullopt;
}

} // namespace atk::cli
