package io.partnerportal.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.testsupport.ModuleArchitecture;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ScenarioTest
class AuditLogTest implements PortalTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationEventPublisher<ConfigurationChanged> events;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void configuration_changes_are_listed_newest_first_and_filtered_by_entity() {
        Actor ann = Actor.admin("a-1", "ann");
        transactions.executeWrite(status -> {
            events.publishEvent(new ConfigurationChanged("role", "r1", "Admin", "created", null,
                    Map.of("name", "Admin"), ann, Instant.parse("2026-01-01T10:00:00Z")));
            events.publishEvent(new ConfigurationChanged("role", "r1", "Administrator", "updated",
                    Map.of("name", "Admin"), Map.of("name", "Administrator"), ann, Instant.parse("2026-01-02T10:00:00Z")));
            events.publishEvent(new ConfigurationChanged("tab", "t1", "Deals", "updated", Map.of("audience",
                    Map.of("type", "everyone")), Map.of("audience", Map.of("type", "segments")), ann,
                    Instant.parse("2026-01-03T10:00:00Z")));
            return null;
        });
        TestHttp admin = new TestHttp(server.getURL()).asAdmin();
        JsonNode all = admin.get("/api/admin/audit").expect(200).json();
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.at("/items/0/entityType").asText()).isEqualTo("tab");
        JsonNode role = admin.get("/api/admin/audit?entityType=role&entityId=r1").expect(200).json();
        assertThat(role.get("total").asLong()).isEqualTo(2);
        assertThat(role.at("/items/0/before/name").asText()).isEqualTo("Admin");
        assertThat(role.at("/items/0/after/name").asText()).isEqualTo("Administrator");
        assertThat(role.at("/items/0/actor/display").asText()).isEqualTo("ann");
        assertThat(role.at("/items/1/before").isNull()).isTrue();
        admin.get("/api/admin/audit?size=501").problem(422);
    }

    @Test
    void a_rolled_back_change_leaves_no_entry() {
        TestHttp admin = new TestHttp(server.getURL()).asAdmin();
        long before = admin.get("/api/admin/audit?entityType=form").json().get("total").asLong();
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            events.publishEvent(new ConfigurationChanged("form", "f1", "T&C", "created", null, Map.of(),
                    Actor.system("test"), null));
            throw new IllegalStateException("the change fails after publishing");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(admin.get("/api/admin/audit?entityType=form").json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void follows_the_hexagonal_rules() {
        ModuleArchitecture.check("io.partnerportal.audit");
    }
}
