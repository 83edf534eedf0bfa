package io.partnerportal.segments.domain.condition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed condition (see {@link ConditionParser}); structurally valid, but only {@link
 * ConditionValidator} knows whether it fits the catalogue and the segment's level. Equal
 * conditions have equal JSON.
 */
public record Condition(ConditionNode root) {

    public Condition {
        Objects.requireNonNull(root, "root");
    }

    /** The canonical plain-Java JSON tree (LinkedHashMap / List / String / BigDecimal / Boolean). */
    public Object toJson() {
        return toJson(root);
    }

    /** The properties read anywhere in the tree (inside any_contact / all_contacts too), in document order. */
    public Set<PropertyRef> readProperties() {
        Set<PropertyRef> refs = new LinkedHashSet<>();
        walk((node, pointer, inContactScope) -> {
            if (node instanceof Comparison c) {
                refs.add(c.property());
            }
        });
        return Collections.unmodifiableSet(refs);
    }

    /** The segments named by in_segment / not_in_segment (direct references only), in document order. */
    public Set<String> referencedSegments() {
        Set<String> ids = new LinkedHashSet<>();
        walk((node, pointer, inContactScope) -> {
            if (node instanceof InSegment s) {
                ids.add(s.segmentId());
            }
        });
        return Collections.unmodifiableSet(ids);
    }

    /** Whether membership can change with the date alone (within_last, within_next, more_than_ago). */
    public boolean usesRelativeDates() {
        boolean[] uses = {false};
        walk((node, pointer, inContactScope) -> {
            if (node instanceof Comparison c && c.op().operands() == Operator.Operands.RELATIVE) {
                uses[0] = true;
            }
        });
        return uses[0];
    }

    /** Nodes on the longest path from the root to a leaf; a single comparison has depth 1. */
    public int depth() {
        return depth(root);
    }

    /** Comparisons and segment tests. */
    public int leafCount() {
        int[] leaves = {0};
        walk((node, pointer, inContactScope) -> {
            if (node instanceof Comparison || node instanceof InSegment) {
                leaves[0]++;
            }
        });
        return leaves[0];
    }

    private static int depth(ConditionNode node) {
        return node.match(new ConditionNode.Cases<>() {
            @Override
            public Integer all(All all) {
                return 1 + deepest(all.children());
            }

            @Override
            public Integer any(Any any) {
                return 1 + deepest(any.children());
            }

            private int deepest(List<ConditionNode> children) {
                int max = 0;
                for (ConditionNode child : children) {
                    max = Math.max(max, depth(child));
                }
                return max;
            }

            @Override
            public Integer not(Not not) {
                return 1 + depth(not.child());
            }

            @Override
            public Integer comparison(Comparison comparison) {
                return 1;
            }

            @Override
            public Integer inSegment(InSegment inSegment) {
                return 1;
            }

            @Override
            public Integer anyContact(AnyContact anyContact) {
                return 1 + depth(anyContact.where());
            }

            @Override
            public Integer allContacts(AllContacts allContacts) {
                return 1 + depth(allContacts.where());
            }
        });
    }

    /** Visits every node in document order with its JSON pointer (relative to the condition, "" for the root). */
    void walk(NodeVisitor visitor) {
        walk(root, "", false, visitor);
    }

    @FunctionalInterface
    interface NodeVisitor {
        void visit(ConditionNode node, String pointer, boolean inContactScope);
    }

    private static void walk(ConditionNode node, String pointer, boolean inContactScope, NodeVisitor visitor) {
        visitor.visit(node, pointer, inContactScope);
        node.match(new ConditionNode.Cases<Void>() {
            @Override
            public Void all(All all) {
                walkChildren(all.children(), pointer + "/all/");
                return null;
            }

            @Override
            public Void any(Any any) {
                walkChildren(any.children(), pointer + "/any/");
                return null;
            }

            private void walkChildren(List<ConditionNode> children, String prefix) {
                for (int i = 0; i < children.size(); i++) {
                    walk(children.get(i), prefix + i, inContactScope, visitor);
                }
            }

            @Override
            public Void not(Not not) {
                walk(not.child(), pointer + "/not", inContactScope, visitor);
                return null;
            }

            @Override
            public Void comparison(Comparison comparison) {
                return null;
            }

            @Override
            public Void inSegment(InSegment inSegment) {
                return null;
            }

            @Override
            public Void anyContact(AnyContact anyContact) {
                walk(anyContact.where(), pointer + "/where", true, visitor);
                return null;
            }

            @Override
            public Void allContacts(AllContacts allContacts) {
                walk(allContacts.where(), pointer + "/where", true, visitor);
                return null;
            }
        });
    }

    static Object toJson(ConditionNode node) {
        return node.match(new ConditionNode.Cases<>() {
            @Override
            public Object all(All all) {
                return object("all", toJson(all.children()));
            }

            @Override
            public Object any(Any any) {
                return object("any", toJson(any.children()));
            }

            @Override
            public Object not(Not not) {
                return object("not", toJson(not.child()));
            }

            @Override
            public Object comparison(Comparison c) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("property", c.property().qualified());
                json.put("op", c.op().jsonName());
                if (c.op().operands() != Operator.Operands.NONE) {
                    json.put(c.operandField(), c.listForm() ? new ArrayList<>(c.operands()) : c.operands().get(0));
                }
                if (c.unit() != null) {
                    json.put("unit", c.unit().jsonName());
                }
                if (c.ignoreCase()) {
                    json.put("ignoreCase", Boolean.TRUE);
                }
                return json;
            }

            @Override
            public Object inSegment(InSegment s) {
                Map<String, Object> json = object("op", s.operator());
                json.put("segment", s.segmentId());
                return json;
            }

            @Override
            public Object anyContact(AnyContact a) {
                Map<String, Object> json = object("op", "any_contact");
                json.put("where", toJson(a.where()));
                return json;
            }

            @Override
            public Object allContacts(AllContacts a) {
                Map<String, Object> json = object("op", "all_contacts");
                json.put("where", toJson(a.where()));
                return json;
            }
        });
    }

    private static Map<String, Object> object(String key, Object value) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(key, value);
        return json;
    }

    private static List<Object> toJson(List<ConditionNode> nodes) {
        List<Object> list = new ArrayList<>(nodes.size());
        for (ConditionNode node : nodes) {
            list.add(toJson(node));
        }
        return list;
    }
}
