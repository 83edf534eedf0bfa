package io.partnerportal.roles.application;

import io.partnerportal.roles.api.PartnerRole;
import io.partnerportal.roles.domain.Role;

import java.util.LinkedHashMap;
import java.util.Map;

/** Roles as the api and the audit log show them. */
final class RoleViews {

    private RoleViews() {
    }

    static PartnerRole of(Role r) {
        return new PartnerRole(r.id(), r.key(), r.name(), r.isDefault(), r.collaborationRestricted());
    }

    /** A role as JSON-like data for the audit log. */
    static Map<String, Object> snapshot(Role r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("key", r.key());
        json.put("name", r.name());
        json.put("isDefault", r.isDefault());
        json.put("collaborationRestricted", r.collaborationRestricted());
        json.put("version", r.version());
        return json;
    }
}
