package io.partnerportal.profile.domain;

import io.partnerportal.common.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileLayoutTest {

    final Map<String, PropertyFacts> facts = Map.of(
            "name", new PropertyFacts("name", true, false, false, false),
            "logo", new PropertyFacts("logo", false, false, false, false),
            "industry", new PropertyFacts("industry", false, true, true, false),
            "type", new PropertyFacts("type", false, true, false, false),
            "old", new PropertyFacts("old", false, false, false, true));

    @Test
    void portal_and_writable_crm_properties_may_be_editable_system_and_unwritable_crm_ones_never() {
        assertThat(facts.get("logo").mayBeEditable()).isTrue();
        assertThat(facts.get("industry").mayBeEditable()).isTrue();
        assertThat(facts.get("type").mayBeEditable()).isFalse();
        assertThat(facts.get("name").mayBeEditable()).isFalse();
        assertThat(facts.get("old").mayBeEditable()).isFalse();
    }

    @Test
    void the_layout_keeps_the_order_and_reports_every_error() {
        List<FieldError> errors = new ArrayList<>();
        ProfileLayout layout = ProfileLayout.parse(List.of(Map.of("key", "industry", "mode", "editable"),
                Map.of("key", "name", "mode", "read_only"), Map.of("key", "type", "mode", "editable"),
                Map.of("key", "old", "mode", "read_only"), Map.of("key", "logo", "mode", "sometimes")), facts, errors);
        assertThat(errors).extracting(e -> e.pointer() + " " + e.code()).containsExactly(
                "/properties/2/mode not_editable", "/properties/3/key archived_property",
                "/properties/4/mode unknown_option");
        assertThat(layout.properties()).extracting(ProfileProperty::key).startsWith("industry", "name");
    }

    @Test
    void an_editable_property_stops_being_editable_when_the_catalogue_no_longer_allows_it() {
        ProfileLayout layout = new ProfileLayout(List.of(new ProfileProperty("industry", ProfileProperty.Mode.EDITABLE)));
        assertThat(layout.isEditable("industry", facts)).isTrue();
        assertThat(layout.isEditable("industry", Map.of("industry",
                new PropertyFacts("industry", false, true, false, false)))).isFalse();
        assertThat(layout.isEditable("logo", facts)).as("not on the profile").isFalse();
    }
}
