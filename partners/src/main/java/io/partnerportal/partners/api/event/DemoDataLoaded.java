package io.partnerportal.partners.api.event;

import java.time.Instant;

/**
 * The demo dataset was just loaded into an empty database (inside the loading transaction), so a demo
 * CRM can seed its own records with the same CRM ids ({@code crmIds.demo}).
 */
public record DemoDataLoaded(Instant at) {
}
