package io.partnerportal.partners.domain;

/** A record's id in one CRM system ({@code hubspot}, {@code 1234}). */
public record CrmKey(String system, String crmId) {
}
