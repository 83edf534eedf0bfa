package io.partnerportal.crm.sync.domain;

/**
 * What the mapping needs to know of a portal property.
 *
 * @param type the property type's JSON name ({@code string}, {@code number}, {@code multi_enum}, ...)
 */
public record TargetProperty(String key, String type, boolean system, boolean archived) {
}
