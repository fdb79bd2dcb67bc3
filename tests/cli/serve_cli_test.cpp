// `analyst-toolkit serve` as an operator runs it: a real process, a real port, SIGTERM.
#include "run.hpp"
#include "scratch_dir.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <iterator>
#include <map>
#include <optional>
#include <netinet/in.h>
#include <poll.h>
#include <spawn.h>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

extern char** environ;

using testing::HasSubstr;

namespace {

/// The binary serving on a free port with `options`, its standard error read until it says
/// where.
class ServeProcess {
  public:
    /// `launcher`: a command that runs the binary (prlimit ... ), or none.
    explicit ServeProcess(std::vector<std::string> options = {},
                          std::vector<std::string> launcher = {}) {
        int pipe_fds[2];
        EXPECT_EQ(::pipe(pipe_fds), 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
        posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
        std::vector<std::string> arguments = std::move(launcher);
        for (const char* argument : {ATK_BINARY, "serve", "--port", "0"}) {
            arguments.emplace_back(argument);
        }
        arguments.insert(arguments.end(), options.begin(), options.end());
        std::vector<char*> argv;
        for (auto& argument : arguments) {
            argv.push_back(argument.data());
        }
        argv.push_back(nullptr);
        EXPECT_EQ(posix_spawnp(&pid_, argv[0], &actions, nullptr, argv.data(), environ), 0);
        posix_spawn_file_actions_destroy(&actions);
        ::close(pipe_fds[1]);
        stderr_ = pipe_fds[0];
        const std::string marker = "http://127.0.0.1:";
        while (log_.find(marker) == std::string::npos ||
               log_.find(' ', log_.find(marker)) == std::string::npos) {
            if (!read_some()) {
                break;
            }
        }
        const auto at = log_.find(marker);
        port_ = at == std::string::npos ? 0 : std::stoi(log_.substr(at + marker.size()));
    }
    ~ServeProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        ::close(stderr_);
    }

    int port() const { return port_; }
    pid_t pid() const { return pid_; }

    /// Sends SIGTERM and returns the exit status: -1 unless it exits normally within 15 s
    /// (then it is killed).
    int terminate() {
        ::kill(pid_, SIGTERM);
        int status = 0;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
        while (::waitpid(pid_, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) {
                return -1; // the destructor kills it
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        pid_ = -1;
        while (read_some()) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

    const std::string& log() const { return log_; }

  private:
    /// Appends what the process wrote to standard error; false at its end, or after ten
    /// seconds of silence (a test never hangs on a process that says nothing).
    bool read_some() {
        pollfd ready{stderr_, POLLIN, 0};
        if (::poll(&ready, 1, 10'000) <= 0) {
            return false;
        }
        char chunk[256];
        const auto n = ::read(stderr_, chunk, sizeof chunk);
        if (n <= 0) {
            return false;
        }
        log_.append(chunk, static_cast<std::size_t>(n));
        return true;
    }

    pid_t pid_ = -1;
    int stderr_ = -1;
    int port_ = 0;
    std::string log_;
};

/// One HTTP/1.1 request over a fresh connection; the whole answer.
std::string http_request(int port, const std::string& method, const std::string& target,
                         const std::string& body = "") {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return "";
    }
    const std::string request = method + " " + target +
                                " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                "Content-Type: application/json\r\nContent-Length: " +
                                std::to_string(body.size()) + "\r\n\r\n" + body;
    ::send(fd, request.data(), request.size(), 0);
    std::string answer;
    char chunk[1024];
    for (ssize_t n; (n = ::recv(fd, chunk, sizeof chunk, 0)) > 0;) {
        answer.append(chunk, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return answer;
}

std::string http_get(int port, const std::string& target) {
    return http_request(port, "GET", target);
}

/// The processes `pid` started (for a server: its translation pipelines' stages).
std::vector<pid_t> children_of(pid_t pid) {
    std::vector<pid_t> children;
    for (const auto& task :
         std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task")) {
        std::ifstream in(task.path() / "children");
        for (pid_t child = 0; in >> child;) {
            children.push_back(child);
        }
    }
    return children;
}

/// Field `field` (numbered from 1, as in proc(5)) of the stat file `stat_file` of a process or
/// thread, from field 3 on; nullopt when it has ended.
std::optional<long> stat_field(const std::filesystem::path& stat_file, int field) {
    std::ifstream in(stat_file);
    const std::string stat{std::istreambuf_iterator<char>(in), {}};
    const auto after_name = stat.rfind(')'); // the name may hold spaces
    if (after_name == std::string::npos || after_name + 2 > stat.size()) {
        return std::nullopt;
    }
    std::istringstream fields(stat.substr(after_name + 2)); // from field 3, the state
    std::string skipped;
    for (int f = 3; f < field && fields >> skipped; ++f) {
    }
    long value = 0;
    return fields >> value ? std::optional<long>(value) : std::nullopt;
}

/// The nice value of each thread of process `pid`.
std::map<pid_t, int> thread_nice_values(pid_t pid) {
    std::map<pid_t, int> nice_values;
    for (const auto& task :
         std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task")) {
        if (const auto nice = stat_field(task.path() / "stat", 19)) {
            nice_values[std::stoi(task.path().filename().string())] = static_cast<int>(*nice);
        }
    }
    return nice_values;
}

/// The CPU time (user and system, in clock ticks) processes `pids` have used so far.
long cpu_ticks(const std::vector<pid_t>& pids) {
    long ticks = 0;
    for (const pid_t pid : pids) {
        const std::filesystem::path stat = "/proc/" + std::to_string(pid) + "/stat";
        ticks += stat_field(stat, 14).value_or(0) + stat_field(stat, 15).value_or(0);
    }
    return ticks;
}

} // namespace

TEST(Serve, AnswersHealthAndReadinessThenStopsCleanlyOnSigterm) {
    ServeProcess server;
    ASSERT_GT(server.port(), 0) << server.log();
    EXPECT_THAT(http_get(server.port(), "/healthz"), HasSubstr("HTTP/1.1 200 OK"));
    // Ready once the dictionaries and rules are loaded: poll for up to ten seconds.
    std::string ready;
    for (int i = 0; i < 100 && ready.find("200 OK") == std::string::npos; ++i) {
        ready = http_get(server.port(), "/readyz");
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_THAT(ready, HasSubstr("\"status\":\"ready\""));
    EXPECT_EQ(server.terminate(), 0);
    EXPECT_THAT(server.log(), HasSubstr("stopped"));
}

TEST(Serve, ChecksRunAtALowerPriorityThanTheThreadsThatAnswer) {
    const int base = ::getpriority(PRIO_PROCESS, 0);
    if (base > 9) {
        GTEST_SKIP() << "the tests run at nice " << base << ": no room to lower a thread's";
    }
    ServeProcess server({"--workers", "3", "--io-threads", "2"});
    ASSERT_GT(server.port(), 0) << server.log();
    // Once loaded (the loading thread, niced too, has ended), exactly the 3 workers are niced.
    std::map<pid_t, int> threads;
    auto lowered = [&] {
        return std::count_if(threads.begin(), threads.end(),
                             [&](const auto& thread) { return thread.second == base + 10; });
    };
    for (int i = 0; i < 200; ++i) {
        threads = thread_nice_values(server.pid());
        if (http_get(server.port(), "/readyz").find("200 OK") != std::string::npos &&
            lowered() == 3) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_EQ(lowered(), 3) << "threads at nice " << base + 10;
    EXPECT_EQ(threads[server.pid()], base) << "the main thread";
    const auto at_base = std::count_if(threads.begin(), threads.end(),
                                       [&](const auto& thread) { return thread.second == base; });
    EXPECT_GE(at_base, 2) << "the I/O threads keep the priority they were given";
    EXPECT_EQ(server.terminate(), 0);
}

TEST(Serve, ABadHostOrPortIsRefusedWithAReason) {
    auto run = atk::test::run_toolkit({"serve", "--host", "somewhere"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_THAT(run.err, HasSubstr("not an IP address"));
    run = atk::test::run_toolkit({"serve", "--port", "70000"});
    EXPECT_NE(run.exit_code, 0);
    EXPECT_THAT(run.err, HasSubstr("--port"));
}

TEST(Serve, TheLoadOptionsAreCheckedWithAReason) {
    for (const auto& [option, value] : std::vector<std::pair<std::string, std::string>>{
             {"--deadline-seconds", "0"},
             {"--max-queue-wait-ms", "0"},
             {"--idle-timeout-seconds", "0"},
             {"--max-connections", "0"},
             {"--workers", "-1"},
             {"--workers", "many"}}) {
        const auto run = atk::test::run_toolkit({"serve", option, value});
        EXPECT_NE(run.exit_code, 0) << option;
        EXPECT_THAT(run.err, HasSubstr(option)) << option;
    }
}

TEST(Serve, AKeptAliveConnectionIsClosedAfterTheIdleTimeoutGiven) {
    ServeProcess server({"--idle-timeout-seconds", "0.2"});
    ASSERT_GT(server.port(), 0) << server.log();
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    const timeval patience{10, 0}; // the default idle timeout is 75 s: a recv would give up
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(server.port()));
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
    ::send(fd, request.data(), request.size(), 0);
    std::string answer;
    char chunk[1024];
    ssize_t n = 0;
    while ((n = ::recv(fd, chunk, sizeof chunk, 0)) > 0) {
        answer.append(chunk, static_cast<std::size_t>(n));
    }
    ::close(fd);
    EXPECT_THAT(answer, HasSubstr("HTTP/1.1 200 OK"));
    EXPECT_EQ(n, 0) << "the server did not close the idle connection";
}

TEST(Serve, TooFewOpenFilesForTheConnectionsIsSaidAndServedWithin) {
    ServeProcess server({"--max-connections", "10000"}, {"prlimit", "--nofile=1024:1024"});
    ASSERT_GT(server.port(), 0) << server.log();
    EXPECT_THAT(server.log(), HasSubstr("1024 open files allowed (ulimit -n); serving at most 768 "
                                        "connections instead of 10000"));
    EXPECT_THAT(http_get(server.port(), "/healthz"), HasSubstr("HTTP/1.1 200 OK"));
}

class ServeUi : public atk::test::ScratchDirTest {};

TEST_F(ServeUi, ServesTheWebUiFromStaticDir) {
    write("web/index.html", "<!doctype html><title>Analyst Toolkit</title>");
    write("web/assets/index-Ab12Cd34.js", "console.log(1)");
    ServeProcess server({"--static-dir", (dir_ / "web").string()});
    ASSERT_GT(server.port(), 0) << server.log();
    EXPECT_THAT(server.log(), HasSubstr("with the web UI from"));
    const std::string page = http_get(server.port(), "/");
    EXPECT_THAT(page, HasSubstr("HTTP/1.1 200 OK"));
    EXPECT_THAT(page, HasSubstr("Content-Type: text/html"));
    EXPECT_THAT(page, HasSubstr("Content-Security-Policy: default-src 'self'"));
    EXPECT_THAT(page, HasSubstr("X-Content-Type-Options: nosniff"));
    EXPECT_THAT(page, HasSubstr("<title>Analyst Toolkit</title>"));
    const std::string script = http_get(server.port(), "/assets/index-Ab12Cd34.js");
    EXPECT_THAT(script, HasSubstr("Content-Type: text/javascript"));
    EXPECT_THAT(script, HasSubstr("Cache-Control: public, max-age=31536000, immutable"));
    EXPECT_THAT(http_get(server.port(), "/healthz"), HasSubstr("alive")); // the API is still there
    EXPECT_EQ(server.terminate(), 0);
}

TEST_F(ServeUi, AStaticDirWithoutAUiIsRefusedWithWhatToDo) {
    auto run = atk::test::run_toolkit({"serve", "--static-dir", (dir_ / "nowhere").string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_THAT(run.err, HasSubstr("does not exist"));
    write("empty/notes.txt", "");
    run = atk::test::run_toolkit({"serve", "--static-dir", (dir_ / "empty").string()});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_THAT(run.err, HasSubstr("no index.html"));
}

TEST(Serve, AKilledTranslationPipelineFailsOnlyItsRequestAndIsReplaced) {
    ServeProcess server;
    ASSERT_GT(server.port(), 0) << server.log();
    const std::string request = R"({"text": "The house.", "source": "en", "target": "es"})";
    EXPECT_THAT(http_request(server.port(), "POST", "/api/v1/translate", request),
                HasSubstr("La casa."));
    const auto stages = children_of(server.pid());
    ASSERT_GE(stages.size(), 5U) << "the eng-spa pipelines run";
    // Killed mid-translation: that request gets 503.
    std::string long_text;
    for (int i = 0; i < 2500; ++i) {
        long_text += "The system shall record each order of the customer in the database. ";
    }
    std::string failed;
    std::thread translating([&] {
        failed = http_request(server.port(), "POST", "/api/v1/translate",
                              R"({"source": "en", "target": "es", "text": ")" + long_text + "\"}");
    });
    // Killed once the pipeline is at work on it (its stages using CPU; a fixed wait is not
    // enough on a busy machine under the sanitizers, where the request may not have reached
    // the pipeline yet: then the killed stages are replaced in time and it succeeds).
    const long idle_ticks = cpu_ticks(stages);
    for (int i = 0; i < 3000 && cpu_ticks(stages) < idle_ticks + 2; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    const bool at_work = cpu_ticks(stages) >= idle_ticks + 2;
    for (const pid_t stage : stages) { // the analyser and the rest: whichever is at work
        ::kill(stage, SIGKILL);
    }
    translating.join();
    ASSERT_TRUE(at_work) << "the pipeline never started on the text";
    EXPECT_THAT(failed, HasSubstr("503 Service Unavailable"));
    EXPECT_THAT(failed, HasSubstr("translation_unavailable"));
    // Every stage killed while idle: replaced before the next request meets them.
    for (const pid_t stage : children_of(server.pid())) {
        ::kill(stage, SIGKILL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_THAT(http_request(server.port(), "POST", "/api/v1/translate", request),
                HasSubstr("La casa."));
    EXPECT_THAT(http_get(server.port(), "/healthz"), HasSubstr("200 OK"));
    EXPECT_EQ(server.terminate(), 0);
}
