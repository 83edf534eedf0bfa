package io.partnerportal.partners.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.common.UnauthorizedException;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.application.ContactService;
import io.partnerportal.partners.application.DirectoryQueries;
import io.partnerportal.partners.application.TeamInvites;
import io.partnerportal.partners.application.port.TeamInviteStore;
import io.partnerportal.partners.domain.Contact;
import io.partnerportal.partners.domain.DirectoryRules;
import io.partnerportal.partners.domain.TeamInvite;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The logged-in contact's team: its own partner's contacts, and inviting colleagues. The contact and
 * its partner come from the token and the directory, never from the URL or the body.
 */
@Controller("/api/portal/team")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Portal")
class TeamController {

    private final ContactService contacts;
    private final DirectoryQueries queries;
    private final TeamInvites invites;

    TeamController(ContactService contacts, DirectoryQueries queries, TeamInvites invites) {
        this.contacts = contacts;
        this.queries = queries;
        this.invites = invites;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TeamMemberJson(String id, String email, String firstName, String lastName, String role,
                          String portalStatus) {
        static TeamMemberJson of(Contact c) {
            return new TeamMemberJson(c.id().toString(), c.email(), c.firstName(), c.lastName(), c.role(),
                    Contact.statusKey(c.portalStatus()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record InviteJson(String id, String contactId, String email, String firstName, String lastName, String invitedBy,
                      String status, Instant createdAt) {
        static InviteJson of(TeamInvite i, String status) {
            return new InviteJson(i.id().toString(), i.contactId().toString(), i.email(), i.firstName(), i.lastName(),
                    i.invitedBy().toString(), status, i.createdAt());
        }
    }

    @Serdeable
    record InviteRequest(String email, @Nullable String firstName, @Nullable String lastName) {
    }

    @Get
    @Operation(summary = "My team", description = "The contacts of the logged-in contact's own partner, paged "
            + "(`page`, `size` ≤ 500), `q` searches e-mail and names.")
    Page<TeamMemberJson> team(Authentication authentication, @Nullable @QueryValue String q,
                              @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        Contact me = contacts.get(caller(authentication));
        return contacts.list(queries.build(PropertyLevel.CONTACT, q, Map.of(), "email", page, size, me.partnerId()))
                .map(TeamMemberJson::of);
    }

    @Post("/invites")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a colleague", description = "Creates an invited contact of the caller's own "
            + "partner with the default role and records the invite (the e-mail follows once notifications exist). "
            + "Allowed by the segment permission inviteTeamMembers (default: allowed), else 403. The address must be "
            + "at the partner's website domain unless the admin allows any (422 at /email). An existing address is a "
            + "409. At most `portal.team-invites.max-per-hour` (20) invites per contact and hour, else 429 with "
            + "Retry-After.")
    @RequestBody(content = @Content(schema = @Schema(implementation = InviteRequest.class)))
    HttpResponse<InviteJson> invite(Authentication authentication, @Body String body) {
        TeamInvites.Invited invited = invites.invite(caller(authentication), Requests.object(body));
        return HttpResponse.created(InviteJson.of(invited.invite(), Contact.statusKey(invited.contact().portalStatus())),
                URI.create("/api/portal/team/invites/" + invited.invite().id()));
    }

    @Get("/invites")
    @Operation(summary = "My team's invites", description = "Invites made by contacts of the caller's partner, "
            + "newest first, with the invited contact's current status (null once deleted).")
    Page<InviteJson> invites(Authentication authentication, @Nullable @QueryValue Integer page,
                             @Nullable @QueryValue Integer size) {
        Page<TeamInviteStore.InviteWithStatus> found = invites.invitesOf(caller(authentication),
                PageRequest.of(page, size));
        return found.map(i -> InviteJson.of(i.invite(), i.portalStatus()));
    }

    private static UUID caller(Authentication authentication) {
        if (authentication == null || !"contact".equals(authentication.getAttributes().get("kind"))) {
            throw new UnauthorizedException("Only a logged-in partner contact can call this.");
        }
        return DirectoryRules.parseId(authentication.getName())
                .orElseThrow(() -> new UnauthorizedException("This account no longer exists."));
    }
}
