package io.partnerportal.segments.domain.condition;

/**
 * One node of a condition tree. Closed: every consumer (validator, compiler, lint, JSON writer)
 * handles all kinds through {@link Cases}, so adding a kind is a compile error wherever it
 * matters (Java 17 has no exhaustive pattern switch yet; this is its stand-in).
 */
public sealed interface ConditionNode permits All, Any, Not, Comparison, InSegment, AnyContact, AllContacts {

    <R> R match(Cases<R> cases);

    /** One method per kind of node. */
    interface Cases<R> {
        R all(All all);

        R any(Any any);

        R not(Not not);

        R comparison(Comparison comparison);

        R inSegment(InSegment inSegment);

        R anyContact(AnyContact anyContact);

        R allContacts(AllContacts allContacts);
    }
}
