/**
 * The sync's use cases: inbound (a CRM change or a full pass written through partners.api with cause
 * CRM_SYNC), outbound (portal changes of CRM properties queued in the transactional outbox and
 * delivered by a worker), and the mapping between CRM fields and portal properties.
 */
package io.partnerportal.crm.sync.application;
