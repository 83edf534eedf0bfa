package io.partnerportal.partners.api;

import java.util.Collection;
import java.util.List;

/**
 * Keeps the {@code contact.role} system property (the effective role) in step with the roles
 * module, which owns roles and assignments. Changes publish contact change events with cause
 * {@link ChangeCause#ROLE_CHANGE}, so "role = admin" segments re-evaluate in the same transaction.
 */
public interface ContactRoles {

    /** Sets the effective role of some contacts (an assignment, or a change of the default role). */
    void setEffectiveRole(Collection<String> contactIds, String roleKey, ChangeContext context);

    /**
     * Sets the effective role of every contact whose effective role is {@code fromRoleKey}, except the
     * given contacts, to {@code toRoleKey} — a change of the default role, where the contacts assigned
     * the old default keep it. Only contacts whose role changes are written; each gets an event.
     *
     * @return how many contacts changed
     */
    int repointRole(String fromRoleKey, String toRoleKey, Collection<String> exceptContactIds, ChangeContext context);

    /**
     * Replaces the options of {@code contact.role} (the role keys and names) and the default for new
     * contacts. Removing a role that a condition uses is refused: a
     * {@link io.partnerportal.common.ConflictException} listing the {@code usages}. Contact writes wait
     * while the roles are redefined (a lock), so no new contact gets a default that is being replaced.
     */
    void defineRoles(List<PropertyOption> roles, String defaultRoleKey);

    /** Where a role key is used through the catalogue ({@code contact.role} in segment conditions, ...). */
    List<Usage> usagesOf(String roleKey);

    /**
     * One place a role key is used, as a catalogue user ({@code PropertyUsage}) reports it.
     *
     * @param kind what uses it ({@code segment}); id and name of that thing; detail: where exactly
     */
    record Usage(String kind, String id, String name, String detail) {
    }
}
