package io.partnerportal.partners.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.partnerportal.common.Page;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.application.ContactService;
import io.partnerportal.partners.application.DirectoryQueries;
import io.partnerportal.partners.application.PartnerService;
import io.partnerportal.partners.domain.DirectoryRules;
import io.partnerportal.partners.domain.Partner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** The partner companies, for admins. */
@Controller("/api/admin/partners")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Partners", description = "Partner companies: CRUD, search, filters, merge-patch updates")
class PartnersController {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final PartnerService partners;
    private final ContactService contacts;
    private final DirectoryQueries queries;

    PartnersController(PartnerService partners, ContactService contacts, DirectoryQueries queries) {
        this.partners = partners;
        this.contacts = contacts;
        this.queries = queries;
    }

    @Get
    @Operation(summary = "List partners", description = "Paged (`page`, `size` ≤ 500). `q`: case-insensitive search "
            + "in the name. `property.<key>=v1,v2`: the property equals one of the values (a multi_enum contains "
            + "one); several filters must all match. `sort`: name, createdAt or updatedAt, `-` for descending.")
    Page<PartnerJson> list(HttpRequest<?> request, @Nullable @QueryValue Integer page,
                           @Nullable @QueryValue Integer size, @Nullable @QueryValue String q,
                           @Nullable @QueryValue String sort) {
        return partners.list(queries.build(PropertyLevel.PARTNER, q, Requests.filters(request), sort, page, size, null))
                .map(PartnerJson::of);
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a partner", description = "`name` is required; `website`, `crmIds` and `properties` "
            + "are optional. A bad property value is a 422 pointing at it (`/properties/tier`); nothing is written.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PartnerJson.class)))
    HttpResponse<PartnerJson> create(@Body String body, Authentication authentication) {
        Partner partner = partners.create(Requests.edit(Requests.object(body), DirectoryRules.PARTNER_FIELDS),
                Requests.adminEdit(authentication));
        return HttpResponse.created(PartnerJson.of(partner), URI.create("/api/admin/partners/" + partner.id()))
                .header(HttpHeaders.ETAG, Requests.etag(partner.version()));
    }

    @Get("/{id}")
    @Operation(summary = "Get a partner", description = "Answers an ETag to send back in If-Match.")
    HttpResponse<PartnerJson> get(@PathVariable String id) {
        Partner partner = partners.get(Requests.id("Partner", id));
        return HttpResponse.ok(PartnerJson.of(partner)).header(HttpHeaders.ETAG, Requests.etag(partner.version()));
    }

    @Patch("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Update a partner (JSON merge patch)", description = "RFC 7396: members present are set, "
            + "`null` unsets, `properties` and `crmIds` merge key by key. `If-Match` or a `version` member are "
            + "optional; a stale one is a 412.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = PartnerJson.class)))
    HttpResponse<PartnerJson> update(@PathVariable String id, @Body String body,
                                     @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                     Authentication authentication) {
        UUID partnerId = Requests.id("Partner", id);
        Map<String, Object> patch = Requests.object(body);
        Partner partner = partners.update(partnerId, Requests.edit(patch, DirectoryRules.PARTNER_FIELDS),
                Requests.expectedVersions(ifMatch, patch), Requests.adminEdit(authentication));
        return HttpResponse.ok(PartnerJson.of(partner)).header(HttpHeaders.ETAG, Requests.etag(partner.version()));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete a partner", description = "Refused (409) while the partner has contacts.")
    HttpResponse<Void> delete(@PathVariable String id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                              Authentication authentication) {
        partners.delete(Requests.id("Partner", id), Requests.expectedVersions(ifMatch, null),
                Requests.adminEdit(authentication));
        return HttpResponse.noContent();
    }

    @Get("/{id}/contacts")
    @Operation(summary = "List the contacts of a partner", description = "Same parameters as the contact list.")
    Page<ContactJson> contacts(@PathVariable String id, HttpRequest<?> request, @Nullable @QueryValue Integer page,
                               @Nullable @QueryValue Integer size, @Nullable @QueryValue String q,
                               @Nullable @QueryValue String sort) {
        UUID partnerId = Requests.id("Partner", id);
        return contacts.list(queries.build(PropertyLevel.CONTACT, q, Requests.filters(request), sort, page, size,
                partnerId)).map(ContactJson::of);
    }
}
