package io.partnerportal.experiences.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.web.Actors;
import io.partnerportal.experiences.adapter.web.FormJson.PortalFormResponse;
import io.partnerportal.experiences.adapter.web.FormJson.SubmissionResponse;
import io.partnerportal.experiences.application.FormSubmissions;
import io.partnerportal.experiences.application.PortalExperiences;
import io.partnerportal.identity.api.PortalContact;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The logged-in contact's portal: its experience with the tabs it may see, one tab, and forms. The
 * contact and its partner come from the token. The experience is answered on the event loop when
 * everything it needs is in memory (the usual case), else on the blocking executor.
 */
@Controller("/api/portal")
@Tag(name = "Portal: experience and forms", description = "What the logged-in partner contact sees and submits")
class PortalController {

    private final PortalExperiences experiences;
    private final FormSubmissions submissions;
    private final Scheduler blocking;

    PortalController(PortalExperiences experiences, FormSubmissions submissions,
                     @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.experiences = experiences;
        this.submissions = submissions;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Serdeable
    @Schema(name = "PortalExperience")
    record ExperienceResponse(Ref experience,
                              @Schema(description = "only the tabs this contact may see, in order, with their sections")
                              List<Map<String, Object>> tabs) {
    }

    @Serdeable
    record Ref(String id, String name, int version) {
    }

    @Get("/experience")
    @Operation(summary = "My experience", description = "The published experience this contact gets (the lowest "
            + "priority whose audience admits it, else the default), with only the tabs it may see.")
    Mono<ExperienceResponse> experience(PortalContact contact) {
        return answer(contact, () -> {
            PortalExperiences.View view = experiences.experienceOf(contact.contactId());
            return new ExperienceResponse(new Ref(view.experienceId(), view.name(), view.version()), view.tabs());
        });
    }

    @Get("/tabs/{slug}")
    @Operation(summary = "One tab of my experience", description = "404 for a tab this contact may not see, exactly as "
            + "for one that does not exist.")
    Mono<Map<String, Object>> tab(PortalContact contact, String slug) {
        return answer(contact, () -> experiences.tab(contact.contactId(), slug));
    }

    private <T> Mono<T> answer(PortalContact contact, Supplier<T> work) {
        if (experiences.answersFromMemory(contact.contactId())) {
            return Mono.fromSupplier(work);
        }
        return Mono.fromSupplier(work).subscribeOn(blocking);
    }

    @Get("/forms/{id}")
    @Operation(summary = "A form to fill in", description = "404 when this contact may not submit it.")
    Mono<PortalFormResponse> form(PortalContact contact, String id) {
        return Mono.fromSupplier(() -> PortalFormResponse.of(submissions.formFor(contact.contactId(), id)))
                .subscribeOn(blocking);
    }

    @Post("/forms/{id}/submissions")
    @Operation(summary = "Submit a form", description = "`{\"values\": {field: answer}}`. Checked field by field (422 "
            + "with pointers, nothing written); the mapped properties are written in the same request, so the next "
            + "`GET /api/portal/experience` shows what they unlock. With `Idempotency-Key`, a retry answers the first "
            + "submission (`Idempotent-Replayed: true`) and the same key with another body is a 422.")
    @RequestBody(content = @Content(schema = @Schema(implementation = FormJson.SubmissionRequest.class)))
    Mono<HttpResponse<SubmissionResponse>> submit(PortalContact contact, String id, @Body JsonNode body,
                                                  @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                                  Authentication auth) {
        return Mono.<HttpResponse<SubmissionResponse>>fromSupplier(() -> {
            FormSubmissions.Outcome outcome = submissions.submit(contact.contactId(), contact.partnerId(), id,
                    Bodies.object(body), idempotencyKey, Actors.of(auth));
            SubmissionResponse response = SubmissionResponse.of(outcome.submission());
            return HttpResponse.created(response, URI.create("/api/portal/forms/" + id + "/submissions/"
                    + response.id())).header("Idempotent-Replayed", Boolean.toString(outcome.replayed()));
        }).subscribeOn(blocking);
    }

    @Get("/forms/{id}/submissions")
    @Operation(summary = "My partner's submissions of a form", description = "Only those of the contact's own partner.")
    Mono<Page<SubmissionResponse>> submissions(PortalContact contact, String id, @Nullable @QueryValue Integer page,
                                               @Nullable @QueryValue Integer size) {
        return Mono.fromSupplier(() -> submissions.list(id, contact.partnerId(), PageRequest.of(page, size))
                .map(SubmissionResponse::of)).subscribeOn(blocking);
    }
}
