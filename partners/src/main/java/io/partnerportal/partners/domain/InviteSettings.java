package io.partnerportal.partners.domain;

/**
 * The admin's invite settings.
 *
 * @param allowAnyEmailDomain lift the rule that an invited address must be at the partner's website domain
 */
public record InviteSettings(boolean allowAnyEmailDomain, long version) {
}
