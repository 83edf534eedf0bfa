package io.partnerportal.segments.application;

import io.partnerportal.common.PageRequest;
import io.partnerportal.segments.domain.SegmentLevel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * P7: preview of a new dynamic segment (member count, contact count, first page of 50 members, lint
 * warnings), and of an edit of a saved one (plus who would join and leave).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PreviewBenchmark {

    @State(Scope.Benchmark)
    public static class Condition {
        @Param({"contactTierAndRole", "partnerCountryAndSize", "partnerAnyCertifiedContact", "editSavedSegment"})
        public String condition;
        SegmentLevel level;
        Object json;
        String segmentId;

        @Setup(Level.Trial)
        public void setUp(BenchFixture f) {
            switch (condition) {
                case "contactTierAndRole" -> {
                    level = SegmentLevel.CONTACT;
                    json = BenchFixture.condition("{\"all\": [{\"property\": \"partner.tier\", \"op\": \"in\", "
                            + "\"values\": [\"gold\", \"platinum\"]}, {\"property\": \"contact.role\", \"op\": \"in\", "
                            + "\"values\": [\"sales_rep\", \"admin\"]}]}");
                }
                case "partnerCountryAndSize" -> {
                    level = SegmentLevel.PARTNER;
                    json = BenchFixture.condition("{\"all\": [{\"property\": \"partner.country\", \"op\": \"in\", "
                            + "\"values\": [\"us\", \"ca\"]}, {\"property\": \"partner.employee_count\", \"op\": \"gt\", "
                            + "\"value\": 50}]}");
                }
                case "partnerAnyCertifiedContact" -> {
                    level = SegmentLevel.PARTNER;
                    json = BenchFixture.condition("{\"op\": \"any_contact\", \"where\": {\"all\": [{\"property\": "
                            + "\"contact.certified\", \"op\": \"is_true\"}, {\"property\": \"contact.department\", "
                            + "\"op\": \"in\", \"values\": [\"sales\"]}]}}");
                }
                default -> {
                    level = SegmentLevel.CONTACT;
                    segmentId = f.ensureSegment("Bench P7: certified contacts of gold partners", SegmentLevel.CONTACT,
                            BenchFixture.condition("{\"all\": [{\"property\": \"partner.tier\", \"op\": \"in\", "
                                    + "\"values\": [\"gold\"]}, {\"property\": \"contact.certified\", \"op\": "
                                    + "\"is_true\"}]}"));
                    json = BenchFixture.condition("{\"all\": [{\"property\": \"partner.tier\", \"op\": \"in\", "
                            + "\"values\": [\"gold\", \"platinum\"]}, {\"property\": \"contact.certified\", \"op\": "
                            + "\"is_true\"}]}");
                }
            }
        }
    }

    @Benchmark
    public SegmentInsight.Preview p7_preview(BenchFixture f, Condition c) {
        return f.insight.preview(c.level, c.json, c.segmentId, PageRequest.of(0, 50));
    }
}
