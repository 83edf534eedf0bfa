package io.partnerportal.partners.domain;

import io.partnerportal.common.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InviteRulesTest {

    @Test
    void the_website_domain_drops_scheme_path_and_www() {
        assertThat(InviteRules.websiteDomain("https://www.Acme.example/about?x=1")).contains("acme.example");
        assertThat(InviteRules.websiteDomain("http://acme.example.")).contains("acme.example");
        assertThat(InviteRules.websiteDomain("acme.example")).as("no scheme, no host").isEmpty();
        assertThat(InviteRules.websiteDomain(null)).isEmpty();
        assertThat(InviteRules.websiteDomain("https://exa mple")).isEmpty();
    }

    @Test
    void an_address_matches_its_domain_and_subdomains_only() {
        assertThat(InviteRules.matches("acme.example", "acme.example")).isTrue();
        assertThat(InviteRules.matches("eu.acme.example", "acme.example")).isTrue();
        assertThat(InviteRules.matches("notacme.example", "acme.example")).isFalse();
        assertThat(InviteRules.matches("acme.example.evil", "acme.example")).isFalse();
    }

    @Test
    void every_error_is_reported_and_the_domain_rule_can_be_lifted() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(InviteRules.check(Map.of("email", "x@other.example", "lastName", 3, "role", "admin"),
                "https://acme.example", false, errors)).isNull();
        assertThat(errors).extracting(FieldError::pointer).containsExactlyInAnyOrder("/email", "/lastName", "/role");

        errors.clear();
        InviteRules.InviteRequest ok = InviteRules.check(Map.of("email", " x@other.example ", "firstName", "X"),
                null, true, errors);
        assertThat(errors).isEmpty();
        assertThat(ok.email()).isEqualTo("x@other.example");
        assertThat(ok.lastName()).isNull();
    }
}
