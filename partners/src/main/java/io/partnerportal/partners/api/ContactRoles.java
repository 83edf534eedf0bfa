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

    /** Replaces the options of {@code contact.role} (the role keys and names) and the default for new contacts. */
    void defineRoles(List<PropertyOption> roles, String defaultRoleKey);
}
