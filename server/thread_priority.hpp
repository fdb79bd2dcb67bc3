#pragma once
// Scheduling priorities of the server's own threads.

namespace atk::server {

/// Lowers the calling thread's scheduling priority by 10 (nice +10, at most 19), for work that
/// must yield to answering requests: the checks' worker threads (so that the I/O threads that
/// read, refuse and answer always get the CPU) and the start-up loading of dictionaries (so
/// that an instance starting beside others on shared cores does not starve those serving).
/// Alone on its cores such a thread runs as fast as before. Best effort: a failure is ignored.
void lower_this_thread_priority();

} // namespace atk::server
