package io.partnerportal.partners.application;

import io.partnerportal.common.FieldError;
import io.partnerportal.common.JsonPointer;
import io.partnerportal.partners.api.PropertyDefinition;
import io.partnerportal.partners.api.PropertyLevel;
import io.partnerportal.partners.application.port.ImportJobStore.LineError;
import io.partnerportal.partners.domain.DirectoryRules;
import io.partnerportal.partners.domain.ImportRow;
import io.partnerportal.partners.domain.LevelCatalogue;
import io.partnerportal.partners.domain.PropertyValues;
import io.partnerportal.partners.domain.RecordEdit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Maps the rows of an import file to edits. CSV columns: {@code id}; the record's fields
 * ({@code name}, {@code website}; {@code partnerId}, {@code email}, {@code firstName}, {@code lastName},
 * {@code portalStatus}, {@code role}); {@code crmId.<system>}; for contacts {@code partnerCrmId.<system>};
 * every other column is a property key. An empty cell changes nothing. NDJSON lines are objects shaped
 * like the create request ({@code crmIds}, {@code properties}, {@code partnerCrmIds} objects), where
 * {@code null} unsets.
 */
final class ImportRows {

    static final String CRM_PREFIX = "crmId.";
    static final String PARTNER_CRM_PREFIX = "partnerCrmId.";
    private static final Set<String> READ_ONLY_MEMBERS = Set.of("version", "createdAt", "updatedAt", "lastLogin");

    private final PropertyLevel level;
    private final List<String> header;
    private final LevelCatalogue catalogue;

    private ImportRows(PropertyLevel level, List<String> header, LevelCatalogue catalogue) {
        this.level = level;
        this.header = header;
        this.catalogue = catalogue;
    }

    /** A header problem: nothing in the file can be imported. */
    static final class HeaderError extends Exception {
        final List<LineError> errors;

        HeaderError(List<LineError> errors) {
            super(errors.size() == 1 ? errors.get(0).message() : errors.size() + " problems in the header");
            this.errors = errors;
        }
    }

    /** A row that cannot even be mapped (bad JSON, wrong number of cells). */
    static final class RowError extends Exception {
        final List<FieldError> errors;

        RowError(List<FieldError> errors) {
            super(errors.get(0).message());
            this.errors = errors;
        }
    }

    static Set<String> fields(PropertyLevel level) {
        return level == PropertyLevel.PARTNER ? DirectoryRules.PARTNER_FIELDS : DirectoryRules.CONTACT_FIELDS;
    }

    static ImportRows csv(PropertyLevel level, List<String> rawHeader, LevelCatalogue catalogue) throws HeaderError {
        List<String> header = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean hasIdentity = false;
        for (int i = 0; i < rawHeader.size(); i++) {
            String column = rawHeader.get(i).trim();
            if (i == 0 && column.startsWith("\uFEFF")) {
                column = column.substring(1);
            }
            header.add(column);
            if (column.isEmpty()) {
                errors.add(new LineError(1, "column " + (i + 1), "a column has no name"));
                continue;
            }
            if (!seen.add(column)) {
                errors.add(new LineError(1, column, "the column appears twice"));
                continue;
            }
            if (column.equals("id") || fields(level).contains(column)) {
                hasIdentity |= !column.equals("role") && !column.equals("portalStatus");
                continue;
            }
            if (column.startsWith(CRM_PREFIX) || (level == PropertyLevel.CONTACT && column.startsWith(PARTNER_CRM_PREFIX))) {
                hasIdentity |= column.startsWith(CRM_PREFIX);
                continue;
            }
            Optional<PropertyDefinition> def = catalogue.find(column);
            if (def.isEmpty()) {
                errors.add(new LineError(1, column, "'" + column + "' is neither a field nor a " + level.prefix()
                        + " property"));
            } else if (def.get().isSystem()) {
                errors.add(new LineError(1, column, "'" + column + "' is a system property; use the field column ("
                        + String.join(", ", fields(level)) + ")"));
            }
        }
        if (!hasIdentity && errors.isEmpty()) {
            errors.add(new LineError(1, null, level == PropertyLevel.PARTNER
                    ? "the file needs a name, id or crmId.<system> column"
                    : "the file needs an email, id or crmId.<system> column"));
        }
        if (!errors.isEmpty()) {
            throw new HeaderError(errors);
        }
        return new ImportRows(level, header, catalogue);
    }

    ImportRow fromCsv(long line, List<String> cells) throws RowError {
        if (cells.size() != header.size()) {
            throw new RowError(List.of(FieldError.at("", "wrong_cell_count", "the row has " + cells.size()
                    + " cells, the header " + header.size())));
        }
        UUID id = null;
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Object> crmIds = new LinkedHashMap<>();
        Map<String, String> partnerCrmIds = new LinkedHashMap<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String column = header.get(i);
            String cell = cells.get(i);
            if (cell.isBlank()) {
                continue;
            }
            if (column.equals("id")) {
                id = DirectoryRules.parseId(cell.trim()).orElse(null);
                if (id == null) {
                    errors.add(FieldError.at("/id", "invalid_id", "'" + cell + "' is not a record id"));
                }
            } else if (fields(level).contains(column)) {
                fields.put(column, cell);
            } else if (column.startsWith(CRM_PREFIX)) {
                crmIds.put(column.substring(CRM_PREFIX.length()), cell);
            } else if (column.startsWith(PARTNER_CRM_PREFIX)) {
                partnerCrmIds.put(column.substring(PARTNER_CRM_PREFIX.length()), cell.trim());
            } else {
                PropertyDefinition def = catalogue.find(column).orElseThrow();
                properties.put(column, PropertyValues.fromText(def.type(), cell));
            }
        }
        return new ImportRow(line, id, new RecordEdit(fields, crmIds, properties, errors), partnerCrmIds);
    }

    @SuppressWarnings("unchecked")
    static ImportRow fromJson(PropertyLevel level, long line, Object json) throws RowError {
        if (!(json instanceof Map<?, ?> raw)) {
            throw new RowError(List.of(FieldError.at("", "wrong_type", "each line must be one JSON object")));
        }
        Map<String, Object> object = (Map<String, Object>) raw;
        UUID id = null;
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Object> crmIds = new LinkedHashMap<>();
        Map<String, String> partnerCrmIds = new LinkedHashMap<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object.entrySet()) {
            String member = e.getKey();
            Object value = e.getValue();
            String pointer = JsonPointer.of(member);
            if (member.equals("id")) {
                id = value instanceof String s ? DirectoryRules.parseId(s).orElse(null) : null;
                if (id == null && value != null) {
                    errors.add(FieldError.at(pointer, "invalid_id", "id is not a record id"));
                }
            } else if (fields(level).contains(member)) {
                fields.put(member, value);
            } else if (member.equals("crmIds") || member.equals("properties")
                    || (member.equals("partnerCrmIds") && level == PropertyLevel.CONTACT)) {
                if (value == null) {
                    continue;
                }
                if (!(value instanceof Map<?, ?> m)) {
                    errors.add(FieldError.at(pointer, "wrong_type", member + " must be an object"));
                    continue;
                }
                Map<String, Object> members = (Map<String, Object>) m;
                if (member.equals("crmIds")) {
                    crmIds.putAll(members);
                } else if (member.equals("properties")) {
                    properties.putAll(members);
                } else {
                    members.forEach((k, v) -> {
                        if (v instanceof String s && !s.isBlank()) {
                            partnerCrmIds.put(k, s.trim());
                        } else {
                            errors.add(FieldError.at(JsonPointer.of("partnerCrmIds", k), "wrong_type",
                                    "a CRM id is a non-empty string"));
                        }
                    });
                }
            } else if (!READ_ONLY_MEMBERS.contains(member)) {
                errors.add(FieldError.at(pointer, "unknown_field", "'" + member + "' is not a member of a "
                        + level.prefix()));
            }
        }
        return new ImportRow(line, id, new RecordEdit(fields, crmIds, properties, errors), partnerCrmIds);
    }
}
