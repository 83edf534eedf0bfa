package io.partnerportal.segments.application;

import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers of the value store never wait for its writer: a bulk change being applied (a partner-wide
 * change applies thousands of records) or a reload holds the store's lock for a long time, and the
 * evaluations and previews that read the store meanwhile must go on, on the state before or after.
 */
@ScenarioTest
class ValueStoreReadersTest implements PortalTest {

    @Inject
    ValueStore values;
    @Inject
    RecordEvaluation evaluation;

    @Test
    void views_and_evaluations_do_not_wait_while_a_change_is_being_applied() throws Exception {
        ValueStore.View before = values.view();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        // the writer's side: apply() and load() hold the store's monitor while they run
        Thread writer = new Thread(() -> {
            synchronized (values) {
                writing.countDown();
                try {
                    done.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        writer.start();
        try {
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                ValueStore.View view = values.view();
                return view.contactBound() + evaluation.segmentsOfContact(UUID.randomUUID().toString()).size();
            });
            assertThat(read.get(5, TimeUnit.SECONDS)).as("read while the writer holds the store")
                    .isEqualTo(before.contactBound());
        } finally {
            done.countDown();
            writer.join(10_000);
        }
    }
}
