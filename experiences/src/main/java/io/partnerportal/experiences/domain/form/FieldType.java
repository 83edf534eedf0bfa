package io.partnerportal.experiences.domain.form;

/** The kinds of form fields, and which property types a field's value may be written to. */
public enum FieldType {
    TEXT, TEXTAREA, EMAIL, NUMBER, CHECKBOX, DATE, SELECT, MULTI_SELECT;

    public String jsonName() {
        return name().toLowerCase();
    }

    public static FieldType fromJson(String name) {
        for (FieldType t : values()) {
            if (t.jsonName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    public boolean hasOptions() {
        return this == SELECT || this == MULTI_SELECT;
    }

    /** Whether a submitted value of this field fits a property of the given catalogue type. */
    public boolean fits(String propertyType) {
        return switch (this) {
            case TEXT, TEXTAREA -> propertyType.equals("string") || propertyType.equals("url");
            case EMAIL -> propertyType.equals("string");
            case NUMBER -> propertyType.equals("number");
            case CHECKBOX -> propertyType.equals("boolean");
            case DATE -> propertyType.equals("date");
            case SELECT -> propertyType.equals("enum") || propertyType.equals("string");
            case MULTI_SELECT -> propertyType.equals("multi_enum");
        };
    }
}
