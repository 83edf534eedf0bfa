package io.partnerportal.partners.adapter.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.application.ImportService;
import io.partnerportal.partners.application.port.ImportJobStore.ImportJob;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

/** Bulk imports of partners and contacts: the upload answers 202 with a job to poll. */
@Controller("/api/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Imports", description = "CSV (with a header) or NDJSON imports of partners and contacts")
class ImportsController {

    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    private static final String IMPORT_DOC = "The body is streamed to the server and imported in the background, "
            + "in batches of 500 rows (each its own transaction). CSV: `Content-Type: text/csv`, a header row; "
            + "NDJSON: `application/x-ndjson`, one JSON object per line. Upsert: by `id`, then `crmId.<system>` "
            + "columns (NDJSON: `crmIds`)";

    private final ImportService imports;

    ImportsController(ImportService imports) {
        this.imports = imports;
    }

    @Post("/partners/imports")
    @Consumes({CSV, "application/csv", NDJSON, "application/ndjson", "application/jsonl", "application/x-jsonlines"})
    @Operation(summary = "Import partners", description = IMPORT_DOC + "; partners are never matched by name. "
            + "Columns: id, name, website, crmId.<system>, and property keys.")
    HttpResponse<ImportJobJson> importPartners(@Header(HttpHeaders.CONTENT_TYPE) String contentType,
                                               @Body InputStream body, Authentication authentication) {
        return start(PropertyLevel.PARTNER, contentType, body, authentication);
    }

    @Post("/contacts/imports")
    @Consumes({CSV, "application/csv", NDJSON, "application/ndjson", "application/jsonl", "application/x-jsonlines"})
    @Operation(summary = "Import contacts", description = IMPORT_DOC + ", then `email` (case-insensitive). Columns: "
            + "id, partnerId or partnerCrmId.<system>, email, firstName, lastName, portalStatus, role, "
            + "crmId.<system>, and property keys.")
    HttpResponse<ImportJobJson> importContacts(@Header(HttpHeaders.CONTENT_TYPE) String contentType,
                                               @Body InputStream body, Authentication authentication) {
        return start(PropertyLevel.CONTACT, contentType, body, authentication);
    }

    @Get("/partners/imports/{id}")
    @Operation(summary = "Follow a partner import", description = "Status, progress, counts and the first errors.")
    ImportJobJson partnerImport(@PathVariable String id) {
        return ImportJobJson.of(imports.find(PropertyLevel.PARTNER, Requests.id("Import job", id)));
    }

    @Get("/contacts/imports/{id}")
    @Operation(summary = "Follow a contact import", description = "Status, progress, counts and the first errors.")
    ImportJobJson contactImport(@PathVariable String id) {
        return ImportJobJson.of(imports.find(PropertyLevel.CONTACT, Requests.id("Import job", id)));
    }

    private HttpResponse<ImportJobJson> start(PropertyLevel level, String contentType, InputStream body,
                                              Authentication authentication) {
        ImportJob job = imports.start(level, format(contentType), body, Requests.admin(authentication));
        return HttpResponse.<ImportJobJson>status(HttpStatus.ACCEPTED).body(ImportJobJson.of(job))
                .header(HttpHeaders.LOCATION, URI.create("/api/admin/" + level.prefix() + "s/imports/" + job.id())
                        .toString());
    }

    private static String format(String contentType) {
        String type = contentType == null ? "" : MediaType.of(contentType).getName().toLowerCase(Locale.ROOT);
        if (type.equals(CSV) || type.equals("application/csv")) {
            return "csv";
        }
        if (type.contains("ndjson") || type.contains("jsonl") || type.contains("jsonlines")) {
            return "ndjson";
        }
        throw new HttpStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send text/csv or application/x-ndjson.");
    }
}
