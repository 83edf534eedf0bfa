package io.partnerportal.segments.application;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.NotFoundException;
import io.partnerportal.common.Page;
import io.partnerportal.common.PageRequest;
import io.partnerportal.segments.application.port.Directory;
import io.partnerportal.segments.application.port.MembershipStore;
import io.partnerportal.segments.application.port.SegmentStore;
import io.partnerportal.segments.domain.segment.Segment;
import io.partnerportal.segments.domain.SegmentLevel;
import io.partnerportal.segments.domain.condition.Values;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lists and exports the members of a segment with the names an admin recognises. */
@Singleton
public class MemberListing {

    static final int EXPORT_PAGE = 1000;

    private final SegmentStore store;
    private final MembershipStore memberships;
    private final Directory directory;

    MemberListing(SegmentStore store, MembershipStore memberships, Directory directory) {
        this.store = store;
        this.memberships = memberships;
        this.directory = directory;
    }

    /** A member: a partner (name, website) or a contact (e-mail, names, partner). */
    @Serdeable
    public record Member(String id, String type, String name, String email, String partnerId) {
    }

    /** What an export needs to fetch its pages. */
    public record Export(String segmentId, SegmentLevel level, String header) {
    }

    /** A page of CSV lines and the last member id in it. */
    public record ExportPage(List<String> lines, String last) {
    }

    @Transactional
    public Page<Member> members(String segmentId, String query, PageRequest page) {
        Segment segment = segment(segmentId);
        if (query == null || query.isBlank()) {
            Page<String> ids = memberships.members(segmentId, segment.level(), page);
            return Page.of(describe(segment.level(), ids.items()), page, ids.total());
        }
        String q = query.toLowerCase(Locale.ROOT);
        List<Member> matching = new ArrayList<>();
        List<String> all = new ArrayList<>(memberships.allMembers(segmentId, segment.level()));
        all.sort(null);
        for (int from = 0; from < all.size(); from += EXPORT_PAGE) {
            for (Member m : describe(segment.level(), all.subList(from, Math.min(all.size(), from + EXPORT_PAGE)))) {
                if (contains(m.name(), q) || contains(m.email(), q)) {
                    matching.add(m);
                }
            }
        }
        int start = (int) Math.min(page.offset(), matching.size());
        int end = Math.min(matching.size(), start + page.size());
        return Page.of(matching.subList(start, end), page, matching.size());
    }

    @Transactional
    public Export export(String segmentId) {
        Segment segment = segment(segmentId);
        String header = segment.level() == SegmentLevel.PARTNER ? "id,name,website\n"
                : "id,email,first_name,last_name,partner_id\n";
        return new Export(segmentId, segment.level(), header);
    }

    /** One page of the export, in its own short read-only transaction (a slow client holds nothing open). */
    @Transactional(readOnly = true)
    public ExportPage exportPage(Export export, String after) {
        List<String> ids = memberships.membersAfter(export.segmentId(), export.level(), after, EXPORT_PAGE);
        if (ids.isEmpty()) {
            return new ExportPage(List.of(), after);
        }
        Map<String, Values> records = new HashMap<>();
        (export.level() == SegmentLevel.PARTNER ? directory.partners(ids) : directory.contacts(ids))
                .forEach(v -> records.put(v.id(), v));
        List<String> lines = new ArrayList<>(ids.size());
        for (String id : ids) {
            Values v = records.get(id);
            if (v == null) {
                continue;
            }
            lines.add(export.level() == SegmentLevel.PARTNER
                    ? csv(id, v.value("name"), v.value("website"))
                    : csv(id, v.value("email"), v.value("first_name"), v.value("last_name"), partnerOf(id)));
        }
        return new ExportPage(lines, ids.get(ids.size() - 1));
    }

    private String partnerOf(String contactId) {
        return memberships.partnerOfContact(contactId);
    }

    List<Member> describe(SegmentLevel level, List<String> ids) {
        Map<String, Values> records = new HashMap<>();
        (level == SegmentLevel.PARTNER ? directory.partners(ids) : directory.contacts(ids))
                .forEach(v -> records.put(v.id(), v));
        List<Member> out = new ArrayList<>();
        for (String id : ids) {
            Values v = records.get(id);
            if (level == SegmentLevel.PARTNER) {
                out.add(new Member(id, "partner", v == null ? null : str(v.value("name")), null, id));
            } else {
                String name = v == null ? null : (str(v.value("first_name")) + " " + str(v.value("last_name"))).trim();
                out.add(new Member(id, "contact", name, v == null ? null : str(v.value("email")), partnerOf(id)));
            }
        }
        return out;
    }

    private Segment segment(String id) {
        return store.find(id).orElseThrow(() -> NotFoundException.of("Segment", id));
    }

    private static boolean contains(String text, String q) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(q);
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    /** RFC 4180: quote fields with commas, quotes or line breaks; neutralise spreadsheet formulas. */
    static String csv(Object... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String f = fields[i] == null ? "" : fields[i].toString();
            if (!f.isEmpty() && "=+-@".indexOf(f.charAt(0)) >= 0) {
                f = "'" + f;
            }
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                f = "\"" + f.replace("\"", "\"\"") + "\"";
            }
            line.append(f);
        }
        return line.append('\n').toString();
    }
}
