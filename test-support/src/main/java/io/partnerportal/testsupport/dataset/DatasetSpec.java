package io.partnerportal.testsupport.dataset;

import java.time.LocalDate;

/**
 * What to generate. The same spec always yields the same dataset (ids, values, segments), so
 * figures measured on it can be compared between runs and machines.
 *
 * @param partners           partner companies
 * @param contactsPerPartner average contacts per partner (the total is exactly partners × this)
 * @param segments           segments to define (mixed levels, depths 1–4)
 * @param seed               the seed of every random choice
 * @param anchor             the day the data is generated "as of": dates lie around it, so a run on
 *                           another day sees the same values (relative-date segments drift slowly)
 */
public record DatasetSpec(int partners, int contactsPerPartner, int segments, long seed, LocalDate anchor) {

    /** The reference dataset of docs/benchmarks.md: 100,000 partners, 1,000,000 contacts, 1,000 segments. */
    public static final int REFERENCE_PARTNERS = 100_000;
    public static final LocalDate DEFAULT_ANCHOR = LocalDate.of(2026, 11, 20);
    public static final long DEFAULT_SEED = 20_261_120L;

    public DatasetSpec {
        if (partners < 10) {
            throw new IllegalArgumentException("at least 10 partners");
        }
        if (contactsPerPartner < 1 || contactsPerPartner > 1_000) {
            throw new IllegalArgumentException("contactsPerPartner between 1 and 1,000");
        }
        if (segments < 0 || segments > 10_000) {
            throw new IllegalArgumentException("segments between 0 and 10,000");
        }
        if (anchor == null) {
            throw new IllegalArgumentException("anchor is required");
        }
    }

    /** {@code partners} partners with 10 contacts each on average and 1,000 segments. */
    public static DatasetSpec of(int partners) {
        return new DatasetSpec(partners, 10, 1_000, DEFAULT_SEED, DEFAULT_ANCHOR);
    }

    public static DatasetSpec reference() {
        return of(REFERENCE_PARTNERS);
    }

    public DatasetSpec withSegments(int count) {
        return new DatasetSpec(partners, contactsPerPartner, count, seed, anchor);
    }

    public long contacts() {
        return (long) partners * contactsPerPartner;
    }

    /**
     * Contacts of the one very large partner (partner 0): 10,000 when the dataset is big enough
     * (P2b and P4 measure it), else a tenth of all contacts.
     */
    public int bigPartnerContacts() {
        return (int) Math.min(10_000, contacts() / 10);
    }

    /** A short name for logs and database comments: "100000p-10c-1000s-seed20261120". */
    public String label() {
        return partners + "p-" + contactsPerPartner + "c-" + segments + "s-seed" + seed + "-" + anchor;
    }
}
