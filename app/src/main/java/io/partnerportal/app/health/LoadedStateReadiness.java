package io.partnerportal.app.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.partnerportal.common.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /health/readiness} is DOWN until every module's in-memory state is loaded. */
@Singleton
@io.micronaut.management.health.indicator.annotation.Readiness
class LoadedStateReadiness implements HealthIndicator {

    private final List<Readiness> parts;

    LoadedStateReadiness(List<Readiness> parts) {
        this.parts = parts;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean ready = true;
        for (Readiness part : parts) {
            details.put(part.name(), part.ready() ? "ready" : "loading");
            ready &= part.ready();
        }
        return Mono.just(HealthResult.builder("loadedState", ready ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build());
    }
}
