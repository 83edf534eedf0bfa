package io.partnerportal.partners.api;

import io.partnerportal.common.Actor;

import java.util.Objects;

/** Who changes something and why. */
public record ChangeContext(ChangeCause cause, Actor actor) {

    public ChangeContext {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(actor, "actor");
    }
}
