package io.partnerportal.identity.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.partnerportal.common.UnauthorizedException;
import io.partnerportal.common.web.Problems;
import io.partnerportal.identity.api.PortalContact;
import io.partnerportal.identity.application.ContactAccess;

import java.util.List;
import java.util.Optional;

/**
 * Re-checks, on every portal request, that the contact behind a valid token still exists and is not
 * disabled (a token outlives neither), and resolves its current partner for the
 * {@link PortalContact} parameter. Runs after the security filter has authenticated the request.
 */
@ServerFilter("/api/portal/**")
class ContactStatusFilter implements Ordered {

    private final ContactAccess access;

    ContactStatusFilter(ContactAccess access) {
        this.access = access;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> check(MutableHttpRequest<?> request) {
        Optional<String> contactId = PortalContactBinder.contactId(request);
        if (contactId.isEmpty()) {
            return null;
        }
        try {
            request.setAttribute(PortalContactBinder.ATTRIBUTE, access.admit(contactId.get()));
            return null;
        } catch (UnauthorizedException e) {
            return Problems.response(401, e.title(), e.getMessage(), List.of(), null);
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
