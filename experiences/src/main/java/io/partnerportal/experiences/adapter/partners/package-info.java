/** Adapters to the partner directory: catalogue, contacts, submission writes, {@code PropertyUsage} of forms. */
package io.partnerportal.experiences.adapter.partners;
