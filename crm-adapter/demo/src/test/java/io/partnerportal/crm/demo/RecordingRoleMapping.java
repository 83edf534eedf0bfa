package io.partnerportal.crm.demo;

import io.partnerportal.crm.spi.CrmRoleMapping;
import io.partnerportal.partners.api.ChangeContext;
import jakarta.inject.Singleton;

import java.util.concurrent.ConcurrentLinkedDeque;

/** Stands in for the roles module's CRM role mapping: records what the sync asks of it. */
@Singleton
public class RecordingRoleMapping implements CrmRoleMapping {

    public record Call(String contactId, String crmValue, ChangeContext context) {
    }

    private final ConcurrentLinkedDeque<Call> calls = new ConcurrentLinkedDeque<>();

    @Override
    public void applyCrmRole(String contactId, String crmValue, ChangeContext context) {
        calls.add(new Call(contactId, crmValue, context));
    }

    public Call last() {
        return calls.peekLast();
    }
}
