package io.partnerportal.identity.application;

import io.micronaut.context.annotation.Value;
import io.partnerportal.common.UnauthorizedException;
import io.partnerportal.identity.api.PortalContact;
import io.partnerportal.identity.application.port.PortalContacts;
import io.partnerportal.identity.domain.ContactAccount;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Decides on every portal request whether the contact behind a token may still use the portal and
 * for which partner. The answer is cached briefly per contact and evicted when the contact changes
 * (its change events), so disabling, deleting or moving a contact takes effect on its next request
 * on this instance, and within the cache lifetime ({@code portal.contact-access.cache-ttl}, 5 s) on
 * the others.
 */
@Singleton
public class ContactAccess {

    private final PortalContacts contacts;
    private final long ttlNanos;
    private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Optional<ContactAccount> account, long loadedAt) {
    }

    ContactAccess(PortalContacts contacts, @Value("${portal.contact-access.cache-ttl:5s}") Duration ttl) {
        this.contacts = contacts;
        this.ttlNanos = ttl.toNanos();
    }

    /**
     * @throws UnauthorizedException when the contact was deleted or is disabled
     */
    public PortalContact admit(String contactId) {
        return decide(current(contactId));
    }

    private static PortalContact decide(Optional<ContactAccount> found) {
        ContactAccount account = found.orElseThrow(() -> new UnauthorizedException("This account no longer exists."));
        if (account.disabled()) {
            throw new UnauthorizedException("This account is disabled.");
        }
        return new PortalContact(account.contactId(), account.partnerId());
    }

    /**
     * The decision from the cache alone, without touching the database (for the request path on the
     * event loop): empty when nothing fresh is cached.
     *
     * @throws UnauthorizedException when the cached contact was deleted or is disabled
     */
    public Optional<PortalContact> admitCached(String contactId) {
        Entry entry = cache.get(contactId);
        if (entry == null || System.nanoTime() - entry.loadedAt() >= ttlNanos) {
            return Optional.empty();
        }
        return Optional.of(decide(entry.account()));
    }

    public void evict(String contactId) {
        cache.remove(contactId);
    }

    private Optional<ContactAccount> current(String contactId) {
        long now = System.nanoTime();
        Entry entry = cache.get(contactId);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return entry.account();
        }
        Optional<ContactAccount> account = contacts.byId(contactId);
        if (cache.size() > 100_000) {
            cache.clear();
        }
        cache.put(contactId, new Entry(account, now));
        return account;
    }
}
