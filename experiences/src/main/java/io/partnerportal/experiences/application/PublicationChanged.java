package io.partnerportal.experiences.application;

/**
 * Published inside a transaction that changes what portal users see (publish, restore, deleting a
 * published experience); after the commit this instance reloads its in-memory copy at once, and the
 * {@code experiences_published} notification sent in the same transaction tells the other instances.
 */
record PublicationChanged(long sequence) {
}
