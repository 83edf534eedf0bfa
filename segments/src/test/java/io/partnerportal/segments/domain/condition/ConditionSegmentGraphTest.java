package io.partnerportal.segments.domain.condition;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionSegmentGraphTest {

    private final Map<String, Set<String>> stored = Map.of(
            "B", Set.of("C"),
            "C", Set.of("D"),
            "D", Set.of(),
            "E", Set.of("A"),
            "F", Set.of("E", "B"));

    @Test
    void noCycleWhenReferencesDoNotComeBack() {
        assertThat(SegmentGraph.findCycle("A", Set.of("B"), stored::get)).isEmpty();
        assertThat(SegmentGraph.findCycle("A", Set.of(), stored::get)).isEmpty();
        assertThat(SegmentGraph.findCycle("A", Set.of("unknown"), stored::get)).isEmpty();
    }

    @Test
    void theShortestCycleIsNamedFromTheSegmentBackToIt() {
        assertThat(SegmentGraph.findCycle("A", Set.of("F"), stored::get)).contains(List.of("A", "F", "E", "A"));
        assertThat(SegmentGraph.findCycle("A", Set.of("E"), stored::get)).contains(List.of("A", "E", "A"));
        assertThat(SegmentGraph.findCycle("A", Set.of("A"), stored::get)).contains(List.of("A", "A"));
    }

    @Test
    void transitiveRefsFollowEveryPathOnce() {
        assertThat(SegmentGraph.transitiveRefs("X", Set.of("F"), stored::get))
                .containsExactlyInAnyOrder("F", "E", "B", "A", "C", "D")
                .doesNotContain("X");
        assertThat(SegmentGraph.transitiveRefs("A", Set.of("F"), stored::get)).doesNotContain("A");
    }

    @Test
    void aLongChainIsWalkedWithoutRecursion() {
        java.util.function.Function<String, Set<String>> chain = id -> {
            int n = Integer.parseInt(id.substring(1));
            return n < 200_000 ? Set.of("s" + (n + 1)) : Set.of("s0");
        };
        assertThat(SegmentGraph.findCycle("s0", Set.of("s1"), chain)).hasValueSatisfying(cycle ->
                assertThat(cycle).hasSize(200_002).startsWith("s0", "s1").endsWith("s200000", "s0"));
    }
}
