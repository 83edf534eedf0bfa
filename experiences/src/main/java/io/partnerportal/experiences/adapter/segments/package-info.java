/** Adapters to segments: audiences decided by its access api, and the {@code GatedItems} it asks. */
package io.partnerportal.experiences.adapter.segments;
