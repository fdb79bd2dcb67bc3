#include "translate/pipeline_pool.hpp"

namespace atk::translate {

PipelinePool::PipelinePool(std::vector<std::vector<std::string>> stages, std::size_t limit)
    : stages_(std::move(stages)), limit_(limit) {}

std::string PipelinePool::run(const std::string& message, std::chrono::milliseconds timeout) {
    std::unique_ptr<Pipeline> pipeline = acquire();
    try {
        std::string answer = pipeline->translate(message, timeout);
        release(std::move(pipeline));
        return answer;
    } catch (const PipelineError& error) {
        pipeline.reset(); // killed and reaped; its place is free
        release(nullptr);
        throw PipelineError(std::string(error.what()) + "; it has been restarted: try again");
    }
}

void PipelinePool::warm_up() {
    std::unique_ptr<Pipeline> pipeline = acquire();
    release(std::move(pipeline));
}

/// An idle pipeline, or a new one while fewer than `limit_` run; else waits for one.
std::unique_ptr<Pipeline> PipelinePool::acquire() {
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [&] { return !idle_.empty() || running_ < limit_; });
    while (!idle_.empty()) {
        auto pipeline = std::move(idle_.back());
        idle_.pop_back();
        if (pipeline->alive()) {
            return pipeline;
        }
        --running_; // one that died while idle is replaced before anyone meets it
    }
    ++running_;
    lock.unlock();
    try {
        return std::make_unique<Pipeline>(stages_);
    } catch (const PipelineError&) {
        release(nullptr);
        throw;
    }
}

void PipelinePool::release(std::unique_ptr<Pipeline> pipeline) {
    {
        const std::lock_guard lock(mutex_);
        if (pipeline) {
            idle_.push_back(std::move(pipeline));
        } else {
            --running_;
        }
    }
    freed_.notify_one();
}

} // namespace atk::translate
