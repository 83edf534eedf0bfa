package io.partnerportal.roles.application;

/**
 * Published (inside the transaction) when roles or a contact's effective role change, so the
 * in-memory copies are dropped — in the transaction and again after it commits — on this instance;
 * other instances learn it through the {@code roles_changed} notification sent in the same transaction.
 *
 * @param contactId the contact whose role changed, or null when the roles themselves changed
 */
public record RolesTouched(String contactId) {

    public static final RolesTouched ALL = new RolesTouched(null);
}
