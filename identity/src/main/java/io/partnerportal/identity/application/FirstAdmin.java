package io.partnerportal.identity.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.partnerportal.identity.application.port.AdminUsers;
import io.partnerportal.identity.domain.AdminUser;
import io.partnerportal.identity.domain.PasswordHasher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * On an empty database, creates the first admin from {@code PORTAL_ADMIN_USERNAME} and
 * {@code PORTAL_ADMIN_PASSWORD}; without a password it generates one and logs it once, since
 * nobody could log in otherwise.
 */
@Singleton
class FirstAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final AdminUsers admins;
    private final PasswordHasher hasher;
    private final String username;
    private final String password;

    FirstAdmin(AdminUsers admins, PasswordHasher hasher,
               @Value("${portal.admin.username:admin}") String username,
               @Value("${portal.admin.password:}") String password) {
        this.admins = admins;
        this.hasher = hasher;
        this.username = username;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (admins.anyExists()) {
            return; // every start but the first: no password hashing (a deliberately slow hash) on the way to ready
        }
        boolean generated = password == null || password.isBlank();
        String secret = generated ? randomPassword() : password;
        AdminUser admin = new AdminUser(UUID.randomUUID(), username, hasher.hash(secret), username, Instant.now());
        if (admins.createIfNoneExists(admin)) {
            if (generated) {
                LOG.warn("Created the first admin '{}' with the generated password {} - it is shown only this once. "
                        + "Set PORTAL_ADMIN_PASSWORD on an empty database to choose it instead.", username, secret);
            } else {
                LOG.info("Created the first admin '{}' with the password from PORTAL_ADMIN_PASSWORD", username);
            }
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
