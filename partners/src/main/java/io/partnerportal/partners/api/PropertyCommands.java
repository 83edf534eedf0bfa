package io.partnerportal.partners.api;

import java.util.Map;

/**
 * Changes property values of partners and contacts. Used by admin edits, form submissions, profile
 * edits, the CRM sync and the roles module. Values are JSON-like (string, number, boolean, list of
 * strings; null unsets) and validated against the catalogue: a bad value is an
 * {@link io.partnerportal.common.InvalidInputException} pointing at {@code /properties/<key>}, and
 * nothing is written. System properties cannot be set here.
 * <p>
 * Each call runs in the caller's transaction (or its own) and publishes a change event in it, so
 * segment membership is re-evaluated before the transaction commits.
 */
public interface PropertyCommands {

    PartnerRecord setPartnerProperties(String partnerId, Map<String, Object> values, ChangeContext context);

    ContactRecord setContactProperties(String contactId, Map<String, Object> values, ChangeContext context);
}
