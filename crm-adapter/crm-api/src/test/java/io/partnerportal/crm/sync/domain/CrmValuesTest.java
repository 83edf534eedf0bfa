package io.partnerportal.crm.sync.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrmValuesTest {

    @Test
    void crm_strings_become_the_properties_types() throws Exception {
        assertThat(CrmValues.toPortal("boolean", "TRUE")).isEqualTo(true);
        assertThat(CrmValues.toPortal("boolean", false)).isEqualTo(false);
        assertThat(CrmValues.toPortal("number", "12.50")).isEqualTo(new BigDecimal("12.50"));
        assertThat(CrmValues.toPortal("date", "1735689600000")).as("HubSpot dates: epoch ms at midnight UTC")
                .isEqualTo("2025-01-01");
        assertThat(CrmValues.toPortal("date", "2024-05-31T00:00:00Z")).isEqualTo("2024-05-31");
        assertThat(CrmValues.toPortal("datetime", "1735689600000")).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(CrmValues.toPortal("multi_enum", "a; b;;c")).isEqualTo(List.of("a", "b", "c"));
        assertThat(CrmValues.toPortal("string", new BigDecimal("12"))).isEqualTo("12");
        assertThat(CrmValues.toPortal("enum", " gold ")).isEqualTo("gold");
    }

    @Test
    void empty_values_unset_and_wrong_ones_are_refused() throws Exception {
        assertThat(CrmValues.toPortal("number", "")).isNull();
        assertThat(CrmValues.toPortal("string", null)).isNull();
        assertThatThrownBy(() -> CrmValues.toPortal("number", "many")).isInstanceOf(CrmValues.Unconvertible.class);
        assertThatThrownBy(() -> CrmValues.toPortal("boolean", "perhaps")).isInstanceOf(CrmValues.Unconvertible.class);
        assertThatThrownBy(() -> CrmValues.toPortal("date", "31/05/2024")).isInstanceOf(CrmValues.Unconvertible.class);
        assertThatThrownBy(() -> CrmValues.toPortal("string", List.of("x"))).isInstanceOf(CrmValues.Unconvertible.class);
    }

    @Test
    void portal_values_go_to_the_crm_as_json() {
        assertThat(CrmValues.toCrm(LocalDate.of(2024, 5, 31))).isEqualTo("2024-05-31");
        assertThat(CrmValues.toCrm(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(CrmValues.toCrm(new BigDecimal("3"))).isEqualTo(new BigDecimal("3"));
        assertThat(CrmValues.toCrm(null)).isNull();
    }
}
