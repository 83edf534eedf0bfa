package io.partnerportal.identity.application.port;

import io.partnerportal.identity.domain.AdminUser;

import java.util.Optional;

/** Where admin users are kept. */
public interface AdminUsers {

    Optional<AdminUser> findByUsername(String username);

    boolean anyExists();

    /** Creates the first admin unless one exists already (safe when several instances start at once). */
    boolean createIfNoneExists(AdminUser admin);
}
