package io.partnerportal.segments.domain.condition;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The operators of the condition language, with the operand shape each takes. */
public enum Operator {
    EQ(Operands.ONE_OR_MANY),
    NEQ(Operands.ONE_OR_MANY),
    IN(Operands.ONE_OR_MANY),
    NOT_IN(Operands.ONE_OR_MANY),
    CONTAINS(Operands.ONE_OR_MANY),
    NOT_CONTAINS(Operands.ONE_OR_MANY),
    STARTS_WITH(Operands.ONE_OR_MANY),
    ENDS_WITH(Operands.ONE_OR_MANY),
    MATCHES(Operands.ONE_OR_MANY),
    IS_SET(Operands.NONE),
    IS_NOT_SET(Operands.NONE),
    LT(Operands.ONE),
    LTE(Operands.ONE),
    GT(Operands.ONE),
    GTE(Operands.ONE),
    BETWEEN(Operands.RANGE),
    IS_TRUE(Operands.NONE),
    IS_FALSE(Operands.NONE),
    BEFORE(Operands.ONE),
    AFTER(Operands.ONE),
    WITHIN_LAST(Operands.RELATIVE),
    WITHIN_NEXT(Operands.RELATIVE),
    MORE_THAN_AGO(Operands.RELATIVE),
    CONTAINS_ANY(Operands.ONE_OR_MANY),
    CONTAINS_ALL(Operands.ONE_OR_MANY),
    CONTAINS_NONE(Operands.ONE_OR_MANY),
    IS_EMPTY(Operands.NONE),
    IS_NOT_EMPTY(Operands.NONE);

    /** What follows {@code op} in a comparison node. */
    public enum Operands {
        /** No operand. */
        NONE,
        /** {@code value}, or {@code values} meaning any-of (none-of for a negative operator). */
        ONE_OR_MANY,
        /** {@code value} only. */
        ONE,
        /** {@code values: [lo, hi]}, inclusive. */
        RANGE,
        /** {@code value: N} and {@code unit}. */
        RELATIVE
    }

    private final Operands operands;

    private static final java.util.Map<String, Operator> BY_JSON_NAME = new java.util.HashMap<>();

    static {
        for (Operator op : values()) {
            BY_JSON_NAME.put(op.jsonName, op);
        }
    }

    private final String jsonName = name().toLowerCase(Locale.ROOT);

    Operator(Operands operands) {
        this.operands = operands;
    }

    public Operands operands() {
        return operands;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<Operator> fromJson(String json) {
        return Optional.ofNullable(json == null ? null : BY_JSON_NAME.get(json));
    }

    /**
     * For a negative operator, the positive operator it negates exactly (the contract's "negative
     * twins"); empty for a positive operator. Negative operators are true on an unset value.
     */
    public Optional<Operator> positiveTwin() {
        return Optional.ofNullable(switch (this) {
            case NEQ -> EQ;
            case NOT_IN -> IN;
            case NOT_CONTAINS -> CONTAINS;
            case CONTAINS_NONE -> CONTAINS_ANY;
            case IS_NOT_SET -> IS_SET;
            case IS_EMPTY -> IS_NOT_EMPTY;
            default -> null;
        });
    }

    public boolean isNegative() {
        return positiveTwin().isPresent();
    }

    /** The operators the contract's table allows on a property type. */
    public static Set<Operator> allowedFor(ValueType type) {
        return switch (type) {
            case STRING, URL -> EnumSet.of(EQ, NEQ, IN, NOT_IN, CONTAINS, NOT_CONTAINS, STARTS_WITH, ENDS_WITH, MATCHES,
                    IS_SET, IS_NOT_SET);
            case NUMBER -> EnumSet.of(EQ, NEQ, LT, LTE, GT, GTE, BETWEEN, IN, NOT_IN, IS_SET, IS_NOT_SET);
            case BOOLEAN -> EnumSet.of(IS_TRUE, IS_FALSE, IS_SET, IS_NOT_SET);
            case DATE, DATETIME -> EnumSet.of(EQ, BEFORE, AFTER, BETWEEN, WITHIN_LAST, WITHIN_NEXT, MORE_THAN_AGO,
                    IS_SET, IS_NOT_SET);
            case ENUM -> EnumSet.of(IN, NOT_IN, IS_SET, IS_NOT_SET);
            case MULTI_ENUM -> EnumSet.of(CONTAINS_ANY, CONTAINS_ALL, CONTAINS_NONE, IS_EMPTY, IS_NOT_EMPTY);
            case USER -> EnumSet.of(EQ, NEQ, IN, NOT_IN, IS_SET, IS_NOT_SET);
        };
    }
}
