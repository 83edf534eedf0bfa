package io.partnerportal.experiences.application.port;

import java.util.Map;
import java.util.Optional;

/** Roles as experiences need them: a contact's effective role and the role names. */
public interface RoleLookup {

    /** The effective role key from memory only; empty when not cached. */
    Optional<String> roleInMemory(String contactId);

    /** The effective role key (memory, else one read). */
    String roleOf(String contactId);

    /** The effective role key read in the caller's transaction (admin preview and explanations). */
    String currentRoleOf(String contactId);

    /** Whether a role with this key exists (asks the database when the key is not known in memory). */
    boolean exists(String roleKey);

    /** Every role: key → name. */
    Map<String, String> roleNames();
}
