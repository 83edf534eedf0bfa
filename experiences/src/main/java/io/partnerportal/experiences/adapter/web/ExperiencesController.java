package io.partnerportal.experiences.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
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
import io.partnerportal.experiences.adapter.web.ExperienceJson.ExperienceResponse;
import io.partnerportal.experiences.adapter.web.ExperienceJson.PreviewResponse;
import io.partnerportal.experiences.adapter.web.ExperienceJson.PublicationResponse;
import io.partnerportal.experiences.adapter.web.ExperienceJson.TabResponse;
import io.partnerportal.experiences.adapter.web.ExperienceJson.VersionContent;
import io.partnerportal.experiences.adapter.web.ExperienceJson.VersionResponse;
import io.partnerportal.experiences.application.AccessExplanation;
import io.partnerportal.experiences.application.ExperienceAdministration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Experiences for admins: drafts and their tabs, publication, versions, preview as a contact. */
@Controller("/api/admin/experiences")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Experiences", description = "Portal experiences: tabs, visibility by segment and role, drafts, publishing")
class ExperiencesController {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final ExperienceAdministration experiences;
    private final AccessExplanation explanation;

    ExperiencesController(ExperienceAdministration experiences, AccessExplanation explanation) {
        this.experiences = experiences;
        this.explanation = explanation;
    }

    @Get
    @Operation(summary = "List experiences", description = "The default first, then by priority (lower wins). Each "
            + "shows its draft, its published version and whether the draft has unpublished changes.")
    Page<ExperienceResponse> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<ExperienceResponse> all = experiences.list().stream().map(ExperienceResponse::of).toList();
        int from = (int) Math.min(all.size(), request.offset());
        return Page.of(all.subList(from, Math.min(all.size(), from + request.size())), request, all.size());
    }

    @Post
    @Operation(summary = "Create an experience", description = "`name`, `priority` (lower wins) and `audience` (who "
            + "gets it; default everyone). It starts as an unpublished draft without tabs.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ExperienceJson.ExperienceRequest.class)))
    HttpResponse<ExperienceResponse> create(@Body JsonNode body, Authentication auth) {
        ExperienceResponse created = ExperienceResponse.of(experiences.create(Bodies.object(body), Actors.of(auth)));
        return HttpResponse.created(created, URI.create("/api/admin/experiences/" + created.id()))
                .header(HttpHeaders.ETAG, Bodies.etag(created.version()));
    }

    @Get("/{id}")
    @Operation(summary = "Read an experience (its draft)")
    HttpResponse<ExperienceResponse> get(String id) {
        ExperienceResponse e = ExperienceResponse.of(experiences.get(id));
        return HttpResponse.ok(e).header(HttpHeaders.ETAG, Bodies.etag(e.version()));
    }

    @Patch("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change an experience's name, priority or audience (draft)", description = "The default "
            + "experience keeps no priority and is for everyone. `version` or If-Match optional; stale → 412.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ExperienceJson.ExperienceRequest.class)))
    HttpResponse<ExperienceResponse> edit(String id, @Body JsonNode body,
                                          @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch, Authentication auth) {
        ExperienceResponse e = ExperienceResponse.of(experiences.edit(id, Bodies.object(body), Bodies.ifMatch(ifMatch),
                Actors.of(auth)));
        return HttpResponse.ok(e).header(HttpHeaders.ETAG, Bodies.etag(e.version()));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete an experience", description = "Its contacts get the next experience that admits "
            + "them. The default experience cannot be deleted (409).")
    HttpResponse<Void> delete(String id, Authentication auth) {
        experiences.delete(id, Actors.of(auth));
        return HttpResponse.noContent();
    }

    @Get("/{id}/tabs")
    @Operation(summary = "The draft's tabs, in order")
    List<TabResponse> tabs(String id) {
        return experiences.tabs(id).stream().map(TabResponse::of).toList();
    }

    @Post("/{id}/tabs")
    @Operation(summary = "Add a tab to the draft", description = "`title`, `slug` (unique in the experience: 409), "
            + "`icon`, ordered `sections`, `visibility: {audience, roles}` (roles: allowed role keys, empty = all), "
            + "`position`. Unknown segments, roles or forms: 422 with pointers.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ExperienceJson.TabRequest.class)))
    HttpResponse<TabResponse> addTab(String id, @Body JsonNode body,
                                     @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch, Authentication auth) {
        TabResponse tab = TabResponse.of(experiences.addTab(id, Bodies.object(body), Bodies.ifMatch(ifMatch),
                Actors.of(auth)));
        return HttpResponse.created(tab, URI.create("/api/admin/experiences/" + id + "/tabs/" + tab.id()));
    }

    @Put("/{id}/tabs/order")
    @Operation(summary = "Reorder the draft's tabs", description = "`{\"tabIds\": [...]}`: every tab once.")
    List<TabResponse> reorder(String id, @Body JsonNode body, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                              Authentication auth) {
        return experiences.reorder(id, Bodies.object(body), Bodies.ifMatch(ifMatch), Actors.of(auth)).stream()
                .map(TabResponse::of).toList();
    }

    @Get("/{id}/tabs/{tabId}")
    @Operation(summary = "Read a tab of the draft")
    TabResponse tab(String id, String tabId) {
        return TabResponse.of(experiences.tab(id, tabId));
    }

    @Put("/{id}/tabs/{tabId}")
    @Operation(summary = "Replace a tab of the draft", description = "The whole tab (as on creation); `position` "
            + "moves it.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ExperienceJson.TabRequest.class)))
    TabResponse replaceTab(String id, String tabId, @Body JsonNode body,
                           @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch, Authentication auth) {
        return TabResponse.of(experiences.replaceTab(id, tabId, Bodies.object(body), Bodies.ifMatch(ifMatch),
                Actors.of(auth)));
    }

    @Delete("/{id}/tabs/{tabId}")
    @Operation(summary = "Remove a tab from the draft")
    HttpResponse<Void> deleteTab(String id, String tabId, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                 Authentication auth) {
        experiences.deleteTab(id, tabId, Bodies.ifMatch(ifMatch), Actors.of(auth));
        return HttpResponse.noContent();
    }

    @Post("/{id}/publish")
    @Operation(summary = "Publish the draft", description = "Atomically, as a new version: portal users see it from "
            + "their next request, on every instance. A draft equal to the live version publishes nothing. Optional "
            + "`{\"version\"}`: the draft version you reviewed (stale → 412).")
    PublicationResponse publish(String id, @Nullable @Body JsonNode body,
                                @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch, Authentication auth) {
        return PublicationResponse.of(experiences.publish(id, Bodies.objectOrEmpty(body), Bodies.ifMatch(ifMatch),
                Actors.of(auth)));
    }

    @Get("/{id}/versions")
    @Operation(summary = "Published versions, newest first")
    List<VersionResponse> versions(String id) {
        Integer live = experiences.get(id).experience().publishedVersion();
        return experiences.versions(id).stream().map(v -> VersionResponse.of(v, live)).toList();
    }

    @Get("/{id}/versions/{version}")
    @Operation(summary = "One published version, with its tabs")
    VersionContent version(String id, int version) {
        return VersionContent.of(experiences.version(id, version));
    }

    @Post("/{id}/restore")
    @Operation(summary = "Restore an older version", description = "`{\"toVersion\"}` (default: the version before "
            + "the live one) is published again as a new version and becomes the draft (unpublished draft edits are "
            + "replaced). Refused (409) when it names segments, roles or forms that no longer exist.")
    PublicationResponse restore(String id, @Nullable @Body JsonNode body, Authentication auth) {
        return PublicationResponse.of(experiences.restore(id, Bodies.objectOrEmpty(body), Actors.of(auth)));
    }

    @Get("/{id}/preview")
    @Operation(summary = "Preview an experience as a contact", description = "Each tab visible or hidden with the "
            + "reason (segments, role, everyone) — for the draft (`version=draft`, default) or the published version. "
            + "Also names the experience the contact is served now.")
    PreviewResponse preview(String id, @Nullable @QueryValue String contactId, @Nullable @QueryValue String version) {
        if (contactId == null) {
            throw InvalidInputException.parameter("contactId", "required", "contactId names the contact to preview as");
        }
        return PreviewResponse.of(explanation.preview(id, contactId, version));
    }
}
