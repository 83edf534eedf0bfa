package io.partnerportal.app;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Starts Partner Portal: one deployable service holding every bounded context. */
@OpenAPIDefinition(
        info = @Info(title = "partner-portal", version = "0.1",
                description = "The service behind a B2B partner portal. Admin APIs under /api/admin, "
                        + "the logged-in partner contact's APIs under /api/portal. Errors are "
                        + "application/problem+json."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {

    public static void main(String[] args) {
        quietLibraries();
        Micronaut.build(args).banner(false).mainClass(Application.class).start();
    }

    /** Liquibase logs through java.util.logging and prints to stdout; route both to our log format. */
    static void quietLibraries() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.setProperty("liquibase.uiService", "LOGGER");
        System.setProperty("liquibase.analytics.enabled", "false");
    }
}
