package io.partnerportal.crm.demo.application;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.ConflictException;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.crm.api.CrmInbound;
import io.partnerportal.crm.api.SyncOutcome;
import io.partnerportal.crm.demo.application.port.DemoCrmStore;
import io.partnerportal.crm.demo.domain.DemoCompany;
import io.partnerportal.crm.demo.domain.DemoPerson;
import io.partnerportal.crm.demo.domain.Fault;
import io.partnerportal.crm.demo.domain.ReceivedWrite;
import io.partnerportal.crm.demo.domain.RecordEdit;
import io.partnerportal.crm.spi.CrmDeliveryException;
import io.partnerportal.crm.spi.CrmObject;
import io.partnerportal.crm.spi.CrmRecord;
import io.partnerportal.crm.spi.WriteBack;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A small CRM inside the service, the default connector when no real CRM is configured. An admin
 * changes its records as if in the CRM; each change is committed here, then raised to the sync engine
 * (like a webhook carrying the changed fields). Write-backs from the portal are applied once per
 * idempotency key and recorded, and are not raised back (the portal made them).
 */
@Singleton
public class DemoCrm {

    public static final String SYSTEM = "demo";
    public static final int MAX_FAULTS = 100;
    static final Set<String> COMPANY_ATTRIBUTES = Set.of("crmId", "name", "domain");
    static final Set<String> PERSON_ATTRIBUTES = Set.of("crmId", "companyCrmId", "email", "firstName", "lastName");

    private final DemoCrmStore store;
    private final CrmInbound inbound;

    DemoCrm(DemoCrmStore store, CrmInbound inbound) {
        this.store = store;
        this.inbound = inbound;
    }

    /** A record after a change, and what the sync made of it. */
    public record Changed<T>(T record, SyncOutcome sync) {
    }

    @Transactional
    public Page<DemoCompany> companies(PageRequest page) {
        return store.companies(page);
    }

    @Transactional
    public DemoCompany company(String crmId) {
        return store.company(crmId).orElseThrow(() -> NotFoundException.of("Demo CRM company", crmId));
    }

    public Changed<DemoCompany> createCompany(Map<String, Object> body) {
        RecordEdit edit = RecordEdit.parse(body, COMPANY_ATTRIBUTES, Set.of("name"));
        String crmId = crmId(edit.attributes().get("crmId"));
        DemoCompany company = new DemoCompany(crmId, edit.attributes().get("name"), edit.attributes().get("domain"),
                withoutNulls(edit.fields()), 1, now());
        if (!store.insert(company)) {
            throw new ConflictException("The demo CRM has a company " + crmId + " already.", Map.of("pointer", "/crmId"));
        }
        return new Changed<>(company, raise(CrmObject.COMPANY, crmId, company.fields()));
    }

    public Changed<DemoCompany> changeCompany(String crmId, Map<String, Object> body) {
        RecordEdit edit = RecordEdit.parse(body, Set.of("name", "domain"), Set.of());
        DemoCompany company = store.updateCompany(crmId, edit.attributes(), edit.fields())
                .orElseThrow(() -> NotFoundException.of("Demo CRM company", crmId));
        return new Changed<>(company, raise(CrmObject.COMPANY, crmId, edit.fields()));
    }

    @Transactional
    public Page<DemoPerson> people(PageRequest page) {
        return store.people(page);
    }

    @Transactional
    public DemoPerson person(String crmId) {
        return store.person(crmId).orElseThrow(() -> NotFoundException.of("Demo CRM person", crmId));
    }

    public Changed<DemoPerson> createPerson(Map<String, Object> body) {
        RecordEdit edit = RecordEdit.parse(body, PERSON_ATTRIBUTES, Set.of("companyCrmId", "email"));
        String crmId = crmId(edit.attributes().get("crmId"));
        String company = edit.attributes().get("companyCrmId");
        if (store.company(company).isEmpty()) {
            throw InvalidInputException.of("/companyCrmId", "unknown_company", "the demo CRM has no company " + company);
        }
        DemoPerson person = new DemoPerson(crmId, company, edit.attributes().get("email"),
                edit.attributes().get("firstName"), edit.attributes().get("lastName"), withoutNulls(edit.fields()), 1,
                now());
        if (!store.insert(person)) {
            throw new ConflictException("The demo CRM has a person " + crmId + " already.", Map.of("pointer", "/crmId"));
        }
        return new Changed<>(person, raise(CrmObject.PERSON, crmId, person.fields()));
    }

    public Changed<DemoPerson> changePerson(String crmId, Map<String, Object> body) {
        RecordEdit edit = RecordEdit.parse(body, Set.of("email", "firstName", "lastName"), Set.of());
        DemoPerson person = store.updatePerson(crmId, edit.attributes(), edit.fields())
                .orElseThrow(() -> NotFoundException.of("Demo CRM person", crmId));
        return new Changed<>(person, raise(CrmObject.PERSON, crmId, edit.fields()));
    }

    /** Every record of a kind, page by page (one short transaction per page), for the sync's full pass. */
    public void forEachRecord(CrmObject object, java.util.function.Consumer<CrmRecord> consumer) {
        String after = "";
        while (true) {
            List<CrmRecord> page = page(object, after);
            if (page.isEmpty()) {
                return;
            }
            page.forEach(consumer);
            after = page.get(page.size() - 1).crmId();
        }
    }

    private List<CrmRecord> page(CrmObject object, String after) {
        return object == CrmObject.COMPANY
                ? store.companiesAfter(after, 500).stream().map(c -> new CrmRecord(object, c.crmId(), c.fields())).toList()
                : store.peopleAfter(after, 500).stream().map(p -> new CrmRecord(object, p.crmId(), p.fields())).toList();
    }

    /** Takes one planned failure (committed at once, whatever the delivery does next). */
    @Transactional
    public Optional<Fault> consumeFault() {
        return store.consumeFault();
    }

    /**
     * Applies a write-back once per idempotency key: a key seen before is acknowledged and counted as a
     * duplicate, nothing is applied again.
     */
    @Transactional
    public boolean receive(WriteBack write) {
        if (!store.recordWrite(write.idempotencyKey(), write.object().jsonName(), write.crmId(), write.fields())) {
            store.countDuplicate(write.idempotencyKey());
            return false;
        }
        boolean applied = write.object() == CrmObject.COMPANY
                ? store.updateCompany(write.crmId(), Map.of(), write.fields()).isPresent()
                : store.updatePerson(write.crmId(), Map.of(), write.fields()).isPresent();
        if (!applied) {
            // rolls the recorded key back too: the CRM never accepted this write
            throw new CrmDeliveryException("the demo CRM has no " + write.object().jsonName() + " " + write.crmId(),
                    false);
        }
        return true;
    }

    @Transactional
    public Page<ReceivedWrite> writes(PageRequest page) {
        return store.writes(page);
    }

    @Transactional
    public Map<String, Object> planFaults(Object count, Object mode) {
        int n = count instanceof java.math.BigDecimal d && d.stripTrailingZeros().scale() <= 0 && d.signum() >= 0
                && d.intValue() <= MAX_FAULTS ? d.intValue() : -1;
        Fault fault;
        try {
            fault = mode == null ? Fault.REJECT : Fault.fromJson(String.valueOf(mode));
        } catch (IllegalArgumentException e) {
            fault = null;
        }
        if (n < 0 || fault == null) {
            List<io.partnerportal.common.FieldError> errors = new java.util.ArrayList<>();
            if (n < 0) {
                errors.add(io.partnerportal.common.FieldError.at("/failNext", "out_of_range", "failNext is a whole "
                        + "number from 0 to " + MAX_FAULTS));
            }
            if (fault == null) {
                errors.add(io.partnerportal.common.FieldError.at("/mode", "unknown_option", "mode is reject or "
                        + "lose_response"));
            }
            throw new InvalidInputException(errors);
        }
        store.planFaults(n, fault);
        return store.faults();
    }

    @Transactional
    public Map<String, Object> faults() {
        return store.faults();
    }

    /** Seeds the demo CRM with records (the demo dataset), in the caller's transaction, if it is empty. */
    @Transactional
    public boolean seed(List<DemoCompany> companies, List<DemoPerson> people) {
        if (!store.isEmpty()) {
            return false;
        }
        companies.forEach(store::insert);
        people.forEach(store::insert);
        return true;
    }

    private SyncOutcome raise(CrmObject object, String crmId, Map<String, Object> changedFields) {
        return inbound.recordChanged(new CrmRecord(object, crmId, changedFields));
    }

    private static String crmId(String given) {
        return given != null ? given : "demo-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
