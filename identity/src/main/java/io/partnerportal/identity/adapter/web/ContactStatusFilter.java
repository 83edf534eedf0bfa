package io.partnerportal.identity.adapter.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.partnerportal.common.UnauthorizedException;
import io.partnerportal.common.web.Problems;
import io.partnerportal.identity.api.PortalContact;
import io.partnerportal.identity.application.ContactAccess;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Re-checks, on every portal request, that the contact behind a valid token still exists and is not
 * disabled (a token outlives neither), and resolves its current partner for the
 * {@link PortalContact} parameter. Runs after the security filter has authenticated the request.
 * A cached decision is applied on the spot; only a cache miss reads the database, on the blocking
 * executor, never on the event loop.
 */
@ServerFilter("/api/portal/**")
class ContactStatusFilter implements Ordered {

    private final ContactAccess access;
    private final Scheduler blocking;

    ContactStatusFilter(ContactAccess access, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.access = access;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> check(MutableHttpRequest<?> request,
                                            FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        Optional<String> contactId = PortalContactBinder.contactId(request);
        if (contactId.isEmpty()) {
            return next.proceed();
        }
        try {
            Optional<PortalContact> cached = access.admitCached(contactId.get());
            if (cached.isPresent()) {
                request.setAttribute(PortalContactBinder.ATTRIBUTE, cached.get());
                return next.proceed();
            }
        } catch (UnauthorizedException e) {
            return Mono.just(refused(e));
        }
        return Mono.fromCallable(() -> access.admit(contactId.get()))
                .subscribeOn(blocking)
                .flatMap(contact -> {
                    request.setAttribute(PortalContactBinder.ATTRIBUTE, contact);
                    return Mono.from(next.proceed());
                })
                .onErrorResume(UnauthorizedException.class, e -> Mono.just(refused(e)));
    }

    private static MutableHttpResponse<?> refused(UnauthorizedException e) {
        return Problems.response(401, e.title(), e.getMessage(), List.of(), null);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
