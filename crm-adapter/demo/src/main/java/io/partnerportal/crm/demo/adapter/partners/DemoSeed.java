package io.partnerportal.crm.demo.adapter.partners;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.partnerportal.crm.demo.application.DemoCrm;
import io.partnerportal.crm.demo.domain.DemoCompany;
import io.partnerportal.crm.demo.domain.DemoPerson;
import io.partnerportal.partners.api.ContactRecord;
import io.partnerportal.partners.api.PartnerDirectory;
import io.partnerportal.partners.api.PartnerRecord;
import io.partnerportal.partners.api.event.DemoDataLoaded;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When the portal loads its demo dataset, the demo CRM takes the same records (same CRM ids, the
 * properties as fields, the role as {@code job_role}), in the same transaction: portal and CRM start in
 * step, so a full pass changes nothing.
 */
@Singleton
@Requires(property = "portal.crm.connector", value = DemoCrm.SYSTEM, defaultValue = DemoCrm.SYSTEM)
class DemoSeed {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);

    private final DemoCrm crm;
    private final PartnerDirectory directory;

    DemoSeed(DemoCrm crm, PartnerDirectory directory) {
        this.crm = crm;
        this.directory = directory;
    }

    @EventListener
    void onDemoData(DemoDataLoaded event) {
        List<DemoCompany> companies = new ArrayList<>();
        List<DemoPerson> people = new ArrayList<>();
        Instant now = event.at();
        directory.forEachPartner(p -> {
            String crmId = p.crmIds().get(DemoCrm.SYSTEM);
            if (crmId != null) {
                companies.add(new DemoCompany(crmId, p.name(), domain(p), fields(p.properties()), 1, now));
            }
        });
        Map<String, String> companyOf = new LinkedHashMap<>();
        directory.forEachPartner(p -> companyOf.put(p.id(), p.crmIds().get(DemoCrm.SYSTEM)));
        directory.forEachContact(c -> {
            String crmId = c.crmIds().get(DemoCrm.SYSTEM);
            String company = companyOf.get(c.partnerId());
            if (crmId != null && company != null) {
                people.add(new DemoPerson(crmId, company, c.email(), c.firstName(), c.lastName(), personFields(c), 1,
                        now));
            }
        });
        if (crm.seed(companies, people)) {
            LOG.info("Seeded the demo CRM with {} companies and {} people", companies.size(), people.size());
        }
    }

    private static Map<String, Object> personFields(ContactRecord c) {
        Map<String, Object> fields = fields(c.properties());
        fields.put("job_role", c.role());
        return fields;
    }

    private static Map<String, Object> fields(Map<String, Object> properties) {
        Map<String, Object> fields = new LinkedHashMap<>();
        properties.forEach((k, v) -> fields.put(k, v instanceof LocalDate || v instanceof Instant ? v.toString() : v));
        return fields;
    }

    private static String domain(PartnerRecord p) {
        try {
            return p.website() == null ? null : URI.create(p.website()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
