#include "server/thread_priority.hpp"

#include <algorithm>
#include <cerrno>
#include <sys/resource.h>
#include <unistd.h>

namespace atk::server {

void lower_this_thread_priority() {
    constexpr int kNiceIncrement = 10;
    // On Linux, PRIO_PROCESS with a thread id sets that thread's nice value alone.
    const auto thread = static_cast<id_t>(::gettid());
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, thread);
    if (errno == 0) {
        ::setpriority(PRIO_PROCESS, thread, std::min(19, nice + kNiceIncrement));
    }
}

} // namespace atk::server
