/** The demo CRM's use cases: records changed as if in the CRM (raised to the sync), write-backs received. */
package io.partnerportal.crm.demo.application;
