package dev.nudge.schedules;

/** How often a schedule fires on its days. */
public enum Frequency {
    /** Every day (weekends only with the weekends flag). */
    DAILY,
    /** Every week on the chosen days. */
    WEEKLY,
    /** Every other week on the chosen days, counting from the week of the anchor date. */
    FORTNIGHTLY
}
