package dev.nudge.reports;

import java.time.Instant;

/**
 * A note left on a prompt (the answer to "what did you measure?" and the like). Reports show the text and principle
 * only, not who wrote it. {@code answer} is yes, partly, not_yet or null.
 */
public record EvidenceNote(int principle, String answer, String text, Instant at) {}
