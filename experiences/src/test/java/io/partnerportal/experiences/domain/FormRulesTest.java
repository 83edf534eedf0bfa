package io.partnerportal.experiences.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import io.partnerportal.experiences.domain.form.FieldType;
import io.partnerportal.experiences.domain.form.Form;
import io.partnerportal.experiences.domain.form.FormRules;
import io.partnerportal.experiences.domain.form.PropertyMapping;
import io.partnerportal.experiences.domain.form.PropertySpec;
import io.partnerportal.experiences.domain.form.SubmissionRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Form definitions against the catalogue, and submitted answers against the fields. */
class FormRulesTest {

    private static final Map<String, PropertySpec> CATALOGUE = Map.of(
            "partner.onboarding_phase", new PropertySpec("partner.onboarding_phase", "enum",
                    List.of("prospecting", "signed_contract"), false, false),
            "contact.language", new PropertySpec("contact.language", "enum", List.of("en", "de"), false, false),
            "partner.employee_count", new PropertySpec("partner.employee_count", "number", List.of(), false, false),
            "contact.email", new PropertySpec("contact.email", "string", List.of(), true, false));

    private static Form terms() {
        return FormRules.form("f", Map.of("name", "T&C",
                "fields", List.of(Map.of("key", "accept", "label", "Accept", "type", "checkbox", "required", true),
                        Map.of("key", "language", "label", "Language", "type", "select",
                                "options", List.of(Map.of("key", "en", "label", "English"))),
                        Map.of("key", "size", "label", "Size", "type", "number"),
                        Map.of("key", "tags", "label", "Tags", "type", "multi_select",
                                "options", List.of(Map.of("key", "a", "label", "A"), Map.of("key", "b", "label", "B")))),
                "mappings", List.of(Map.of("property", "partner.onboarding_phase", "value", "signed_contract"),
                        Map.of("property", "contact.language", "field", "language"),
                        Map.of("property", "partner.employee_count", "field", "size"))),
                CATALOGUE, 1, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void a_fixed_value_and_field_mappings_that_fit_the_catalogue_are_accepted() {
        Form form = terms();
        assertThat(form.mappings()).containsExactly(
                new PropertyMapping.FixedValue("partner.onboarding_phase", "signed_contract"),
                new PropertyMapping.FromField("contact.language", "language"),
                new PropertyMapping.FromField("partner.employee_count", "size"));
    }

    @Test
    void field_types_fit_only_matching_property_types() {
        assertThat(FieldType.CHECKBOX.fits("boolean")).isTrue();
        assertThat(FieldType.CHECKBOX.fits("string")).isFalse();
        assertThat(FieldType.TEXT.fits("url")).isTrue();
        assertThat(FieldType.SELECT.fits("enum")).isTrue();
        assertThat(FieldType.MULTI_SELECT.fits("enum")).isFalse();
    }

    @Test
    void a_select_with_options_the_property_lacks_is_refused() {
        assertThatThrownBy(() -> FormRules.form("f", Map.of("name", "x",
                "fields", List.of(Map.of("key", "language", "label", "L", "type", "select",
                        "options", List.of(Map.of("key", "fr", "label", "French")))),
                "mappings", List.of(Map.of("property", "contact.language", "field", "language"))),
                CATALOGUE, 1, Instant.EPOCH, Instant.EPOCH))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::code)
                        .containsExactly("unknown_option"));
    }

    @Test
    void answers_are_checked_field_by_field_and_normalised() {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = SubmissionRules.values(terms(), Map.of("accept", true, "language", "en",
                "size", new BigDecimal("12.0"), "tags", List.of("b", "a", "b")), errors);
        assertThat(errors).isEmpty();
        assertThat(values).containsEntry("tags", List.of("a", "b")).containsEntry("size", new BigDecimal("12.0"));

        errors.clear();
        SubmissionRules.values(terms(), Map.of("accept", false, "language", "xx", "size", "many",
                "tags", List.of("c")), errors);
        assertThat(errors).extracting(FieldError::pointer).containsExactlyInAnyOrder("/values/accept",
                "/values/language", "/values/size", "/values/tags/0");
    }

    @Test
    void a_required_checkbox_must_be_ticked_and_empty_optional_fields_are_left_out() {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = SubmissionRules.values(terms(), Map.of("accept", true, "language", " "), errors);
        assertThat(errors).isEmpty();
        assertThat(values).containsOnlyKeys("accept");
        SubmissionRules.values(terms(), Map.of(), errors);
        assertThat(errors).extracting(FieldError::code).containsExactly("required");
    }
}
