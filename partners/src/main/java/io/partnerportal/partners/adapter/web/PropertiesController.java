package io.partnerportal.partners.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.security.authentication.Authentication;
import io.partnerportal.common.web.Actors;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.application.CatalogueService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The property catalogue, for admins. */
@Controller("/api/admin/properties")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Properties", description = "The property catalogue: system, portal and CRM properties of partners "
        + "and contacts")
class PropertiesController {

    private final CatalogueService catalogue;

    PropertiesController(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @Get
    @Operation(summary = "List properties", description = "Both levels unless `level` (partner or contact) is given; "
            + "system properties first. Archived ones only with `includeArchived=true`.")
    Page<PropertyDefinitionJson> list(@Nullable @QueryValue String level, @Nullable @QueryValue Boolean includeArchived,
                                      @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<PropertyDefinition> all = new ArrayList<>();
        for (PropertyLevel l : level == null ? List.of(PropertyLevel.PARTNER, PropertyLevel.CONTACT)
                : List.of(level(level))) {
            all.addAll(catalogue.definitions(l));
        }
        List<PropertyDefinitionJson> items = all.stream()
                .filter(d -> Boolean.TRUE.equals(includeArchived) || !d.archived())
                .map(PropertyDefinitionJson::of).toList();
        int from = (int) Math.min(items.size(), request.offset());
        int to = Math.min(items.size(), from + request.size());
        return Page.of(items.subList(from, to), request, items.size());
    }

    @Get("/{level}/{key}")
    @Operation(summary = "Get a property")
    PropertyDefinitionJson get(@PathVariable String level, @PathVariable String key) {
        return PropertyDefinitionJson.of(catalogue.get(pathLevel(level), key));
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a property", description = "`level`, `key`, `label`, `type` (string, number, boolean, "
            + "date, datetime, enum, multi_enum, user, url), `source` (portal or crm; default portal), `options` "
            + "(enum and multi_enum: `[{key, label}]`), `crmWritable`. A key taken already is a 409.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PropertyDefinitionJson.class)))
    HttpResponse<PropertyDefinitionJson> add(@Body String body, Authentication auth) {
        PropertyDefinition added = catalogue.add(Requests.object(body), Actors.of(auth));
        return HttpResponse.created(PropertyDefinitionJson.of(added),
                URI.create("/api/admin/properties/" + added.level().prefix() + "/" + added.key()));
    }

    @Patch("/{level}/{key}")
    @Consumes({PartnersController.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Edit a property", description = "Changes `label`, `options` (the full new list), "
            + "`crmWritable`, `archived`. The key, level and type never change (422). System properties are "
            + "read-only (409). Removing an option or archiving a property that is in use is a 409 listing the "
            + "`usages`.")
    @RequestBody(content = @Content(mediaType = PartnersController.MERGE_PATCH,
            schema = @Schema(implementation = PropertyDefinitionJson.class)))
    PropertyDefinitionJson edit(@PathVariable String level, @PathVariable String key, @Body String body,
                                Authentication auth) {
        return PropertyDefinitionJson.of(catalogue.edit(pathLevel(level), key, Requests.object(body), Actors.of(auth)));
    }

    private static PropertyLevel level(String level) {
        return switch (level) {
            case "partner" -> PropertyLevel.PARTNER;
            case "contact" -> PropertyLevel.CONTACT;
            default -> throw InvalidInputException.parameter("level", "unknown_option", "level is partner or contact");
        };
    }

    private static PropertyLevel pathLevel(String level) {
        return switch (level) {
            case "partner" -> PropertyLevel.PARTNER;
            case "contact" -> PropertyLevel.CONTACT;
            default -> throw new NotFoundException("There is no property level '" + level + "' (partner or contact).");
        };
    }
}
