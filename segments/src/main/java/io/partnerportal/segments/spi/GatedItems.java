package io.partnerportal.segments.spi;

import java.util.List;

/**
 * Implemented by every module that gates something by segments (tabs, forms, quote settings,
 * profile settings, roles, notification rules...). Segments use it to refuse deleting a segment in
 * use, to list a segment's usages, and to explain a contact's whole access.
 */
public interface GatedItems {

    /** Every place the segment is used by this module. */
    List<Usage> usages(String segmentId);

    /** Every item this module gates, decided for the contact, with the reason. */
    List<Decision> describe(String contactId);

    /**
     * @param kind   {@code tab}, {@code form}, {@code quote_settings}, {@code profile_settings}, ...
     * @param id     the item's id
     * @param name   a name an admin recognises
     * @param detail where exactly ("visibility of tab Deals in experience Default")
     */
    record Usage(String kind, String id, String name, String detail) {
    }

    /**
     * @param allowed whether the contact may see or do it
     * @param reason  why: "everyone", "segment Gold partners", "role admin not in [sales_rep]", ...
     */
    record Decision(String kind, String id, String name, boolean allowed, String reason) {
    }
}
