package io.partnerportal.crm.sync.domain;

import io.partnerportal.common.FieldError;
import io.partnerportal.crm.spi.CrmObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CrmMappingTest {

    final Map<CrmObject, Map<String, TargetProperty>> properties = Map.of(
            CrmObject.COMPANY, Map.of("tier", new TargetProperty("tier", "enum", false, false),
                    "name", new TargetProperty("name", "string", true, false)),
            CrmObject.PERSON, Map.of("certified", new TargetProperty("certified", "boolean", false, false)));

    @Test
    void a_mapping_names_existing_non_system_properties_once() {
        List<FieldError> errors = new ArrayList<>();
        CrmMapping.parse(List.of(
                Map.of("object", "company", "field", "Partner_Tier__c", "property", "tier"),
                Map.of("object", "company", "field", "Name", "property", "name"),
                Map.of("object", "company", "field", "Partner_Tier__c", "property", "certified"),
                Map.of("object", "person", "field", "cert", "property", "tier"),
                Map.of("object", "deal", "field", "x", "property", "tier"),
                Map.of("object", "person", "field", "bad field", "property", "certified")), properties, errors);
        assertThat(errors).extracting(e -> e.pointer() + " " + e.code()).containsExactlyInAnyOrder(
                "/fields/1/property system_property", "/fields/2/field duplicate", "/fields/2/property unknown_property",
                "/fields/3/property unknown_property", "/fields/4/object unknown_option", "/fields/5/field invalid");
    }

    @Test
    void a_crm_property_without_a_mapping_is_written_back_under_its_own_key() {
        List<FieldError> errors = new ArrayList<>();
        CrmMapping mapping = CrmMapping.parse(List.of(Map.of("object", "company", "field", "Partner_Tier__c",
                "property", "tier")), properties, errors);
        assertThat(errors).isEmpty();
        assertThat(mapping.fieldFor(CrmObject.COMPANY, "tier")).isEqualTo("Partner_Tier__c");
        assertThat(mapping.fieldFor(CrmObject.COMPANY, "industry")).isEqualTo("industry");
        assertThat(mapping.fieldFor(CrmObject.PERSON, "tier")).isEqualTo("tier");
    }
}
