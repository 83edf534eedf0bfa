package io.partnerportal.partners.domain;

import java.util.Map;
import java.util.UUID;

/**
 * One data row of an import file, already mapped to the shape of an edit.
 *
 * @param line          the row's line in the file (the header is line 1 in a CSV file)
 * @param id            the record's id when the file names it, else null
 * @param edit          the values of the row (empty cells are absent: an import never unsets by omission)
 * @param partnerCrmIds contacts only: the CRM ids of the contact's partner, when the file names it that way
 */
public record ImportRow(long line, UUID id, RecordEdit edit, Map<String, String> partnerCrmIds) {

    public ImportRow {
        partnerCrmIds = Map.copyOf(partnerCrmIds);
    }
}
