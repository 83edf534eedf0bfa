package io.partnerportal.experiences.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.web.Actors;
import io.partnerportal.experiences.adapter.web.FormJson.FormResponse;
import io.partnerportal.experiences.adapter.web.FormJson.SubmissionResponse;
import io.partnerportal.experiences.application.FormAdministration;
import io.partnerportal.experiences.application.FormSubmissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;

/** Forms for admins: fields, property mappings, who may submit; every partner's submissions. */
@Controller("/api/admin/forms")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Forms", description = "Forms whose submissions write partner and contact properties")
class FormsController {

    private final FormAdministration forms;
    private final FormSubmissions submissions;

    FormsController(FormAdministration forms, FormSubmissions submissions) {
        this.forms = forms;
        this.submissions = submissions;
    }

    @Get
    @Operation(summary = "List forms")
    Page<FormResponse> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return forms.list(PageRequest.of(page, size)).map(FormResponse::of);
    }

    @Post
    @Operation(summary = "Create a form", description = "`name`, `fields` (1–100), `mappings` (≤ 50) validated against "
            + "the property catalogue (unknown, system or archived property, a value or field that does not fit: 422 "
            + "pointing at the mapping), `submitAudience` (default everyone).")
    @RequestBody(content = @Content(schema = @Schema(implementation = FormJson.FormRequest.class)))
    HttpResponse<FormResponse> create(@Body JsonNode body, Authentication auth) {
        FormResponse created = FormResponse.of(forms.create(Bodies.object(body), Actors.of(auth)));
        return HttpResponse.created(created, URI.create("/api/admin/forms/" + created.id()))
                .header(HttpHeaders.ETAG, Bodies.etag(created.version()));
    }

    @Get("/{id}")
    @Operation(summary = "Read a form")
    HttpResponse<FormResponse> get(String id) {
        FormResponse form = FormResponse.of(forms.get(id));
        return HttpResponse.ok(form).header(HttpHeaders.ETAG, Bodies.etag(form.version()));
    }

    @Put("/{id}")
    @Operation(summary = "Replace a form", description = "The whole form; `version` or If-Match optional, stale → 412.")
    @RequestBody(content = @Content(schema = @Schema(implementation = FormJson.FormRequest.class)))
    HttpResponse<FormResponse> replace(String id, @Body JsonNode body,
                                       @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch, Authentication auth) {
        FormResponse form = FormResponse.of(forms.replace(id, Bodies.object(body), Bodies.ifMatch(ifMatch),
                Actors.of(auth)));
        return HttpResponse.ok(form).header(HttpHeaders.ETAG, Bodies.etag(form.version()));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete a form and its submissions", description = "Refused (409 with the tabs) while a tab "
            + "shows it.")
    HttpResponse<Void> delete(String id, Authentication auth) {
        forms.delete(id, Actors.of(auth));
        return HttpResponse.noContent();
    }

    @Get("/{id}/submissions")
    @Operation(summary = "Submissions of a form, newest first", description = "Every partner's; `partnerId` filters.")
    Page<SubmissionResponse> submissions(String id, @Nullable @QueryValue String partnerId,
                                         @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return submissions.list(id, partnerId, PageRequest.of(page, size)).map(SubmissionResponse::of);
    }
}
