package io.partnerportal.profile.adapter.web;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.web.Actors;
import io.partnerportal.common.web.JsonBody;
import io.partnerportal.identity.api.PortalContact;
import io.partnerportal.profile.adapter.web.ProfileJson.ProfileResponse;
import io.partnerportal.profile.adapter.web.ProfileJson.SettingsJson;
import io.partnerportal.profile.application.PartnerProfiles;
import io.partnerportal.profile.application.ProfileSettingsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

/** The partner profile: the admin's settings and the portal's view and edit of the contact's own partner. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class ProfileController {

    private final ProfileSettingsService settings;
    private final PartnerProfiles profiles;

    ProfileController(ProfileSettingsService settings, PartnerProfiles profiles) {
        this.settings = settings;
        this.profiles = profiles;
    }

    @Get("/admin/profile/settings")
    @Tag(name = "Partner profile")
    @Operation(summary = "Profile settings", description = "The partner properties shown (in order, each read_only "
            + "or editable) and the edit audience.")
    SettingsJson getSettings() {
        return SettingsJson.of(settings.get());
    }

    @Put("/admin/profile/settings")
    @Tag(name = "Partner profile")
    @Operation(summary = "Replace the profile settings", description = "Each property is a partner property of the "
            + "catalogue (unknown or archived → 422 at /properties/i/key). A system property, or a CRM property the CRM "
            + "marks not writable (crmWritable false), cannot be editable (422 at /properties/i/mode). `editAudience` "
            + "is an audience of segments of any level. The body carries the version read (stale → 412). Recorded in "
            + "the audit log.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SettingsJson.class)))
    SettingsJson putSettings(@Body JsonNode body, Authentication auth) {
        return SettingsJson.of(settings.replace(object(body), Actors.of(auth)));
    }

    @Get("/portal/profile")
    @Tag(name = "Portal")
    @Operation(summary = "My company's profile", description = "The contact's own partner, configured properties "
            + "only, each with label, type, value and whether this contact may edit it.")
    ProfileResponse profile(@Parameter(hidden = true) PortalContact caller) {
        return ProfileResponse.of(profiles.view(caller.contactId(), caller.partnerId()));
    }

    @Patch("/portal/profile")
    @Consumes({"application/merge-patch+json", "application/json"})
    @Tag(name = "Portal")
    @Operation(summary = "Edit my company's profile", description = "`{\"properties\": {key: value}}` — only "
            + "editable properties, only for contacts the edit audience admits (else 403). The whole request is "
            + "refused (422 naming each key at /properties/<key>) if any key is read-only or not on the profile; "
            + "values are validated by the catalogue. An accepted edit updates the partner (cause profile_edit, the "
            + "contact as actor) and is written back to the CRM.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ProfileJson.EditJson.class)))
    ProfileResponse edit(@Parameter(hidden = true) PortalContact caller, @Body JsonNode body) {
        return ProfileResponse.of(profiles.edit(caller.contactId(), caller.partnerId(), object(body)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JsonNode body) {
        Object plain = JsonBody.toPlain(body);
        if (!(plain instanceof Map<?, ?>)) {
            throw InvalidInputException.of("", "wrong_value_type", "the request body must be a JSON object");
        }
        return (Map<String, Object>) plain;
    }
}
