package io.partnerportal.roles.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.web.Actors;
import io.partnerportal.roles.adapter.web.RoleJson.DefaultChangeResponse;
import io.partnerportal.roles.adapter.web.RoleJson.RoleRef;
import io.partnerportal.roles.adapter.web.RoleJson.RoleResponse;
import io.partnerportal.roles.application.RoleAdministration;
import io.partnerportal.roles.domain.RoleUsageEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Partner roles for admins: presets and custom roles, their names, permissions and the default. */
@Controller("/api/admin/roles")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Roles", description = "Partner roles: renameable presets, custom roles, the default role, permissions")
class RolesController {

    private final RoleAdministration roles;

    RolesController(RoleAdministration roles) {
        this.roles = roles;
    }

    @Get
    @Operation(summary = "List roles", description = "In the admin's order, with the number of contacts each is "
            + "explicitly assigned to. Paged (`page`, `size` ≤ 500); there are at most 100 roles.")
    Page<RoleResponse> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<RoleResponse> all = roles.list().stream().map(RoleResponse::of).toList();
        int from = (int) Math.min(all.size(), request.offset());
        return Page.of(all.subList(from, Math.min(all.size(), from + request.size())), request, all.size());
    }

    @Post
    @Operation(summary = "Add a role", description = "`key` (stable, lower-case) and `name` are required; a key or a "
            + "name (ignoring case) that exists is a 409. `collaborationRestricted` defaults to false.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RoleJson.RoleRequest.class)))
    HttpResponse<RoleResponse> create(@Body JsonNode body, Authentication auth) {
        RoleResponse created = RoleResponse.of(roles.create(RoleJson.object(body), Actors.of(auth)));
        return HttpResponse.created(created, URI.create("/api/admin/roles/" + created.id()))
                .header(HttpHeaders.ETAG, etag(created.version()));
    }

    @Get("/{id}")
    @Operation(summary = "Read a role")
    HttpResponse<RoleResponse> get(String id) {
        RoleResponse role = RoleResponse.of(roles.get(id));
        return HttpResponse.ok(role).header(HttpHeaders.ETAG, etag(role.version()));
    }

    @Patch("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Rename a role or change its permissions", description = "`name`, "
            + "`collaborationRestricted`; the key never changes. `version` or `If-Match` optional, stale → 412.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RoleJson.RoleRequest.class)))
    HttpResponse<RoleResponse> edit(String id, @Body JsonNode body, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                    Authentication auth) {
        RoleResponse role = RoleResponse.of(roles.edit(id, RoleJson.object(body), version(ifMatch), Actors.of(auth)));
        return HttpResponse.ok(role).header(HttpHeaders.ETAG, etag(role.version()));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete a role", description = "Refused with 409 and the list of `usages` while the role is "
            + "the default, assigned to contacts, in the CRM mapping, in a tab's role list or in a segment condition.")
    HttpResponse<Void> delete(String id, Authentication auth) {
        roles.delete(id, Actors.of(auth));
        return HttpResponse.noContent();
    }

    @Get("/{id}/usages")
    @Operation(summary = "Where a role is used", description = "What would refuse its deletion.")
    List<RoleUsageEntry> usages(String id) {
        return roles.usages(id);
    }

    @Put("/default")
    @Operation(summary = "Choose the default role", description = "`{\"roleId\"}`. Every contact without an "
            + "assignment gets it as its effective role at once (segments on contact.role re-evaluate in the same "
            + "request); contacts explicitly assigned the previous default keep it.")
    DefaultChangeResponse changeDefault(@Body JsonNode body, Authentication auth) {
        Map<String, Object> request = RoleJson.object(body);
        if (!(request.get("roleId") instanceof String roleId) || roleId.isBlank()) {
            throw InvalidInputException.of("/roleId", "required", "roleId is the id of a role");
        }
        RoleAdministration.DefaultChange change = roles.changeDefault(roleId, Actors.of(auth));
        return new DefaultChangeResponse(RoleRef.of(change.defaultRole()), RoleRef.of(change.previousDefault()),
                change.contactsRepointed());
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.trim().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw InvalidInputException.parameter("If-Match", "invalid_format", "If-Match is the ETag of the role");
        }
    }
}
