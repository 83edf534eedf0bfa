package io.partnerportal.partners.api;

/** One option of an enum or multi_enum property: a stable key (used in conditions) and a label. */
public record PropertyOption(String key, String label) {
}
