package io.partnerportal.roles.api;

import java.util.List;
import java.util.Optional;

/**
 * Reads partner roles. The roles and each contact's effective role are kept in memory (a contact's
 * role for a few seconds, dropped on every instance as soon as it changes), so the portal's request
 * path asks without a database round trip.
 */
public interface RoleDirectory {

    /** Every role, in the admin's order. */
    List<PartnerRole> roles();

    Optional<PartnerRole> find(String roleKey);

    PartnerRole defaultRole();

    /**
     * The contact's effective role: its assignment, else the default role (also for an unknown contact).
     * Answered from memory when cached, else with one read.
     */
    PartnerRole effectiveRole(String contactId);

    /** The effective role from memory only (for a request path on the event loop); empty on a cache miss. */
    Optional<PartnerRole> effectiveRoleInMemory(String contactId);

    /** The effective role read from the database in the caller's transaction, with whether it is assigned. */
    ContactRole contactRole(String contactId);

    /** What the contact's effective role permits. */
    RolePermissions permissionsOf(String contactId);

    /** The CRM role mapping (CRM value → role key). */
    CrmRoles crmRoles();
}
