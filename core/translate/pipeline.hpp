#pragma once
// One running Apertium pipeline in null-flush mode, as Apertium's own server (APy) keeps
// them: every stage started once, each message written followed by NUL and its translation
// read up to the NUL that follows it.
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace atk::translate {

/// A pipeline that failed: it died, hung past its timeout, or answered out of turn. It is
/// unusable afterwards; make a new one.
class PipelineError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The stages of a mode's pipeline: `command` is what apertium-wblank-mode -z prints (stages
/// separated by '|', arguments by spaces, single quotes around paths; $1 and $2 the
/// generator's and tagger's options). Throws std::invalid_argument on what it cannot read.
std::vector<std::vector<std::string>> parse_pipeline(std::string_view command,
                                                     std::string_view generator_option,
                                                     std::string_view tagger_option);

class Pipeline {
  public:
    /// Starts the stages, connected stdout to stdin, in a process group of their own, their
    /// standard error discarded. Throws PipelineError when a stage cannot be started.
    explicit Pipeline(const std::vector<std::vector<std::string>>& stages);
    ~Pipeline(); ///< kills and reaps every stage
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;

    /// The translation of `message` (stream format, no NUL in it), in stream format. Each
    /// message carries a nonce the answer must start with, so that a late answer to an
    /// earlier message is never taken for this one. Throws PipelineError.
    std::string translate(std::string_view message, std::chrono::milliseconds timeout);

    /// Whether every stage still runs (a stage that exited is reaped here).
    bool alive();

    /// The process group of the stages (for tests that kill one).
    pid_t process_group() const { return group_; }

  private:
    void stop(); ///< kills and reaps every stage, closes the pipes
    void exchange(const std::string& request, std::string& answer,
                  std::chrono::steady_clock::time_point deadline);

    std::vector<pid_t> stages_;
    pid_t group_ = 0;
    int to_first_ = -1;  ///< the first stage's standard input
    int from_last_ = -1; ///< the last stage's standard output
    std::uint64_t nonce_ = 0;
};

} // namespace atk::translate
