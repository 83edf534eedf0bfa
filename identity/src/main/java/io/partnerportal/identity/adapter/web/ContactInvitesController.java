package io.partnerportal.identity.adapter.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.common.Actor;
import io.partnerportal.identity.application.ContactLogins;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;

/** Admins invite contacts to the portal and make login links for them. */
@Controller("/api/admin/contacts/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Contacts")
class ContactInvitesController {

    private final ContactLogins logins;

    ContactInvitesController(ContactLogins logins) {
        this.logins = logins;
    }

    @Serdeable
    record IssuedTokenJson(String token, String url, Instant expiresAt) {
        static IssuedTokenJson of(ContactLogins.IssuedToken t) {
            return new IssuedTokenJson(t.token(), t.url(), t.expiresAt());
        }
    }

    @Post("/invite")
    @Operation(summary = "Invite a contact to the portal", description = "Answers the invitation token and its link, "
            + "valid 7 days; a contact without a password becomes invited. A disabled contact is a 409.")
    HttpResponse<IssuedTokenJson> invite(@PathVariable String id, Authentication authentication) {
        return HttpResponse.ok(IssuedTokenJson.of(logins.invite(id, admin(authentication))));
    }

    @Post("/login-link")
    @Operation(summary = "Make a login link for a contact", description = "Single use, valid 15 minutes.")
    HttpResponse<IssuedTokenJson> loginLink(@PathVariable String id, Authentication authentication) {
        return HttpResponse.ok(IssuedTokenJson.of(logins.loginLink(id, admin(authentication))));
    }

    private static Actor admin(Authentication authentication) {
        Object id = authentication.getAttributes().get("adminId");
        Object name = authentication.getAttributes().get("name");
        return Actor.admin(id != null ? id.toString() : authentication.getName(),
                name != null ? name.toString() : authentication.getName());
    }
}
