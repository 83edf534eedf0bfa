package io.partnerportal.segments.domain.condition;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.partnerportal.segments.domain.SegmentLevel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a parsed condition against the property catalogue, the known segments and the level of
 * the segment it belongs to, and answers every error at once (an empty list: valid).
 *
 * <ul>
 *   <li>the property exists ({@code unknown_property}) and the operator is in the contract's table
 *       for its type ({@code operator_not_allowed});</li>
 *   <li>operands have the property's type ({@code wrong_value_type}: a string for a number, an
 *       unparsable ISO date, ...), enum operands are option keys ({@code unknown_option}),
 *       {@code between} is {@code [lo, hi]} with lo ≤ hi ({@code invalid_range}), regexes compile
 *       with RE2/J ({@code invalid_regex}), {@code ignoreCase} only on string / url operators
 *       ({@code ignore_case_not_allowed});</li>
 *   <li>referenced segments exist ({@code unknown_segment});</li>
 *   <li>level rules: a contact-level segment reads {@code partner.*} and {@code contact.*} and may
 *       test segments of both levels, but has no any_contact / all_contacts
 *       ({@code contact_scope_not_allowed}); a partner-level segment reads {@code contact.*} and
 *       tests contact-level segments only inside any_contact / all_contacts
 *       ({@code contact_property_outside_contact_scope}, {@code contact_segment_outside_contact_scope}),
 *       which do not nest ({@code nested_contact_scope}).</li>
 * </ul>
 * Archived properties are valid (lint warns). Cycles through in_segment are {@link SegmentGraph}'s.
 */
public final class ConditionValidator {

    private final SegmentLevel level;
    private final PropertySpecs specs;
    private final SegmentRefs segments;
    private final List<ConditionError> errors = new ArrayList<>();

    private ConditionValidator(SegmentLevel level, PropertySpecs specs, SegmentRefs segments) {
        this.level = level;
        this.specs = specs;
        this.segments = segments;
    }

    public static List<ConditionError> validate(Condition condition, SegmentLevel level, PropertySpecs specs,
                                                SegmentRefs segments, String pointerPrefix) {
        ConditionValidator validator = new ConditionValidator(level, specs, segments);
        String prefix = pointerPrefix == null ? "" : pointerPrefix;
        condition.walk((node, pointer, inContactScope) -> validator.check(node, prefix + pointer, inContactScope));
        return List.copyOf(validator.errors);
    }

    private void check(ConditionNode node, String pointer, boolean inContactScope) {
        if (node instanceof Comparison c) {
            comparison(c, pointer, inContactScope);
        } else if (node instanceof InSegment s) {
            segment(s, pointer, inContactScope);
        } else if (node instanceof AnyContact || node instanceof AllContacts) {
            String op = node instanceof AnyContact ? "any_contact" : "all_contacts";
            if (level == SegmentLevel.CONTACT) {
                error(JsonPointer.append(pointer, "op"), ConditionError.CONTACT_SCOPE_NOT_ALLOWED,
                        op + " is for partner-level segments; a contact-level segment tests its contact directly");
            } else if (inContactScope) {
                error(JsonPointer.append(pointer, "op"), ConditionError.NESTED_CONTACT_SCOPE,
                        op + " cannot sit inside any_contact or all_contacts");
            }
        }
    }

    private void segment(InSegment s, String pointer, boolean inContactScope) {
        String segmentPointer = JsonPointer.append(pointer, "segment");
        Optional<SegmentLevel> referenced = segments.levelOf(s.segmentId());
        if (referenced.isEmpty()) {
            error(segmentPointer, ConditionError.UNKNOWN_SEGMENT, "no segment " + ConditionParser.abbreviate(s.segmentId()));
        } else if (level == SegmentLevel.PARTNER && referenced.get() == SegmentLevel.CONTACT && !inContactScope) {
            error(segmentPointer, ConditionError.CONTACT_SEGMENT_OUTSIDE_CONTACT_SCOPE,
                    "a partner-level segment tests a contact-level segment only inside any_contact or all_contacts");
        }
    }

    private void comparison(Comparison c, String pointer, boolean inContactScope) {
        String propertyPointer = JsonPointer.append(pointer, "property");
        Optional<PropertySpec> found = specs.find(c.property());
        if (found.isEmpty()) {
            error(propertyPointer, ConditionError.UNKNOWN_PROPERTY, "no property " + c.property().qualified());
            return;
        }
        PropertySpec spec = found.get();
        if (level == SegmentLevel.PARTNER && c.property().scope() == Scope.CONTACT && !inContactScope) {
            error(propertyPointer, ConditionError.CONTACT_PROPERTY_OUTSIDE_CONTACT_SCOPE,
                    "a partner-level segment reads contact properties only inside any_contact or all_contacts");
        }
        ValueType type = spec.type();
        if (!Operator.allowedFor(type).contains(c.op())) {
            error(JsonPointer.append(pointer, "op"), ConditionError.OPERATOR_NOT_ALLOWED,
                    c.op().jsonName() + " does not apply to " + type.jsonName() + " property " + c.property().qualified());
            return;
        }
        if (c.ignoreCase() && !(type.isText() && c.op().operands() != Operator.Operands.NONE)) {
            error(JsonPointer.append(pointer, "ignoreCase"), ConditionError.IGNORE_CASE_NOT_ALLOWED,
                    "ignoreCase applies to string and url comparisons only");
        }
        if (c.op().operands() == Operator.Operands.RELATIVE) {
            return; // N and unit were checked by the parser and do not depend on the type
        }
        for (int i = 0; i < c.operands().size(); i++) {
            operand(c, spec, c.operands().get(i), c.operandPointer(pointer, i));
        }
        if (c.op() == Operator.BETWEEN && errorsFree(c, spec) && !ascending(c, type)) {
            error(JsonPointer.append(pointer, "values"), ConditionError.INVALID_RANGE,
                    "between takes [lo, hi] with lo ≤ hi");
        }
    }

    private void operand(Comparison c, PropertySpec spec, Object operand, String pointer) {
        ValueType type = spec.type();
        switch (type) {
            case STRING, URL, USER -> {
                if (!(operand instanceof String s)) {
                    wrongType(pointer, type, "a string");
                } else if (c.op() == Operator.MATCHES) {
                    regex(s, pointer);
                }
            }
            case ENUM, MULTI_ENUM -> {
                if (!(operand instanceof String s)) {
                    wrongType(pointer, type, "an option key (a string)");
                } else if (!spec.optionKeys().contains(s)) {
                    error(pointer, ConditionError.UNKNOWN_OPTION, ConditionParser.abbreviate(s) + " is not an option key of "
                            + c.property().qualified() + " (options are matched by key, not label)");
                }
            }
            case NUMBER -> {
                if (!(operand instanceof BigDecimal)) {
                    wrongType(pointer, type, "a JSON number");
                }
            }
            case DATE, DATETIME -> {
                if (!(operand instanceof String s) || TimeOperand.parse(s, type).isEmpty()) {
                    wrongType(pointer, type, type == ValueType.DATE ? "an ISO-8601 date like 2026-03-01"
                            : "an ISO-8601 date or UTC datetime like 2026-03-01T09:30:00Z");
                }
            }
            case BOOLEAN -> wrongType(pointer, type, "no operand");
        }
    }

    private boolean errorsFree(Comparison c, PropertySpec spec) {
        for (Object operand : c.operands()) {
            boolean ok = switch (spec.type()) {
                case NUMBER -> operand instanceof BigDecimal;
                case DATE, DATETIME -> operand instanceof String s && TimeOperand.parse(s, spec.type()).isPresent();
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascending(Comparison c, ValueType type) {
        Object lo = c.operands().get(0);
        Object hi = c.operands().get(1);
        if (type == ValueType.NUMBER) {
            return ((BigDecimal) lo).compareTo((BigDecimal) hi) <= 0;
        }
        TimeOperand from = TimeOperand.parse((String) lo, type).orElseThrow();
        TimeOperand to = TimeOperand.parse((String) hi, type).orElseThrow();
        if (type == ValueType.DATE) {
            return !from.day().isAfter(to.day());
        }
        // a day operand covers the whole day, so [2026-03-01T10:00Z, 2026-03-01] is a valid range
        return to.isDay() ? from.start().isBefore(to.endExclusive()) : !from.start().isAfter(to.instant());
    }

    private void regex(String regex, String pointer) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            error(pointer, ConditionError.INVALID_REGEX, "not a valid RE2 regular expression: " + e.getDescription());
        }
    }

    private void wrongType(String pointer, ValueType type, String expected) {
        error(pointer, ConditionError.WRONG_VALUE_TYPE, "a " + type.jsonName() + " property compares with " + expected);
    }

    private void error(String pointer, String code, String message) {
        errors.add(new ConditionError(pointer, code, message));
    }

}
