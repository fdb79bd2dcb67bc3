#include "translate/pipeline.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace atk::translate {
namespace {

/// Splits one stage into its words: blanks separate, single or double quotes group.
std::vector<std::string> stage_words(std::string_view stage, std::string_view generator_option,
                                     std::string_view tagger_option) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    for (std::size_t i = 0; i < stage.size(); ++i) {
        const char c = stage[i];
        if (c == '\'' || c == '"') {
            const auto close = stage.find(c, i + 1);
            if (close == std::string_view::npos) {
                throw std::invalid_argument("unclosed quote in: " + std::string(stage));
            }
            word += stage.substr(i + 1, close - i - 1);
            in_word = true;
            i = close;
        } else if (c == ' ' || c == '\t' || c == '\n') {
            if (in_word) {
                words.push_back(std::move(word));
                word.clear();
            }
            in_word = false;
        } else {
            word += c;
            in_word = true;
        }
    }
    if (in_word) {
        words.push_back(std::move(word));
    }
    std::vector<std::string> substituted;
    for (auto& w : words) {
        if (w == "$1" || w == "$2") {
            const auto option = w == "$1" ? generator_option : tagger_option;
            if (!option.empty()) {
                substituted.emplace_back(option);
            }
        } else if (w.find('$') != std::string::npos) {
            throw std::invalid_argument("unexpected shell variable in: " + std::string(stage));
        } else {
            substituted.push_back(std::move(w));
        }
    }
    return substituted;
}

void close_fd(int& fd) {
    if (fd >= 0) {
        ::close(fd);
        fd = -1;
    }
}

} // namespace

std::vector<std::vector<std::string>> parse_pipeline(std::string_view command,
                                                     std::string_view generator_option,
                                                     std::string_view tagger_option) {
    std::vector<std::vector<std::string>> stages;
    std::size_t begin = 0;
    char quote = 0;
    for (std::size_t i = 0; i <= command.size(); ++i) {
        const char c = i < command.size() ? command[i] : '|';
        if (quote != 0) {
            quote = c == quote ? 0 : quote;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '|') {
            auto words =
                stage_words(command.substr(begin, i - begin), generator_option, tagger_option);
            if (words.empty()) {
                throw std::invalid_argument("empty stage in: " + std::string(command));
            }
            stages.push_back(std::move(words));
            begin = i + 1;
        }
    }
    if (quote != 0) {
        throw std::invalid_argument("unclosed quote in: " + std::string(command));
    }
    return stages;
}

Pipeline::Pipeline(const std::vector<std::vector<std::string>>& stages) {
    // A stage that dies while we write to it must not take the process down with SIGPIPE:
    // the write fails with EPIPE instead, which translate() reports.
    static const bool sigpipe_ignored = [] { return std::signal(SIGPIPE, SIG_IGN) != SIG_ERR; }();
    (void)sigpipe_ignored;

    int input[2];
    if (::pipe2(input, O_CLOEXEC) != 0) {
        throw PipelineError(std::string("cannot make a pipe: ") + std::strerror(errno));
    }
    to_first_ = input[1];
    int next_input = input[0];
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (const int signal : {SIGPIPE, SIGTERM, SIGINT, SIGHUP}) {
        sigaddset(&defaults, signal);
    }
    sigset_t none;
    sigemptyset(&none);
    std::string failure;
    for (const auto& stage : stages) {
        int output[2];
        if (::pipe2(output, O_CLOEXEC) != 0) {
            failure = std::string("cannot make a pipe: ") + std::strerror(errno);
            break;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, next_input, STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, null, STDERR_FILENO);
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF |
                                                  POSIX_SPAWN_SETSIGMASK);
        posix_spawnattr_setpgroup(&attributes, group_);
        posix_spawnattr_setsigdefault(&attributes, &defaults);
        posix_spawnattr_setsigmask(&attributes, &none);
        std::vector<char*> argv;
        for (const auto& word : stage) {
            argv.push_back(const_cast<char*>(word.c_str()));
        }
        argv.push_back(nullptr);
        pid_t pid = 0;
        const int spawned =
            posix_spawnp(&pid, argv[0], &actions, &attributes, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
        ::close(next_input);
        ::close(output[1]);
        next_input = output[0];
        if (spawned != 0) {
            failure = "cannot start " + stage[0] + ": " + std::strerror(spawned) +
                      " (is Apertium installed? make deps)";
            break;
        }
        if (group_ == 0) {
            group_ = pid;
        }
        stages_.push_back(pid);
    }
    if (null >= 0) {
        ::close(null);
    }
    from_last_ = next_input;
    if (!failure.empty()) {
        stop();
        throw PipelineError(failure);
    }
    ::fcntl(to_first_, F_SETFL, ::fcntl(to_first_, F_GETFL) | O_NONBLOCK);
    ::fcntl(from_last_, F_SETFL, ::fcntl(from_last_, F_GETFL) | O_NONBLOCK);
}

Pipeline::~Pipeline() {
    stop();
}

void Pipeline::stop() {
    if (group_ > 0) {
        ::kill(-group_, SIGKILL);
    }
    close_fd(to_first_);
    close_fd(from_last_);
    for (const pid_t pid : stages_) {
        if (pid > 0) {
            ::waitpid(pid, nullptr, 0);
        }
    }
    stages_.clear();
    group_ = 0;
}

bool Pipeline::alive() {
    bool all = true;
    for (pid_t& pid : stages_) {
        const pid_t waited = pid > 0 ? ::waitpid(pid, nullptr, WNOHANG) : -1;
        if (waited == pid || (waited < 0 && errno == ECHILD)) {
            pid = -1; // exited (reaped here, or by someone else)
        }
        all = all && pid > 0;
    }
    return all;
}

std::string Pipeline::translate(std::string_view message, std::chrono::milliseconds timeout) {
    const std::string nonce = "[atk-nonce:" + std::to_string(++nonce_) + "]";
    std::string request = nonce;
    request += message;
    request += '\0';
    std::string answer;
    exchange(request, answer, std::chrono::steady_clock::now() + timeout);
    if (!answer.starts_with(nonce)) {
        throw PipelineError("the pipeline answered out of turn");
    }
    return answer.substr(nonce.size());
}

/// Writes `request` while reading the answer (a long text comes back before it is all
/// written), up to the answer's NUL.
void Pipeline::exchange(const std::string& request, std::string& answer,
                        std::chrono::steady_clock::time_point deadline) {
    std::size_t written = 0;
    char chunk[16384];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            throw PipelineError("the pipeline did not answer in time");
        }
        pollfd fds[2] = {{from_last_, POLLIN, 0}, {to_first_, POLLOUT, 0}};
        const nfds_t count = written < request.size() ? 2 : 1;
        if (::poll(fds, count, static_cast<int>(left.count())) < 0 && errno != EINTR) {
            throw PipelineError(std::string("poll failed: ") + std::strerror(errno));
        }
        if (count == 2 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP)) != 0) {
            const auto n = ::write(to_first_, request.data() + written, request.size() - written);
            if (n < 0 && errno != EAGAIN && errno != EINTR) {
                throw PipelineError("the pipeline stopped reading: " +
                                    std::string(std::strerror(errno)));
            }
            written += n > 0 ? static_cast<std::size_t>(n) : 0;
        }
        if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
            const auto n = ::read(from_last_, chunk, sizeof chunk);
            if (n == 0) {
                throw PipelineError("the pipeline ended");
            }
            if (n < 0 && errno != EAGAIN && errno != EINTR) {
                throw PipelineError(std::string("read failed: ") + std::strerror(errno));
            }
            if (n > 0) {
                answer.append(chunk, static_cast<std::size_t>(n));
                if (const auto end = answer.find('\0'); end != std::string::npos) {
                    answer.resize(end);
                    return;
                }
            }
        }
    }
}

} // namespace atk::translate
