package io.partnerportal.partners.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.UnknownMembers;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a team invite must satisfy: an e-mail address (and optional names), and — unless the admin
 * allows any domain — an e-mail domain matching the partner's website (a subdomain counts), so a
 * contact cannot hand out portal access to people outside its company.
 */
public final class InviteRules {

    public static final Set<String> FIELDS = Set.of("email", "firstName", "lastName");

    private InviteRules() {
    }

    /** The invite's validated fields, shaped as the contact fields they become. */
    public record InviteRequest(String email, String firstName, String lastName) {

        public Map<String, Object> contactFields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("email", email);
            fields.put("firstName", firstName);
            fields.put("lastName", lastName);
            return fields;
        }
    }

    /**
     * @param website            the partner's website (may be null)
     * @param allowAnyDomain     the admin setting that lifts the domain rule
     * @return the request, or every error found
     */
    public static InviteRequest check(Map<String, Object> body, String website, boolean allowAnyDomain,
                                      List<FieldError> errors) {
        List<FieldError> found = new ArrayList<>(UnknownMembers.of(body.keySet(), FIELDS, "",
                member -> "'" + member + "' is not a field of an invite (email, firstName, lastName)"));
        String email = DirectoryRules.email(body.get("email"), "/email", found);
        String firstName = DirectoryRules.text(body.get("firstName"), "/firstName",
                DirectoryRules.MAX_PERSON_NAME_LENGTH, false, found);
        String lastName = DirectoryRules.text(body.get("lastName"), "/lastName",
                DirectoryRules.MAX_PERSON_NAME_LENGTH, false, found);
        boolean emailValid = found.stream().noneMatch(e -> "/email".equals(e.pointer()));
        if (email != null && emailValid && !allowAnyDomain) {
            Optional<String> domain = websiteDomain(website);
            if (domain.isEmpty()) {
                found.add(FieldError.at("/email", "domain_not_allowed", "your company has no website on record, so "
                        + "colleagues cannot be invited by e-mail domain; ask your partner manager"));
            } else if (!matches(emailDomain(email), domain.get())) {
                found.add(FieldError.at("/email", "domain_not_allowed", "only addresses at " + domain.get()
                        + " (your company's website) can be invited"));
            }
        }
        errors.addAll(found);
        return found.isEmpty() ? new InviteRequest(email, firstName, lastName) : null;
    }

    /** {@code https://www.acme.example/about} → {@code acme.example}. */
    public static Optional<String> websiteDomain(String website) {
        if (website == null || website.isBlank()) {
            return Optional.empty();
        }
        try {
            String host = URI.create(website.trim()).getHost();
            if (host == null || host.isBlank()) {
                return Optional.empty();
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            return Optional.of(host.startsWith("www.") ? host.substring(4) : host);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String emailDomain(String email) {
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** The same domain, or a subdomain of it ({@code eu.acme.example} for {@code acme.example}). */
    static boolean matches(String emailDomain, String websiteDomain) {
        return emailDomain.equals(websiteDomain) || emailDomain.endsWith("." + websiteDomain);
    }
}
