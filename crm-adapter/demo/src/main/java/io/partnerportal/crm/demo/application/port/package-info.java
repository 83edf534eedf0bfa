/** Where the demo CRM keeps its records (schema {@code crm_demo}). */
package io.partnerportal.crm.demo.application.port;
