package io.partnerportal.partners.application;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.api.event.DemoDataLoaded;
import io.partnerportal.partners.application.port.DemoDataMarker;
import io.partnerportal.partners.application.port.PartnerStore;
import io.partnerportal.partners.domain.Partner;
import io.partnerportal.partners.domain.RecordEdit;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a small dataset into an empty database so a newcomer sees something at once, matching the
 * product documents' examples: Gold resellers in the United States, contacts with the roles admin
 * and sales rep, partners in every onboarding phase, certified and uncertified partners and
 * contacts, and a few CRM properties (type, country, industry, employee count, signed date).
 * Off with {@code portal.demo-data.enabled=false}. Loaded once per database, under an advisory lock
 * (several instances may start at once), and never into a database that already holds partners.
 * {@link DemoDataLoaded} tells the other modules, which add their part of the demo (the demo CRM's records,
 * segments, the experience, quote and profile settings).
 * Partners and contacts carry {@code crmIds.demo}, the ids of the same records in the demo CRM
 * ({@code crm-adapter/demo} seeds its side with the same ids).
 */
@Singleton
@Requires(property = "portal.demo-data.enabled", notEquals = "false")
public class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    static final ChangeContext CONTEXT = new ChangeContext(ChangeCause.SYSTEM, Actor.system("demo-data"));
    /** The vendor's partner manager (a user id) of the partners in each country. */
    private static final Map<String, String> PARTNER_MANAGERS = Map.of("United States", "maria.lopez",
            "Canada", "maria.lopez", "United Kingdom", "jan.devries", "Germany", "jan.devries",
            "Belgium", "jan.devries", "France", "jan.devries");

    private final DemoDataMarker marker;
    private final PartnerStore partnerStore;
    private final CatalogueService catalogue;
    private final PartnerService partners;
    private final ContactService contacts;
    private final ApplicationEventPublisher<DemoDataLoaded> loaded;

    DemoData(DemoDataMarker marker, PartnerStore partnerStore, CatalogueService catalogue, PartnerService partners,
             ContactService contacts, ApplicationEventPublisher<DemoDataLoaded> loaded) {
        this.loaded = loaded;
        this.marker = marker;
        this.partnerStore = partnerStore;
        this.catalogue = catalogue;
        this.partners = partners;
        this.contacts = contacts;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try {
            if (loadIfEmpty()) {
                LOG.info("Loaded the demo dataset (set PORTAL_DEMO_DATA_ENABLED=false to start empty)");
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not load the demo dataset: {}", e.getMessage(), e);
        }
    }

    /** @return true when this call loaded the dataset */
    @Transactional
    public boolean loadIfEmpty() {
        marker.lock();
        if (marker.loaded() || partnerStore.count() > 0) {
            return false;
        }
        crmProperties();
        partner("Acme Resellers", "https://acme-resellers.example", "gold", "active", true, "reseller",
                "United States", "Software", 250, "2023-03-14",
                contact("ann.lee@acme-resellers.example", "Ann", "Lee", "admin", true, "en"),
                contact("bob.stone@acme-resellers.example", "Bob", "Stone", "sales_rep", false, "en"),
                contact("cleo.park@acme-resellers.example", "Cleo", "Park", "solutions_engineer", true, "en"));
        partner("Northwind Solutions", "https://northwind.example", "gold", "onboarding", false, "reseller",
                "United States", "IT services", 80, "2024-09-02",
                contact("dan.fox@northwind.example", "Dan", "Fox", "admin", false, "en"),
                contact("eve.hart@northwind.example", "Eve", "Hart", "sales_rep", true, "en"));
        partner("Globex Systems", "https://globex.example", "platinum", "active", true, "reseller",
                "United States", "Hardware", 1200, "2021-11-20",
                contact("finn.marsh@globex.example", "Finn", "Marsh", "admin", true, "en"),
                contact("gina.ray@globex.example", "Gina", "Ray", "sales_rep", true, "en"),
                contact("hugo.bell@globex.example", "Hugo", "Bell", "marketing", false, "en"));
        partner("Stark Integrations", "https://stark-integrations.example", "gold", "signed_contract", false,
                "technology", "United States", "Software", 40, "2025-01-10",
                contact("ivy.cole@stark-integrations.example", "Ivy", "Cole", "admin", false, "en"),
                contact("jack.dunn@stark-integrations.example", "Jack", "Dunn", "sales_rep", false, "en"));
        partner("Initech Partners", "https://initech.example", "silver", "signed_contract", false, "referral",
                "Germany", "Consulting", 60, "2024-12-01",
                contact("karl.weber@initech.example", "Karl", "Weber", "admin", false, "de"),
                contact("lena.vogel@initech.example", "Lena", "Vogel", "sales_rep", true, "de"));
        partner("Umbrella Consulting", "https://umbrella-consulting.example", "bronze", "prospecting", false, "msp",
                "United Kingdom", "Consulting", 15, null,
                contact("mia.shaw@umbrella-consulting.example", "Mia", "Shaw", "sales_rep", false, "en"));
        partner("Vandelay Imports", "https://vandelay.example", "gold", "prospecting", false, "reseller",
                "Belgium", "Distribution", 120, null,
                contact("nora.peeters@vandelay.example", "Nora", "Peeters", "admin", false, "nl"),
                contact("olivier.dubois@vandelay.example", "Olivier", "Dubois", "sales_rep", false, "fr"));
        partner("Hooli Cloud", "https://hooli.example", "silver", "onboarding", true, "msp", "United States",
                "Cloud services", 300, "2024-06-15",
                contact("paul.kim@hooli.example", "Paul", "Kim", "admin", true, "en"),
                contact("quinn.ortiz@hooli.example", "Quinn", "Ortiz", "partner_manager", false, "es"));
        partner("Soylent Digital", "https://soylent.example", "registered", "prospecting", false, "referral",
                "France", "Marketing", 8, null,
                contact("rose.martin@soylent.example", "Rose", "Martin", "sales_rep", false, "fr"));
        partner("Wayne Distribution", "https://wayne-distribution.example", "platinum", "active", true, "reseller",
                "Canada", "Distribution", 2000, "2020-05-05",
                contact("sam.wayne@wayne-distribution.example", "Sam", "Wayne", "admin", true, "en"),
                contact("tara.lane@wayne-distribution.example", "Tara", "Lane", "sales_rep", true, "en"),
                contact("umar.ali@wayne-distribution.example", "Umar", "Ali", "solutions_engineer", false, "en"));
        Instant now = Versions.now();
        marker.markLoaded(now);
        loaded.publishEvent(new DemoDataLoaded(now));
        return true;
    }

    private void crmProperties() {
        addIfMissing(Map.of("level", "partner", "key", "type", "label", "Type", "type", "enum", "source", "crm",
                "options", List.of(option("reseller", "Reseller"), option("referral", "Referral"),
                        option("technology", "Technology partner"), option("msp", "Managed service provider"))));
        addIfMissing(Map.of("level", "partner", "key", "country", "label", "Country", "type", "string", "source", "crm",
                "crmWritable", true));
        addIfMissing(Map.of("level", "partner", "key", "industry", "label", "Industry", "type", "string",
                "source", "crm", "crmWritable", true));
        addIfMissing(Map.of("level", "partner", "key", "employee_count", "label", "Employee count", "type", "number",
                "source", "crm"));
        addIfMissing(Map.of("level", "partner", "key", "signed_at", "label", "Contract signed", "type", "date",
                "source", "crm"));
    }

    private void addIfMissing(Map<String, Object> definition) {
        if (catalogue.find(PropertyLevel.PARTNER, (String) definition.get("key")).isEmpty()) {
            catalogue.add(definition, CONTEXT.actor());
        }
    }

    private static Map<String, Object> option(String key, String label) {
        return Map.of("key", key, "label", label);
    }

    /** The demo CRM's id of a company: {@code demo-acme-resellers}. */
    public static String companyCrmId(String name) {
        return "demo-" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /** The demo CRM's id of a person: {@code demo-ann-lee} for ann.lee@acme-resellers.example. */
    public static String personCrmId(String email) {
        return "demo-" + email.substring(0, email.indexOf('@')).toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private record DemoContact(String email, String firstName, String lastName, String role, boolean certified,
                               String language) {
    }

    private static DemoContact contact(String email, String firstName, String lastName, String role,
                                       boolean certified, String language) {
        return new DemoContact(email, firstName, lastName, role, certified, language);
    }

    private void partner(String name, String website, String tier, String phase, boolean certified, String type,
                         String country, String industry, int employees, String signedAt, DemoContact... people) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("tier", tier);
        properties.put("onboarding_phase", phase);
        properties.put("certified", certified);
        properties.put("type", type);
        properties.put("country", country);
        properties.put("industry", industry);
        properties.put("employee_count", BigDecimal.valueOf(employees));
        properties.put("logo", website + "/logo.png");
        properties.put("partner_manager", PARTNER_MANAGERS.get(country));
        if (signedAt != null) {
            properties.put("signed_at", signedAt);
        }
        Partner partner = partners.create(new RecordEdit(Map.of("name", name, "website", website),
                Map.of("demo", companyCrmId(name)), properties, List.of()), CONTEXT);
        for (DemoContact c : people) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("partnerId", partner.id().toString());
            fields.put("email", c.email());
            fields.put("firstName", c.firstName());
            fields.put("lastName", c.lastName());
            fields.put("role", c.role());
            fields.put("portalStatus", "invited");
            contacts.create(new RecordEdit(fields, Map.of("demo", personCrmId(c.email())), Map.of("certified",
                    c.certified(), "language", c.language()), List.of()), CONTEXT);
        }
    }
}
