/**
 * The demo CRM's records in plain Java: companies and people with free-form fields (tier, certified,
 * job role, ...), the write-backs it received, and the failures it was told to fake.
 */
package io.partnerportal.crm.demo.domain;
