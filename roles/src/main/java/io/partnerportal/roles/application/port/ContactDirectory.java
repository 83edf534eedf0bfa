package io.partnerportal.roles.application.port;

import io.partnerportal.common.Actor;
import io.partnerportal.roles.domain.Role;
import io.partnerportal.roles.domain.RoleUsageEntry;

import java.util.Collection;
import java.util.List;

/**
 * The partner directory as roles need it: the effective role of contacts lives in the directory's
 * {@code contact.role} system property, which this module keeps in step with its roles and assignments.
 */
public interface ContactDirectory {

    boolean exists(String contactId);

    /** Writes the effective role of one contact (an event with cause role change when it changes). */
    void setEffectiveRole(String contactId, String roleKey, Actor actor);

    /** Re-points every contact with role {@code from} to {@code to}, except some; @return how many changed. */
    int repoint(String from, String to, Collection<String> except, Actor actor);

    /** Makes the options of {@code contact.role} the roles (keys and names) and sets the default for new contacts. */
    void defineRoles(List<Role> roles, String defaultKey);

    /** Where the directory's catalogue users (segment conditions) use the role key. */
    List<RoleUsageEntry> catalogueUsages(String roleKey);
}
