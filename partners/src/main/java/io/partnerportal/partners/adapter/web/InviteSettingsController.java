package io.partnerportal.partners.adapter.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.UnknownMembers;
import io.partnerportal.partners.application.TeamInvites;
import io.partnerportal.partners.domain.InviteSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The admin's team invite settings. */
@Controller("/api/admin/settings/invites")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Settings")
class InviteSettingsController {

    private final TeamInvites invites;

    InviteSettingsController(TeamInvites invites) {
        this.invites = invites;
    }

    @Serdeable
    record InviteSettingsJson(boolean allowAnyEmailDomain, long version) {
        static InviteSettingsJson of(InviteSettings s) {
            return new InviteSettingsJson(s.allowAnyEmailDomain(), s.version());
        }
    }

    @Get
    @Operation(summary = "Team invite settings")
    InviteSettingsJson get() {
        return InviteSettingsJson.of(invites.settings());
    }

    @Put
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the team invite settings", description = "`allowAnyEmailDomain` lifts the rule that "
            + "an invited address must be at the partner's website domain. The body carries the version read "
            + "(stale → 412).")
    @RequestBody(content = @Content(schema = @Schema(implementation = InviteSettingsJson.class)))
    InviteSettingsJson put(@Body String body, Authentication authentication) {
        Map<String, Object> json = Requests.object(body);
        List<FieldError> errors = new ArrayList<>(UnknownMembers.of(json.keySet(),
                Set.of("allowAnyEmailDomain", "version"), "", member -> "'" + member + "' is not a setting"));
        Object allow = json.get("allowAnyEmailDomain");
        if (allow != null && !(allow instanceof Boolean)) {
            errors.add(FieldError.at("/allowAnyEmailDomain", "wrong_type", "allowAnyEmailDomain must be true or false"));
        }
        Object version = json.get("version");
        Long expected = null;
        if (version instanceof BigDecimal d && d.signum() >= 0 && d.stripTrailingZeros().scale() <= 0) {
            expected = d.longValue();
        } else if (version != null) {
            errors.add(FieldError.at("/version", "wrong_type", "version must be a whole number"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return InviteSettingsJson.of(invites.updateSettings((Boolean) allow, expected, Requests.admin(authentication)));
    }
}
