package io.partnerportal.bench;

import java.util.Arrays;

/**
 * How often this machine takes the CPU away from a running thread, and for how long: one thread
 * reads the clock in a tight loop for a few seconds and records every gap between two reads above
 * 2 µs. On a virtual machine the gaps include time the hypervisor runs something else, which the
 * guest does not see as interrupts or steal. An operation lasting T is hit with probability about
 * 1 − e^(−rate·T), and when hit lasts about one gap longer: this bounds the p99 of anything that
 * takes more than a few microseconds (P2), whatever the code does.
 */
final class Jitter {

    private static final long GAP_NANOS = 2_000;

    private Jitter() {
    }

    /** Measures for the given time and prints the gaps' rate and size. */
    static String measure(long millis) {
        long[] gaps = new long[1 << 20];
        int count = 0;
        long lost = 0;
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        long last = start;
        while (true) {
            long now = System.nanoTime();
            long gap = now - last;
            last = now;
            if (gap > GAP_NANOS) {
                lost += gap;
                if (count < gaps.length) {
                    gaps[count++] = gap;
                }
            }
            if (now > end) {
                break;
            }
        }
        double seconds = (last - start) / 1e9;
        Arrays.sort(gaps, 0, count);
        return count == 0 ? String.format("no gap above 2 µs in %.1f s", seconds)
                : String.format("%.0f gaps/s above 2 µs taking %.1f %% of the time; gap p50 %.1f µs, p90 %.1f, p99 %.1f, "
                        + "max %.1f; an operation of 20 µs is hit with probability %.1f %%", count / seconds,
                lost / (seconds * 1e9) * 100, gaps[count / 2] / 1e3, gaps[count * 9 / 10] / 1e3,
                gaps[count * 99 / 100] / 1e3, gaps[count - 1] / 1e3, (1 - Math.exp(-count / seconds * 20e-6)) * 100);
    }
}
