package io.partnerportal.partners.adapter.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.partnerportal.common.web.Problems;
import io.partnerportal.partners.application.TeamInvites;
import jakarta.inject.Singleton;

import java.util.Map;

/** Too many invites: 429 problem+json with {@code Retry-After}. */
@Produces
@Singleton
class RateLimitHandler implements ExceptionHandler<TeamInvites.RateLimited, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, TeamInvites.RateLimited e) {
        return Problems.response(429, "Too many requests", e.getMessage(), null,
                        Map.of("retryAfterSeconds", e.retryAfterSeconds()))
                .header("Retry-After", String.valueOf(e.retryAfterSeconds()));
    }
}
