package io.partnerportal.roles.application.port;

import io.partnerportal.roles.domain.Role;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where roles are kept. */
public interface RoleStore {

    /** Every role in the admin's order. */
    List<Role> all();

    Optional<Role> byId(String id);

    Optional<Role> byKey(String key);

    /** @return false when the key or the name (ignoring case) is taken */
    boolean insert(Role role);

    /** Saves name, permissions and default flag; @return false when the name (ignoring case) is taken. */
    boolean update(Role role);

    /** Makes {@code roleId} the one default role. */
    void makeDefault(String roleId);

    void delete(String roleId);

    /** Explicit assignments per role id. */
    Map<String, Long> assignmentCounts();

    /**
     * Serialises role changes until the transaction ends: exclusive for changes of the roles
     * themselves (default, deletion), shared for assignments.
     */
    void lock(boolean exclusive);
}
