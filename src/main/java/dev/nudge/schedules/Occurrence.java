package dev.nudge.schedules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One time a rule comes round: the instant it is due, its local date, and why it is skipped (a weekend, a bank
 * holiday by name, a closure day), if it is.
 */
public record Occurrence(Instant at, LocalDate localDate, Optional<String> skipReason) {
    public boolean skipped() {
        return skipReason.isPresent();
    }
}
