package io.partnerportal.identity.application;

import io.partnerportal.common.UnauthorizedException;
import io.partnerportal.common.web.PortalRoles;
import io.partnerportal.identity.api.AccessToken;
import io.partnerportal.identity.api.AdminAuthentication;
import io.partnerportal.identity.application.port.AdminUsers;
import io.partnerportal.identity.application.port.TokenIssuer;
import io.partnerportal.identity.domain.AdminUser;
import io.partnerportal.identity.domain.PasswordHasher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
class AdminLoginService implements AdminAuthentication {

    private static final Logger LOG = LoggerFactory.getLogger(AdminLoginService.class);

    private final AdminUsers admins;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;

    AdminLoginService(AdminUsers admins, PasswordHasher hasher, TokenIssuer tokens) {
        this.admins = admins;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    @Override
    public AccessToken login(String username, String password) {
        Optional<AdminUser> admin = username == null ? Optional.empty() : admins.findByUsername(username);
        // always verify, even for an unknown user, so response time does not reveal which usernames exist
        boolean ok = hasher.matches(password, admin.map(AdminUser::passwordHash).orElse(null));
        if (!ok) {
            LOG.info("Refused admin login for username '{}'", username);
            throw new UnauthorizedException("Wrong username or password.");
        }
        AdminUser user = admin.orElseThrow();
        return tokens.issue(user.username(), List.of(PortalRoles.ADMIN),
                Map.of("kind", "admin", "adminId", user.id().toString(), "name", user.displayName()));
    }
}
