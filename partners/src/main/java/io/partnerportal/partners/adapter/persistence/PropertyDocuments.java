package io.partnerportal.partners.adapter.persistence;

import io.partnerportal.common.jdbc.Jsonb;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.domain.DirectoryQuery;
import io.partnerportal.partners.domain.Json;
import io.partnerportal.partners.domain.PropertyValues;
import io.partnerportal.partners.domain.ValueTypes;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A record's property values as one JSONB document (docs/adr/0003): typed values are written in
 * their JSON form and read back typed by the catalogue's type of each key.
 */
@Singleton
class PropertyDocuments {

    private final ValueTypes types;

    PropertyDocuments(ValueTypes types) {
        this.types = types;
    }

    Jsonb write(Map<String, Object> values) {
        Map<String, Object> json = new TreeMap<>();
        values.forEach((k, v) -> json.put(k, PropertyValues.toJson(v)));
        return new Jsonb(Json.write(json));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> read(PropertyLevel level, String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> json = (Map<String, Object>) Json.parse(text);
        Map<String, Object> typed = new LinkedHashMap<>();
        json.forEach((k, v) -> {
            if (v != null) {
                typed.put(k, PropertyValues.fromJson(types.typeOf(level, k).orElse(null), v));
            }
        });
        return typed;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> crmIds(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        Map<String, String> ids = new TreeMap<>();
        ((Map<String, Object>) Json.parse(text)).forEach((k, v) -> ids.put(k, String.valueOf(v)));
        return ids;
    }

    /**
     * The SQL condition of property filters (every filter must match; a filter matches one of its
     * values), appending its parameters. Uses JSONB containment, which the GIN indexes serve.
     */
    static String filterSql(String alias, List<DirectoryQuery.Filter> filters, Map<String, String> systemColumns,
                            List<Object> params) {
        List<String> conditions = new ArrayList<>();
        for (DirectoryQuery.Filter f : filters) {
            if (f.system()) {
                conditions.add(alias + "." + systemColumns.get(f.key()) + " = ANY(?)");
                params.add(f.values().stream().map(String::valueOf).toArray(String[]::new));
                continue;
            }
            List<String> any = new ArrayList<>();
            for (Object value : f.values()) {
                any.add(alias + ".properties @> ?");
                Object member = f.type() == io.partnerportal.partners.api.PropertyType.MULTI_ENUM ? List.of(value) : value;
                params.add(new Jsonb(Json.write(Map.of(f.key(), member))));
            }
            conditions.add("(" + String.join(" OR ", any) + ")");
        }
        return String.join(" AND ", conditions);
    }

    /** A LIKE pattern matching the text anywhere, with LIKE's wildcards escaped. */
    static String containsPattern(String text) {
        return "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
