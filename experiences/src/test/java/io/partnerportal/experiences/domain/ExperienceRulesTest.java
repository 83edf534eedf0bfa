package io.partnerportal.experiences.domain;

import io.partnerportal.common.ConflictException;
import io.partnerportal.common.FieldError;
import io.partnerportal.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tabs and their sections as admins write them. */
class ExperienceRulesTest {

    @Test
    void a_tab_reads_its_sections_in_order_and_its_visibility() {
        Tab tab = ExperienceRules.tab("t1", Map.of("title", "Getting Started", "slug", "getting-started",
                "sections", List.of(Map.of("type", "rich_text", "content", "Welcome"),
                        Map.of("type", "links", "links", List.of(Map.of("label", "Docs", "url", "https://docs.example"))),
                        Map.of("type", "files", "files", List.of(Map.of("name", "Deck", "url", "https://cdn.example/d.pdf"))),
                        Map.of("type", "form", "formId", "f1"),
                        Map.of("type", "partner_profile")),
                "visibility", Map.of("audience", Map.of("type", "segments", "segmentIds", List.of("s1")),
                        "roles", List.of("admin"))), List.of());
        assertThat(tab.sections()).extracting(Section::type).containsExactly("rich_text", "links", "files", "form",
                "partner_profile");
        assertThat(tab.audience()).isEqualTo(new SegmentGate.AnyOf(List.of("s1")));
        assertThat(tab.roles()).containsExactly("admin");
        assertThat(tab.formIds()).containsExactly("f1");
        assertThat(ExperienceRules.tab("t1", tab.toJson(), List.of())).isEqualTo(tab);
    }

    @Test
    void every_problem_of_a_tab_is_reported_at_once() {
        assertThatThrownBy(() -> ExperienceRules.tab("t", Map.of("slug", "-bad-", "sections",
                List.of(Map.of("type", "rich_text"), "text"), "visibility", Map.of("audience",
                        Map.of("type", "nobody"))), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(FieldError::pointer)
                        .containsExactlyInAnyOrder("/title", "/slug", "/sections/0/content", "/sections/1",
                                "/visibility/audience/type"));
    }

    @Test
    void slugs_are_unique_in_an_experience() {
        Tab first = ExperienceRules.tab("a", Map.of("title", "A", "slug", "deals"), List.of());
        assertThatThrownBy(() -> ExperienceRules.tab("b", Map.of("title", "B", "slug", "deals"), List.of(first)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void an_empty_segment_list_is_never_silently_everyone() {
        List<FieldError> errors = new java.util.ArrayList<>();
        assertThat(SegmentGate.fromJson(Map.of("type", "segments", "segmentIds", List.of()), "/a", errors)).isNull();
        assertThat(errors).extracting(FieldError::code).containsExactly("empty");
    }
}
