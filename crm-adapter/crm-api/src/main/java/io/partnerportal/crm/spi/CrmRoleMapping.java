package io.partnerportal.crm.spi;

import io.partnerportal.partners.api.ChangeContext;

import java.util.Map;

/**
 * Turns a CRM person's role field (e.g. job role "Sales Director") into a partner role. Implemented by
 * the roles module, which stores which CRM field holds the role, the mapping CRM value → role key, and
 * owns role assignments. The sync engine calls it, when such a bean exists, for every synced person
 * linked to a contact, with the person's fields as the CRM sent them (a change carries only the
 * changed fields). Without a bean roles are not synced.
 * <p>
 * What an implementation must do: when {@code personFields} contains its configured role field, look
 * the value up (ignoring case) in its mapping; when mapped, assign that role through its own assignment
 * logic (which keeps {@code contact.role} current via {@code partners.api.ContactRoles}, cause
 * {@code ROLE_CHANGE}); when the field is absent, null, or the value unmapped, leave the contact's role
 * as it is. It is called outside any transaction (after the person's properties were written), so it
 * opens its own, and it must be idempotent (the full pass calls it for every person, changed or not).
 */
public interface CrmRoleMapping {

    /**
     * @param contactId    the portal contact linked to the CRM person
     * @param personFields the CRM person's fields (JSON-like values) as synced
     * @param context      cause {@code CRM_SYNC}, the sync's system actor
     */
    void applyCrmRole(String contactId, Map<String, Object> personFields, ChangeContext context);
}
