package io.partnerportal.crm.demo;

import io.partnerportal.crm.spi.CrmRoleMapping;
import io.partnerportal.partners.api.ChangeContext;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/** Stands in for the roles module's CRM role mapping: records what the sync asks of it. */
@Singleton
public class RecordingRoleMapping implements CrmRoleMapping {

    public record Call(String contactId, Map<String, Object> personFields, ChangeContext context) {
    }

    private final ConcurrentLinkedDeque<Call> calls = new ConcurrentLinkedDeque<>();

    @Override
    public void applyCrmRole(String contactId, Map<String, Object> personFields, ChangeContext context) {
        calls.add(new Call(contactId, personFields, context));
    }

    public Call last() {
        return calls.peekLast();
    }
}
