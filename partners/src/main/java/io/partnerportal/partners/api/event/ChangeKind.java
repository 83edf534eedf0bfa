package io.partnerportal.partners.api.event;

/** What happened to a record. */
public enum ChangeKind { CREATED, UPDATED, DELETED }
