package io.partnerportal.segments.domain.condition;

import java.util.List;

/**
 * One node of an {@link Explanation}.
 *
 * @param pointer   JSON pointer of the node inside the condition ("" for the root, "/all/1/where")
 * @param kind      all, any, not, comparison, in_segment, not_in_segment, any_contact, all_contacts,
 *                  or contact (one iterated contact below any_contact / all_contacts)
 * @param result    the node's value; null when not evaluated
 * @param evaluated false for nodes skipped by short-circuit (and everything below them)
 * @param property  the qualified property of a comparison, else null
 * @param operator  the operator (comparison, segment test, contact scope), else null
 * @param actual    the record's typed value for a comparison (null when unset), the contact id for a contact node
 * @param expected  the operand(s) as in the condition JSON, or the segment id
 * @param text      one line for humans: {@code partner.tier = silver; expected any of [gold, platinum] → false}
 */
public record ExplainedNode(String pointer, String kind, Boolean result, boolean evaluated, String property,
                            String operator, Object actual, Object expected, String text, List<ExplainedNode> children) {
    public ExplainedNode {
        children = children == null ? List.of() : List.copyOf(children);
    }
}
