package io.partnerportal.segments.domain.condition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * {@code {"property": ..., "op": ..., "value" | "values": ..., "unit"?, "ignoreCase"?}}.
 *
 * <p>{@code operands} holds the JSON operands as given (String, BigDecimal or Boolean);
 * {@code listForm} remembers whether they came as {@code values} (a list) or {@code value}, so
 * the canonical JSON is the JSON the admin wrote. Whether the operands suit the property's type is
 * the validator's business; this record only guarantees the shape the operator needs.
 */
public record Comparison(PropertyRef property, Operator op, List<Object> operands, boolean listForm, DateUnit unit,
                         boolean ignoreCase) implements ConditionNode {

    public Comparison {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(op, "op");
        operands = List.copyOf(operands);
        for (Object operand : operands) {
            if (!(operand instanceof String || operand instanceof BigDecimal || operand instanceof Boolean)) {
                throw new IllegalArgumentException("an operand is a JSON string, number or boolean: " + operand);
            }
        }
        boolean shapeOk = switch (op.operands()) {
            case NONE -> operands.isEmpty() && !listForm;
            case ONE -> operands.size() == 1 && !listForm;
            case ONE_OR_MANY -> !operands.isEmpty() && (listForm || operands.size() == 1);
            case RANGE -> operands.size() == 2 && listForm;
            case RELATIVE -> operands.size() == 1 && !listForm && operands.get(0) instanceof BigDecimal;
        };
        if (!shapeOk) {
            throw new IllegalArgumentException(op.jsonName() + " does not take operands " + operands
                    + (listForm ? " as values" : " as value"));
        }
        if ((unit != null) != (op.operands() == Operator.Operands.RELATIVE)) {
            throw new IllegalArgumentException("unit goes with within_last, within_next and more_than_ago only");
        }
    }

    /** {@code is_set}, {@code is_true}, {@code is_empty}, ... */
    public static Comparison unary(PropertyRef property, Operator op) {
        return new Comparison(property, op, List.of(), false, null, false);
    }

    /** {@code "value": operand}. */
    public static Comparison value(PropertyRef property, Operator op, Object operand) {
        return new Comparison(property, op, List.of(operand), false, null, false);
    }

    /** {@code "values": [...]}. */
    public static Comparison values(PropertyRef property, Operator op, List<?> operands) {
        return new Comparison(property, op, List.copyOf(operands), true, null, false);
    }

    /** {@code within_last 30 days} and friends. */
    public static Comparison relative(PropertyRef property, Operator op, long n, DateUnit unit) {
        return new Comparison(property, op, List.of(BigDecimal.valueOf(n)), false, unit, false);
    }

    public Comparison ignoringCase() {
        return new Comparison(property, op, operands, listForm, unit, true);
    }

    /** The JSON field holding the operands: "values" or "value". */
    String operandField() {
        return listForm ? "values" : "value";
    }

    /** The JSON pointer of operand {@code i} below this node's pointer. */
    String operandPointer(String nodePointer, int i) {
        return listForm ? JsonPointer.append(JsonPointer.append(nodePointer, "values"), i)
                : JsonPointer.append(nodePointer, "value");
    }

    @Override
    public <R> R match(Cases<R> cases) {
        return cases.comparison(this);
    }
}
