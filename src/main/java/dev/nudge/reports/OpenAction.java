package dev.nudge.reports;

import java.time.Instant;
import java.time.LocalDate;

/** An open action item. {@code principle} and {@code principleTitle} are null when it names no principle. */
public record OpenAction(long id, TeamInfo team, String text, String ownerId, Integer principle,
                         String principleTitle, LocalDate dueOn, Instant createdAt, boolean overdue) {}
