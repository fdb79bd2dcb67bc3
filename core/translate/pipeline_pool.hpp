#pragma once
// Pipelines of one kind kept running between uses, each used by one caller at a time: what
// the translator keeps per direction and the synonyms' analysers and generators per language.
#include "translate/pipeline.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace atk::translate {

/// Up to `limit` pipelines of `stages`, started as they are needed. Thread-safe. A pipeline
/// that fails is dropped and a new one started on the next request; one that died while idle
/// is replaced before anyone meets it.
class PipelinePool {
  public:
    PipelinePool(std::vector<std::vector<std::string>> stages, std::size_t limit);

    /// What a pipeline answers to `message` (see Pipeline::translate), waiting for a free one
    /// when `limit` are busy. Throws PipelineError when none can be started or the one used
    /// fails (its place is then free).
    std::string run(const std::string& message, std::chrono::milliseconds timeout);

    /// Starts one pipeline now if none runs. Throws PipelineError when it cannot.
    void warm_up();

  private:
    std::unique_ptr<Pipeline> acquire();
    /// Gives `pipeline` back, or (null) its place.
    void release(std::unique_ptr<Pipeline> pipeline);

    const std::vector<std::vector<std::string>> stages_;
    const std::size_t limit_;
    std::mutex mutex_;
    std::condition_variable freed_;
    std::vector<std::unique_ptr<Pipeline>> idle_;
    std::size_t running_ = 0; ///< pipelines in existence, idle or busy
};

} // namespace atk::translate
