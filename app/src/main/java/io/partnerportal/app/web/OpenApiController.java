package io.partnerportal.app.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * {@code GET /openapi}: the OpenAPI description generated at build time (merged from every
 * module's fragment). {@code /swagger-ui} renders it.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class OpenApiController {

    private static final String SPEC = "classpath:META-INF/swagger/partner-portal.yml";

    private final byte[] spec;

    OpenApiController(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream(SPEC)
                .orElseThrow(() -> new IllegalStateException("the build did not generate " + SPEC))) {
            this.spec = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(uri = "/openapi", produces = "application/yaml")
    HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(spec).contentType(MediaType.of("application/yaml"));
    }

    @Get("/swagger-ui")
    HttpResponse<?> swaggerUi() {
        return HttpResponse.seeOther(URI.create("/swagger-ui/index.html"));
    }
}
