package io.partnerportal.segments.application;

import io.partnerportal.bench.Service;
import io.partnerportal.segments.domain.condition.Values;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How much of P2 is waiting for memory: one contact evaluated against every segment when nothing of
 * it is in the CPU caches (a contact drawn at random from 4,096, as P2 runs), right after the same
 * contact was evaluated (its values, index rows, the answers its values select and the branches its
 * conditions take are all fresh), right after another contact was evaluated in between, and right
 * after only its property values were read. The differences say what a faster P2 has to remove.
 */
public final class P2Cache {

    private P2Cache() {
    }

    public static void report(Service service, String scale) {
        RecordEvaluation evaluation = service.bean(RecordEvaluation.class);
        ValueStore.View view = service.bean(ValueStore.class).view();
        SplittableRandom random = new SplittableRandom(11);
        int n = 4096;
        String[] contacts = P2Tail.sampleContacts(view, random, n);
        long sink = P2Tail.warmUp(evaluation, contacts);
        int rounds = 10_000;
        long[] cold = new long[rounds];
        long[] again = new long[rounds];
        long[] afterOther = new long[rounds];
        long[] valuesRead = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            String a = contacts[random.nextInt(n)];
            String b = contacts[random.nextInt(n)];
            long t0 = System.nanoTime();
            sink += evaluation.segmentsOfContact(a).size();
            long t1 = System.nanoTime();
            sink += evaluation.segmentsOfContact(a).size();
            long t2 = System.nanoTime();
            sink += evaluation.segmentsOfContact(b).size();
            long t3 = System.nanoTime();
            sink += evaluation.segmentsOfContact(a).size();
            long t4 = System.nanoTime();
            cold[r] = t1 - t0;
            again[r] = t2 - t1;
            afterOther[r] = t4 - t3;
        }
        for (int r = 0; r < rounds; r++) {
            String a = contacts[random.nextInt(n)];
            sink += touchValues(view, view.contactOrd(a));
            long t0 = System.nanoTime();
            sink += evaluation.segmentsOfContact(a).size();
            valuesRead[r] = System.nanoTime() - t0;
        }
        System.out.printf("[P2 cache %s] p50 of %d evaluations each: cold %.1f µs; the same contact again %.1f µs; "
                        + "again after another contact %.1f µs; cold but its property values read just before %.1f µs "
                        + "(sink %d)%n", scale, rounds, median(cold), median(again), median(afterOther),
                median(valuesRead), sink);
    }

    /** Reads every property value of the contact and its partner (each value object's header and hash). */
    private static long touchValues(ValueStore.View view, int contact) {
        long sum = 0;
        for (Values record : new Values[] {view.contact(contact), view.partner(view.partnerOf(contact))}) {
            for (int slot = 0; slot < 256; slot++) { // slots beyond a record's last one read as null
                sum += java.util.Objects.hashCode(record.valueAt(slot));
            }
        }
        return sum;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e3;
    }
}
