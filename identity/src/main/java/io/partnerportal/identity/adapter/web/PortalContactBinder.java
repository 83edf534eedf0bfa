package io.partnerportal.identity.adapter.web;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.partnerportal.common.UnauthorizedException;
import io.partnerportal.identity.api.PortalContact;
import io.partnerportal.identity.application.ContactAccess;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Lets any controller declare a {@link PortalContact} parameter: the logged-in contact and its
 * current partner. {@link ContactStatusFilter} has usually resolved it already; otherwise it is
 * resolved here. Not a contact, or a disabled or deleted one: 401.
 */
@Singleton
class PortalContactBinder implements TypedRequestArgumentBinder<PortalContact> {

    static final String ATTRIBUTE = "portal.contact";

    private final ContactAccess access;

    PortalContactBinder(ContactAccess access) {
        this.access = access;
    }

    @Override
    public Argument<PortalContact> argumentType() {
        return Argument.of(PortalContact.class);
    }

    @Override
    public BindingResult<PortalContact> bind(ArgumentConversionContext<PortalContact> context, HttpRequest<?> request) {
        Optional<PortalContact> resolved = request.getAttribute(ATTRIBUTE, PortalContact.class);
        if (resolved.isPresent()) {
            return () -> resolved;
        }
        PortalContact contact = access.admit(contactId(request).orElseThrow(
                () -> new UnauthorizedException("Only a logged-in partner contact can call this.")));
        return () -> Optional.of(contact);
    }

    /** The contact id of a contact token, if the request carries one. */
    static Optional<String> contactId(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class)
                .filter(a -> "contact".equals(a.getAttributes().get("kind")))
                .map(Authentication::getName);
    }
}
