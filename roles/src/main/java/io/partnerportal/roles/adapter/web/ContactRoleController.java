package io.partnerportal.roles.adapter.web;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.common.web.Actors;
import io.partnerportal.roles.adapter.web.RoleJson.ContactRoleResponse;
import io.partnerportal.roles.application.AssignmentService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

/** A contact's role: read, assign, give back the default. */
@Controller("/api/admin/contacts/{id}/role")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Roles")
class ContactRoleController {

    private final AssignmentService assignments;

    ContactRoleController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @Get
    @Operation(summary = "A contact's effective role", description = "`assigned: false` means the default role.")
    ContactRoleResponse get(String id) {
        return ContactRoleResponse.of(assignments.current(id));
    }

    @Put
    @Operation(summary = "Assign a role to a contact", description = "`{\"roleId\"}` (or `{\"roleKey\"}`). The "
            + "contact's effective role changes in the same request: segments on contact.role re-evaluate and its "
            + "next portal request sees the tabs of its new role.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RoleJson.RoleIdRequest.class)))
    ContactRoleResponse assign(String id, @Body JsonNode body, Authentication auth) {
        Map<String, Object> request = RoleJson.object(body);
        for (String field : request.keySet()) {
            if (!field.equals("roleId") && !field.equals("roleKey")) {
                throw InvalidInputException.of(JsonPointer.of(field), "unknown_field", "unknown field '" + field + "'");
            }
        }
        if (request.get("roleId") instanceof String roleId && !roleId.isBlank() && !request.containsKey("roleKey")) {
            return ContactRoleResponse.of(assignments.assignById(id, roleId, Actors.of(auth)));
        }
        if (request.get("roleKey") instanceof String roleKey && !roleKey.isBlank() && !request.containsKey("roleId")) {
            return ContactRoleResponse.of(assignments.assign(id, roleKey, Actors.of(auth)));
        }
        throw InvalidInputException.of("/roleId", "required", "send exactly one of roleId or roleKey");
    }

    @Delete
    @Operation(summary = "Give a contact back the default role", description = "Removes its assignment; answers its "
            + "effective role (the default).")
    ContactRoleResponse revert(String id, Authentication auth) {
        return ContactRoleResponse.of(assignments.revertToDefault(id, Actors.of(auth)));
    }
}
