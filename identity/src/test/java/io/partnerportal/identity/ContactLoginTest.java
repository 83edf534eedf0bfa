package io.partnerportal.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ScenarioTest
class ContactLoginTest implements PortalTest {

    static final String PASSWORD = "a-long-enough-password";

    @Inject
    EmbeddedServer server;
    @Inject
    ShiftableClock clock;
    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;

    TestHttp http;
    TestHttp admin;

    @BeforeAll
    void setUp() {
        http = new TestHttp(server.getURL());
        admin = http.asAdmin();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    String partner(String name) {
        return admin.post("/api/admin/partners", Map.of("name", name, "website", "https://" + name.toLowerCase()
                .replace(' ', '-') + ".example", "properties", Map.of("logo", "https://cdn.example/" + name.length()
                + ".png"))).expect(201).text("/id");
    }

    String contact(String partnerId, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("partnerId", partnerId);
        body.putIfAbsent("email", "c-" + UUID.randomUUID().toString().substring(0, 8) + "@login.example");
        return admin.post("/api/admin/contacts", body).expect(201).text("/id");
    }

    String email(String contactId) {
        return admin.get("/api/admin/contacts/" + contactId).json().get("email").asText();
    }

    /** Invites, accepts with {@link #PASSWORD}, answers the contact's access token. */
    String activated(String contactId) {
        String token = admin.post("/api/admin/contacts/" + contactId + "/invite", null).expect(200).text("/token");
        return http.post("/api/auth/portal/accept-invite", Map.of("token", token, "password", PASSWORD)).expect(200)
                .text("/access_token");
    }

    @Test
    void an_invited_contact_accepts_logs_in_and_sees_itself_and_its_partner() {
        String partnerId = partner("Invite Co");
        String contactId = contact(partnerId, Map.of("firstName", "Ann", "lastName", "Lee", "role", "admin",
                "portalStatus", "active"));

        JsonNode invite = admin.post("/api/admin/contacts/" + contactId + "/invite", null).expect(200).json();
        String token = invite.get("token").asText();
        assertThat(invite.get("url").asText()).contains(token).contains("/portal/accept-invite");
        Duration validity = Duration.between(Instant.now(), Instant.parse(invite.get("expiresAt").asText()));
        assertThat(validity).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7).plusMinutes(1));
        assertThat(admin.get("/api/admin/contacts/" + contactId).json().get("portalStatus").asText())
                .isEqualTo("invited");

        http.post("/api/auth/portal/accept-invite", Map.of("token", token, "password", "short")).problem(422);
        JsonNode accepted = http.post("/api/auth/portal/accept-invite", Map.of("token", token, "password", PASSWORD))
                .expect(200).json();
        assertThat(accepted.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(accepted.get("expires_in").asInt()).isEqualTo(900);
        JsonNode claims = claims(accepted.get("access_token").asText());
        assertThat(claims.get("sub").asText()).isEqualTo(contactId);
        assertThat(claims.get("partnerId").asText()).isEqualTo(partnerId);
        assertThat(claims.get("kind").asText()).isEqualTo("contact");
        assertThat(claims.get("roles").toString()).isEqualTo("[\"CONTACT\"]");
        http.post("/api/auth/portal/accept-invite", Map.of("token", token, "password", PASSWORD)).problem(401);

        JsonNode contact = admin.get("/api/admin/contacts/" + contactId).json();
        assertThat(contact.get("portalStatus").asText()).isEqualTo("active");
        assertThat(contact.get("lastLogin").isNull()).isFalse();

        String login = http.post("/api/auth/portal/login", Map.of("email", email(contactId).toUpperCase(),
                "password", PASSWORD)).expect(200).text("/access_token");
        JsonNode me = http.as(login).get("/api/portal/me").expect(200).json();
        assertThat(me.get("id").asText()).isEqualTo(contactId);
        assertThat(me.get("firstName").asText()).isEqualTo("Ann");
        assertThat(me.get("role").asText()).isEqualTo("admin");
        assertThat(me.at("/partner/id").asText()).isEqualTo(partnerId);
        assertThat(me.at("/partner/name").asText()).isEqualTo("Invite Co");
        assertThat(me.at("/partner/website").asText()).isEqualTo("https://invite-co.example");
        assertThat(me.at("/partner/logoUrl").asText()).isEqualTo("https://cdn.example/9.png");
    }

    @Test
    void wrong_passwords_and_unknown_addresses_get_the_same_401() {
        String contactId = contact(partner("Wrong pw"), Map.of());
        activated(contactId);
        JsonNode wrong = http.post("/api/auth/portal/login", Map.of("email", email(contactId), "password",
                "not-the-password")).problem(401);
        JsonNode unknown = http.post("/api/auth/portal/login", Map.of("email", "nobody@nowhere.example", "password",
                PASSWORD)).problem(401);
        assertThat(wrong.get("detail")).isEqualTo(unknown.get("detail"));
        String invitedOnly = contact(partner("No pw yet"), Map.of());
        http.post("/api/auth/portal/login", Map.of("email", email(invitedOnly), "password", PASSWORD)).problem(401);
        http.post("/api/auth/portal/login", Map.of("email", "x")).problem(422);
    }

    @Test
    void a_login_link_works_once_and_only_for_fifteen_minutes() {
        String contactId = contact(partner("Links"), Map.of());
        String link = admin.post("/api/admin/contacts/" + contactId + "/login-link", null).expect(200).text("/token");
        String access = http.post("/api/auth/portal/link-login", Map.of("token", link)).expect(200)
                .text("/access_token");
        http.as(access).get("/api/portal/me").expect(200);
        http.post("/api/auth/portal/link-login", Map.of("token", link)).problem(401);
        assertThat(admin.get("/api/admin/contacts/" + contactId).json().get("portalStatus").asText())
                .isEqualTo("active");

        String late = admin.post("/api/admin/contacts/" + contactId + "/login-link", null).expect(200).text("/token");
        String onTime = admin.post("/api/admin/contacts/" + contactId + "/login-link", null).expect(200)
                .text("/token");
        clock.travel(Duration.ofMinutes(14));
        http.post("/api/auth/portal/link-login", Map.of("token", onTime)).expect(200);
        clock.travel(Duration.ofMinutes(2));
        http.post("/api/auth/portal/link-login", Map.of("token", late)).problem(401);
        // an invitation token is no login link
        String invite = admin.post("/api/admin/contacts/" + contactId + "/invite", null).expect(200).text("/token");
        http.post("/api/auth/portal/link-login", Map.of("token", invite)).problem(401);
    }

    @Test
    void an_invitation_expires_after_seven_days() {
        String contactId = contact(partner("Slow"), Map.of());
        String token = admin.post("/api/admin/contacts/" + contactId + "/invite", null).expect(200).text("/token");
        clock.travel(Duration.ofDays(7).plusMinutes(1));
        http.post("/api/auth/portal/accept-invite", Map.of("token", token, "password", PASSWORD)).problem(401);
    }

    @Test
    void a_disabled_contact_is_refused_at_login_and_with_a_token_it_already_has() {
        String contactId = contact(partner("Disabling"), Map.of());
        String token = activated(contactId);
        http.as(token).get("/api/portal/me").expect(200);

        admin.patch("/api/admin/contacts/" + contactId, Map.of("portalStatus", "disabled")).expect(200);
        http.as(token).get("/api/portal/me").problem(401);
        http.post("/api/auth/portal/login", Map.of("email", email(contactId), "password", PASSWORD)).problem(401);
        admin.post("/api/admin/contacts/" + contactId + "/login-link", null).problem(409);
        admin.post("/api/admin/contacts/" + contactId + "/invite", null).problem(409);

        admin.patch("/api/admin/contacts/" + contactId, Map.of("portalStatus", "active")).expect(200);
        http.as(token).get("/api/portal/me").expect(200);
    }

    @Test
    void open_links_of_a_contact_stop_working_when_it_is_disabled() {
        String contactId = contact(partner("Revoking"), Map.of());
        String link = admin.post("/api/admin/contacts/" + contactId + "/login-link", null).expect(200).text("/token");
        admin.patch("/api/admin/contacts/" + contactId, Map.of("portalStatus", "disabled")).expect(200);
        admin.patch("/api/admin/contacts/" + contactId, Map.of("portalStatus", "active")).expect(200);
        http.post("/api/auth/portal/link-login", Map.of("token", link)).problem(401);
    }

    @Test
    void a_deleted_contact_loses_its_token_and_its_password() {
        String partnerId = partner("Deleting");
        String contactId = contact(partnerId, Map.of());
        String token = activated(contactId);
        String email = email(contactId);
        admin.delete("/api/admin/contacts/" + contactId).expect(204);
        http.as(token).get("/api/portal/me").problem(401);
        // the same address, a new contact: the old password does not open it
        contact(partnerId, Map.of("email", email));
        http.post("/api/auth/portal/login", Map.of("email", email, "password", PASSWORD)).problem(401);
        admin.post("/api/admin/contacts/" + contactId + "/invite", null).problem(404);
    }

    @Test
    void a_contact_token_is_refused_on_the_admin_api() {
        String contactId = contact(partner("Not an admin"), Map.of());
        String token = activated(contactId);
        http.as(token).get("/api/admin/partners").problem(403);
        http.as(token).get("/api/admin/contacts/" + contactId).problem(403);
        http.as(token).post("/api/admin/contacts/" + contactId + "/login-link", null).problem(403);
    }

    @Test
    void a_contact_only_ever_acts_for_its_own_current_partner() {
        String own = partner("Own partner");
        String other = partner("Other partner");
        String contactId = contact(own, Map.of());
        activated(contactId);

        // a token claiming another partner still shows the contact's own
        JsonNode me = http.asContact(contactId, other).get("/api/portal/me").expect(200).json();
        assertThat(me.at("/partner/id").asText()).isEqualTo(own);
        // a token for a contact that does not exist opens nothing
        http.asContact(UUID.randomUUID().toString(), other).get("/api/portal/me").problem(401);

        // moved by an admin: the very next request acts for the new partner, with the old token
        String token = http.post("/api/auth/portal/login", Map.of("email", email(contactId), "password", PASSWORD))
                .expect(200).text("/access_token");
        admin.patch("/api/admin/contacts/" + contactId, Map.of("partnerId", other)).expect(200);
        assertThat(http.as(token).get("/api/portal/me").json().at("/partner/id").asText()).isEqualTo(other);
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        try {
            return TestHttp.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void invitation_and_login_link_tokens_are_stored_only_as_hashes() {
        String contactId = contact(partner("Hashed tokens Co"), Map.of());
        String invite = admin.post("/api/admin/contacts/" + contactId + "/invite", null).expect(200).text("/token");
        String link = admin.post("/api/admin/contacts/" + contactId + "/login-link", null).expect(200).text("/token");
        List<String> stored = transactions.executeRead(status -> {
            List<String> cells = new ArrayList<>();
            try (java.sql.Statement st = status.getConnection().createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT * FROM identity.contact_token")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        cells.add(String.valueOf(rs.getObject(i)));
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return cells;
        });
        assertThat(stored).isNotEmpty();
        assertThat(String.join("|", stored)).doesNotContain(invite).doesNotContain(link);
    }
}
