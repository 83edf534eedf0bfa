package io.partnerportal.roles.api;

/**
 * A partner role as other modules see it.
 *
 * @param key                     stable; what tab role lists and {@code contact.role} conditions name
 * @param name                    the admin's label; may change
 * @param isDefault               the effective role of every contact without an assignment
 * @param collaborationRestricted contacts with this role see only the deals they collaborate on
 */
public record PartnerRole(String id, String key, String name, boolean isDefault, boolean collaborationRestricted) {
}
