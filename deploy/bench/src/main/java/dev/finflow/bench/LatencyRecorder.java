package dev.finflow.bench;

import java.util.Arrays;

/** Collects latencies of one client without locking; merged and sorted at the end for percentiles. */
final class LatencyRecorder {

    private long[] nanos = new long[1 << 16];
    private int count;

    void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    int count() {
        return count;
    }

    static long[] merged(Iterable<LatencyRecorder> recorders) {
        int total = 0;
        for (LatencyRecorder recorder : recorders) {
            total += recorder.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder recorder : recorders) {
            System.arraycopy(recorder.nanos, 0, all, at, recorder.count);
            at += recorder.count;
        }
        Arrays.sort(all);
        return all;
    }

    static double percentileMillis(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }
}
