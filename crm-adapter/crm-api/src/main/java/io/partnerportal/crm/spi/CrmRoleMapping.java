package io.partnerportal.crm.spi;

import io.partnerportal.partners.api.ChangeContext;

/**
 * Turns a CRM person's role field (e.g. job role "Sales Director") into a partner role. Implemented by
 * the roles module, which stores the mapping CRM value → role key and owns role assignments; the sync
 * engine calls it, when such a bean exists, for every synced person that carries the mapped role field
 * ({@code roleField} of the CRM mapping). Without a bean roles are not synced.
 * <p>
 * What an implementation must do: look the value up (case-insensitively) in its mapping; when mapped,
 * assign that role to the contact through its own assignment logic (which keeps {@code contact.role}
 * current via {@code partners.api.ContactRoles}, cause {@code ROLE_CHANGE}); when the value is null or
 * unmapped, leave the contact's role as it is. It is called outside any transaction (after the
 * person's properties were written), so it opens its own; it must be idempotent (the full pass calls it
 * for every person, changed or not).
 */
public interface CrmRoleMapping {

    /**
     * @param contactId the portal contact linked to the CRM person
     * @param crmValue  the value of the role field in the CRM, or null when it is empty
     * @param context   cause {@code CRM_SYNC}, the sync's system actor
     */
    void applyCrmRole(String contactId, String crmValue, ChangeContext context);
}
