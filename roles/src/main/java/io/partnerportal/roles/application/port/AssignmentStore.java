package io.partnerportal.roles.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Explicit role assignments of contacts (a contact without one has the default role). */
public interface AssignmentStore {

    /** The id of the role assigned to the contact, if any. */
    Optional<String> assignedRoleId(String contactId);

    void assign(String contactId, String roleId, String assignedBy, Instant at);

    /** @return true when there was an assignment */
    boolean remove(String contactId);

    /** The contacts explicitly assigned a role. */
    List<String> contactsWith(String roleId);

    long countWith(String roleId);
}
