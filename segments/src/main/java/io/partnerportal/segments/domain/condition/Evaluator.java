package io.partnerportal.segments.domain.condition;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A compiled node. {@link #test} is the hot path (no JSON, no allocation beyond iterating
 * contacts); {@link #explain} computes the same result while recording why, and {@link #skipped}
 * describes a node short-circuit evaluation never reached.
 */
abstract class Evaluator {

    /** Most per-contact explanations kept under any_contact / all_contacts (the deciding one is always kept). */
    static final int MAX_EXPLAINED_CONTACTS = 10;

    final String pointer;

    Evaluator(String pointer) {
        this.pointer = pointer;
    }

    abstract boolean test(Values partner, Values contact, EvaluationContext ctx);

    /**
     * The same decision for every record at once: bits over contact ordinals ({@code contacts}) or
     * partner ordinals, set for the present records the node holds for. Always a new array. A part
     * of a contact-level condition that reads nothing of the contact is decided per partner and
     * carried to the contacts once.
     */
    final long[] select(Population p, boolean contacts) {
        Object key = selectionKey(contacts);
        return key == null ? decide(p, contacts) : p.selectOnce(key, () -> decide(p, contacts));
    }

    private long[] decide(Population p, boolean contacts) {
        if (contacts && !readsContact()) {
            return Bits.toContacts(p, selectOwn(p, false));
        }
        return selectOwn(p, contacts);
    }

    /**
     * A key equal for nodes that select the same records of any one population, so a population may
     * remember the selection ({@link Population#selectOnce}); null when not worth remembering.
     */
    Object selectionKey(boolean contacts) {
        return null;
    }

    abstract long[] selectOwn(Population p, boolean contacts);

    /** Whether the node reads anything of the contact (a contact property or a contact-level membership). */
    abstract boolean readsContact();

    static long[] present(Population p, boolean contacts) {
        return contacts ? p.contacts() : p.partners();
    }

    abstract ExplainedNode explain(Values partner, Values contact, EvaluationContext ctx);

    abstract ExplainedNode skipped();

    static String arrow(boolean result) {
        return " → " + result;
    }

    static final class AllOf extends Evaluator {
        final Evaluator[] children;

        AllOf(String pointer, Evaluator[] children) {
            super(pointer);
            this.children = children;
        }

        @Override
        boolean readsContact() {
            return anyReadsContact(children);
        }

        @Override
        boolean test(Values partner, Values contact, EvaluationContext ctx) {
            for (Evaluator child : children) {
                if (!child.test(partner, contact, ctx)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        long[] selectOwn(Population p, boolean contacts) {
            long[] acc = null;
            for (Evaluator child : children) {
                long[] bits = child.select(p, contacts);
                if (acc == null) {
                    acc = bits;
                } else {
                    Bits.and(acc, bits);
                }
                if (Bits.isEmpty(acc)) {
                    break;
                }
            }
            return acc == null ? present(p, contacts).clone() : acc;
        }

        @Override
        ExplainedNode explain(Values partner, Values contact, EvaluationContext ctx) {
            List<ExplainedNode> explained = new ArrayList<>(children.length);
            String decidedBy = null;
            for (Evaluator child : children) {
                if (decidedBy != null) {
                    explained.add(child.skipped());
                    continue;
                }
                ExplainedNode node = child.explain(partner, contact, ctx);
                explained.add(node);
                if (!node.result()) {
                    decidedBy = child.pointer;
                }
            }
            boolean result = decidedBy == null;
            String text = result ? "all " + children.length + " conditions hold" + arrow(true)
                    : "all: " + pathOrRoot(decidedBy) + " is false" + arrow(false);
            return new ExplainedNode(pointer, "all", result, true, null, null, null, null, text, explained);
        }

        @Override
        ExplainedNode skipped() {
            return Evaluator.skipped(pointer, "all", null, null, null, children);
        }
    }

    static final class AnyOf extends Evaluator {
        final Evaluator[] children;

        AnyOf(String pointer, Evaluator[] children) {
            super(pointer);
            this.children = children;
        }

        @Override
        boolean readsContact() {
            return anyReadsContact(children);
        }

        @Override
        boolean test(Values partner, Values contact, EvaluationContext ctx) {
            for (Evaluator child : children) {
                if (child.test(partner, contact, ctx)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        long[] selectOwn(Population p, boolean contacts) {
            long[] acc = new long[present(p, contacts).length];
            for (Evaluator child : children) {
                Bits.or(acc, child.select(p, contacts));
            }
            return acc;
        }

        @Override
        ExplainedNode explain(Values partner, Values contact, EvaluationContext ctx) {
            List<ExplainedNode> explained = new ArrayList<>(children.length);
            String decidedBy = null;
            for (Evaluator child : children) {
                if (decidedBy != null) {
                    explained.add(child.skipped());
                    continue;
                }
                ExplainedNode node = child.explain(partner, contact, ctx);
                explained.add(node);
                if (node.result()) {
                    decidedBy = child.pointer;
                }
            }
            boolean result = decidedBy != null;
            String text = result ? "any: " + pathOrRoot(decidedBy) + " is true" + arrow(true)
                    : "none of " + children.length + " conditions holds" + arrow(false);
            return new ExplainedNode(pointer, "any", result, true, null, null, null, null, text, explained);
        }

        @Override
        ExplainedNode skipped() {
            return Evaluator.skipped(pointer, "any", null, null, null, children);
        }
    }

    static final class NotOf extends Evaluator {
        final Evaluator child;

        NotOf(String pointer, Evaluator child) {
            super(pointer);
            this.child = child;
        }

        @Override
        boolean readsContact() {
            return child.readsContact();
        }

        @Override
        boolean test(Values partner, Values contact, EvaluationContext ctx) {
            return !child.test(partner, contact, ctx);
        }

        @Override
        long[] selectOwn(Population p, boolean contacts) {
            return Bits.complement(present(p, contacts), child.select(p, contacts));
        }

        @Override
        ExplainedNode explain(Values partner, Values contact, EvaluationContext ctx) {
            ExplainedNode inner = child.explain(partner, contact, ctx);
            boolean result = !inner.result();
            return new ExplainedNode(pointer, "not", result, true, null, null, null, null,
                    "not: " + pathOrRoot(child.pointer) + " is " + inner.result() + arrow(result), List.of(inner));
        }

        @Override
        ExplainedNode skipped() {
            return Evaluator.skipped(pointer, "not", null, null, null, child);
        }
    }

    /** Which membership an in_segment asks about; EITHER when the referenced segment's level was not given at compile time. */
    enum Membership { PARTNER, CONTACT, EITHER }

    static final class SegmentTest extends Evaluator {
        private final String segmentId;
        private final boolean negated;
        private final Membership membership;

        SegmentTest(String pointer, String segmentId, boolean negated, Membership membership) {
            super(pointer);
            this.segmentId = segmentId;
            this.negated = negated;
            this.membership = membership;
        }

        @Override
        boolean readsContact() {
            return membership != Membership.PARTNER;
        }

        String segmentId() {
            return segmentId;
        }

        boolean negated() {
            return negated;
        }

        Membership membership() {
            return membership;
        }

        @Override
        boolean test(Values partner, Values contact, EvaluationContext ctx) {
            return isMember(partner, contact, ctx) != negated;
        }

        private boolean isMember(Values partner, Values contact, EvaluationContext ctx) {
            return switch (membership) {
                case PARTNER -> partner != null && ctx.partnerIn(segmentId, partner);
                case CONTACT -> contact != null && ctx.contactIn(segmentId, contact);
                // a segment has members of one level only, so at most one of these is true
                case EITHER -> partner != null && ctx.partnerIn(segmentId, partner)
                        || contact != null && ctx.contactIn(segmentId, contact);
            };
        }

        @Override
        long[] selectOwn(Population p, boolean contacts) {
            long[] present = present(p, contacts);
            long[] member = new long[present.length];
            if (membership != Membership.CONTACT) {
                long[] partners = p.partnerMembers(segmentId);
                if (partners != null) {
                    Bits.or(member, contacts ? Bits.toContacts(p, partners) : partners);
                }
            }
            if (membership != Membership.PARTNER && contacts) {
                long[] members = p.contactMembers(segmentId);
                if (members != null) {
                    Bits.or(member, members);
                }
            }
            Bits.and(member, present);
            return negated ? Bits.complement(present, member) : member;
        }

        private String operator() {
            return negated ? "not_in_segment" : "in_segment";
        }

        @Override
        ExplainedNode explain(Values partner, Values contact, EvaluationContext ctx) {
            boolean member = isMember(partner, contact, ctx);
            boolean result = member != negated;
            String who = switch (membership) {
                case PARTNER -> "partner " + (partner == null ? "?" : partner.id());
                case CONTACT -> "contact " + (contact == null ? "?" : contact.id());
                case EITHER -> contact != null ? "contact " + contact.id() + " / partner " + (partner == null ? "?" : partner.id())
                        : "partner " + (partner == null ? "?" : partner.id());
            };
            String text = who + (member ? " is" : " is not") + " in segment " + segmentId + "; expected "
                    + (negated ? "not in it" : "in it") + arrow(result);
            return new ExplainedNode(pointer, operator(), result, true, null, operator(), member, segmentId, text, List.of());
        }

        @Override
        ExplainedNode skipped() {
            return Evaluator.skipped(pointer, operator(), operator(), segmentId, null);
        }
    }

    /** any_contact (some contact matches) or all_contacts (every contact matches, and there is one). */
    static final class ContactScope extends Evaluator {
        private final boolean every;
        private final Evaluator where;

        ContactScope(String pointer, boolean every, Evaluator where) {
            super(pointer);
            this.every = every;
            this.where = where;
        }

        @Override
        boolean readsContact() {
            return false; // decided per partner (its contacts are examined inside)
        }

        @Override
        long[] selectOwn(Population p, boolean contacts) {
            long[] present = present(p, contacts);
            long[] out = new long[present.length];
            if (contacts) {
                return out; // only partner-level conditions look at contacts (the validator refuses it elsewhere)
            }
            long[] matching = where.select(p, true);
            for (int w = 0; w < present.length; w++) {
                long word = present[w];
                while (word != 0) {
                    int partner = (w << 6) + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    boolean seen = false;
                    Boolean decided = null;
                    for (int c : p.contactsOf(partner)) {
                        if (!Bits.test(p.contacts(), c)) {
                            continue;
                        }
                        seen = true;
                        if (Bits.test(matching, c) != every) {
                            decided = !every; // any_contact: found one; all_contacts: found a failing one
                            break;
                        }
                    }
                    boolean result = decided != null ? decided : every && seen;
                    if (result) {
                        out[w] |= 1L << partner;
                    }
                }
            }
            return out;
        }

        private String operator() {
            return every ? "all_contacts" : "any_contact";
        }

        @Override
        boolean test(Values partner, Values contact, EvaluationContext ctx) {
            if (partner == null) {
                return false;
            }
            boolean seen = false;
            for (Values each : ctx.contactsOf(partner)) {
                seen = true;
                if (where.test(partner, each, ctx) != every) {
                    return !every; // any_contact: found one; all_contacts: found a failing one
                }
            }
            return every && seen;
        }

        @Override
        ExplainedNode explain(Values partner, Values contact, EvaluationContext ctx) {
            List<ExplainedNode> explained = new ArrayList<>();
            int count = 0;
            Boolean decided = null;
            String decidingContact = null;
            Iterator<? extends Values> contacts = partner == null ? null : ctx.contactsOf(partner).iterator();
            while (contacts != null && contacts.hasNext()) {
                Values each = contacts.next();
                count++;
                ExplainedNode inner = where.explain(partner, each, ctx);
                boolean matches = inner.result();
                boolean deciding = matches != every;
                if (deciding || explained.size() < MAX_EXPLAINED_CONTACTS) {
                    explained.add(new ExplainedNode(pointer, "contact", matches, true, null, null, each.id(), null,
                            "contact " + each.id() + (matches ? " matches" : " does not match"), List.of(inner)));
                }
                if (deciding) {
                    decided = !every;
                    decidingContact = each.id();
                    break;
                }
            }
            boolean result;
            String text;
            if (decided != null) {
                result = decided;
                text = operator() + ": contact " + decidingContact + (every ? " does not match" : " matches") + arrow(result);
            } else if (count == 0) {
                result = false;
                text = operator() + ": the partner has no contacts" + arrow(false);
            } else {
                result = every;
                text = operator() + (every ? ": all " + count + " contacts match" : ": none of " + count + " contacts matches")
                        + arrow(result);
            }
            return new ExplainedNode(pointer, operator(), result, true, null, operator(), null, null, text, explained);
        }

        @Override
        ExplainedNode skipped() {
            return Evaluator.skipped(pointer, operator(), operator(), null, null, where);
        }
    }

    static boolean anyReadsContact(Evaluator[] children) {
        for (Evaluator child : children) {
            if (child.readsContact()) {
                return true;
            }
        }
        return false;
    }

    static String pathOrRoot(String pointer) {
        return pointer.isEmpty() ? "the condition" : pointer;
    }

    static ExplainedNode skipped(String pointer, String kind, String operator, Object expected, String property,
                                 Evaluator... children) {
        List<ExplainedNode> below = new ArrayList<>(children.length);
        for (Evaluator child : children) {
            below.add(child.skipped());
        }
        return new ExplainedNode(pointer, kind, null, false, property, operator, null, expected, "not evaluated", below);
    }
}
