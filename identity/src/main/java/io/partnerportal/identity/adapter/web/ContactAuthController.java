package io.partnerportal.identity.adapter.web;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.identity.application.ContactLogins;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** How partner contacts log in. Public: these endpoints hand out tokens in the first place. */
@Controller("/api/auth/portal")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Authentication")
class ContactAuthController {

    private final ContactLogins logins;

    ContactAuthController(ContactLogins logins) {
        this.logins = logins;
    }

    @Serdeable
    record AcceptInvite(@NotBlank @Size(max = 200) String token, @NotBlank @Size(max = 1000) String password) {
    }

    @Serdeable
    record LinkLogin(@NotBlank @Size(max = 200) String token) {
    }

    @Serdeable
    record ContactLogin(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1000) String password) {
    }

    @Post("/accept-invite")
    @Operation(summary = "Accept an invitation", description = "Sets the contact's password (at least 10 "
            + "characters), activates it and logs it in. An invitation works once, for 7 days; otherwise 401.")
    TokenResponse acceptInvite(@Valid @Body AcceptInvite request) {
        return TokenResponse.of(logins.acceptInvite(request.token(), request.password()));
    }

    @Post("/link-login")
    @Operation(summary = "Log in with a login link", description = "A login link works once, for 15 minutes; "
            + "otherwise 401.")
    TokenResponse linkLogin(@Valid @Body LinkLogin request) {
        return TokenResponse.of(logins.linkLogin(request.token()));
    }

    @Post("/login")
    @Operation(summary = "Log in as a partner contact", description = "With e-mail address and password. A wrong "
            + "pair, or a disabled contact, is a 401. The access token (15 minutes) carries the contact id (sub) "
            + "and its partner (partnerId).")
    TokenResponse login(@Valid @Body ContactLogin request) {
        return TokenResponse.of(logins.login(request.email(), request.password()));
    }
}
