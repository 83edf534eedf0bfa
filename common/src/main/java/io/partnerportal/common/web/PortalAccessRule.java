package io.partnerportal.common.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Who may call what, in one place and in code (so every test context enforces the same rules):
 * {@code /api/admin/**} needs an admin token, {@code /api/portal/**} a contact token; login,
 * health and the API description are public; everything else is denied.
 */
@Singleton
public class PortalAccessRule implements SecurityRule<HttpRequest<?>> {

    /** Public paths, each a prefix. */
    private static final List<String> PUBLIC = List.of("/api/auth/", "/health", "/openapi", "/swagger",
            "/rapidoc", "/favicon.ico");

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request,
                                               @Nullable Authentication authentication) {
        return Mono.just(decide(request == null ? "" : request.getPath(), authentication));
    }

    static SecurityRuleResult decide(String path, @Nullable Authentication authentication) {
        if (PUBLIC.stream().anyMatch(path::startsWith)) {
            return SecurityRuleResult.ALLOWED;
        }
        if (path.startsWith("/api/admin/")) {
            return hasRole(authentication, PortalRoles.ADMIN);
        }
        if (path.startsWith("/api/portal/")) {
            return hasRole(authentication, PortalRoles.CONTACT);
        }
        return SecurityRuleResult.REJECTED;
    }

    private static SecurityRuleResult hasRole(@Nullable Authentication authentication, String role) {
        return authentication != null && authentication.getRoles().contains(role)
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED;
    }

    @Override
    public int getOrder() {
        // after the @Secured annotation rule, so an explicit annotation still wins
        return 100;
    }
}
