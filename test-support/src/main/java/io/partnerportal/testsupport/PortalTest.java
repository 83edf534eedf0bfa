package io.partnerportal.testsupport;

import io.micronaut.test.support.TestPropertyProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Implemented by every {@code @MicronautTest} class that needs the database: the class gets its own
 * freshly migrated PostgreSQL database and the test settings (fixed JWT secret, cheap password
 * hashing, no demo data). Override {@link #extraProperties()} to add settings.
 * <p>
 * Test classes using it must be {@code @TestInstance(PER_CLASS)} (see {@link ScenarioTest}), as Micronaut requires for
 * {@link TestPropertyProvider}.
 */
public interface PortalTest extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(testSettings());
        properties.put("datasources.default.url", TestDatabases.fresh(getClass().getSimpleName()));
        PostgresServer server = PostgresServer.get();
        properties.put("datasources.default.username", server.username());
        properties.put("datasources.default.password", server.password());
        properties.putAll(extraProperties());
        return properties;
    }

    default Map<String, String> extraProperties() {
        return Map.of();
    }

    /** Settings shared by every test context, with or without a database. */
    static Map<String, String> testSettings() {
        Map<String, String> p = new HashMap<>();
        p.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        p.put("datasources.default.maximum-pool-size", "10");
        // the same answer shape as the assembled service (app/application.yml)
        p.put("micronaut.serde.serialization.inclusion", "always");
        // the template database is already migrated
        p.put("liquibase.enabled", "false");
        p.put("portal.jwt.secret", TestTokens.SECRET);
        p.put("portal.passwords.cost", "4");
        p.put("portal.demo-data.enabled", "false");
        p.put("portal.admin.username", "admin");
        p.put("portal.admin.password", TestTokens.ADMIN_PASSWORD);
        if (!identityPresent()) {
            // without the identity module nothing else provides a signing key: use Micronaut's own
            p.put("micronaut.security.token.jwt.signatures.secret.generator.secret", TestTokens.SECRET);
        }
        return p;
    }

    private static boolean identityPresent() {
        return Thread.currentThread().getContextClassLoader().getResource("db/changelog/identity.xml") != null;
    }
}
