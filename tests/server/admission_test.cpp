// Load shedding: which checks queue and which are refused at once.
#include "server/admission.hpp"

#include <gtest/gtest.h>

using atk::server::Admission;
using std::chrono::milliseconds;

namespace {

/// Teaches `admission` that a check of `bytes` takes `took`, through one check that did not wait.
void learn(Admission& admission, std::size_t bytes, milliseconds took) {
    ASSERT_TRUE(admission.admit(bytes));
    admission.started(bytes, milliseconds(0));
    admission.finished(bytes, took);
}

} // namespace

TEST(Admission, AnEmptyQueueAlwaysAdmits) {
    Admission admission(2, milliseconds(100));
    learn(admission, 1024, milliseconds(10'000)); // even after a very slow check
    EXPECT_TRUE(admission.admit(1'000'000));
    EXPECT_EQ(admission.queued(), 1U);
}

TEST(Admission, RefusesACheckThatWouldWaitLongerThanTheLimit) {
    // 10 ms per KiB on 2 workers: each queued 1 KiB check adds 5 ms of waiting.
    Admission admission(2, milliseconds(100));
    learn(admission, 1024, milliseconds(10));
    int admitted = 0;
    while (admission.admit(1024) && admitted < 1000) {
        ++admitted;
    }
    EXPECT_EQ(admitted, 20); // 20 queued are 100 ms of work; the 21st would wait longer
    EXPECT_TRUE(admission.shedding());
    // A worker takes one up (it waited only 5 ms): there is room for one more.
    admission.started(1024, milliseconds(5));
    EXPECT_FALSE(admission.shedding());
    EXPECT_TRUE(admission.admit(1024));
    EXPECT_FALSE(admission.admit(1024));
}

TEST(Admission, WeighsChecksByTheirSize) {
    Admission admission(1, milliseconds(100));
    learn(admission, 10 * 1024, milliseconds(10)); // 1 ms per KiB
    EXPECT_TRUE(admission.admit(50 * 1024));       // 50 ms of work queued
    EXPECT_FALSE(admission.admit(60 * 1024));      // 110 ms: refused
    EXPECT_TRUE(admission.admit(40 * 1024));       // 90 ms: admitted
    EXPECT_TRUE(admission.admit(100));             // counted as 1 KiB: 91 ms
}

TEST(Admission, ALongRealWaitRefusesWhileChecksStillWait) {
    // The estimate knows nothing yet (no check has finished); the wait really seen decides.
    Admission admission(1, milliseconds(100));
    ASSERT_TRUE(admission.admit(1024));
    ASSERT_TRUE(admission.admit(1024));
    EXPECT_FALSE(admission.shedding());
    admission.started(1024, milliseconds(0));
    ASSERT_TRUE(admission.admit(1024));
    admission.started(1024, milliseconds(250)); // the second waited 250 ms; the third waits
    EXPECT_TRUE(admission.shedding());
    EXPECT_FALSE(admission.admit(1024));
    admission.started(1024, milliseconds(300)); // the queue is empty again: admitted
    EXPECT_FALSE(admission.shedding());
    EXPECT_TRUE(admission.admit(1024));
}
