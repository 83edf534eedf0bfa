package io.partnerportal.partners;

import io.micronaut.runtime.server.EmbeddedServer;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConflictException;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.ContactAccounts;
import io.partnerportal.partners.api.ContactRecord;
import io.partnerportal.partners.api.ContactRoles;
import io.partnerportal.partners.api.PartnerDirectory;
import io.partnerportal.partners.api.PartnerRecord;
import io.partnerportal.partners.api.PortalStatus;
import io.partnerportal.partners.api.PropertyCatalogue;
import io.partnerportal.partners.api.PropertyCommands;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.PropertyOption;
import io.partnerportal.partners.api.event.ContactChanged;
import io.partnerportal.partners.api.event.ValueChange;
import io.partnerportal.partners.spi.PropertyUsage;
import io.partnerportal.testsupport.PortalTest;
import io.partnerportal.testsupport.ScenarioTest;
import io.partnerportal.testsupport.TestHttp;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What other modules use: the directory reads, property commands, account fields and effective roles. */
@ScenarioTest
class DirectoryPortsTest implements PortalTest {

    static final ChangeContext FORM = new ChangeContext(ChangeCause.FORM_SUBMISSION, Actor.contact("c-1", "Ann"));

    @Inject
    EmbeddedServer server;
    @Inject
    PartnerDirectory directoryApi;
    @Inject
    PropertyCommands commands;
    @Inject
    ContactAccounts accounts;
    @Inject
    ContactRoles roles;
    @Inject
    PropertyCatalogue catalogue;
    @Inject
    RecordedEvents events;
    @Inject
    UsagesForTests usages;

    TestHttp admin;
    Directory directory;

    @BeforeAll
    void setUp() {
        admin = new TestHttp(server.getURL()).asAdmin();
        directory = new Directory(new TestHttp(server.getURL()));
        admin.post("/api/admin/properties", Map.of("level", "partner", "key", "signed_on", "label", "Signed on",
                "type", "date")).expect(201);
        admin.post("/api/admin/properties", Map.of("level", "partner", "key", "headcount", "label", "Headcount",
                "type", "number")).expect(201);
    }

    @Test
    void records_carry_typed_values() {
        String id = admin.post("/api/admin/partners", Map.of("name", "Typed Co", "properties", Map.of(
                "signed_on", "2024-02-29", "headcount", 42, "certified", true, "logo", "https://typed.example/l.png")))
                .expect(201).text("/id");
        PartnerRecord partner = directoryApi.partner(id).orElseThrow();
        assertThat(partner.value("signed_on")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(partner.value("headcount")).isEqualTo(new BigDecimal("42"));
        assertThat(partner.value("certified")).isEqualTo(true);
        assertThat(partner.value("name")).isEqualTo("Typed Co");
        assertThat(partner.value("created_at")).isInstanceOf(Instant.class);
        assertThat(partner.logoUrl()).isEqualTo("https://typed.example/l.png");
        assertThat(directoryApi.partner("nope")).isEmpty();
    }

    @Test
    void a_form_submission_sets_properties_with_its_cause_and_actor() {
        String partnerId = directory.partnerId("Form filler");
        String contactId = directory.contactId(partnerId, Directory.email("filler"));
        ContactRecord contact = commands.setContactProperties(contactId, Map.of("certified", true, "language", "nl"),
                FORM);
        assertThat(contact.value("certified")).isEqualTo(true);
        assertThat(contact.language()).isEqualTo("nl");
        ContactChanged event = events.contacts(contactId).get(1);
        assertThat(event.cause()).isEqualTo(ChangeCause.FORM_SUBMISSION);
        assertThat(event.actor()).isEqualTo(FORM.actor());

        assertThatThrownBy(() -> commands.setPartnerProperties(partnerId, Map.of("tier", "diamond", "name", "x"), FORM))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.pointer()).containsExactlyInAnyOrder("/properties/tier",
                                "/properties/name"));
        assertThatThrownBy(() -> commands.setPartnerProperties("3f2b8a52-0000-4000-8000-000000000000",
                Map.of("tier", "gold"), FORM)).isInstanceOf(NotFoundException.class);
        PartnerRecord partner = commands.setPartnerProperties(partnerId, Map.of("signed_on", LocalDate.of(2020, 1, 2),
                "headcount", 7), FORM);
        assertThat(partner.value("signed_on")).isEqualTo(LocalDate.of(2020, 1, 2));
    }

    @Test
    void effective_roles_are_set_for_many_contacts_with_cause_role_change() {
        String partnerId = directory.partnerId("Role holders");
        String a = directory.contactId(partnerId, Directory.email("a"));
        String b = directory.contact(partnerId, Directory.email("b"), Map.of("role", "admin")).get("id").asText();
        roles.setEffectiveRole(List.of(a, b), "admin", new ChangeContext(ChangeCause.ROLE_CHANGE,
                Actor.admin("roles-admin", "Roles admin")));
        assertThat(directoryApi.contact(a).orElseThrow().role()).isEqualTo("admin");
        assertThat(events.contacts(a).get(1).changes()).containsOnlyKeys("role");
        assertThat(events.contacts(a).get(1).changes().get("role")).isEqualTo(new ValueChange("sales_rep", "admin"));
        assertThat(events.contacts(a).get(1).cause()).isEqualTo(ChangeCause.ROLE_CHANGE);
        assertThat(events.contacts(b)).hasSize(1); // it was admin already

        assertThatThrownBy(() -> roles.setEffectiveRole(List.of(a), "emperor", FORM))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> roles.setEffectiveRole(List.of(a, "3f2b8a52-0000-4000-8000-000000000000"), "marketing",
                FORM)).isInstanceOf(NotFoundException.class);
        assertThat(directoryApi.contact(a).orElseThrow().role()).isEqualTo("admin");
    }

    @Test
    void the_roles_module_redefines_the_roles_and_the_default() {
        List<PropertyOption> before = catalogue.find(PropertyLevel.CONTACT, "role").orElseThrow().options();
        try {
            roles.defineRoles(List.of(new PropertyOption("admin", "Administrator"), new PropertyOption("seller",
                    "Seller")), "seller");
            assertThat(catalogue.find(PropertyLevel.CONTACT, "role").orElseThrow().options())
                    .extracting(PropertyOption::key).containsExactly("admin", "seller");
            String partnerId = directory.partnerId("Sellers");
            assertThat(directory.contact(partnerId, Directory.email("seller"), Map.of()).get("role").asText())
                    .isEqualTo("seller");
            assertThatThrownBy(() -> roles.defineRoles(List.of(new PropertyOption("admin", "Admin")), "seller"))
                    .isInstanceOf(InvalidInputException.class);
        } finally {
            roles.defineRoles(before, "sales_rep");
        }
    }

    @Test
    void a_role_named_in_a_request_is_announced_to_the_roles_module_even_when_it_changes_nothing() {
        String partnerId = directory.partnerId("Role requests");
        String a = directory.contact(partnerId, Directory.email("named"), Map.of("role", "admin")).get("id").asText();
        String b = directory.contactId(partnerId, Directory.email("unnamed"));
        assertThat(events.roleAssignments(a)).extracting(r -> r.roleKey()).containsExactly("admin");
        assertThat(events.roleAssignments(b)).isEmpty();
        admin.patch("/api/admin/contacts/" + b, Map.of("role", "sales_rep")).expect(200); // already its role
        admin.patch("/api/admin/contacts/" + a, "{\"role\": null}").expect(200);
        assertThat(events.roleAssignments(b)).extracting(r -> r.roleKey()).containsExactly("sales_rep");
        assertThat(events.roleAssignments(a)).extracting(r -> r.roleKey()).containsExactly("admin", null);
        assertThat(events.roleAssignments(a).get(1).cause()).isEqualTo(ChangeCause.ADMIN_EDIT);
    }

    @Test
    void the_roles_module_repoints_one_role_to_another_except_some_contacts() {
        String partnerId = directory.partnerId("Repointed");
        String a = directory.contact(partnerId, Directory.email("a"), Map.of("role", "marketing")).get("id").asText();
        String b = directory.contact(partnerId, Directory.email("b"), Map.of("role", "marketing")).get("id").asText();
        String c = directory.contact(partnerId, Directory.email("c"), Map.of("role", "admin")).get("id").asText();
        int changed = roles.repointRole("marketing", "partner_manager", List.of(b),
                new ChangeContext(ChangeCause.ROLE_CHANGE, Actor.admin("roles-admin", "Roles admin")));
        assertThat(changed).isEqualTo(1);
        assertThat(directoryApi.contact(a).orElseThrow().role()).isEqualTo("partner_manager");
        assertThat(directoryApi.contact(b).orElseThrow().role()).isEqualTo("marketing");
        assertThat(directoryApi.contact(c).orElseThrow().role()).isEqualTo("admin");
        assertThat(events.contacts(a).get(events.contacts(a).size() - 1).cause()).isEqualTo(ChangeCause.ROLE_CHANGE);
    }

    @Test
    void a_role_used_by_a_condition_cannot_be_removed_from_the_roles() {
        List<PropertyOption> before = catalogue.find(PropertyLevel.CONTACT, "role").orElseThrow().options();
        usages.declare(PropertyLevel.CONTACT, "role", "marketing", new PropertyUsage.Usage("segment", "s-9",
                "Marketers", "condition /all/0"));
        try {
            assertThat(roles.usagesOf("marketing")).extracting(ContactRoles.Usage::id).containsExactly("s-9");
            assertThatThrownBy(() -> roles.defineRoles(before.stream().filter(o -> !o.key().equals("marketing"))
                    .toList(), "sales_rep")).isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(((ConflictException) e).extensions()).containsKey("usages"));
            assertThat(catalogue.find(PropertyLevel.CONTACT, "role").orElseThrow().options()).isEqualTo(before);
        } finally {
            usages.withdraw(PropertyLevel.CONTACT, "role", "marketing");
        }
    }

    @Test
    void the_account_fields_change_through_the_accounts_port() {
        String partnerId = directory.partnerId("Accounts");
        String id = directory.contactId(partnerId, Directory.email("account"));
        Actor self = Actor.contact(id, "account");
        ContactRecord active = accounts.changePortalStatus(id, PortalStatus.ACTIVE,
                new ChangeContext(ChangeCause.INVITE, self));
        assertThat(active.portalStatus()).isEqualTo(PortalStatus.ACTIVE);
        Instant at = Instant.parse("2025-01-02T03:04:05.123456Z");
        ContactRecord loggedIn = accounts.recordLogin(id, at, new ChangeContext(ChangeCause.SYSTEM, self));
        assertThat(loggedIn.lastLogin()).isEqualTo(at);
        assertThat(loggedIn.version()).isEqualTo(active.version());
        assertThat(directoryApi.contact(id).orElseThrow().lastLogin()).isEqualTo(at);
        List<ContactChanged> published = events.contacts(id);
        assertThat(published.get(1).changes()).containsOnlyKeys("portal_status");
        assertThat(published.get(2).changes()).containsOnlyKeys("last_login");
    }

    @Test
    void everyone_can_be_streamed_and_counted() {
        String partnerId = directory.partnerId("Streamed");
        directory.contactId(partnerId, Directory.email("s1"));
        directory.contactId(partnerId, Directory.email("s2"));
        List<String> partners = new ArrayList<>();
        directoryApi.forEachPartner(p -> partners.add(p.id()));
        assertThat(partners).contains(partnerId).hasSize((int) directoryApi.partnerCount());
        List<String> contacts = new ArrayList<>();
        directoryApi.forEachContact(c -> contacts.add(c.partnerId()));
        assertThat(contacts).hasSize((int) directoryApi.contactCount());
        assertThat(directoryApi.contactsOf(partnerId)).hasSize(2);
        String email = directoryApi.contactsOf(partnerId).get(0).email();
        assertThat(directoryApi.contactByEmail(email.toUpperCase())).isPresent();
        assertThat(directoryApi.partners(List.of(partnerId, "junk"))).hasSize(1);
    }
}
