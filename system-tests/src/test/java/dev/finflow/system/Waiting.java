package dev.finflow.system;

import java.time.Duration;

/** Polls a condition of the running services until it holds, or fails the test after a time-out. */
final class Waiting {

    interface Check {
        boolean met() throws Exception;
    }

    private Waiting() {
    }

    static void until(Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.met()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not met within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
