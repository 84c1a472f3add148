package dev.nudge.web.admin;

import java.util.List;

/** The schedules page: one row per schedule, the session's CSRF token for its forms, and a notice (or null). */
public record SchedulesView(List<Row> rows, String csrf, String notice) {
    public SchedulesView {
        rows = List.copyOf(rows);
    }

    /** One schedule, already in words. */
    public record Row(long id, String channel, String when, String nextRun, String sends, String state,
                      boolean active, String lastResult) {}
}
