package io.partnerportal.roles.domain;

/**
 * One place a role is used, for the 409 that refuses deleting it.
 *
 * @param kind   {@code assignments}, {@code crm_mapping}, {@code tab}, {@code segment}, ...
 * @param id     the id of what uses it (the role itself for assignments)
 * @param name   a name an admin recognises
 * @param detail where exactly
 */
public record RoleUsageEntry(String kind, String id, String name, String detail) {
}
