package io.partnerportal.segments.domain.condition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The graph of in_segment references between segments. A segment may not reach itself: its
 * membership would depend on itself. Each search visits every segment at most once.
 */
public final class SegmentGraph {

    private SegmentGraph() {
    }

    /**
     * The shortest cycle through {@code segmentId} if it referenced {@code directRefs}, as a path
     * starting and ending with it ({@code [A, B, C, A]}; {@code [A, A]} for a self-reference).
     *
     * @param refsOf the direct references of the other, stored segments (null or empty for none)
     */
    public static Optional<List<String>> findCycle(String segmentId, Set<String> directRefs,
                                                   Function<String, Set<String>> refsOf) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String ref : directRefs) {
            if (ref.equals(segmentId)) {
                return Optional.of(List.of(segmentId, segmentId));
            }
            if (cameFrom.putIfAbsent(ref, segmentId) == null) {
                queue.add(ref);
            }
        }
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (String next : refs(refsOf, current)) {
                if (next.equals(segmentId)) {
                    List<String> path = new ArrayList<>();
                    path.add(segmentId);
                    for (String step = current; !step.equals(segmentId); step = cameFrom.get(step)) {
                        path.add(step);
                    }
                    path.add(segmentId);
                    Collections.reverse(path);
                    return Optional.of(List.copyOf(path));
                }
                if (cameFrom.putIfAbsent(next, current) == null) {
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every segment {@code segmentId} depends on through in_segment, directly or not (itself
     * excluded), breadth first. Use it to re-evaluate dependants in order or to refuse deleting a
     * segment still in use.
     */
    public static Set<String> transitiveRefs(String segmentId, Set<String> directRefs,
                                             Function<String, Set<String>> refsOf) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String ref : directRefs) {
            if (!ref.equals(segmentId) && reached.add(ref)) {
                queue.add(ref);
            }
        }
        while (!queue.isEmpty()) {
            for (String next : refs(refsOf, queue.poll())) {
                if (!next.equals(segmentId) && reached.add(next)) {
                    queue.add(next);
                }
            }
        }
        return Collections.unmodifiableSet(reached);
    }

    /**
     * The 422 error for a condition that would close a cycle, pointing at the first in_segment that
     * starts it ({@code /condition/all/1/segment}) and naming the whole cycle.
     */
    public static Optional<ConditionError> cycleError(String segmentId, Condition condition,
                                                      Function<String, Set<String>> refsOf, String pointerPrefix) {
        return findCycle(segmentId, condition.referencedSegments(), refsOf).map(cycle -> {
            String first = cycle.get(1);
            String[] pointer = {null};
            condition.walk((node, at, inContactScope) -> {
                if (pointer[0] == null && node instanceof InSegment s && s.segmentId().equals(first)) {
                    pointer[0] = JsonPointer.append(at, "segment");
                }
            });
            String prefix = pointerPrefix == null ? "" : pointerPrefix;
            return new ConditionError(prefix + pointer[0], ConditionError.CYCLE,
                    "in_segment would make a cycle: " + String.join(" → ", cycle));
        });
    }

    private static Set<String> refs(Function<String, Set<String>> refsOf, String id) {
        Set<String> refs = refsOf.apply(id);
        return refs == null ? Set.of() : refs;
    }
}
