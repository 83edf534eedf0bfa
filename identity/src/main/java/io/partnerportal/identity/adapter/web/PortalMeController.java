package io.partnerportal.identity.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.common.UnauthorizedException;
import io.partnerportal.identity.api.PortalContact;
import io.partnerportal.partners.api.ContactRecord;
import io.partnerportal.partners.api.PartnerDirectory;
import io.partnerportal.partners.api.PartnerRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.Locale;

/** The logged-in contact and its company, for the portal's header and profile. */
@Controller("/api/portal/me")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Portal")
class PortalMeController {

    private final PartnerDirectory directory;

    PortalMeController(PartnerDirectory directory) {
        this.directory = directory;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PartnerSummary(String id, String name, String website, String logoUrl) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Me(String id, String email, String firstName, String lastName, String role, String portalStatus,
              String language, Instant lastLogin, PartnerSummary partner) {
    }

    @Get
    @Operation(summary = "The logged-in contact with its partner", description = "The contact and the partner come "
            + "from the token (and the directory), never from the URL.")
    Me me(@Parameter(hidden = true) PortalContact caller) {
        ContactRecord contact = directory.contact(caller.contactId())
                .orElseThrow(() -> new UnauthorizedException("This account no longer exists."));
        PartnerRecord partner = directory.partner(contact.partnerId())
                .orElseThrow(() -> new UnauthorizedException("This account no longer exists."));
        return new Me(contact.id(), contact.email(), contact.firstName(), contact.lastName(), contact.role(),
                contact.portalStatus().name().toLowerCase(Locale.ROOT), contact.language(), contact.lastLogin(),
                new PartnerSummary(partner.id(), partner.name(), partner.website(), partner.logoUrl()));
    }
}
