package io.partnerportal.segments;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.segments.application.HistoryExpansion;
import io.partnerportal.segments.application.port.HistoryStore;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.partnerportal.segments.Scenario.all;
import static io.partnerportal.segments.Scenario.leaf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0012: a bulk change commits its batch with the members it moved; their history rows are
 * written after commit — in the background, by the sweep when a crash left them, and before any
 * history read — exactly once.
 */
@ScenarioTest
class BulkHistoryAfterCommitTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Sql sql;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    HistoryExpansion expansion;
    @Inject
    HistoryStore history;

    Scenario s;
    String tag;

    @BeforeEach
    void scenario() {
        s = new Scenario(new TestHttp(server.getURL()));
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void consistent() {
        s.assertConsistent();
    }

    @Test
    void a_bulk_change_commits_its_members_with_the_batch_and_their_rows_follow_without_any_read() {
        String p = s.partner("Bulk tier " + tag, Map.of("tier", "silver"));
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            contacts.add(s.contact(p, "tier" + i + "-" + tag + "@bulk.example", Map.of()));
        }
        String gold = s.segment("Gold contacts " + tag, "contact",
                all(leaf("partner.name", "contains", tag), leaf("partner.tier", "in", List.of("gold"))));

        s.setPartner(p, Map.of("tier", "gold"));

        long batch = count("SELECT id FROM segments.membership_batch WHERE segment_id = ?::uuid ORDER BY id DESC LIMIT 1",
                gold);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pending(batch) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(pending(batch)).as("expanded after commit, nobody reading history").isFalse();
        List<Object[]> rows = transactions.executeRead(st -> sql.list("SELECT c.member_id::text, c.partner_id::text, "
                        + "c.joined, c.member_kind, c.at = b.at FROM segments.membership_change c "
                        + "JOIN segments.membership_batch b ON b.id = c.batch_id WHERE c.batch_id = ?",
                rs -> new Object[]{rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                    rs.getBoolean(5)}, batch));
        assertThat(rows).extracting(r -> (String) r[0]).containsExactlyInAnyOrderElementsOf(contacts);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r[1]).isEqualTo(p);
            assertThat(r[2]).isEqualTo(true);
            assertThat(r[3]).isEqualTo("contact");
            assertThat(r[4]).as("the member rows carry the batch's time").isEqualTo(true);
        });
        int again = transactions.executeWrite(st -> history.expandBatch(batch));
        assertThat(again).as("an expanded batch is not expanded again").isZero();
    }

    @Test
    void a_batch_left_pending_is_written_once_by_the_sweep_and_a_history_read_sees_it_before() {
        String p = s.partner("Crashed " + tag, Map.of());
        String joiner = s.contact(p, "joiner-" + tag + "@crash.example", Map.of());
        String leaver = s.contact(p, "leaver-" + tag + "@crash.example", Map.of());
        String seg = s.segment("Crash " + tag, "contact", leaf("contact.email", "contains", "-" + tag + "@crash"));

        // what a bulk change leaves when the instance dies after commit, before its expansion
        long first = pendingBatch(seg, joiner, leaver, p);
        JsonNode read = s.admin.get("/api/admin/contacts/" + leaver + "/membership-history").expect(200).json();
        assertThat(read.get("items").findValues("batchId").stream().map(JsonNode::asLong).toList())
                .as("the read wrote the pending rows before reading").contains(first);
        JsonNode leaverRow = null;
        for (JsonNode item : read.get("items")) {
            if (item.path("batchId").asLong() == first) {
                leaverRow = item;
            }
        }
        assertThat(leaverRow.path("change").asText()).isEqualTo("left");
        assertThat(s.admin.get("/api/admin/segments/" + seg + "/history/batches/" + first).expect(200).json()
                .get("total").asLong()).isEqualTo(2);

        long second = pendingBatch(seg, joiner, leaver, p);
        assertThat(expansion.expandPending()).isEqualTo(2);
        assertThat(expansion.expandPending()).as("nothing left").isZero();
        assertThat(pending(second)).isFalse();
        assertThat(count("SELECT count(*) FROM segments.membership_change WHERE batch_id = ? AND joined", second))
                .isEqualTo(1);
    }

    @Test
    void two_expanders_of_one_batch_write_its_rows_once() throws Exception {
        String p = s.partner("Race " + tag, Map.of());
        String a = s.contact(p, "a-" + tag + "@race.example", Map.of());
        String b = s.contact(p, "b-" + tag + "@race.example", Map.of());
        String seg = s.segment("Race " + tag, "contact", leaf("contact.email", "contains", "-" + tag + "@race"));
        long batch = pendingBatch(seg, a, b, p);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> holder = CompletableFuture.supplyAsync(() -> transactions.executeWrite(st -> {
            int rows = history.expandBatch(batch);
            locked.countDown();
            await(release); // keep the row locked while the second expander starts
            return rows;
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(() -> transactions.executeWrite(
                st -> history.expandBatch(batch)));
        Thread.sleep(200);
        assertThat(waiter).as("the second waits for the first's lock").isNotDone();
        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(count("SELECT count(*) FROM segments.membership_change WHERE batch_id = ?", batch)).isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long count(String query, Object... params) {
        return transactions.executeRead(st -> sql.count(query, params));
    }

    private boolean pending(long batch) {
        return count("SELECT count(*) FROM segments.membership_batch WHERE id = ? AND pending_members IS NOT NULL",
                batch) > 0;
    }

    /** A committed batch whose member rows were never written: {@code joiner} joined, {@code leaver} left. */
    private long pendingBatch(String segment, String joiner, String leaver, String partner) {
        return transactions.executeWrite(st -> sql.count("INSERT INTO segments.membership_batch (segment_id, "
                + "segment_version, member_kind, cause, detail, actor_kind, actor_id, actor_display, joined_count, "
                + "left_count, at, pending_members, pending_partners) VALUES (?::uuid, 1, 'contact', 'test', '{}', "
                + "'system', 'test', 'test', 1, 1, now(), ARRAY[?::uuid, ?::uuid], ARRAY[?::uuid, ?::uuid]) RETURNING id",
                segment, joiner, leaver, partner, partner));
    }
}
