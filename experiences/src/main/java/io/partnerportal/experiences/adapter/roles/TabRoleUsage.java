package io.partnerportal.experiences.adapter.roles;

import io.partnerportal.experiences.application.AccessExplanation;
import io.partnerportal.roles.spi.RoleUsage;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.util.List;

/** Tells the roles module which tabs' role lists name a role (a role in use is not deleted). */
@Singleton
class TabRoleUsage implements RoleUsage {

    /** Lazily: the catalogue and segments ask it, and the explanation needs them (no construction cycle). */
    private final BeanProvider<AccessExplanation> explanation;

    TabRoleUsage(BeanProvider<AccessExplanation> explanation) {
        this.explanation = explanation;
    }

    @Override
    public List<Usage> usagesOf(String roleKey) {
        return explanation.get().roleUsages(roleKey).stream().map(u -> new Usage(u.kind(), u.id(), u.name(), u.detail()))
                .toList();
    }
}
