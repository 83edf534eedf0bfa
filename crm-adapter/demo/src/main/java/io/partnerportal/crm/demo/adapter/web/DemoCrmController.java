package io.partnerportal.crm.demo.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.web.JsonBody;
import io.partnerportal.crm.api.SyncOutcome;
import io.partnerportal.crm.demo.application.DemoCrm;
import io.partnerportal.crm.demo.domain.DemoCompany;
import io.partnerportal.crm.demo.domain.DemoPerson;
import io.partnerportal.crm.demo.domain.ReceivedWrite;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The demo CRM's own console, for demos and tests: change its records as if in the CRM (each change is
 * raised to the sync at once, and the answer says what the sync did), see the write-backs it received,
 * and make its next deliveries fail.
 */
@Controller("/api/admin/crm/demo")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Demo CRM")
@Requires(property = "portal.crm.connector", value = DemoCrm.SYSTEM, defaultValue = DemoCrm.SYSTEM)
class DemoCrmController {

    private final DemoCrm crm;

    DemoCrmController(DemoCrm crm) {
        this.crm = crm;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CompanyJson(String crmId, String name, String domain, Map<String, Object> fields, long version,
                       Instant updatedAt) {
        static CompanyJson of(DemoCompany c) {
            return new CompanyJson(c.crmId(), c.name(), c.domain(), c.fields(), c.version(), c.updatedAt());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PersonJson(String crmId, String companyCrmId, String email, String firstName, String lastName,
                      Map<String, Object> fields, long version, Instant updatedAt) {
        static PersonJson of(DemoPerson p) {
            return new PersonJson(p.crmId(), p.companyCrmId(), p.email(), p.firstName(), p.lastName(), p.fields(),
                    p.version(), p.updatedAt());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SyncJson(String status, String linkedId, List<String> changed, List<String> problems) {
        static SyncJson of(SyncOutcome o) {
            return new SyncJson(o.status().jsonName(), o.partnerOrContactId(), o.changed(), o.problems());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ChangedJson<T>(T record, @Schema(description = "what the portal's sync did with the change") SyncJson sync) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record WriteJson(String idempotencyKey, String object, String crmId, Map<String, Object> fields,
                     Instant receivedAt, int duplicates) {
        static WriteJson of(ReceivedWrite w) {
            return new WriteJson(w.idempotencyKey(), w.object(), w.crmId(), w.fields(), w.receivedAt(), w.duplicates());
        }
    }

    @Serdeable
    record FaultsJson(@Schema(description = "how many of the next deliveries fail") int failNext,
                      @Schema(description = "reject (nothing applied) or lose_response (applied, answer lost)")
                      String mode) {
    }

    @Get("/companies")
    @Operation(summary = "Demo CRM companies", description = "Paged (`page`, `size` ≤ 500), by CRM id.")
    Page<CompanyJson> companies(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return crm.companies(PageRequest.of(page, size)).map(CompanyJson::of);
    }

    @Get("/companies/{crmId}")
    @Operation(summary = "A demo CRM company")
    CompanyJson company(String crmId) {
        return CompanyJson.of(crm.company(crmId));
    }

    @Post("/companies")
    @Operation(summary = "Create a company in the demo CRM", description = "`{crmId?, name, domain?, fields}`; "
            + "raised to the sync (a partner carrying crmIds.demo = crmId takes the mapped fields).")
    @RequestBody(content = @Content(schema = @Schema(implementation = CompanyJson.class)))
    HttpResponse<ChangedJson<CompanyJson>> createCompany(@Body JsonNode body) {
        DemoCrm.Changed<DemoCompany> changed = crm.createCompany(object(body));
        return HttpResponse.created(new ChangedJson<>(CompanyJson.of(changed.record()), SyncJson.of(changed.sync())),
                URI.create("/api/admin/crm/demo/companies/" + changed.record().crmId()));
    }

    @Patch("/companies/{crmId}")
    @Consumes({"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change a company as if in the CRM", description = "`{name?, domain?, fields: {tier: "
            + "\"gold\"}}` merged key by key (null clears a field). The changed fields are raised to the sync at once "
            + "(cause crm_sync, never written back); `sync` tells what it did.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CompanyJson.class)))
    ChangedJson<CompanyJson> changeCompany(String crmId, @Body JsonNode body) {
        DemoCrm.Changed<DemoCompany> changed = crm.changeCompany(crmId, object(body));
        return new ChangedJson<>(CompanyJson.of(changed.record()), SyncJson.of(changed.sync()));
    }

    @Get("/people")
    @Operation(summary = "Demo CRM people", description = "Paged (`page`, `size` ≤ 500), by CRM id.")
    Page<PersonJson> people(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return crm.people(PageRequest.of(page, size)).map(PersonJson::of);
    }

    @Get("/people/{crmId}")
    @Operation(summary = "A demo CRM person")
    PersonJson person(String crmId) {
        return PersonJson.of(crm.person(crmId));
    }

    @Post("/people")
    @Operation(summary = "Create a person in the demo CRM", description = "`{crmId?, companyCrmId, email, "
            + "firstName?, lastName?, fields}`; raised to the sync.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PersonJson.class)))
    HttpResponse<ChangedJson<PersonJson>> createPerson(@Body JsonNode body) {
        DemoCrm.Changed<DemoPerson> changed = crm.createPerson(object(body));
        return HttpResponse.created(new ChangedJson<>(PersonJson.of(changed.record()), SyncJson.of(changed.sync())),
                URI.create("/api/admin/crm/demo/people/" + changed.record().crmId()));
    }

    @Patch("/people/{crmId}")
    @Consumes({"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change a person as if in the CRM", description = "`{email?, firstName?, lastName?, "
            + "fields: {job_role: \"Admin\", certified: true}}`; raised to the sync at once (the role field goes "
            + "through the roles module's CRM role mapping).")
    @RequestBody(content = @Content(schema = @Schema(implementation = PersonJson.class)))
    ChangedJson<PersonJson> changePerson(String crmId, @Body JsonNode body) {
        DemoCrm.Changed<DemoPerson> changed = crm.changePerson(crmId, object(body));
        return new ChangedJson<>(PersonJson.of(changed.record()), SyncJson.of(changed.sync()));
    }

    @Get("/write-backs")
    @Operation(summary = "Write-backs the demo CRM received", description = "Newest first, one per idempotency key; "
            + "`duplicates` counts deliveries of the same key acknowledged without applying them again.")
    Page<WriteJson> writeBacks(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return crm.writes(PageRequest.of(page, size)).map(WriteJson::of);
    }

    @Get("/faults")
    @Operation(summary = "Failures planned for the next deliveries")
    Map<String, Object> faults() {
        return crm.faults();
    }

    @Post("/faults")
    @Operation(summary = "Make the next deliveries fail", description = "`{failNext: N, mode: reject | "
            + "lose_response}` (0–100; 0 cancels). reject: nothing applied, like an HTTP 503; lose_response: applied "
            + "but the answer is lost, like a timeout, so the portal retries a write that happened.")
    @RequestBody(content = @Content(schema = @Schema(implementation = FaultsJson.class)))
    Map<String, Object> planFaults(@Body JsonNode body) {
        Map<String, Object> json = object(body);
        for (String member : json.keySet()) {
            if (!member.equals("failNext") && !member.equals("mode")) {
                throw InvalidInputException.of("/" + member, "unknown_field", "'" + member + "' is not failNext or mode");
            }
        }
        return crm.planFaults(json.get("failNext"), json.get("mode"));
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
