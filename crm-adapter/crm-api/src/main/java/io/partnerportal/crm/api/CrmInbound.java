package io.partnerportal.crm.api;

import io.partnerportal.crm.spi.CrmRecord;

/**
 * The inbound side of the sync: a connector raises a changed CRM record (webhook, change data capture)
 * and the engine writes the mapped fields to the linked partner or contact through
 * {@code partners.api.PropertyCommands}, with cause {@code CRM_SYNC} and a system actor — such changes
 * are never written back to the CRM (no echo). Call it outside a transaction: it runs its own.
 */
public interface CrmInbound {

    SyncOutcome recordChanged(CrmRecord record);
}
