package io.partnerportal.common.web;

import io.micronaut.security.authentication.Authentication;
import io.partnerportal.common.Actor;

/** The actor behind an authenticated request, for change events, history and audit. */
public final class Actors {

    private Actors() {
    }

    public static Actor of(Authentication authentication) {
        if (authentication == null) {
            return Actor.system("anonymous");
        }
        Object kind = authentication.getAttributes().get("kind");
        if ("contact".equals(kind)) {
            return Actor.contact(authentication.getName(), String.valueOf(
                    authentication.getAttributes().getOrDefault("email", authentication.getName())));
        }
        Object adminId = authentication.getAttributes().get("adminId");
        return Actor.admin(adminId == null ? authentication.getName() : adminId.toString(), authentication.getName());
    }
}
