package io.partnerportal.experiences.application;

import io.micronaut.context.BeanProvider;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Readiness;
import io.partnerportal.experiences.application.PublishedExperiences.ServedExperience;
import io.partnerportal.experiences.application.PublishedExperiences.ServedTab;
import io.partnerportal.experiences.application.port.RoleLookup;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a logged-in contact sees: its experience (published versions only) with the tabs it may see.
 * Everything comes from memory — the published experiences, the segments' access index, the cached
 * effective role — so the answer costs no database round trip once the contact's role is cached.
 */
@Singleton
public class PortalExperiences {

    /** A contact's experience with its visible tabs (answers pre-built). */
    public record View(String experienceId, String name, int version, List<Map<String, Object>> tabs) {
    }

    private final PublishedExperiences published;
    private final RoleLookup roles;
    private final BeanProvider<Readiness> readiness;
    /** Looked up once (a bean lookup per request would cost more than the whole answer). */
    private volatile List<Readiness> readinessChecks;

    PortalExperiences(PublishedExperiences published, RoleLookup roles, BeanProvider<Readiness> readiness) {
        this.published = published;
        this.roles = roles;
        this.readiness = readiness;
    }

    /**
     * Whether {@link #experienceOf} would answer without touching the database (everything loaded and the
     * contact's role cached), so a caller on the event loop may ask it there.
     */
    public boolean answersFromMemory(String contactId) {
        if (roles.roleInMemory(contactId).isEmpty()) {
            return false;
        }
        List<Readiness> checks = readinessChecks;
        if (checks == null) {
            checks = readiness.stream().toList();
            readinessChecks = checks;
        }
        for (Readiness r : checks) {
            if (!r.ready()) {
                return false;
            }
        }
        return true;
    }

    public View experienceOf(String contactId) {
        String role = roles.roleOf(contactId);
        ServedExperience experience = published.experienceOf(contactId);
        List<Map<String, Object>> tabs = new ArrayList<>(experience.tabs().size());
        for (ServedTab tab : experience.tabs()) {
            if (tab.visibleTo(contactId, role)) {
                tabs.add(tab.portalJson());
            }
        }
        return new View(experience.id(), experience.name(), experience.version(), tabs);
    }

    /** One tab of the contact's experience; a tab it may not see is answered like one that does not exist. */
    public Map<String, Object> tab(String contactId, String slug) {
        String role = roles.roleOf(contactId);
        ServedTab tab = published.experienceOf(contactId).bySlug().get(slug);
        if (tab == null || !tab.visibleTo(contactId, role)) {
            throw new NotFoundException("There is no tab '" + slug + "'.");
        }
        return tab.portalJson();
    }
}
