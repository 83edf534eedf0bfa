package io.partnerportal.bench;

import io.partnerportal.testsupport.dataset.DatasetSpec;

/** The dataset sizes benchmarks run at: 10k, 100k and 1M contacts, each with 1,000 segments. */
public enum Scale {
    C10K(1_000, "bench_10k"),
    C100K(10_000, "bench_100k"),
    C1M(DatasetSpec.REFERENCE_PARTNERS, "bench_ref");

    public final int partners;
    public final String database;

    Scale(int partners, String database) {
        this.partners = partners;
        this.database = database;
    }

    public long contacts() {
        return partners * 10L;
    }

    public DatasetSpec spec() {
        return DatasetSpec.of(partners);
    }

    public static Scale ofContacts(long contacts) {
        for (Scale s : values()) {
            if (s.contacts() == contacts) {
                return s;
            }
        }
        throw new IllegalArgumentException("no scale with " + contacts + " contacts (10000, 100000, 1000000)");
    }

    public static Scale parse(String name) {
        return switch (name.toLowerCase()) {
            case "10k", "c10k" -> C10K;
            case "100k", "c100k" -> C100K;
            case "1m", "c1m", "ref", "reference" -> C1M;
            default -> throw new IllegalArgumentException("scale is 10k, 100k or 1m, not " + name);
        };
    }
}
