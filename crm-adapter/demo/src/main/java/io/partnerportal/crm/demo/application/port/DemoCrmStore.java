package io.partnerportal.crm.demo.application.port;

import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.crm.demo.domain.DemoCompany;
import io.partnerportal.crm.demo.domain.DemoPerson;
import io.partnerportal.crm.demo.domain.Fault;
import io.partnerportal.crm.demo.domain.ReceivedWrite;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The demo CRM's tables. */
public interface DemoCrmStore {

    Page<DemoCompany> companies(PageRequest page);

    /** Companies after a CRM id, in CRM id order (keyset pages for the full pass). */
    List<DemoCompany> companiesAfter(String crmId, int limit);

    Optional<DemoCompany> company(String crmId);

    /** @return false when the CRM id is taken */
    boolean insert(DemoCompany company);

    /**
     * Merges attributes and fields into a company (a null field is removed), bumping its version.
     *
     * @return the company after the change, empty when unknown
     */
    Optional<DemoCompany> updateCompany(String crmId, Map<String, String> attributes, Map<String, Object> fields);

    Page<DemoPerson> people(PageRequest page);

    List<DemoPerson> peopleAfter(String crmId, int limit);

    Optional<DemoPerson> person(String crmId);

    boolean insert(DemoPerson person);

    Optional<DemoPerson> updatePerson(String crmId, Map<String, String> attributes, Map<String, Object> fields);

    /** Records a write-back by its idempotency key; false when the key was received before. */
    boolean recordWrite(String idempotencyKey, String object, String crmId, Map<String, Object> fields);

    void countDuplicate(String idempotencyKey);

    Page<ReceivedWrite> writes(PageRequest page);

    /** Takes one planned failure, if any. */
    Optional<Fault> consumeFault();

    void planFaults(int count, Fault fault);

    /** The failures still planned and their kind. */
    Map<String, Object> faults();

    boolean isEmpty();
}
