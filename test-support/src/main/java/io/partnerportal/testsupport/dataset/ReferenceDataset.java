package io.partnerportal.testsupport.dataset;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The seeded, reproducible reference dataset: partners with a skewed number of contacts (one partner
 * with 10,000, a few with thousands, most with a handful, some with none), values for the 60
 * properties of {@link ReferenceCatalogue}, and segment definitions of mixed levels and depths 1–4
 * with a few {@code in_segment} references and some {@code any_contact} / {@code all_contacts}.
 * <p>
 * Every record is derived from the seed and its own index only, so any slice can be generated on its
 * own (in parallel) and the same spec always yields the same ids and values. Rows come out in
 * PostgreSQL's COPY text format for {@link DatasetLoader}.
 */
public final class ReferenceDataset {

    private static final long PARTNER_ID = 1;
    private static final long PARTNER_VALUES = 2;
    private static final long CONTACT_ID = 3;
    private static final long CONTACT_VALUES = 4;
    private static final long SIZES = 5;
    private static final long SEGMENTS = 6;

    /** Properties most segments are written over (weighted five times when a leaf picks a property). */
    private static final List<String> POPULAR = List.of("partner.tier", "partner.country", "partner.type",
            "partner.onboarding_phase", "partner.certified", "partner.region", "partner.industry",
            "partner.employee_count", "partner.specializations", "contact.role", "contact.certified",
            "contact.portal_status", "contact.language", "contact.department", "contact.seniority",
            "contact.last_login", "contact.certifications");

    private final DatasetSpec spec;
    private final List<PropertyModel> properties = ReferenceCatalogue.all();
    private final List<PropertyModel> partnerValues = new ArrayList<>();
    private final List<PropertyModel> contactValues = new ArrayList<>();
    private final int[] sizes;
    private final long[] firstContact;

    public ReferenceDataset(DatasetSpec spec) {
        this.spec = spec;
        for (PropertyModel p : properties) {
            if (!p.system) {
                ("partner".equals(p.level) ? partnerValues : contactValues).add(p);
            }
        }
        this.sizes = partnerSizes(spec);
        this.firstContact = new long[sizes.length + 1];
        for (int i = 0; i < sizes.length; i++) {
            firstContact[i + 1] = firstContact[i] + sizes[i];
        }
    }

    public DatasetSpec spec() {
        return spec;
    }

    public List<PropertyModel> properties() {
        return properties;
    }

    /** Properties to add to the catalogue (everything that is not built in). */
    public List<PropertyModel> catalogueAdditions() {
        return properties.stream().filter(p -> !p.builtIn).toList();
    }

    // ------------------------------------------------------------------ partners and their sizes

    public int partnerCount() {
        return sizes.length;
    }

    public int contactsOf(int partner) {
        return sizes[partner];
    }

    /** Global index of the partner's first contact. */
    public long firstContactOf(int partner) {
        return firstContact[partner];
    }

    /** The partner with {@link DatasetSpec#bigPartnerContacts()} contacts. */
    public int bigPartner() {
        return 0;
    }

    public UUID partnerId(int partner) {
        return uuid(mix(spec.seed(), PARTNER_ID, partner));
    }

    public UUID contactId(long contact) {
        return uuid(mix(spec.seed(), CONTACT_ID, contact));
    }

    /** The partner index of a contact (binary search over the prefix sums). */
    public int partnerOfContact(long contact) {
        int lo = 0;
        int hi = sizes.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (firstContact[mid] <= contact) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * Contacts per partner: partner 0 has {@link DatasetSpec#bigPartnerContacts()}, about one in
     * 10,000 has a thousand or more, 3 % have none, the rest follow a log-normal curve; the total
     * is exactly {@code partners × contactsPerPartner}.
     */
    static int[] partnerSizes(DatasetSpec spec) {
        SplittableRandom r = new SplittableRandom(mix(spec.seed(), SIZES, 0));
        int n = spec.partners();
        long total = spec.contacts();
        int[] sizes = new int[n];
        sizes[0] = spec.bigPartnerContacts();
        long assigned = sizes[0];
        int large = Math.max(1, n / 10_000);
        for (int i = 1; i <= large && i < n; i++) {
            sizes[i] = (int) Math.min(1_000 + r.nextInt(4_001), total / 50);
            assigned += sizes[i];
        }
        long remaining = total - assigned;
        int rest = n - 1 - large;
        double mean = (double) remaining / Math.max(1, rest);
        double sigma = 0.9;
        double mu = Math.log(mean) - sigma * sigma / 2;
        double[] raw = new double[n];
        double sum = 0;
        for (int i = large + 1; i < n; i++) {
            raw[i] = r.nextDouble() < 0.03 ? 0 : Math.exp(mu + sigma * PropertyModel.gaussian(r));
            sum += raw[i];
        }
        long placed = 0;
        for (int i = large + 1; i < n; i++) {
            sizes[i] = (int) Math.min(900, Math.round(raw[i] * remaining / Math.max(1e-9, sum)));
            placed += sizes[i];
        }
        // settle the rounding: add to or take from random ordinary partners until the total is exact
        long diff = remaining - placed;
        while (diff != 0 && rest > 0) {
            int i = large + 1 + r.nextInt(rest);
            if (diff > 0 && sizes[i] < 900) {
                sizes[i]++;
                diff--;
            } else if (diff < 0 && sizes[i] > 0) {
                sizes[i]--;
                diff++;
            }
        }
        return sizes;
    }

    // ------------------------------------------------------------------ rows (COPY text format)

    /** Columns of {@code partners.partner} in the order {@link #partnerRow} writes them. */
    public static final String PARTNER_COLUMNS = "id, name, website, properties, version, created_at, updated_at";
    /** Columns of {@code partners.contact} in the order {@link #contactRow} writes them. */
    public static final String CONTACT_COLUMNS = "id, partner_id, email, first_name, last_name, portal_status, "
            + "last_login, role, properties, version, created_at, updated_at";

    /** Appends the partner's row (tab-separated, newline-terminated). */
    public void partnerRow(int partner, StringBuilder out) {
        SplittableRandom r = new SplittableRandom(mix(spec.seed(), PARTNER_VALUES, partner));
        String name = ReferenceCatalogue.companyName(r);
        Instant created = Instant.parse((String) ReferenceCatalogue.PARTNER_CREATED.sample(r, spec.anchor()));
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertyModel p : partnerValues) {
            Object v = p.value(r, spec.anchor());
            if (v != null) {
                values.put(p.key, v);
            }
        }
        out.append(partnerId(partner)).append('\t');
        text(out, name).append('\t');
        if (r.nextDouble() < 0.9) {
            out.append("https://").append(domain(name, partner));
        } else {
            out.append("\\N");
        }
        out.append('\t');
        json(out, values).append('\t');
        out.append("1\t").append(created).append('\t').append(updated(r, created)).append('\n');
    }

    /** Appends the row of contact {@code contact} (a global index) of partner {@code partner}. */
    public void contactRow(int partner, long contact, StringBuilder out) {
        SplittableRandom r = new SplittableRandom(mix(spec.seed(), CONTACT_VALUES, contact));
        String first = r.nextDouble() < 0.98 ? ReferenceCatalogue.skewed(r, ReferenceCatalogue.FIRST) : null;
        String last = r.nextDouble() < 0.98 ? ReferenceCatalogue.skewed(r, ReferenceCatalogue.LAST) : null;
        String status = (String) ReferenceCatalogue.PORTAL_STATUS.sample(r, spec.anchor());
        String lastLogin = "invited".equals(status) ? null
                : (String) ReferenceCatalogue.LAST_LOGIN.value(r, spec.anchor());
        String role = (String) ReferenceCatalogue.ROLE.sample(r, spec.anchor());
        Instant created = Instant.parse((String) ReferenceCatalogue.CONTACT_CREATED.sample(r, spec.anchor()));
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertyModel p : contactValues) {
            Object v = p.value(r, spec.anchor());
            if (v != null) {
                values.put(p.key, v);
            }
        }
        out.append(contactId(contact)).append('\t').append(partnerId(partner)).append('\t');
        out.append(local(first, "contact")).append('.').append(local(last, "x")).append('.').append(contact)
                .append("@p").append(partner).append(".example").append('\t');
        nullable(out, first).append('\t');
        nullable(out, last).append('\t');
        out.append(status).append('\t');
        out.append(lastLogin == null ? "\\N" : lastLogin).append('\t');
        out.append(role).append('\t');
        json(out, values).append('\t');
        out.append("1\t").append(created).append('\t').append(updated(r, created)).append('\n');
    }

    private Instant updated(SplittableRandom r, Instant created) {
        Instant end = spec.anchor().atStartOfDay().toInstant(ZoneOffset.UTC);
        long span = Math.max(0, end.getEpochSecond() - created.getEpochSecond());
        return created.plusSeconds(span == 0 ? 0 : (long) (span * r.nextDouble()));
    }

    private static String domain(String name, int partner) {
        return name.toLowerCase().replaceAll("[^a-z]", "") + partner + ".example";
    }

    private static String local(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        String s = name.toLowerCase().replaceAll("[^a-z]", "");
        return s.isEmpty() ? fallback : s;
    }

    // ------------------------------------------------------------------ segments

    /**
     * A segment to create: its condition refers to earlier segments as {@code "@segment:<index>"},
     * which the loader replaces with the id the API gave that segment.
     */
    public record SegmentDefinition(int index, String name, String level, Map<String, Object> condition) {
    }

    public static final String SEGMENT_REF = "@segment:";

    /**
     * {@link DatasetSpec#segments()} dynamic segments: 45 % partner-level, 55 % contact-level;
     * nesting depth 1 (20 %), 2 (40 %), 3 (27 %), 4 (13 %), mostly conjunctions (an admin narrows an
     * audience down: "gold resellers in EMEA"); about 3 % refer to an earlier segment
     * ({@code in_segment} / {@code not_in_segment}); of the partner-level ones about 7 % look at
     * their contacts ({@code any_contact}, a few {@code all_contacts}).
     */
    public List<SegmentDefinition> segments() {
        List<SegmentDefinition> out = new ArrayList<>();
        List<PropertyModel> partnerProps = properties.stream().filter(p -> "partner".equals(p.level)).toList();
        List<PropertyModel> contactProps = properties.stream().filter(p -> "contact".equals(p.level)).toList();
        for (int i = 0; i < spec.segments(); i++) {
            SplittableRandom r = new SplittableRandom(mix(spec.seed(), SEGMENTS, i));
            boolean partnerLevel = r.nextDouble() < 0.45;
            double d = r.nextDouble();
            int depth = d < 0.2 ? 1 : d < 0.6 ? 2 : d < 0.87 ? 3 : 4;
            Leaves leaves = new Leaves(r, partnerProps, contactProps);
            Map<String, Object> condition = node(r, depth, leaves, partnerLevel ? Scope.PARTNER : Scope.CONTACT);
            if (partnerLevel && r.nextDouble() < 0.07) {
                Map<String, Object> scope = new LinkedHashMap<>();
                scope.put("op", r.nextDouble() < 0.8 ? "any_contact" : "all_contacts");
                scope.put("where", node(r, 1 + r.nextInt(2), leaves, Scope.CONTACTS_OF_PARTNER));
                condition = depth == 1 ? scope : Map.of("all", List.of(condition, scope));
            }
            if (i >= 10 && r.nextDouble() < 0.03) {
                int target = pickReference(r, out, partnerLevel);
                if (target >= 0) {
                    Map<String, Object> ref = new LinkedHashMap<>();
                    ref.put("op", r.nextDouble() < 0.8 ? "in_segment" : "not_in_segment");
                    ref.put("segment", SEGMENT_REF + target);
                    condition = Map.of("all", List.of(ref, condition));
                }
            }
            String level = partnerLevel ? "partner" : "contact";
            out.add(new SegmentDefinition(i, String.format("Segment %04d (%s, depth %d)", i, level, depth), level,
                    condition));
        }
        return out;
    }

    private static int pickReference(SplittableRandom r, List<SegmentDefinition> earlier, boolean partnerLevel) {
        for (int attempt = 0; attempt < 20; attempt++) {
            SegmentDefinition candidate = earlier.get(r.nextInt(earlier.size()));
            // a partner-level condition may refer to partner-level segments only (outside any_contact)
            if (!partnerLevel || "partner".equals(candidate.level())) {
                return candidate.index();
            }
        }
        return -1;
    }

    private enum Scope { PARTNER, CONTACT, CONTACTS_OF_PARTNER }

    /** Picks properties for leaves: popular ones five times as often. */
    private static final class Leaves {
        final SplittableRandom r;
        final List<PropertyModel> partnerProps;
        final List<PropertyModel> contactProps;

        Leaves(SplittableRandom r, List<PropertyModel> partnerProps, List<PropertyModel> contactProps) {
            this.r = r;
            this.partnerProps = partnerProps;
            this.contactProps = contactProps;
        }

        PropertyModel pick(List<PropertyModel> from) {
            double total = 0;
            for (PropertyModel p : from) {
                total += weight(p);
            }
            double x = r.nextDouble() * total;
            for (PropertyModel p : from) {
                x -= weight(p);
                if (x < 0) {
                    return p;
                }
            }
            return from.get(from.size() - 1);
        }

        static double weight(PropertyModel p) {
            return POPULAR.contains(p.qualified()) ? 5 : 1;
        }
    }

    private Map<String, Object> leaf(SplittableRandom r, Leaves leaves, Scope scope) {
        List<PropertyModel> from = switch (scope) {
            case PARTNER -> leaves.partnerProps;
            case CONTACT -> r.nextDouble() < 0.55 ? leaves.contactProps : leaves.partnerProps;
            case CONTACTS_OF_PARTNER -> leaves.contactProps;
        };
        return leaves.pick(from).leaf(r, spec.anchor());
    }

    private Map<String, Object> node(SplittableRandom r, int depth, Leaves leaves, Scope scope) {
        if (depth <= 1) {
            return leaf(r, leaves, scope);
        }
        return group(r, depth, leaves, scope, true);
    }

    /** Admins mostly narrow an audience down: the outer group is "all" five times out of six. */
    private Map<String, Object> group(SplittableRandom r, int depth, Leaves leaves, Scope scope, boolean outer) {
        int n = 2 + r.nextInt(outer ? 2 : 3);
        List<Object> children = new ArrayList<>();
        children.add(depth - 1 <= 1 ? leaf(r, leaves, scope) : group(r, depth - 1, leaves, scope, false));
        for (int i = 1; i < n; i++) {
            int childDepth = 1 + r.nextInt(depth - 1);
            Map<String, Object> child = childDepth <= 1 ? leaf(r, leaves, scope)
                    : group(r, childDepth, leaves, scope, false);
            if (childDepth <= depth - 2 && r.nextDouble() < 0.1) {
                child = Map.of("not", child);
            }
            children.add(child);
        }
        double all = outer ? 0.85 : 0.55;
        return Map.of(r.nextDouble() < all ? "all" : "any", children);
    }

    /** The condition with "@segment:N" references replaced by the created segments' ids. */
    @SuppressWarnings("unchecked")
    public static Object resolve(Object node, List<String> idsByIndex) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, resolve(v, idsByIndex)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(resolve(v, idsByIndex)));
            return out;
        }
        if (node instanceof String s && s.startsWith(SEGMENT_REF)) {
            return idsByIndex.get(Integer.parseInt(s.substring(SEGMENT_REF.length())));
        }
        return node;
    }

    // ------------------------------------------------------------------ helpers

    /** A well-mixed seed for (dataset seed, stream, index): SplitMix64 finalisation. */
    static long mix(long seed, long stream, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A version-4 UUID made of the seed's bits. */
    static UUID uuid(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    static StringBuilder nullable(StringBuilder out, String s) {
        return s == null ? out.append("\\N") : text(out, s);
    }

    /** A COPY text field: backslash, tab, newline and carriage return escaped. */
    static StringBuilder text(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    /** A JSON object of values (strings, numbers, booleans, string lists) as one COPY text field. */
    static StringBuilder json(StringBuilder out, Map<String, Object> values) {
        StringBuilder j = new StringBuilder(256).append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!first) {
                j.append(", ");
            }
            first = false;
            jsonString(j, e.getKey()).append(": ");
            jsonValue(j, e.getValue());
        }
        return text(out, j.append('}').toString());
    }

    private static void jsonValue(StringBuilder j, Object v) {
        if (v instanceof String s) {
            jsonString(j, s);
        } else if (v instanceof BigDecimal d) {
            j.append(d.toPlainString());
        } else if (v instanceof Number || v instanceof Boolean) {
            j.append(v);
        } else if (v instanceof Collection<?> c) {
            j.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    j.append(", ");
                }
                first = false;
                jsonValue(j, o);
            }
            j.append(']');
        } else if (v instanceof LocalDate || v instanceof Instant) {
            jsonString(j, v.toString());
        } else {
            throw new IllegalArgumentException("no JSON form for " + v);
        }
    }

    private static StringBuilder jsonString(StringBuilder j, String s) {
        j.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                j.append('\\').append(c);
            } else if (c < 0x20) {
                j.append(String.format("\\u%04x", (int) c));
            } else {
                j.append(c);
            }
        }
        return j.append('"');
    }
}
