package io.partnerportal.segments.domain.condition;

import io.partnerportal.segments.domain.SegmentLevel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.partnerportal.segments.domain.condition.Fixtures.Ctx;
import static io.partnerportal.segments.domain.condition.Fixtures.Rec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One contact against 1,000 compiled contact-level segments. The target is ≤ 50 µs p99 on a quiet
 * machine for ordinary conditions; a {@code matches} costs RE2/J's ~0.5 µs. The assertions are
 * loose because CI shares two cores; the printed figures are what to watch.
 */
class ConditionPerformanceTest {

    private static final String[] ORDINARY = {
            "{'property': 'partner.s', 'op': 'in', 'values': ['gold', 'platinum', 't%d']}",
            "{'all': [{'property': 'contact.role', 'op': 'in', 'values': ['admin']}, "
                    + "{'property': 'partner.revenue', 'op': 'gt', 'value': %d}]}",
            "{'property': 'contact.email', 'op': 'ends_with', 'values': ['@acme.com', '@x%d.org'], 'ignoreCase': true}",
            "{'any': [{'property': 'partner.created_at', 'op': 'within_last', 'value': %d, 'unit': 'days'}, "
                    + "{'property': 'contact.certified', 'op': 'is_true'}]}",
            "{'not': {'property': 'partner.name', 'op': 'contains', 'value': 'test%d'}}",
            "{'all': [{'property': 'contact.score', 'op': 'between', 'values': [0, %d]}, "
                    + "{'property': 'contact.last_login', 'op': 'is_set'}, {'op': 'in_segment', 'segment': 'gold-partners'}]}",
    };
    private static final String REGEX = "{'property': 'partner.website', 'op': 'matches', 'value': '^https://[a-z]+%d?\\\\.example$'}";

    private final Rec partner = Rec.of("acme", "s", "gold", "tier", "gold", "revenue", new BigDecimal("120000"),
            "name", "Acme Industries", "created_at", Instant.parse("2026-03-20T10:00:00Z"), "website", "https://acme.example");
    private final Rec contact = Rec.of("ann", "email", "ann@ACME.com", "role", "admin", "certified", true,
            "score", new BigDecimal("42"), "last_login", Instant.parse("2026-03-30T08:00:00Z"));
    private final Ctx ctx = new Ctx().partnersIn("gold-partners", "acme");

    @Test
    void oneContactAgainstAThousandOrdinarySegments() {
        double[] p50p99 = measure(segments(false), "1,000 segments without regex");

        assertThat(p50p99[0]).as("median µs for 1,000 segments").isLessThan(250);
    }

    @Test
    void oneContactAgainstAThousandSegmentsOneInSevenARegex() {
        double[] p50p99 = measure(segments(true), "1,000 segments, 1 in 7 a regex");

        assertThat(p50p99[0]).as("median µs for 1,000 segments").isLessThan(1_000);
    }

    private static List<CompiledCondition> segments(boolean withRegex) {
        List<CompiledCondition> segments = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String shape = withRegex && i % 7 == 6 ? REGEX : ORDINARY[i % ORDINARY.length];
            segments.add(Fixtures.compiled(String.format(shape, i), SegmentLevel.CONTACT));
        }
        return segments;
    }

    private double[] measure(List<CompiledCondition> segments, String what) {
        int rounds = 3_000;
        long[] nanos = new long[rounds];
        int admitted = 0;
        for (int round = -3_000; round < rounds; round++) {
            long start = System.nanoTime();
            int matches = 0;
            for (CompiledCondition segment : segments) {
                if (segment.matches(partner, contact, ctx)) {
                    matches++;
                }
            }
            long took = System.nanoTime() - start;
            if (round >= 0) {
                nanos[round] = took;
                admitted = matches;
            }
        }
        Arrays.sort(nanos);
        double p50 = nanos[rounds / 2] / 1_000.0;
        double p99 = nanos[(int) (rounds * 0.99)] / 1_000.0;
        System.out.printf("one contact x %s: p50 %.1f µs, p99 %.1f µs (%.0f ns per segment at p50), %d admitted%n",
                what, p50, p99, p50, admitted);
        assertThat(admitted).isBetween(1, 999);
        return new double[] {p50, p99};
    }
}
