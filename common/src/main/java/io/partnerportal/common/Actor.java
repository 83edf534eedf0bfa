package io.partnerportal.common;

import java.util.Objects;

/**
 * Who made a change: an admin of the vendor's team, a partner contact, or the system itself
 * (CRM sync, daily re-evaluation, import). Recorded with every change and every membership event.
 *
 * @param kind    which kind of actor
 * @param id      the admin user id, contact id, or a stable system name ("crm-sync")
 * @param display a human label for history and audit views (user name, e-mail, job name)
 */
public record Actor(Kind kind, String id, String display) {

    public enum Kind { ADMIN, CONTACT, SYSTEM }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        display = display == null || display.isBlank() ? id : display;
    }

    public static Actor admin(String id, String display) {
        return new Actor(Kind.ADMIN, id, display);
    }

    public static Actor contact(String id, String display) {
        return new Actor(Kind.CONTACT, id, display);
    }

    public static Actor system(String name) {
        return new Actor(Kind.SYSTEM, name, name);
    }
}
