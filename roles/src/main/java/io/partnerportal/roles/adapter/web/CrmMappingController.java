package io.partnerportal.roles.adapter.web;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.partnerportal.common.web.Actors;
import io.partnerportal.roles.adapter.web.RoleJson.CrmMappingJson;
import io.partnerportal.roles.application.CrmMappingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Which CRM value means which role; the CRM sync applies it to contacts. */
@Controller("/api/admin/roles/crm-mapping")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Roles")
class CrmMappingController {

    private final CrmMappingService mapping;

    CrmMappingController(CrmMappingService mapping) {
        this.mapping = mapping;
    }

    @Get
    @Operation(summary = "Read the CRM role mapping")
    CrmMappingJson get() {
        return CrmMappingJson.of(mapping.get());
    }

    @Put
    @Operation(summary = "Replace the CRM role mapping", description = "`{\"field\", \"mappings\": [{\"crmValue\", "
            + "\"role\"}], \"version\"?}`: at most 500 values, each mapped once (ignoring case) to an existing role key "
            + "(422 with pointers otherwise).")
    @RequestBody(content = @Content(schema = @Schema(implementation = CrmMappingJson.class)))
    CrmMappingJson replace(@Body JsonNode body, Authentication auth) {
        return CrmMappingJson.of(mapping.replace(RoleJson.object(body), Actors.of(auth)));
    }
}
