package io.partnerportal.common.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.partnerportal.common.PortalException;
import jakarta.inject.Singleton;

/** Answers every {@link PortalException} with its status as problem+json. */
@Produces
@Singleton
@Requires(classes = ExceptionHandler.class)
public class PortalExceptionHandler implements ExceptionHandler<PortalException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, PortalException e) {
        return Problems.response(e.status(), e.title(), e.getMessage(), e.errors(), e.extensions());
    }
}
