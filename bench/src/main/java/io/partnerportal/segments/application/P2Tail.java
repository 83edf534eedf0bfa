package io.partnerportal.segments.application;

import io.partnerportal.bench.Service;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Where P2's tail comes from: every one of 4,096 sampled contacts evaluated many times, in a shuffled
 * order. If the slowest contacts' own medians are as slow as the overall p99, the tail is work (what
 * those contacts' values make the conditions do); if every contact's median is low, it is the machine
 * (GC, compilation, caches, the scheduler).
 */
public final class P2Tail {

    private P2Tail() {
    }

    public static void report(Service service, String scale) {
        RecordEvaluation evaluation = service.bean(RecordEvaluation.class);
        ValueStore.View view = service.bean(ValueStore.class).view();
        SplittableRandom random = new SplittableRandom(7);
        int n = 4096;
        String[] contacts = sampleContacts(view, random, n);
        int rounds = 40;
        long[][] times = new long[n][rounds];
        long sink = warmUp(evaluation, contacts);
        System.out.printf("[P2 tail %s] contact-level conditions: %s%n", scale, evaluation.describeContactConditions());
        int[] order = new int[n];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int i : order) {
                long t0 = System.nanoTime();
                sink += evaluation.segmentsOfContact(contacts[i]).size();
                times[i][r] = System.nanoTime() - t0;
            }
        }
        long[] all = new long[n * rounds];
        long[] medians = new long[n];
        long[] minimums = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(times[i], 0, all, i * rounds, rounds);
            long[] own = times[i].clone();
            Arrays.sort(own);
            medians[i] = own[rounds / 2];
            minimums[i] = own[0];
        }
        Arrays.sort(all);
        Arrays.sort(medians);
        Arrays.sort(minimums);
        System.out.printf("[P2 tail %s] all %d calls: p50 %.1f µs, p90 %.1f, p99 %.1f, p99.9 %.1f%n", scale, all.length,
                all[all.length / 2] / 1e3, all[all.length * 9 / 10] / 1e3, all[all.length * 99 / 100] / 1e3,
                all[all.length * 999 / 1000] / 1e3);
        System.out.printf("[P2 tail %s] per-contact medians: p50 %.1f µs, p90 %.1f, p99 %.1f, max %.1f; per-contact "
                        + "minimums: p50 %.1f, p99 %.1f, max %.1f (sink %d)%n", scale, medians[n / 2] / 1e3,
                medians[n * 9 / 10] / 1e3, medians[n * 99 / 100] / 1e3, medians[n - 1] / 1e3, minimums[n / 2] / 1e3,
                minimums[n * 99 / 100] / 1e3, minimums[n - 1] / 1e3, sink);
    }

    /** {@code n} contacts drawn at random (with repeats) from the value store. */
    static String[] sampleContacts(ValueStore.View view, SplittableRandom random, int n) {
        String[] contacts = new String[n];
        for (int i = 0; i < n; ) {
            int c = random.nextInt(view.contactBound());
            if (view.hasContact(c)) {
                contacts[i++] = view.contactId(c).toString();
            }
        }
        return contacts;
    }

    /** Thirty evaluations of every contact, so that the measured ones run compiled code; returns a sink. */
    static long warmUp(RecordEvaluation evaluation, String[] contacts) {
        long sink = 0;
        for (int warm = 0; warm < 30; warm++) {
            for (String c : contacts) {
                sink += evaluation.segmentsOfContact(c).size();
            }
        }
        return sink;
    }
}
