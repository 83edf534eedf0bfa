package io.partnerportal.identity.api;

/**
 * The partner contact calling a portal endpoint. Declare it as a controller method parameter
 * ({@code MyAnswer get(PortalContact contact)}) to receive the logged-in contact and its
 * <em>current</em> partner (read from the directory, not from the token, so a contact moved to
 * another partner acts for the new one at once). Disabled and deleted contacts never get this far:
 * they are answered 401.
 *
 * @param contactId the contact's id
 * @param partnerId the id of the partner the contact belongs to now
 */
public record PortalContact(String contactId, String partnerId) {
}
