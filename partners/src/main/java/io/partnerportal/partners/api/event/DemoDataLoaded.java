package io.partnerportal.partners.api.event;

import java.time.Instant;

/**
 * The demo dataset was just loaded into an empty database. Published inside the loading transaction, once
 * per database (under the dataset's advisory lock, never again once its marker is set), so each module can
 * add its part of the demo: the demo CRM seeds its records with the same CRM ids ({@code crmIds.demo}) in
 * that transaction (so portal and CRM start in step); segments, experiences, quotes and profile configure
 * themselves right after the commit, each in a transaction of its own through its own use cases
 * ({@code common.jdbc.AfterCommit}; segments first, as the others name its segments and find them by name).
 */
public record DemoDataLoaded(Instant at) {
}
