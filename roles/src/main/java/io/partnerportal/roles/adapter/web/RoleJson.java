package io.partnerportal.roles.adapter.web;

import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.web.JsonBody;
import io.partnerportal.roles.api.ContactRole;
import io.partnerportal.roles.api.PartnerRole;
import io.partnerportal.roles.application.RoleAdministration;
import io.partnerportal.roles.domain.CrmRoleMapping;
import io.partnerportal.roles.domain.Role;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Roles in and out of the admin API. */
final class RoleJson {

    private RoleJson() {
    }

    @Serdeable
    @Schema(name = "Role")
    record RoleResponse(String id, @Schema(description = "stable; tab role lists and contact.role conditions use it")
                        String key, String name, boolean isDefault, boolean collaborationRestricted,
                        @Schema(description = "contacts explicitly assigned this role") long assignedContacts,
                        long version, Instant createdAt, Instant updatedAt) {

        static RoleResponse of(RoleAdministration.RoleSummary s) {
            Role r = s.role();
            return new RoleResponse(r.id(), r.key(), r.name(), r.isDefault(), r.collaborationRestricted(),
                    s.assignedContacts(), r.version(), r.createdAt(), r.updatedAt());
        }
    }

    @Serdeable
    @Schema(name = "RoleRequest")
    record RoleRequest(@Schema(description = "create only: lower-case letters, digits, '_'") String key,
                       @Schema(maxLength = 100) String name, Boolean collaborationRestricted,
                       @Schema(description = "PATCH: the version being changed (or If-Match); stale → 412") Long version) {
    }

    @Serdeable
    record RoleRef(String id, String key, String name) {
        static RoleRef of(PartnerRole r) {
            return new RoleRef(r.id(), r.key(), r.name());
        }

        static RoleRef of(Role r) {
            return new RoleRef(r.id(), r.key(), r.name());
        }
    }

    @Serdeable
    @Schema(name = "DefaultRoleChange")
    record DefaultChangeResponse(RoleRef defaultRole, RoleRef previousDefault,
                                 @Schema(description = "contacts without an assignment that now have the new default")
                                 int contactsRepointed) {
    }

    @Serdeable
    @Schema(name = "ContactRole")
    record ContactRoleResponse(String contactId, RoleRef role,
                               @Schema(description = "false: the contact has the default role (no assignment)")
                               boolean assigned) {
        static ContactRoleResponse of(ContactRole c) {
            return new ContactRoleResponse(c.contactId(), RoleRef.of(c.role()), c.assigned());
        }
    }

    @Serdeable
    record RoleIdRequest(String roleId) {
    }

    @Serdeable
    @Schema(name = "CrmRoleMapping")
    record CrmMappingJson(@Schema(description = "the CRM contact field holding the role") String field,
                          List<CrmMappingEntry> mappings,
                          @Schema(description = "send it back on PUT to guard against lost updates (stale → 412)")
                          long version) {
        static CrmMappingJson of(CrmRoleMapping m) {
            return new CrmMappingJson(m.field(), m.entries().stream()
                    .map(e -> new CrmMappingEntry(e.crmValue(), e.roleKey())).toList(), m.version());
        }
    }

    @Serdeable
    record CrmMappingEntry(@Schema(description = "matched ignoring case") String crmValue,
                           @Schema(description = "a role key") String role) {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(io.micronaut.json.tree.JsonNode body) {
        Object plain = JsonBody.toPlain(body);
        if (!(plain instanceof Map<?, ?>)) {
            throw InvalidInputException.of("", "wrong_value_type", "the request body must be a JSON object");
        }
        return (Map<String, Object>) plain;
    }
}
