package io.partnerportal.crm.spi;

import java.util.function.Consumer;

/**
 * One CRM vendor (HubSpot, Salesforce, the in-process demo CRM). The active one is chosen by
 * {@code portal.crm.connector} (default {@code demo}); its {@link #system()} names the CRM ids of
 * partners and contacts ({@code crmIds.demo}).
 * <p>
 * Inbound, a connector raises each change it learns of (webhook, change data capture, polling) to
 * {@link io.partnerportal.crm.api.CrmInbound}; the sync engine also reads every record in a periodic full
 * pass. Outbound, the write-back worker calls {@link #deliver} outside any database transaction.
 */
public interface CrmConnector {

    /** The key of this CRM in {@code crmIds} ({@code demo}, {@code hubspot}, {@code salesforce}). */
    String system();

    /** Reads every record of a kind, page by page (a connector must not hold one transaction for all). */
    void forEachRecord(CrmObject object, Consumer<CrmRecord> consumer);

    /**
     * Writes portal changes to a record. Must be idempotent by {@link WriteBack#idempotencyKey()}.
     *
     * @throws CrmDeliveryException when the CRM did not confirm the write
     */
    void deliver(WriteBack writeBack);
}
