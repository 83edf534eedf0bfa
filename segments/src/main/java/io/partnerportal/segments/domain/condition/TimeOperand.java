package io.partnerportal.segments.domain.condition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A date or datetime operand: a whole UTC day ({@code 2026-03-01}) or an instant
 * ({@code 2026-03-01T10:00:00Z}, an offset, or no offset meaning UTC). Against a datetime property
 * a day stands for the whole day: {@code eq} = within that day, {@code before} = before it starts,
 * {@code after} = after it ends, so exactly one of before / eq / after holds for any instant.
 */
record TimeOperand(LocalDate day, Instant instant) {

    static Optional<TimeOperand> parse(String text, ValueType type) {
        try {
            return Optional.of(new TimeOperand(LocalDate.parse(text), null));
        } catch (DateTimeParseException notADay) {
            if (type != ValueType.DATETIME) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new TimeOperand(null, OffsetDateTime.parse(text).toInstant()));
        } catch (DateTimeParseException noOffset) {
            try {
                return Optional.of(new TimeOperand(null, LocalDateTime.parse(text).toInstant(ZoneOffset.UTC)));
            } catch (DateTimeParseException notATime) {
                return Optional.empty();
            }
        }
    }

    boolean isDay() {
        return day != null;
    }

    /** The first instant the operand covers. */
    Instant start() {
        return day != null ? startOfDay(day) : instant;
    }

    /** The first instant after the operand (exclusive end); for an instant, the instant itself is the last one. */
    Instant endExclusive() {
        return day != null ? startOfDay(day.plusDays(1)) : null;
    }

    static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
