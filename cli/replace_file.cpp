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
        // Copied beside, then renamed over .orig: a full disk leaves no half copy, and an
        // earlier .orig stays whole until the new one is.
        std::string copy = (path.parent_path() / ("." + path.filename().string() + ".orig-XXXXXX"))
                               .string();
        const int copy_fd = ::mkstemp(copy.data());
        std::error_code error;
        if (copy_fd < 0) {
            error.assign(errno, std::generic_category());
        } else {
            ::close(copy_fd);
            std::filesystem::copy_file(path, copy,
                                       std::filesystem::copy_options::overwrite_existing, error);
            if (!error && ::rename(copy.c_str(), (path.string() + ".orig").c_str()) != 0) {
                error.assign(errno, std::generic_category());
            }
            if (error) {
                ::unlink(copy.c_str());
            }
        }
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
