package io.partnerportal.roles.api;

/**
 * A contact's effective role.
 *
 * @param assigned true when an admin, an import or the CRM assigned it; false when it is the default role
 */
public record ContactRole(String contactId, PartnerRole role, boolean assigned) {
}
