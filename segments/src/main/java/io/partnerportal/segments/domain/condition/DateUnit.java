package io.partnerportal.segments.domain.condition;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** The unit of a relative date ({@code within_last 30 days}). Months are calendar months in UTC. */
public enum DateUnit {
    DAYS, WEEKS, MONTHS;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DateUnit> fromJson(String json) {
        for (DateUnit unit : values()) {
            if (unit.jsonName().equals(json)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    /** {@code date} minus n units; a month back from the 31st lands on the month's last day. */
    public LocalDate minus(LocalDate date, long n) {
        return switch (this) {
            case DAYS -> date.minusDays(n);
            case WEEKS -> date.minusWeeks(n);
            case MONTHS -> date.minusMonths(n);
        };
    }

    public LocalDate plus(LocalDate date, long n) {
        return switch (this) {
            case DAYS -> date.plusDays(n);
            case WEEKS -> date.plusWeeks(n);
            case MONTHS -> date.plusMonths(n);
        };
    }
}
