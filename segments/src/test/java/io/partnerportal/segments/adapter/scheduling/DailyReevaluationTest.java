package io.partnerportal.segments.adapter.scheduling;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.common.web.ClockFactory;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Relative dates move with the calendar: the daily run re-evaluates them once a day, on one instance. */
@ScenarioTest
class DailyReevaluationTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    DailyReevaluation daily;
    @Inject
    MovableClock clock;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("test.clock", "movable");
    }

    @Test
    void a_partner_joins_a_more_than_ago_segment_when_the_day_comes_and_the_run_happens_once_a_day() {
        TestHttp admin = new TestHttp(server.getURL()).asAdmin();
        String p = admin.post("/api/admin/partners", Map.of("name", "Aging Co", "properties", Map.of())).expect(201)
                .text("/id");
        String seg = admin.post("/api/admin/segments", Map.of("name", "Older than two days", "level", "partner",
                "kind", "dynamic", "condition", Map.of("property", "partner.created_at", "op", "more_than_ago",
                        "value", 2, "unit", "days"))).expect(201).text("/id");
        assertThat(admin.get("/api/admin/segments/" + seg).json().get("memberCount").asLong()).isZero();

        clock.advance(Duration.ofDays(3));
        assertThat(daily.runIfDue()).isTrue();
        assertThat(daily.runIfDue()).as("the same day runs once").isFalse();

        assertThat(admin.get("/api/admin/segments/" + seg + "/members").json().get("items").findValuesAsText("id"))
                .isEqualTo(List.of(p));
        assertThat(admin.get("/api/admin/segments/" + seg + "/history").json().at("/items/0/cause/type").asText())
                .isEqualTo("daily");
        // what the daily run left is what a from-scratch computation gives
        var report = admin.post("/api/admin/segments/recompute", Map.of()).expect(200).json();
        assertThat(report.get("joined").asLong() + report.get("left").asLong()).as("%s", report).isZero();
    }

    /** A clock the test can move forward; replaces the service clock only in this test class. */
    @Factory
    static class MovableClockFactory {
        @Singleton
        @Replaces(value = Clock.class, factory = ClockFactory.class)
        @Requires(property = "test.clock", value = "movable")
        MovableClock clock() {
            return new MovableClock();
        }
    }

    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
