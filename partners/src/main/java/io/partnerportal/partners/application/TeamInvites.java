package io.partnerportal.partners.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConfigurationChanged;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.ForbiddenException;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.StaleVersionException;
import io.partnerportal.partners.api.ChangeCause;
import io.partnerportal.partners.api.ChangeContext;
import io.partnerportal.partners.api.event.TeamMemberInvited;
import io.partnerportal.partners.application.port.PartnerStore;
import io.partnerportal.partners.application.port.TeamInviteStore;
import io.partnerportal.partners.domain.Contact;
import io.partnerportal.partners.domain.InviteRules;
import io.partnerportal.partners.domain.InviteSettings;
import io.partnerportal.partners.domain.Partner;
import io.partnerportal.partners.domain.RecordEdit;
import io.partnerportal.partners.domain.TeamInvite;
import io.partnerportal.partners.spi.TeamInvitePermission;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Contacts inviting colleagues: allowed by the segment permission (every {@link TeamInvitePermission}
 * bean must agree; none means the portal default, allowed), limited per contact and hour, and — unless
 * the admin allows any — only for addresses at the partner's website domain. An invite creates an
 * invited contact of the inviter's own partner with the default role, records the invite and publishes
 * {@link TeamMemberInvited} in the same transaction.
 */
@Singleton
public class TeamInvites {

    static final Duration WINDOW = Duration.ofHours(1);

    private final ContactService contacts;
    private final PartnerStore partners;
    private final TeamInviteStore store;
    private final List<TeamInvitePermission> permissions;
    private final ApplicationEventPublisher<TeamMemberInvited> invited;
    private final ApplicationEventPublisher<ConfigurationChanged> audit;
    private final int maxPerHour;

    TeamInvites(ContactService contacts, PartnerStore partners, TeamInviteStore store,
                List<TeamInvitePermission> permissions, ApplicationEventPublisher<TeamMemberInvited> invited,
                ApplicationEventPublisher<ConfigurationChanged> audit,
                @Value("${portal.team-invites.max-per-hour:20}") int maxPerHour) {
        this.contacts = contacts;
        this.partners = partners;
        this.store = store;
        this.permissions = permissions;
        this.invited = invited;
        this.audit = audit;
        this.maxPerHour = maxPerHour;
    }

    /** The invite and the contact it created. */
    public record Invited(TeamInvite invite, Contact contact) {
    }

    /** Too many invites from this contact within the hour. */
    public static final class RateLimited extends RuntimeException {
        private final long retryAfterSeconds;

        RateLimited(int limit, long retryAfterSeconds) {
            super("You can send at most " + limit + " invites per hour; try again in " + retryAfterSeconds
                    + " seconds.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    @Transactional
    public Invited invite(UUID inviterId, Map<String, Object> body) {
        Contact inviter = contacts.get(inviterId);
        if (!permissions.stream().allMatch(p -> p.mayInviteTeamMembers(inviterId.toString()))) {
            throw new ForbiddenException("You are not allowed to invite team members.");
        }
        Instant now = Versions.now();
        store.lockInviter(inviterId);
        List<Instant> recent = store.invitedSince(inviterId, now.minus(WINDOW));
        if (recent.size() >= maxPerHour) {
            Instant frees = recent.get(recent.size() - maxPerHour).plus(WINDOW);
            throw new RateLimited(maxPerHour, Math.max(1, Duration.between(now, frees).toSeconds() + 1));
        }
        Partner partner = partners.find(inviter.partnerId(), false)
                .orElseThrow(() -> PartnerService.notFound(inviter.partnerId()));
        List<FieldError> errors = new ArrayList<>();
        InviteRules.InviteRequest request = InviteRules.check(body, partner.website(),
                store.settings(false).allowAnyEmailDomain(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, Object> fields = new LinkedHashMap<>(request.contactFields());
        fields.put("partnerId", partner.id().toString());
        fields.put("portalStatus", "invited");
        Actor actor = Actor.contact(inviterId.toString(), inviter.email());
        Contact contact = contacts.create(RecordEdit.ofFields(fields), new ChangeContext(ChangeCause.INVITE, actor));
        TeamInvite invite = new TeamInvite(UUID.randomUUID(), partner.id(), contact.id(), inviterId, contact.email(),
                contact.firstName(), contact.lastName(), now);
        store.insert(invite);
        invited.publishEvent(new TeamMemberInvited(invite.id().toString(), partner.id().toString(),
                contact.id().toString(), contact.email(), actor, now));
        return new Invited(invite, contact);
    }

    /** The invites made by contacts of the caller's partner, newest first. */
    @Transactional
    public Page<TeamInviteStore.InviteWithStatus> invitesOf(UUID contactId, PageRequest page) {
        return store.ofPartner(contacts.get(contactId).partnerId(), page);
    }

    @Transactional
    public InviteSettings settings() {
        return store.settings(false);
    }

    @Transactional
    public InviteSettings updateSettings(Boolean allowAnyEmailDomain, Long version, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (allowAnyEmailDomain == null) {
            errors.add(FieldError.at("/allowAnyEmailDomain", "required", "allowAnyEmailDomain is required (true or false)"));
        }
        if (version == null) {
            errors.add(FieldError.at("/version", "required", "version is required (from GET)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        InviteSettings current = store.settings(true);
        if (current.version() != version) {
            throw new StaleVersionException("The invite settings", version, current.version());
        }
        if (current.allowAnyEmailDomain() == allowAnyEmailDomain) {
            return current;
        }
        InviteSettings next = new InviteSettings(allowAnyEmailDomain, current.version() + 1);
        store.saveSettings(next, Versions.now());
        audit.publishEvent(new ConfigurationChanged("invite_settings", "invite-settings", "Team invite settings",
                "updated", snapshot(current), snapshot(next), actor, null));
        return next;
    }

    private static Map<String, Object> snapshot(InviteSettings s) {
        return Map.of("allowAnyEmailDomain", s.allowAnyEmailDomain(), "version", s.version());
    }
}
