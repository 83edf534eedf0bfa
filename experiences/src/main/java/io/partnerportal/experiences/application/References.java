package io.partnerportal.experiences.application;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.experiences.application.port.AudienceAccess;
import io.partnerportal.experiences.application.port.FormStore;
import io.partnerportal.experiences.application.port.RoleLookup;
import io.partnerportal.experiences.domain.ExperienceContent;
import io.partnerportal.experiences.domain.Section;
import io.partnerportal.experiences.domain.SegmentGate;
import io.partnerportal.experiences.domain.Tab;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that what a draft names exists: segments (an audience naming a missing segment would admit
 * nobody), role keys (a role list naming a missing role hides the tab from that role forever) and
 * forms. A bad reference is a 422 pointing into the request body; nothing is saved.
 */
@Singleton
class References {

    private final AudienceAccess audiences;
    private final RoleLookup roles;
    private final FormStore forms;

    References(AudienceAccess audiences, RoleLookup roles, FormStore forms) {
        this.audiences = audiences;
        this.roles = roles;
        this.forms = forms;
    }

    void requireAudience(SegmentGate gate, String pointer) {
        audiences.requireValid(gate, pointer);
    }

    /** A tab's audience, role keys and forms, with pointers relative to the tab's request body. */
    void requireTab(Tab tab) {
        audiences.requireValid(tab.audience(), "/visibility/audience");
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < tab.roles().size(); i++) {
            if (!roles.exists(tab.roles().get(i))) {
                errors.add(FieldError.at(JsonPointer.append("/visibility/roles", i), "unknown_role", "there is no role '"
                        + tab.roles().get(i) + "' (roles: " + String.join(", ", roles.roleNames().keySet()) + ")"));
            }
        }
        Set<String> existing = new HashSet<>(forms.existing(tab.formIds()));
        for (int i = 0; i < tab.sections().size(); i++) {
            if (tab.sections().get(i) instanceof Section.FormRef ref && !existing.contains(ref.formId())) {
                errors.add(FieldError.at(JsonPointer.of("sections", String.valueOf(i), "formId"), "unknown_form",
                        "there is no form " + ref.formId()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** What a stored version names that no longer exists (a restore needs them all). */
    List<String> missing(ExperienceContent content) {
        List<String> missing = new ArrayList<>();
        Collection<String> segmentIds = content.segmentIds();
        Map<String, String> names = audiences.names(segmentIds);
        segmentIds.stream().filter(id -> !names.containsKey(id)).forEach(id -> missing.add("segment " + id));
        content.roleKeys().stream().filter(k -> !roles.exists(k)).forEach(k -> missing.add("role " + k));
        Set<String> existing = new HashSet<>(forms.existing(content.formIds()));
        content.formIds().stream().filter(id -> !existing.contains(id)).forEach(id -> missing.add("form " + id));
        return missing;
    }
}
