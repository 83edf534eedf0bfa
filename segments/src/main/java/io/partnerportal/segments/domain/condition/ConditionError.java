package io.partnerportal.segments.domain.condition;

import java.util.Objects;

/**
 * Why a condition is refused (422). {@code pointer} is a JSON pointer (RFC 6901) into the request
 * body, built from the prefix the caller passed ({@code /condition/all/2/values/0}); {@code code}
 * is stable and documented here; {@code message} is for humans and may change.
 */
public record ConditionError(String pointer, String code, String message) {

    // --- structure (ConditionParser) ---
    /** A node or field has the wrong JSON type, or an operand the wrong type for the property. */
    public static final String WRONG_VALUE_TYPE = "wrong_value_type";
    /** A field the node needs is missing (op, property, value(s), unit, segment, where, ...). */
    public static final String REQUIRED = "required";
    /** A field the node does not take (including value and values together). */
    public static final String UNKNOWN_FIELD = "unknown_field";
    /** {@code op} is not an operator of the language. */
    public static final String UNKNOWN_OPERATOR = "unknown_operator";
    /** {@code all} / {@code any} with an empty list. */
    public static final String EMPTY_GROUP = "empty_group";
    /** {@code values} is an empty list. */
    public static final String EMPTY_VALUES = "empty_values";
    /** Right JSON type, unusable content: an empty string operand, a bad unit, N not an integer 0..100000. */
    public static final String INVALID_VALUE = "invalid_value";
    /** {@code between} needs exactly {@code [lo, hi]} with lo ≤ hi. */
    public static final String INVALID_RANGE = "invalid_range";
    public static final String TOO_DEEP = "too_deep";
    public static final String TOO_MANY_LEAVES = "too_many_leaves";
    public static final String TOO_MANY_VALUES = "too_many_values";
    public static final String STRING_TOO_LONG = "string_too_long";
    public static final String REGEX_TOO_LONG = "regex_too_long";
    /** More errors than the parser reports in one answer; the rest of the input was not examined. */
    public static final String TOO_MANY_ERRORS = "too_many_errors";

    // --- meaning (ConditionValidator, SegmentGraph) ---
    /** Not {@code partner.<key>} / {@code contact.<key>}, or not in the catalogue. */
    public static final String UNKNOWN_PROPERTY = "unknown_property";
    /** The operator is not in the contract's table for the property's type. */
    public static final String OPERATOR_NOT_ALLOWED = "operator_not_allowed";
    /** An enum / multi_enum operand that is not an option key of the property. */
    public static final String UNKNOWN_OPTION = "unknown_option";
    /** {@code ignoreCase: true} on anything but a string or url operator with operands. */
    public static final String IGNORE_CASE_NOT_ALLOWED = "ignore_case_not_allowed";
    /** A {@code matches} operand that RE2/J cannot compile. */
    public static final String INVALID_REGEX = "invalid_regex";
    public static final String UNKNOWN_SEGMENT = "unknown_segment";
    /** A partner-level segment reads {@code contact.*} outside any_contact / all_contacts. */
    public static final String CONTACT_PROPERTY_OUTSIDE_CONTACT_SCOPE = "contact_property_outside_contact_scope";
    /** A partner-level segment tests a contact-level segment outside any_contact / all_contacts. */
    public static final String CONTACT_SEGMENT_OUTSIDE_CONTACT_SCOPE = "contact_segment_outside_contact_scope";
    /** any_contact / all_contacts in a contact-level segment. */
    public static final String CONTACT_SCOPE_NOT_ALLOWED = "contact_scope_not_allowed";
    /** any_contact / all_contacts inside another one. */
    public static final String NESTED_CONTACT_SCOPE = "nested_contact_scope";
    /** {@code in_segment} references that loop back to the segment itself. */
    public static final String CYCLE = "cycle";

    public ConditionError {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
