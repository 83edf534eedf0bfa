package io.partnerportal.identity.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.Actor;
import io.partnerportal.common.ConflictException;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.UnauthorizedException;
import io.partnerportal.common.web.PortalRoles;
import io.partnerportal.identity.api.AccessToken;
import io.partnerportal.identity.application.port.ContactCredentials;
import io.partnerportal.identity.application.port.ContactTokens;
import io.partnerportal.identity.application.port.PortalContacts;
import io.partnerportal.identity.application.port.TokenIssuer;
import io.partnerportal.identity.domain.ContactAccount;
import io.partnerportal.identity.domain.OneTimeToken;
import io.partnerportal.identity.domain.PasswordHasher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How partner contacts get into the portal: an admin invites them (a 7-day token; accepting it sets
 * the password) or sends a login link (single use, 15 minutes); they log in with e-mail and
 * password. Every login records the contact's last login and answers a 15-minute access token
 * carrying the contact and its partner. Disabled contacts are refused.
 */
@Singleton
public class ContactLogins {

    public static final Duration INVITE_LIFETIME = Duration.ofDays(7);
    public static final Duration LOGIN_LINK_LIFETIME = Duration.ofMinutes(15);
    static final int MAX_PASSWORD_LENGTH = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(ContactLogins.class);
    private static final String WRONG_CREDENTIALS = "Wrong e-mail address or password.";

    private final PortalContacts contacts;
    private final ContactCredentials credentials;
    private final ContactTokens tokens;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final IdentityClock clock;
    private final String publicUrl;

    ContactLogins(PortalContacts contacts, ContactCredentials credentials, ContactTokens tokens, PasswordHasher hasher,
                  TokenIssuer issuer, IdentityClock clock,
                  @Value("${portal.public-url:`http://localhost:8080`}") String publicUrl) {
        this.contacts = contacts;
        this.credentials = credentials;
        this.tokens = tokens;
        this.hasher = hasher;
        this.issuer = issuer;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** A token given to a contact, with the link that carries it. */
    public record IssuedToken(String token, String url, Instant expiresAt) {
    }

    /** Invites a contact; one without a password becomes "invited". */
    @Transactional
    public IssuedToken invite(String contactId, Actor admin) {
        ContactAccount account = usable(contactId, "invited");
        IssuedToken issued = issue(account, OneTimeToken.Purpose.INVITE, INVITE_LIFETIME, "/portal/accept-invite");
        if (credentials.passwordHash(contactId).isEmpty() && account.status() != ContactAccount.AccountStatus.INVITED) {
            contacts.markInvited(contactId, admin);
        }
        LOG.info("{} invited contact {}", admin.display(), contactId);
        return issued;
    }

    /** A link that logs the contact in once, within 15 minutes. */
    @Transactional
    public IssuedToken loginLink(String contactId, Actor admin) {
        ContactAccount account = usable(contactId, "sent a login link");
        LOG.info("{} made a login link for contact {}", admin.display(), contactId);
        return issue(account, OneTimeToken.Purpose.LOGIN_LINK, LOGIN_LINK_LIFETIME, "/portal/login-link");
    }

    /** Sets the password chosen on accepting an invitation, activates the contact and logs it in. */
    @Transactional
    public AccessToken acceptInvite(String token, String password) {
        List<FieldError> errors = new ArrayList<>();
        if (token == null || token.isBlank()) {
            errors.add(FieldError.at("/token", "required", "token is required"));
        }
        if (password == null || password.length() < PasswordHasher.MIN_PASSWORD_LENGTH
                || password.length() > MAX_PASSWORD_LENGTH) {
            errors.add(FieldError.at("/password", password == null ? "required" : "out_of_range", "the password has "
                    + PasswordHasher.MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String contactId = tokens.consume(OneTimeToken.hashOf(token), OneTimeToken.Purpose.INVITE, clock.now())
                .orElseThrow(() -> new UnauthorizedException("This invitation is not valid: it was used already, "
                        + "has expired or never existed. Ask for a new one."));
        ContactAccount account = loginable(contactId);
        credentials.setPasswordHash(contactId, hasher.hash(password));
        return loggedIn(account);
    }

    /** Logs a contact in with a login link, which cannot be used again. */
    @Transactional
    public AccessToken linkLogin(String token) {
        if (token == null || token.isBlank()) {
            throw InvalidInputException.of("/token", "required", "token is required");
        }
        String contactId = tokens.consume(OneTimeToken.hashOf(token), OneTimeToken.Purpose.LOGIN_LINK, clock.now())
                .orElseThrow(() -> new UnauthorizedException("This login link is not valid: it was used already, "
                        + "has expired or never existed. Ask for a new one."));
        return loggedIn(loginable(contactId));
    }

    /** Logs a contact in with e-mail and password. */
    @Transactional
    public AccessToken login(String email, String password) {
        Optional<ContactAccount> account = email == null ? Optional.empty() : contacts.byEmail(email);
        String hash = account.flatMap(a -> credentials.passwordHash(a.contactId())).orElse(null);
        // always verify, even for an unknown address, so the answer time tells nothing
        if (!hasher.matches(password, hash)) {
            LOG.info("Refused contact login for '{}'", email);
            throw new UnauthorizedException(WRONG_CREDENTIALS);
        }
        return loggedIn(loginable(account.get().contactId()));
    }

    private AccessToken loggedIn(ContactAccount account) {
        if (account.status() != ContactAccount.AccountStatus.ACTIVE) {
            contacts.markActive(account.contactId(), Actor.contact(account.contactId(), account.displayName()));
        }
        contacts.recordLogin(account.contactId(), clock.now());
        return issuer.issue(account.contactId(), List.of(PortalRoles.CONTACT),
                Map.of("kind", "contact", "partnerId", account.partnerId(), "name", account.displayName()));
    }

    private ContactAccount loginable(String contactId) {
        ContactAccount account = contacts.byId(contactId)
                .orElseThrow(() -> new UnauthorizedException("This account no longer exists."));
        if (account.disabled()) {
            throw new UnauthorizedException("This account is disabled.");
        }
        return account;
    }

    private ContactAccount usable(String contactId, String what) {
        ContactAccount account = contacts.byId(contactId)
                .orElseThrow(() -> NotFoundException.of("Contact", contactId));
        if (account.disabled()) {
            throw new ConflictException("Contact " + contactId + " is disabled and cannot be " + what
                    + "; set its portalStatus to invited or active first.");
        }
        return account;
    }

    private IssuedToken issue(ContactAccount account, OneTimeToken.Purpose purpose, Duration lifetime, String path) {
        OneTimeToken token = OneTimeToken.generate();
        Instant expiresAt = clock.now().plus(lifetime);
        tokens.store(token.hash(), account.contactId(), purpose, expiresAt);
        String url = publicUrl + path + "?token=" + URLEncoder.encode(token.value(), StandardCharsets.UTF_8);
        return new IssuedToken(token.value(), url, expiresAt);
    }
}
