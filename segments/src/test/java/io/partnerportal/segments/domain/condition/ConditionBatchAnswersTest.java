package io.partnerportal.segments.domain.condition;

import io.partnerportal.segments.domain.SegmentLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch remembers each property's answers per value across records and passes: the remembered
 * answers must stay those of each condition alone, when the day moves (relative dates), when a
 * property turns out too varied to remember, and for unset values.
 */
class ConditionBatchAnswersTest {

    private static final Fixtures.Rec PARTNER = Fixtures.Rec.of("p1", "tier", "gold");

    @Test
    void relativeDateAnswersAreRememberedForOneDayOnly() {
        List<CompiledCondition> conditions = List.of(
                Fixtures.compiled("{'property': 'contact.last_login', 'op': 'within_last', 'value': 7, 'unit': 'days'}",
                        SegmentLevel.CONTACT),
                Fixtures.compiled("{'property': 'contact.last_login', 'op': 'more_than_ago', 'value': 7, 'unit': 'days'}",
                        SegmentLevel.CONTACT));
        ConditionBatch batch = ConditionBatch.of(conditions);
        Fixtures.Rec contact = Fixtures.Rec.of("c1", "last_login", Instant.parse("2026-03-28T10:00:00Z"));
        Fixtures.Ctx ctx = new Fixtures.Ctx();

        ConditionBatch.Pass onTheDay = batch.over(PARTNER, contact, ctx);
        assertThat(onTheDay.matches(0)).as("three days after the login").isTrue();
        assertThat(onTheDay.matches(1)).isFalse();

        ctx.today = Fixtures.TODAY.plusDays(30);
        ConditionBatch.Pass aMonthLater = batch.over(PARTNER, contact, ctx);
        assertThat(aMonthLater.matches(0)).as("a month after the login, the same value, a new day").isFalse();
        assertThat(aMonthLater.matches(1)).isTrue();
    }

    @Test
    void aPropertyWithMoreValuesThanRememberedIsStillAnsweredExactly() {
        List<CompiledCondition> conditions = List.of(
                Fixtures.compiled("{'property': 'contact.email', 'op': 'ends_with', 'value': '7@example.com'}",
                        SegmentLevel.CONTACT),
                Fixtures.compiled("{'property': 'contact.email', 'op': 'contains', 'value': '1'}", SegmentLevel.CONTACT),
                Fixtures.compiled("{'property': 'contact.email', 'op': 'is_not_set'}", SegmentLevel.CONTACT),
                Fixtures.compiled("{'property': 'contact.role', 'op': 'in', 'values': ['admin', 'viewer']}",
                        SegmentLevel.CONTACT));
        ConditionBatch batch = ConditionBatch.of(conditions);
        Fixtures.Ctx ctx = new Fixtures.Ctx();
        String[] roles = {"admin", "sales_rep", "viewer", null};
        int checked = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 3 * PropertyAnswers.MAX_VALUES; i++) {
                Fixtures.Rec contact = Fixtures.Rec.of("c" + i, "email", i % 10 == 9 ? null : "user" + i + "@example.com",
                        "role", roles[i % roles.length]);
                ConditionBatch.Pass pass = batch.over(PARTNER, contact, ctx);
                for (int c = 0; c < conditions.size(); c++) {
                    assertThat(pass.matches(c)).as("condition %d for %s", c, contact)
                            .isEqualTo(conditions.get(c).matches(PARTNER, contact, ctx));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(2 * 3 * PropertyAnswers.MAX_VALUES * conditions.size());
    }

    /**
     * Gates read their inputs packed two to an int while every slot is numbered below 32,768; a
     * larger batch (thousands of segments) keeps them one to an int and must decide the same.
     */
    @Test
    void batchesBelowAndBeyondPackedGateInputsDecideAsEachConditionAlone() {
        for (int segments : new int[] {40, 5_000}) {
            List<CompiledCondition> conditions = new ArrayList<>();
            for (int i = 0; i < segments; i++) {
                conditions.add(Fixtures.compiled(("{'any': [{'all': [{'property': 'contact.score', 'op': 'gt', 'value': %d},"
                        + " {'property': 'contact.score', 'op': 'lt', 'value': %d}]},"
                        + " {'not': {'any': [{'property': 'contact.score', 'op': 'lte', 'value': %d},"
                        + " {'property': 'contact.role', 'op': 'in', 'values': ['admin']}]}},"
                        + " {'all': [{'property': 'contact.score', 'op': 'eq', 'value': %d},"
                        + " {'property': 'contact.role', 'op': 'in', 'values': ['viewer']}]}]}")
                        .formatted(i, i + 25, 2 * i + 9, i % 17), SegmentLevel.CONTACT));
            }
            ConditionBatch batch = ConditionBatch.of(conditions);
            assertThat(batch.gatesPacked()).as("%d segments' gates packed", segments).isEqualTo(segments < 1_000);
            Fixtures.Ctx ctx = new Fixtures.Ctx();
            ConditionBatch.Pass pass = batch.newPass();
            boolean[] answers = new boolean[conditions.size()];
            int members = 0;
            int step = (2 * segments + 43) / 60 | 1; // about sixty records over all the boundaries
            int records = 0;
            for (int score = -3; score < 2 * segments + 40; score += step) {
                records++;
                Fixtures.Rec contact = Fixtures.Rec.of("c" + score, "score", score, "role",
                        score % 3 == 0 ? "admin" : "viewer");
                pass.reset(PARTNER, contact, ctx, null).decideAll(answers);
                for (int c = 0; c < conditions.size(); c++) {
                    boolean expected = conditions.get(c).matches(PARTNER, contact, ctx);
                    assertThat(answers[c]).as("%d segments: condition %d for %s", segments, c, contact)
                            .isEqualTo(expected);
                    members += expected ? 1 : 0;
                }
            }
            assertThat(members).as("some conditions match, not all").isPositive()
                    .isLessThan(conditions.size() * records);
        }
    }

    /** One pass reset record after record (what P2 does) forgets what it decided for the last record. */
    @Test
    void aReusedPassAnswersEachRecordAsAFreshOne() {
        List<CompiledCondition> conditions = List.of(
                Fixtures.compiled("{'property': 'contact.email', 'op': 'contains', 'value': '1'}", SegmentLevel.CONTACT),
                Fixtures.compiled("{'not': {'property': 'contact.email', 'op': 'ends_with', 'value': '3@example.com'}}",
                        SegmentLevel.CONTACT),
                Fixtures.compiled("{'property': 'contact.role', 'op': 'in', 'values': ['admin']}", SegmentLevel.CONTACT));
        ConditionBatch batch = ConditionBatch.of(conditions);
        Fixtures.Ctx ctx = new Fixtures.Ctx();
        ConditionBatch.Pass pass = batch.newPass();
        int differing = 0;
        boolean[] last = new boolean[conditions.size()];
        for (int i = 0; i < 3 * PropertyAnswers.MAX_VALUES; i++) { // beyond remembering: email decided per record
            Fixtures.Rec contact = Fixtures.Rec.of("c" + i, "email", i % 7 == 6 ? null : "user" + i + "@example.com",
                    "role", i % 2 == 0 ? "admin" : "viewer");
            pass.reset(PARTNER, contact, ctx, null);
            for (int c = conditions.size() - 1; c >= 0; c--) {
                boolean expected = conditions.get(c).matches(PARTNER, contact, ctx);
                assertThat(pass.matches(c)).as("condition %d for %s", c, contact).isEqualTo(expected);
                differing += expected != last[c] ? 1 : 0;
                last[c] = expected;
            }
        }
        assertThat(differing).as("answers change from one record to the next").isGreaterThan(500);
    }

    @Test
    void orderedPropertiesAreAnsweredPerPlaceAmongTheBoundariesForEveryValue() {
        List<CompiledCondition> conditions = List.of(
                Fixtures.compiled("{'property': 'contact.score', 'op': 'between', 'values': [10, 20]}", SegmentLevel.CONTACT),
                Fixtures.compiled("{'property': 'contact.score', 'op': 'gt', 'value': 15.5}", SegmentLevel.CONTACT),
                Fixtures.compiled("{'property': 'contact.score', 'op': 'in', 'values': [12, 30]}", SegmentLevel.CONTACT),
                Fixtures.compiled("{'property': 'contact.score', 'op': 'not_in', 'values': [20]}", SegmentLevel.CONTACT),
                Fixtures.compiled("{'property': 'contact.score', 'op': 'lte', 'value': 10}", SegmentLevel.CONTACT),
                Fixtures.compiled("{'property': 'contact.score', 'op': 'is_not_set'}", SegmentLevel.CONTACT),
                Fixtures.compiled("{'property': 'contact.last_login', 'op': 'within_last', 'value': 3, 'unit': 'days'}",
                        SegmentLevel.CONTACT),
                Fixtures.compiled("{'property': 'contact.last_login', 'op': 'after', 'value': '2026-03-01'}",
                        SegmentLevel.CONTACT));
        ConditionBatch batch = ConditionBatch.of(conditions);
        Fixtures.Ctx ctx = new Fixtures.Ctx();
        List<Object> scores = new ArrayList<>();
        for (int tenths = 0; tenths <= 350; tenths += 5) { // 0, 0.5, ... 35: on and between every boundary
            scores.add(java.math.BigDecimal.valueOf(tenths, 1));
        }
        scores.addAll(List.of(java.math.BigDecimal.valueOf(12), new java.math.BigDecimal("12.00"), 20, 30L));
        scores.add(null);
        int checked = 0;
        for (int day = 0; day < 3; day++) {
            ctx.today = Fixtures.TODAY.plusDays(day * 20L);
            for (int i = 0; i < scores.size(); i++) {
                Instant login = Instant.parse("2026-02-20T00:00:00Z").plusSeconds(i * 47_000L);
                Fixtures.Rec contact = Fixtures.Rec.of("c" + i, "score", scores.get(i), "last_login", login);
                ConditionBatch.Pass pass = batch.over(PARTNER, contact, ctx);
                for (int c = 0; c < conditions.size(); c++) {
                    assertThat(pass.matches(c)).as("condition %d for %s on %s", c, contact, ctx.today)
                            .isEqualTo(conditions.get(c).matches(PARTNER, contact, ctx));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(3 * scores.size() * conditions.size());
    }

    @Test
    void answersRememberedForOneRecordServeTheNextWithTheSameValue() {
        List<CompiledCondition> conditions = new ArrayList<>();
        for (String tier : List.of("gold", "silver", "platinum")) {
            conditions.add(Fixtures.compiled("{'all': [{'property': 'partner.tier', 'op': 'in', 'values': ['" + tier
                    + "']}, {'property': 'contact.certified', 'op': 'is_true'}]}", SegmentLevel.CONTACT));
            conditions.add(Fixtures.compiled("{'property': 'partner.tier', 'op': 'not_in', 'values': ['" + tier + "']}",
                    SegmentLevel.CONTACT));
        }
        ConditionBatch batch = ConditionBatch.of(conditions);
        Fixtures.Ctx ctx = new Fixtures.Ctx();
        List<Fixtures.Rec> partners = List.of(PARTNER, Fixtures.Rec.of("p2", "tier", "silver"), Fixtures.Rec.of("p3"));
        Boolean[] certified = {true, false, null};
        for (int i = 0; i < 30; i++) {
            Fixtures.Rec partner = partners.get(i % 3);
            Fixtures.Rec contact = Fixtures.Rec.of("c" + i, "certified", certified[(i / 3) % 3]);
            ConditionBatch.Pass pass = batch.over(partner, contact, ctx);
            for (int c = 0; c < conditions.size(); c++) {
                assertThat(pass.matches(c)).as("condition %d for %s of %s", c, contact, partner)
                        .isEqualTo(conditions.get(c).matches(partner, contact, ctx));
            }
        }
    }
}
