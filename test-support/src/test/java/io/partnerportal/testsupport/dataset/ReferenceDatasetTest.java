package io.partnerportal.testsupport.dataset;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceDatasetTest {

    private final DatasetSpec spec = DatasetSpec.of(2_000).withSegments(300);

    @Test
    void the_same_spec_always_yields_the_same_records_and_segments() {
        ReferenceDataset a = new ReferenceDataset(spec);
        ReferenceDataset b = new ReferenceDataset(spec);
        StringBuilder rowsA = new StringBuilder();
        StringBuilder rowsB = new StringBuilder();
        for (int p : new int[]{0, 1, 17, 1_999}) {
            a.partnerRow(p, rowsA);
            b.partnerRow(p, rowsB);
            long first = a.firstContactOf(p);
            for (long k = first; k < first + Math.min(5, a.contactsOf(p)); k++) {
                a.contactRow(p, k, rowsA);
                b.contactRow(p, k, rowsB);
            }
        }
        assertThat(rowsA.toString()).isEqualTo(rowsB.toString()).contains(a.partnerId(17).toString());
        assertThat(a.segments()).isEqualTo(b.segments());
        ReferenceDataset other = new ReferenceDataset(new DatasetSpec(2_000, 10, 300, 7, spec.anchor()));
        assertThat(other.partnerId(17)).isNotEqualTo(a.partnerId(17));
    }

    @Test
    void partners_have_skewed_sizes_that_add_up_to_exactly_ten_contacts_each() {
        ReferenceDataset data = new ReferenceDataset(DatasetSpec.of(100_000));
        int[] sizes = new int[data.partnerCount()];
        long total = 0;
        for (int p = 0; p < sizes.length; p++) {
            sizes[p] = data.contactsOf(p);
            total += sizes[p];
        }
        assertThat(total).isEqualTo(1_000_000);
        assertThat(sizes[data.bigPartner()]).isEqualTo(10_000);
        assertThat(Arrays.stream(sizes).filter(s -> s >= 1_000).count()).isGreaterThanOrEqualTo(5);
        assertThat(Arrays.stream(sizes).filter(s -> s == 0).count()).isGreaterThan(1_000);
        int[] sorted = sizes.clone();
        Arrays.sort(sorted);
        assertThat(sorted[sorted.length / 2]).as("median").isBetween(4, 9);
        assertThat(data.partnerOfContact(data.firstContactOf(17))).isEqualTo(17);
    }

    @Test
    void the_catalogue_has_sixty_properties_of_every_type() {
        List<PropertyModel> all = new ReferenceDataset(spec).properties();
        assertThat(all).hasSize(60);
        assertThat(all.stream().filter(p -> p.level.equals("partner"))).hasSize(30);
        assertThat(all.stream().map(p -> p.type).distinct()).containsExactlyInAnyOrder("string", "number", "boolean",
                "date", "datetime", "enum", "multi_enum", "user", "url");
        assertThat(all.stream().map(PropertyModel::qualified).distinct()).hasSize(60);
    }

    @Test
    void segments_mix_levels_depths_references_and_contact_scopes() {
        List<ReferenceDataset.SegmentDefinition> segments = new ReferenceDataset(spec).segments();
        assertThat(segments).hasSize(300);
        assertThat(segments.stream().filter(s -> s.level().equals("partner")).count()).isBetween(100L, 180L);
        String all = segments.toString();
        assertThat(all).contains("in_segment", "any_contact", "all_contacts", "within_last").contains(ReferenceDataset.SEGMENT_REF);
        for (ReferenceDataset.SegmentDefinition s : segments) {
            assertThat(depth(s.condition())).as(s.name()).isBetween(1, 6);
        }
    }

    private static int depth(Object node) {
        if (node instanceof Map<?, ?> m) {
            int d = 0;
            for (Object v : m.values()) {
                d = Math.max(d, depth(v));
            }
            return m.containsKey("all") || m.containsKey("any") || m.containsKey("not") || m.containsKey("where")
                    ? d + 1 : Math.max(1, d);
        }
        if (node instanceof List<?> l) {
            int d = 0;
            for (Object v : l) {
                d = Math.max(d, depth(v));
            }
            return d;
        }
        return 0;
    }
}
