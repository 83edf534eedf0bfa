package io.partnerportal.identity.adapter.web;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.partnerportal.identity.api.AdminAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Logins. Public: these endpoints are how a caller gets a token in the first place. Password hashing
 * and the database lookup block, so they run on the blocking pool, never on the event loop.
 */
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Authentication")
class AuthController {

    private final AdminAuthentication admins;

    AuthController(AdminAuthentication admins) {
        this.admins = admins;
    }

    @Post("/admin/login")
    @Operation(summary = "Log in as an admin", description = "Answers an OAuth2-shaped bearer token valid 15 minutes; "
            + "a wrong username or password is a 401.")
    TokenResponse adminLogin(@Valid @Body AdminLoginRequest request) {
        return TokenResponse.of(admins.login(request.username(), request.password()));
    }
}
