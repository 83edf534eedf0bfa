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
import io.partnerportal.partners.domain.Contact;
import io.partnerportal.partners.domain.DirectoryRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.Map;

/** The contacts of partners, for admins. */
@Controller("/api/admin/contacts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Contacts", description = "Partner contacts: CRUD, moves between partners, search, filters")
class ContactsController {

    private final ContactService contacts;
    private final DirectoryQueries queries;

    ContactsController(ContactService contacts, DirectoryQueries queries) {
        this.contacts = contacts;
        this.queries = queries;
    }

    @Get
    @Operation(summary = "List contacts", description = "Paged (`page`, `size` ≤ 500). `q`: case-insensitive search "
            + "in e-mail, first and last name. `partnerId`: one partner's contacts. `property.<key>=v1,v2`: the "
            + "property equals one of the values (`property.role=admin`, `property.portal_status=active` work too). "
            + "`sort`: email, firstName, lastName, createdAt, updatedAt or lastLogin, `-` for descending.")
    Page<ContactJson> list(HttpRequest<?> request, @Nullable @QueryValue Integer page,
                           @Nullable @QueryValue Integer size, @Nullable @QueryValue String q,
                           @Nullable @QueryValue String sort, @Nullable @QueryValue String partnerId) {
        return contacts.list(queries.build(PropertyLevel.CONTACT, q, Requests.filters(request), sort, page, size,
                partnerId == null ? null : Requests.id("Partner", partnerId))).map(ContactJson::of);
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a contact", description = "`partnerId` and `email` are required (e-mail addresses are "
            + "unique, case-insensitive: a duplicate is a 409). `role` defaults to the default role, `portalStatus` "
            + "to invited.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ContactJson.class)))
    HttpResponse<ContactJson> create(@Body String body, Authentication authentication) {
        Contact contact = contacts.create(Requests.edit(Requests.object(body), DirectoryRules.CONTACT_FIELDS),
                Requests.adminEdit(authentication));
        return HttpResponse.created(ContactJson.of(contact), URI.create("/api/admin/contacts/" + contact.id()))
                .header(HttpHeaders.ETAG, Requests.etag(contact.version()));
    }

    @Get("/{id}")
    @Operation(summary = "Get a contact", description = "Answers an ETag to send back in If-Match.")
    HttpResponse<ContactJson> get(@PathVariable String id) {
        Contact contact = contacts.get(Requests.id("Contact", id));
        return HttpResponse.ok(ContactJson.of(contact)).header(HttpHeaders.ETAG, Requests.etag(contact.version()));
    }

    @Patch("/{id}")
    @Consumes({PartnersController.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Update or move a contact (JSON merge patch)", description = "A new `partnerId` moves the "
            + "contact to that partner. `null` unsets (`role: null` gives back the default role). `If-Match` or "
            + "`version` optional; stale → 412.")
    @RequestBody(content = @Content(mediaType = PartnersController.MERGE_PATCH,
            schema = @Schema(implementation = ContactJson.class)))
    HttpResponse<ContactJson> update(@PathVariable String id, @Body String body,
                                     @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                     Authentication authentication) {
        Map<String, Object> patch = Requests.object(body);
        Contact contact = contacts.update(Requests.id("Contact", id), Requests.edit(patch, DirectoryRules.CONTACT_FIELDS),
                Requests.expectedVersions(ifMatch, patch), Requests.adminEdit(authentication));
        return HttpResponse.ok(ContactJson.of(contact)).header(HttpHeaders.ETAG, Requests.etag(contact.version()));
    }

    @Delete("/{id}")
    @Operation(summary = "Delete a contact", description = "Removes it everywhere: modules that keep state about the "
            + "contact (segment membership, credentials) react to the deletion event in the same transaction.")
    HttpResponse<Void> delete(@PathVariable String id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                              Authentication authentication) {
        contacts.delete(Requests.id("Contact", id), Requests.expectedVersions(ifMatch, null),
                Requests.adminEdit(authentication));
        return HttpResponse.noContent();
    }
}
