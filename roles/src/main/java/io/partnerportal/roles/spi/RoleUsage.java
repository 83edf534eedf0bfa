package io.partnerportal.roles.spi;

import java.util.List;

/**
 * Implemented by modules that refer to roles by key (tab role lists in experiences, ...), so a role in
 * use cannot be deleted: the 409 lists every usage these beans report.
 */
public interface RoleUsage {

    /** Every place this module uses the role. */
    List<Usage> usagesOf(String roleKey);

    /**
     * @param kind   {@code tab}, ...
     * @param id     the id of what uses it
     * @param name   a name an admin recognises
     * @param detail where exactly ("role list of tab Deals in experience Default, draft")
     */
    record Usage(String kind, String id, String name, String detail) {
    }
}
