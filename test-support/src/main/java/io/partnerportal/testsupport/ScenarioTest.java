package io.partnerportal.testsupport;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test running the real service (HTTP server, beans, a database of its own) and driving it like
 * a client would. Test methods are NOT wrapped in a transaction: each request commits, exactly as
 * in production. Combine with {@link PortalTest}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public @interface ScenarioTest {
}
