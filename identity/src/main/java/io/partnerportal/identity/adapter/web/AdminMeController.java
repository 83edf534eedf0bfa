package io.partnerportal.identity.adapter.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The logged-in admin, so a console can show who is signed in. */
@Controller("/api/admin/me")
@Tag(name = "Authentication")
class AdminMeController {

    @Get
    @Operation(summary = "The logged-in admin")
    AdminMe me(Authentication authentication) {
        Object name = authentication.getAttributes().get("name");
        return new AdminMe(authentication.getName(), name == null ? authentication.getName() : name.toString());
    }

    @Serdeable
    record AdminMe(String username, String displayName) {
    }
}
